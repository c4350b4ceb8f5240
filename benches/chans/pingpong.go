package main

import "fmt"

// Channel-heavy code for timing goroutine switches and channel operations
// against Go (helpers in compiled code; pgojit's scheduler is cooperative
// on one thread, Go's runs with GOMAXPROCS): 1M round trips over two
// unbuffered channels, then 10M values through a buffered channel of 128
// drained by `range`, then a 4-stage pipeline of 1M values.
// Run: go build (and GOMAXPROCS=1), and `pgojit run benches/chans/pingpong.go`.

func stage(in <-chan int, out chan<- int, k int) {
	for v := range in {
		out <- v*k + 1
	}
	close(out)
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	s := 0
	for i := 0; i < 1000000; i++ {
		ping <- i
		s += <-pong
	}
	close(ping)
	fmt.Println("ping-pong", s)

	buf := make(chan int, 128)
	go func() {
		for i := 0; i < 10000000; i++ {
			buf <- i
		}
		close(buf)
	}()
	t := 0
	for v := range buf {
		t += v
	}
	fmt.Println("buffered", t)

	src := make(chan int, 16)
	c := src
	for k := 2; k <= 5; k++ {
		next := make(chan int, 16)
		go stage(c, next, k)
		c = next
	}
	go func() {
		for i := 0; i < 1000000; i++ {
			src <- i
		}
		close(src)
	}()
	u := 0
	for v := range c {
		u ^= v
	}
	fmt.Println("pipeline", u)
}
