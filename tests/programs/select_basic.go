package main

import "fmt"

// select where the outcome is forced: exactly one case ready, or none
// (default), nil channels that are never ready, send cases.

func trySend(c chan int, v int) bool {
	select {
	case c <- v:
		return true
	default:
		return false
	}
}

func tryRecv(c chan int) (int, bool) {
	select {
	case v := <-c:
		return v, true
	default:
		return -1, false
	}
}

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)

	// None ready -> default.
	select {
	case v := <-a:
		fmt.Println("unexpected a", v)
	case s := <-b:
		fmt.Println("unexpected b", s)
	default:
		fmt.Println("default: nothing ready")
	}

	// Exactly one ready.
	b <- "hello"
	select {
	case v := <-a:
		fmt.Println("unexpected a", v)
	case s := <-b:
		fmt.Println("got from b:", s)
	default:
		fmt.Println("unexpected default")
	}
	a <- 5
	select {
	case v := <-a:
		fmt.Println("got from a:", v)
	case s := <-b:
		fmt.Println("unexpected b", s)
	}

	// Non-blocking send/receive helpers on a buffered channel of cap 3.
	c := make(chan int, 3)
	for i := 0; i < 5; i++ {
		sent := trySend(c, i)
		fmt.Println("trySend", i, sent, "len", len(c))
	}
	for i := 0; i < 5; i++ {
		v, ok := tryRecv(c)
		fmt.Println("tryRecv", v, ok)
	}
	u := make(chan int)
	fmt.Println("unbuffered trySend:", trySend(u, 1))
	uv, uok := tryRecv(u)
	fmt.Println("unbuffered tryRecv:", uv, uok)

	// nil channels are never ready; a nil-channel select with default.
	var nilc chan int
	var nils chan string
	fmt.Println("nil trySend:", trySend(nilc, 1))
	select {
	case nilc <- 1:
		fmt.Println("unexpected")
	case s := <-nils:
		fmt.Println("unexpected", s)
	default:
		fmt.Println("nil channels: default")
	}
	// A nil channel next to a ready one: the ready one always wins.
	d := make(chan int, 10)
	for i := 0; i < 10; i++ {
		d <- i * 3
	}
	for i := 0; i < 10; i++ {
		select {
		case v := <-nilc:
			fmt.Println("unexpected nil recv", v)
		case nilc <- 99:
			fmt.Println("unexpected nil send")
		case v := <-d:
			fmt.Print(v, " ")
		}
	}
	fmt.Println()

	// Disabling cases by setting channels to nil: drain two sources.
	x := make(chan int, 3)
	y := make(chan int, 2)
	x <- 1
	x <- 2
	x <- 3
	close(x)
	y <- 10
	y <- 20
	close(y)
	// Only x is enabled first (y starts nil), then only y.
	xs, ys := x, chan int(nil)
	total := 0
	for xs != nil || ys != nil {
		select {
		case v, ok := <-xs:
			if !ok {
				fmt.Println("x closed")
				xs = nil
				ys = y
				continue
			}
			fmt.Println("from x", v)
			total += v
		case v, ok := <-ys:
			if !ok {
				fmt.Println("y closed")
				ys = nil
				continue
			}
			fmt.Println("from y", v)
			total += v
		}
	}
	fmt.Println("total", total)

	// Closed channel is always ready in select; ok reports false.
	cl := make(chan bool)
	close(cl)
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-cl:
			fmt.Println("closed recv", v, ok)
		default:
			fmt.Println("unexpected default")
		}
	}

	// select with only a send case to a full channel vs a receive from a
	// channel a goroutine will fill.
	full := make(chan int, 1)
	full <- 1
	ready := make(chan int)
	go func() { ready <- 123 }()
	select {
	case full <- 2:
		fmt.Println("unexpected send to full")
	case v := <-ready:
		fmt.Println("from goroutine:", v)
	}

	// Empty-bodied cases, break inside select, labeled break out of loop.
	e := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		e <- i
	}
	n := 0
loop:
	for {
		select {
		case v := <-e:
			if v == 4 {
				break loop
			}
			if v == 2 {
				break // leaves the select only
			}
			n += v
		default:
			break loop
		}
	}
	fmt.Println("n", n, "left", len(e))

	// select with a single case and no default blocks until ready.
	one := make(chan string)
	go func() { one <- "single" }()
	select {
	case s := <-one:
		fmt.Println(s)
	}

	// Send case whose value expression is evaluated even if not chosen.
	calls := 0
	val := func() int { calls++; return calls * 10 }
	var never chan int
	got := make(chan int, 1)
	select {
	case never <- val():
		fmt.Println("unexpected")
	case got <- val():
		fmt.Println("sent", <-got)
	}
	fmt.Println("val called", calls, "times")

	// default only.
	select {
	default:
		fmt.Println("default only")
	}
}
