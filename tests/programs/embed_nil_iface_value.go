package main

import "fmt"

type Logger interface{ Log(string) string }

type Svc struct {
	Logger
	n int
}

type T struct{ v int }

func (t T) String() string { return fmt.Sprint("T", t.v) }

type W struct {
	T
	m map[string]T
}

func main() {
	w := W{T{1}, map[string]T{"a": {2}}}
	fmt.Println(w, w.m)
	fmt.Printf("%+v %v\n", w.m, w.m["a"])
	s := Svc{n: 1}
	f := s.Log
	fmt.Println(s.n, f != nil)
	fmt.Println(f("x"))
}
