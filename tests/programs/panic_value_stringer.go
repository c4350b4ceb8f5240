package main

import "fmt"

type State struct {
	Name string
	Step int
}

func (s State) String() string { return fmt.Sprintf("state<%s/%d>", s.Name, s.Step) }

func main() {
	s := State{"init", 0}
	for s.Step < 3 {
		s.Step++
		fmt.Println(s)
	}
	panic(s)
}
