package main

import "fmt"

// Closures launched as goroutines capturing loop variables (Go 1.22
// per-iteration semantics); results are ordered by index.

type res struct {
	idx int
	val string
}

func main() {
	// Three-clause for loop: each iteration has its own i.
	c := make(chan res, 10)
	for i := 0; i < 10; i++ {
		go func() {
			c <- res{i, fmt.Sprint("item-", i*i)}
		}()
	}
	out := make([]string, 10)
	for k := 0; k < 10; k++ {
		r := <-c
		out[r.idx] = r.val
	}
	for i, s := range out {
		fmt.Println(i, s)
	}

	// Range loop: index and value both per-iteration.
	words := []string{"go", "rust", "zig", "c", "ocaml"}
	type wl struct {
		i int
		w string
		n int
	}
	wc := make(chan wl)
	for i, w := range words {
		go func() { wc <- wl{i, w, len(w)} }()
	}
	got := make([]wl, len(words))
	for range words {
		x := <-wc
		got[x.i] = x
	}
	fmt.Println(got)

	// Range over int.
	sq := make([]chan int, 6)
	for i := range 6 {
		sq[i] = make(chan int, 1)
		go func() { sq[i] <- i * i * i }()
	}
	for i := range 6 {
		fmt.Print(<-sq[i], " ")
	}
	fmt.Println()

	// Closures that capture and modify a shared variable, serialized by
	// handing a token through a channel in a fixed order.
	total := 0
	steps := make([]chan bool, 5)
	for i := range steps {
		steps[i] = make(chan bool)
	}
	fin := make(chan bool)
	for i := range 5 {
		go func() {
			<-steps[i]
			total = total*10 + i + 1
			fmt.Println("step", i, "total", total)
			if i+1 < len(steps) {
				steps[i+1] <- true
			} else {
				fin <- true
			}
		}()
	}
	steps[0] <- true
	<-fin
	fmt.Println("total:", total)

	// The loop variable modified inside the body (before the go statement)
	// is what that iteration's goroutine sees; later iterations get a copy.
	mc := make(chan int, 20)
	for i := 0; i < 10; i++ {
		i++
		go func() { mc <- i }()
	}
	vals := make([]bool, 12)
	for k := 0; k < 5; k++ {
		vals[<-mc] = true
	}
	fmt.Println(vals)

	// Closures with their own state, returned and run as goroutines.
	makeCounter := func(start int) func(n int, out chan<- int) {
		x := start
		return func(n int, out chan<- int) {
			for j := 0; j < n; j++ {
				x += j
			}
			out <- x
		}
	}
	o1, o2 := make(chan int), make(chan int)
	f1, f2 := makeCounter(0), makeCounter(1000)
	go f1(100, o1)
	go f2(10, o2)
	fmt.Println("counters:", <-o1, <-o2)
	go f1(100, o1)
	fmt.Println("f1 again:", <-o1)

	// Nested goroutines: each outer spawns inner ones; ordered collection.
	outer := make([]chan []int, 3)
	for i := range outer {
		outer[i] = make(chan []int)
		go func() {
			inner := make([]chan int, i+2)
			for j := range inner {
				inner[j] = make(chan int)
				go func() { inner[j] <- i*100 + j }()
			}
			var acc []int
			for _, ch := range inner {
				acc = append(acc, <-ch)
			}
			outer[i] <- acc
		}()
	}
	for i, ch := range outer {
		fmt.Println("outer", i, <-ch)
	}
}
