package main

import (
	"errors"
	"fmt"
	"iter"
)

// A panic in a pulled sequence: its deferred calls run, then next (or
// stop) panics with the same value; misuse panics as Go's.

func boom(at int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("boom: deferred")
		for i := 0; ; i++ {
			if i == at {
				panic(fmt.Sprintf("boom at %d", i))
			}
			if !yield(i) {
				return
			}
		}
	}
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: recovered %v (%T)\n", name, r, r)
	}()
	f()
}

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("my error ", e.code) }

func main() {
	next, stop := iter.Pull(boom(2))
	try("next", func() {
		for {
			v, ok := next()
			fmt.Println("got", v, ok)
		}
	})
	fmt.Println(next())
	stop()

	// A panic while stopping: the sequence panics in its deferred call.
	nextS, stopS := iter.Pull(func(yield func(string) bool) {
		defer func() { panic(errors.New("cleanup failed")) }()
		yield("a")
		yield("b")
	})
	fmt.Println(nextS())
	try("stop", stopS)
	fmt.Println(nextS())
	try("stop again", stopS)

	// The value keeps its dynamic type.
	n1, _ := iter.Pull(func(yield func(int) bool) {
		panic(&myErr{42})
	})
	try("typed", func() { n1() })
	try("after typed", func() { fmt.Println(n1()) })

	// A runtime error in the sequence.
	n2, s2 := iter.Pull2(func(yield func(int, string) bool) {
		xs := []string{"p", "q"}
		for i := 0; i < 3; i++ {
			if !yield(i, xs[i]) {
				return
			}
		}
	})
	try("runtime", func() {
		for {
			fmt.Println(n2())
		}
	})
	s2()

	// next called from inside the sequence.
	var inner func() (int, bool)
	inner, istop := iter.Pull(func(yield func(int) bool) {
		defer fmt.Println("inner: deferred")
		yield(1)
		inner()
	})
	try("reentrant", func() {
		fmt.Println(inner())
		fmt.Println(inner())
	})
	istop()
	var inner2 func() (int, int, bool)
	inner2, _ = iter.Pull2(func(yield func(int, int) bool) {
		inner2()
	})
	try("reentrant2", func() { inner2() })

	// A sequence that recovers its own panic goes on.
	n4, s4 := iter.Pull(func(yield func(int) bool) {
		for i := 0; i < 3; i++ {
			func() {
				defer func() { recover() }()
				if i == 1 {
					panic("inside")
				}
			}()
			if !yield(i) {
				return
			}
		}
	})
	for {
		v, ok := n4()
		if !ok {
			break
		}
		fmt.Println("n4", v)
	}
	s4()

	// An unrecovered panic in the sequence ends the program from next.
	n3, _ := iter.Pull(boom(1))
	fmt.Println(n3())
	fmt.Println(n3())
}
