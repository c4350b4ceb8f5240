package main

import "fmt"

type point struct{ x, y int }

func gen(n int) <-chan int {
	c := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			c <- i * i
		}
		close(c)
	}()
	return c
}

func main() {
	for v := range gen(6) {
		fmt.Println("range got", v)
	}

	// Receive from closed channel: zero value and ok=false, repeatedly.
	c := make(chan int, 2)
	c <- 7
	close(c)
	v, ok := <-c
	fmt.Println("first:", v, ok)
	v, ok = <-c
	fmt.Println("second:", v, ok)
	v, ok = <-c
	fmt.Println("third:", v, ok)
	fmt.Println("plain receive:", <-c)

	s := make(chan string)
	close(s)
	sv, sok := <-s
	fmt.Printf("string: %q %v\n", sv, sok)
	p := make(chan point, 1)
	p <- point{3, 4}
	close(p)
	pv, pok := <-p
	fmt.Println("point:", pv, pok)
	pv, pok = <-p
	fmt.Println("point after:", pv, pok)
	pp := make(chan *point)
	close(pp)
	ppv, ppok := <-pp
	fmt.Println("pointer:", ppv, ppok, ppv == nil)
	e := make(chan error)
	close(e)
	ev, eok := <-e
	fmt.Println("error:", ev, eok, ev == nil)
	sl := make(chan []int)
	close(sl)
	slv := <-sl
	fmt.Println("slice:", slv, slv == nil, len(slv))
	m := make(chan map[string]int)
	close(m)
	mv := <-m
	fmt.Println("map:", mv, mv == nil, len(mv))

	// <-ch as an expression statement: wait for a signal, discard value.
	sig := make(chan int)
	data := make(chan int, 3)
	go func() {
		data <- 1
		data <- 2
		data <- 3
		sig <- 99
	}()
	<-sig
	fmt.Println("signal received, data len", len(data))
	<-data
	l := len(data)
	fmt.Println("after discard", l, <-data, <-data)

	// Range over a channel that is closed while items remain buffered.
	b := make(chan string, 5)
	for _, w := range []string{"a", "bb", "ccc"} {
		b <- w
	}
	close(b)
	total := 0
	for w := range b {
		total += len(w)
		fmt.Println("buffered after close:", w)
	}
	fmt.Println("total len", total)

	// Range with break and continue; rest of channel left unread.
	n := make(chan int, 10)
	for i := 0; i < 10; i++ {
		n <- i
	}
	close(n)
	for x := range n {
		if x%2 == 1 {
			continue
		}
		if x > 6 {
			break
		}
		fmt.Println("even", x)
	}
	fmt.Println("left in channel:", len(n))
	for range n {
	}
	fmt.Println("left after empty range:", len(n))

	// Closing wakes every waiting receiver: workers block on <-start.
	start := make(chan struct{})
	results := make([]chan int, 4)
	for i := range results {
		results[i] = make(chan int)
		go func() {
			_, ok := <-start
			if ok {
				results[i] <- -1
			} else {
				results[i] <- i * 100
			}
		}()
	}
	close(start)
	for i, r := range results {
		fmt.Println("woken", i, <-r)
	}
}
