package inner

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

// Pop panics on an empty stack with an index error.
func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Drain(s *Stack, n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += s.Pop()
	}
	return t
}
