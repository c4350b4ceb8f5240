package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// iter.Pull and iter.Pull2: values one at a time, the end, stop early
// (the sequence's yield returns false and its deferred calls run), next
// after stop, several pulled iterators side by side, and pulling from
// goroutines.

func count(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println(name, "deferred")
		for i := 0; i < n; i++ {
			fmt.Println(name, "yields", i)
			if !yield(i) {
				fmt.Println(name, "stopped at", i)
				return
			}
		}
		fmt.Println(name, "done")
	}
}

func pairs(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		defer fmt.Println("pairs deferred")
		for i, f := range strings.Fields(s) {
			if !yield(i, f) {
				return
			}
		}
	}
}

// zip pulls from two sequences in step, until either ends.
func zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

// fib is an infinite sequence.
func fib(yield func(int) bool) {
	a, b := 0, 1
	for yield(a) {
		a, b = b, a+b
	}
}

func main() {
	fmt.Println("goroutines", runtime.NumGoroutine())
	next, stop := iter.Pull(count("a", 3))
	fmt.Println("pulled; goroutines", runtime.NumGoroutine())
	for {
		v, ok := next()
		fmt.Println("next:", v, ok)
		if !ok {
			break
		}
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
	fmt.Println(next())
	stop()
	stop()
	fmt.Println(next())

	// Stop early: the sequence sees yield return false, its defer runs.
	next, stop = iter.Pull(count("b", 100))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println("after stop:")
	fmt.Println(next())
	stop()
	fmt.Println("goroutines", runtime.NumGoroutine())

	// Stop before the first next: the sequence never runs.
	_, stop = iter.Pull(count("c", 2))
	stop()
	fmt.Println("stopped unstarted; goroutines", runtime.NumGoroutine())

	// Pull2.
	n2, s2 := iter.Pull2(pairs("x y z"))
	for i := 0; i < 2; i++ {
		k, v, ok := n2()
		fmt.Println("pair", k, v, ok)
	}
	s2()
	k, v, ok := n2()
	fmt.Printf("after stop: %d %q %v\n", k, v, ok)
	nm, sm := iter.Pull2(maps.All(map[string]int{"one": 1}))
	fmt.Println(nm())
	fmt.Println(nm())
	fmt.Println(nm())
	sm()
	n3, s3 := iter.Pull2(slices.Backward([]string{"p", "q", "r"}))
	for {
		i, s, ok := n3()
		if !ok {
			break
		}
		fmt.Println("backward", i, s)
	}
	s3()

	// Two at once, and an infinite sequence.
	for x, y := range zip(slices.Values([]string{"a", "b", "c", "d"}), fib) {
		fmt.Println("zip", x, y)
	}
	for x, y := range zip(fib, slices.Values([]int{7, 8})) {
		fmt.Println("zip", x, y)
	}
	for x, y := range zip(count("d", 5), count("e", 2)) {
		fmt.Println("zip", x, y)
	}

	// A sequence that ranges over another pulled one.
	nf, sf := iter.Pull(fib)
	evens := func(yield func(int) bool) {
		for {
			v, _ := nf()
			if v%2 == 0 && !yield(v) {
				return
			}
		}
	}
	ne, se := iter.Pull(iter.Seq[int](evens))
	for i := 0; i < 5; i++ {
		v, _ := ne()
		fmt.Print(v, " ")
	}
	fmt.Println()
	se()
	sf()

	// Pulling from goroutines, one after another.
	ng, sg := iter.Pull(count("g", 4))
	var wg sync.WaitGroup
	res := make(chan int)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := ng()
			res <- v
		}()
		fmt.Println("from goroutine", <-res)
	}
	wg.Wait()
	sg()

	// A pulled iterator never stopped does not keep the program from
	// working with goroutines, nor from ending.
	nl, _ := iter.Pull(count("left", 10))
	fmt.Println(nl())
	ch := make(chan int)
	for i := 1; i <= 3; i++ {
		go func() { ch <- i * i }()
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-ch
	}
	fmt.Println("sum", sum)
	var mu sync.Mutex
	mu.Lock()
	go mu.Unlock()
	mu.Lock()
	fmt.Println("end")
}
