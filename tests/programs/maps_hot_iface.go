package main

import "fmt"

// A map of interface values in a hot loop: lookups and updates through the
// map helpers, with the interface call behind a guard in compiled code.

type Shape interface{ Area() int }

type Square struct{ s int }
type Circle struct{ r int }

func (q *Square) Area() int { return q.s * q.s }
func (c *Circle) Area() int { return 3 * c.r * c.r }

type node struct {
	id   int
	next *node
}

func total(shapes map[string]Shape, names []string, rounds int) int {
	sum := 0
	for i := 0; i < rounds; i++ {
		for _, n := range names {
			if s, ok := shapes[n]; ok {
				sum += s.Area()
			}
		}
	}
	return sum
}

func churn(n int) (int, int) {
	m := map[int]*node{}
	for i := 0; i < n; i++ {
		m[i%5000] = &node{i, m[(i+1)%5000]}
		if i%7 == 0 {
			delete(m, (i*31)%5000)
		}
	}
	depth := 0
	for _, v := range m {
		for p := v; p != nil && depth < 1000000; p = p.next {
			depth++
		}
	}
	return len(m), depth
}

func words(n int) map[string]int {
	m := map[string]int{}
	for i := 0; i < n; i++ {
		k := fmt.Sprint("w", i%1000)
		m[k] += i
	}
	return m
}

func main() {
	shapes := map[string]Shape{}
	names := []string{}
	for i := 0; i < 50; i++ {
		n := fmt.Sprint("s", i)
		names = append(names, n, "missing"+n)
		if i%10 == 0 {
			shapes[n] = &Circle{i}
		} else {
			shapes[n] = &Square{i}
		}
	}
	fmt.Println(total(shapes, names, 2000))
	shapes["s1"] = &Circle{1}
	fmt.Println(total(shapes, names, 10))
	fmt.Println(churn(200000))
	w := words(100000)
	fmt.Println(len(w), w["w0"], w["w999"])
}
