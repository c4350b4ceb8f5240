package main

import "fmt"

// A slice kept in a struct field and updated where it lives
// (`st.items = append(st.items, v)`, `st.items = st.items[:n]`): the
// optimizing tier writes only the length on the fast path, as Go's
// compiler does, and all three words when the array grows. Stacks that
// grow from empty, shrink and grow again, elements of several words,
// several elements at once, an append whose value is read from the
// same slice, a field reached through a pointer chain, two stacks
// sharing an array, and a reslice past the capacity, which panics.
// Hot loops, so that the functions are compiled. (No capacities are
// printed after growth: pgojit does not yet round them up to Go's
// size classes.)

type Stack struct {
	items []int
	depth int
}

func (s *Stack) push(v int) { s.items = append(s.items, v) }

func (s *Stack) pop() int {
	n := len(s.items) - 1
	v := s.items[n]
	s.items = s.items[:n]
	return v
}

func (s *Stack) dup() { s.items = append(s.items, s.items[len(s.items)-1]) }

type Pair struct {
	a, b int
	name string
}

type Log struct {
	pairs []Pair
	marks []int
}

type Holder struct {
	log *Log
}

func (l *Log) add(i int) {
	l.pairs = append(l.pairs, Pair{i, i * i, "p"})
	l.marks = append(l.marks, i, -i, i*3)
}

func (l *Log) trim(n int) {
	if len(l.marks) > n {
		l.marks = l.marks[:n]
	}
}

func run(h *Holder, rounds int) int {
	sum := 0
	for r := 0; r < rounds; r++ {
		h.log.add(r)
		h.log.trim(2 * r)
		if r%7 == 0 {
			h.log.pairs = h.log.pairs[:len(h.log.pairs)/2]
		}
	}
	for _, p := range h.log.pairs {
		sum += p.a + p.b + len(p.name)
	}
	for _, m := range h.log.marks {
		sum = sum*3 + m
	}
	return sum + len(h.log.pairs)*1000 + len(h.log.marks)
}

func churn(s *Stack, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		s.push(i)
		if i%3 == 0 {
			s.dup()
		}
		if i%5 == 4 {
			total += s.pop() + s.pop()
		}
		if len(s.items) > 50 {
			// Shrink to a few: later pushes reuse the array.
			for len(s.items) > 3 {
				total ^= s.pop()
			}
		}
	}
	return total + len(s.items)
}

func shrinkTo(s *Stack, n int) int {
	s.items = s.items[:n]
	return len(s.items)
}

func main() {
	s := &Stack{}
	for round := 0; round < 40; round++ {
		fmt.Println("churn", round, churn(s, 2000+round), len(s.items), cap(s.items) >= len(s.items))
		s.items = nil
	}
	h := &Holder{&Log{}}
	for round := 0; round < 20; round++ {
		fmt.Println("log", round, run(h, 300))
		h.log.pairs, h.log.marks = nil, make([]int, 0, round)
	}
	// Stacks that share an array: one's appends land in the other's view.
	base := make([]int, 2, 8)
	a, b := &Stack{items: base}, &Stack{items: base[:1]}
	for i := 0; i < 3; i++ {
		a.push(10 + i)
		b.push(20 + i)
	}
	fmt.Println(a.items, b.items, base[:cap(base)])
	t := &Stack{items: make([]int, 2, 4)}
	for i := 0; i < 3000; i++ {
		t.items = t.items[:2]
		fmt.Print(shrinkTo(t, 2+i%3))
	}
	fmt.Println()
	// Past the capacity: Go's panic, from compiled code.
	fmt.Println(shrinkTo(t, 5))
}
