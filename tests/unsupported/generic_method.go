package main

import "fmt"

type S struct{ n int }

func (s S) Conv[T any](x T) string { return fmt.Sprint(s.n, x) }

func main() {
	s := S{3}
	fmt.Println(s.Conv(1.5), s.Conv[string]("a"))
}
