package main

import "fmt"

// Runaway recursion that alternates an interface method call and a
// closure call, after the same path ran bounded (and hot) many times.

type Stepper interface{ Step(n int) int }

type S struct{ next func(int) int }

func (s *S) Step(n int) int {
	if n == 0 {
		return 0
	}
	return s.next(n-1) + 1
}

func main() {
	var st Stepper
	s := &S{}
	st = s
	s.next = func(n int) int { return st.Step(n) }
	t := 0
	for i := 0; i < 300; i++ {
		t += st.Step(i)
	}
	fmt.Println("bounded", t)
	fmt.Println(st.Step(-1))
}
