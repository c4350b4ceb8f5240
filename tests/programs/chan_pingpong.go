package main

import "fmt"

// Unbuffered ping-pong between main and a goroutine, then workers whose
// results are collected in order through one channel per worker.

func ponger(ping <-chan int, pong chan<- int) {
	for v := range ping {
		pong <- v * 2
	}
	close(pong)
}

type result struct {
	id    int
	value int
	steps int
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(id int, start int, out chan<- result) {
	best, bestSteps := 0, -1
	for n := start; n < start+1000; n++ {
		s := collatz(n)
		if s > bestSteps {
			best, bestSteps = n, s
		}
	}
	out <- result{id: id, value: best, steps: bestSteps}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go ponger(ping, pong)
	x := 1
	for i := 0; i < 10; i++ {
		ping <- x
		x = <-pong
		fmt.Println("round", i, "got", x)
	}
	close(ping)
	v, ok := <-pong
	fmt.Println("after close:", v, ok)

	// A token passed back and forth; each side appends its mark.
	tok := make(chan string)
	done := make(chan bool)
	go func() {
		for i := 0; i < 5; i++ {
			s := <-tok
			tok <- s + "B"
		}
		done <- true
	}()
	s := ""
	for i := 0; i < 5; i++ {
		tok <- s + "A"
		s = <-tok
		fmt.Println("token:", s)
	}
	fmt.Println("done:", <-done)

	// Per-worker result channels, read in worker order.
	const nw = 8
	chans := make([]chan result, nw)
	for i := 0; i < nw; i++ {
		chans[i] = make(chan result)
		go worker(i, 1+i*1000, chans[i])
	}
	total := 0
	for i, c := range chans {
		r := <-c
		fmt.Printf("worker %d: id=%d best=%d steps=%d\n", i, r.id, r.value, r.steps)
		total += r.steps
	}
	fmt.Println("total steps:", total)
	fmt.Printf("%v %+v\n", result{1, 2, 3}, result{4, 5, 6})
}
