package main

import "fmt"

// A deferred method call that panics after its function returned
// normally: the frame below it is the function, at its return statement.

type Lock struct{ held, limit int }

func (l *Lock) Unlock() {
	l.held--
	if l.held < -l.limit {
		panic(fmt.Sprintf("unlock of unlocked lock (%d)", l.held))
	}
}

func get(l *Lock, xs []int, i int) int {
	defer l.Unlock()
	if i < 0 {
		return -1
	}
	return xs[i%len(xs)]
}

func main() {
	l := &Lock{limit: 2000}
	xs := []int{4, 5, 6}
	s := 0
	for i := 0; i < 5000; i++ {
		s += get(l, xs, i-1)
	}
	fmt.Println(s)
}
