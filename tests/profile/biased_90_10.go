package main

import "fmt"

type Shape interface{ Area() int }
type A struct{ n int }
type B struct{ n int }

func (a A) Area() int  { return a.n }
func (b *B) Area() int { return b.n * 2 }

func sum(ss []Shape, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += ss[i%10].Area()
	}
	return t
}

func main() {
	var ss []Shape
	for i := 0; i < 9; i++ {
		ss = append(ss, A{i})
	}
	ss = append(ss, &B{5})
	fmt.Println(sum(ss, 1000000))
}
