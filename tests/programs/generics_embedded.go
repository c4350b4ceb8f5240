package main

import "fmt"

type List[T any] struct{ items []T }

func (l *List[T]) Push(x T)   { l.items = append(l.items, x) }
func (l List[T]) Len() int     { return len(l.items) }
func (l *List[T]) At(i int) T { return l.items[i] }

type Named struct{ name string }

func (n Named) Name() string { return n.name }

// A generic type embedding an instance of another, and a plain struct
// embedding instances by value and by pointer.
type Stack[T any] struct {
	List[T]
	Named
}

func (s *Stack[T]) Pop() T {
	x := s.At(s.Len() - 1)
	s.items = s.items[:s.Len()-1]
	return x
}

type Registry struct {
	*List[string]
	counts List[int]
}

type Lener interface{ Len() int }

func main() {
	s := &Stack[int]{Named: Named{"ints"}}
	for i := 0; i < 5; i++ {
		s.Push(i * i)
	}
	fmt.Println(s.Name(), s.Len(), s.Pop(), s.Pop(), s.Len())
	r := Registry{List: &List[string]{}}
	r.Push("a")
	r.Push("b")
	r.counts.Push(3)
	var l Lener = r
	fmt.Println(l.Len(), r.At(1), r.counts.Len())
	fmt.Printf("%v %+v\n", *s, r.counts)
	var ls []Lener
	for i := 0; i < 3; i++ {
		ls = append(ls, s, r, &List[float64]{})
	}
	total := 0
	for _, x := range ls {
		total += x.Len()
	}
	fmt.Println(total)
}
