package main

import "fmt"

// A pointer parameter that arrives in a register and is live across an
// allocation: the optimizing tier must keep it where the collector
// looks (regression: with --gc-stress its string was freed and printed
// with a garbage length).
func f(v any) string { return fmt.Sprint(v) }

type pair struct{ a, b string }

func g(p *pair, k int) string {
	s := make([]int, k)
	for i := range s {
		s[i] = i
	}
	return p.a + fmt.Sprint(len(s)) + p.b
}

func main() {
	f(1)
	fmt.Println(f("x"))
	total := 0
	for i := 0; i < 2000; i++ {
		total += len(f(fmt.Sprint("v", i)))
		total += len(g(&pair{"<", ">"}, i%7))
	}
	fmt.Println(total)
}
