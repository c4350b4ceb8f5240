package main

import "fmt"

// select in a loop: the Go tour's fibonacci with a quit channel, a
// server loop with request/stop channels, and a timeout-free ticker made
// of a counting goroutine.

func fibonacci(c, quit chan int) {
	x, y := 0, 1
	for {
		select {
		case c <- x:
			x, y = y, x+y
		case <-quit:
			fmt.Println("quit")
			return
		}
	}
}

type request struct {
	op    string
	a, b  int
	reply chan int
}

func server(reqs <-chan request, stop <-chan struct{}, done chan<- int) {
	handled := 0
	for {
		select {
		case r := <-reqs:
			handled++
			switch r.op {
			case "add":
				r.reply <- r.a + r.b
			case "mul":
				r.reply <- r.a * r.b
			default:
				r.reply <- -1
			}
		case <-stop:
			done <- handled
			return
		}
	}
}

func main() {
	c := make(chan int)
	quit := make(chan int)
	go func() {
		for i := 0; i < 15; i++ {
			fmt.Println(<-c)
		}
		quit <- 0
	}()
	fibonacci(c, quit)

	reqs := make(chan request)
	stop := make(chan struct{})
	done := make(chan int)
	go server(reqs, stop, done)
	reply := make(chan int)
	ops := []string{"add", "mul", "sub", "add", "mul"}
	for i, op := range ops {
		reqs <- request{op, i + 2, i + 3, reply}
		fmt.Printf("%s(%d, %d) = %d\n", op, i+2, i+3, <-reply)
	}
	close(stop)
	fmt.Println("handled:", <-done)

	// Producer sends values, then closes; consumer loops over select with
	// receive + closed detection, counting iterations.
	data := make(chan int)
	go func() {
		for i := 1; i <= 6; i++ {
			data <- i * i
		}
		close(data)
	}()
	sum, iters := 0, 0
	for {
		iters++
		var v int
		var ok bool
		select {
		case v, ok = <-data:
		}
		if !ok {
			break
		}
		sum += v
	}
	fmt.Println("sum", sum, "iters", iters)

	// Alternating between two goroutines with a token: at any time only
	// one of the two channels can be ready.
	ping := make(chan int)
	pong := make(chan int)
	fin := make(chan bool)
	go func() {
		for {
			v := <-ping
			fmt.Println("ping handler got", v)
			if v >= 10 {
				fin <- true
				return
			}
			pong <- v + 1
		}
	}()
	v := 0
	ping <- v
	for {
		var stopped bool
		select {
		case v = <-pong:
			ping <- v + 1
		case <-fin:
			stopped = true
		}
		if stopped {
			break
		}
	}
	fmt.Println("final v", v)

	// select-based non-blocking poll loop over a buffered work queue.
	work := make(chan string, 8)
	for _, w := range []string{"alpha", "beta", "gamma", "delta"} {
		work <- w
	}
	polls := 0
	var out []string
	for {
		polls++
		select {
		case w := <-work:
			out = append(out, w)
			if w == "beta" {
				work <- "epsilon"
			}
			continue
		default:
		}
		break
	}
	fmt.Println(out, polls)
}
