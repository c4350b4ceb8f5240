// calls: 50000000
package main

import "fmt"

// Megamorphic: eight types round-robin at one call site.

type Shape interface {
	Area() int
}

type T0 struct{ v int }
type T1 struct{ v int }
type T2 struct{ v int }
type T3 struct{ v int }
type T4 struct{ v int }
type T5 struct{ v int }
type T6 struct{ v int }
type T7 struct{ v int }

func (t *T0) Area() int { return t.v }
func (t *T1) Area() int { return t.v }
func (t *T2) Area() int { return t.v }
func (t *T3) Area() int { return t.v }
func (t *T4) Area() int { return t.v }
func (t *T5) Area() int { return t.v }
func (t *T6) Area() int { return t.v }
func (t *T7) Area() int { return t.v }

//go:noinline
func run(table []Shape, n int) int {
	sum := 0
	j := 0
	for i := 0; i < n; i++ {
		sum += table[j].Area()
		j++
		if j == len(table) {
			j = 0
		}
	}
	return sum
}

func main() {
	table := []Shape{&T0{0}, &T1{1}, &T2{2}, &T3{3}, &T4{4}, &T5{5}, &T6{6}, &T7{7}}
	fmt.Println(run(table, 50000000))
}
