package main

import "fmt"

// A panic under 300 frames of recursion through a method: Go prints the
// innermost and outermost 50 frames and elides the rest.

type Walker struct{ seen []int }

func (w *Walker) visit(depth int) int {
	if depth == 0 {
		return w.seen[len(w.seen)]
	}
	w.seen = append(w.seen, depth)
	return w.visit(depth-1) + 1
}

func main() {
	w := &Walker{}
	fmt.Println(w.visit(20) > 0 || true)
	w.seen = w.seen[:0]
	fmt.Println(w.visit(300))
}
