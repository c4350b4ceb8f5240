package main

import (
	"errors"
	"fmt"
)

// A deferred call that recovers and panics again while the first panic
// runs it: Go's traceback shows the deferred frame, the runtime's panic
// frame, then the frames the first panic left, down to main.

type Store struct{ data map[string]int }

func (s *Store) put(k string, v int) {
	s.data[k] = v
}

func load(s *Store, keys []string) (n int) {
	defer func() {
		if r := recover(); r != nil {
			panic(errors.New(fmt.Sprint("load failed after ", n, ": ", r)))
		}
	}()
	for i, k := range keys {
		if i == 3 {
			s = &Store{}
		}
		s.put(k, i)
		n++
	}
	return n
}

func main() {
	s := &Store{data: map[string]int{}}
	for i := 0; i < 500; i++ {
		load(s, []string{"a", "b", "c"})
	}
	fmt.Println(len(s.data))
	load(s, []string{"a", "b", "c", "d", "e"})
}
