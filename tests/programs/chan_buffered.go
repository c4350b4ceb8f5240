package main

import "fmt"

type item struct {
	name string
	qty  int
}

func main() {
	c := make(chan int, 5)
	fmt.Println("len/cap empty:", len(c), cap(c))
	for i := 1; i <= 5; i++ {
		c <- i * 10
		fmt.Println("after send", i, "len", len(c), "cap", cap(c))
	}
	for len(c) > 0 {
		v := <-c
		fmt.Println("drained", v, "len now", len(c))
	}

	// FIFO with wrap-around: interleave sends and receives.
	q := make(chan int, 3)
	next := 0
	for step := 0; step < 12; step++ {
		if len(q) < cap(q) && step%4 != 3 {
			q <- next
			fmt.Println("step", step, "push", next, "len", len(q))
			next++
		} else {
			x := <-q
			fmt.Println("step", step, "pop", x, "len", len(q))
		}
	}
	for len(q) > 0 {
		fmt.Println("final pop", <-q)
	}

	// cap 0 vs n.
	u := make(chan int)
	u0 := make(chan string, 0)
	var nilc chan int
	fmt.Println("unbuffered len/cap:", len(u), cap(u), len(u0), cap(u0))
	fmt.Println("nil chan len/cap:", len(nilc), cap(nilc))
	big := make(chan item, 100)
	names := []string{"apple", "pear", "plum", "fig"}
	for i, n := range names {
		big <- item{n, (i + 1) * 3}
	}
	fmt.Println("big:", len(big), cap(big))
	close(big)
	fmt.Println("after close len/cap:", len(big), cap(big))
	for it := range big {
		fmt.Printf("%s=%d %v %+v\n", it.name, it.qty, it, it)
	}
	fmt.Println("after drain:", len(big), cap(big))

	// A buffered channel used by a goroutine: producer fills, consumer counts.
	buf := make(chan int, 4)
	done := make(chan int)
	go func() {
		sum := 0
		for v := range buf {
			sum += v
		}
		done <- sum
	}()
	for i := 0; i < 100; i++ {
		buf <- i
	}
	close(buf)
	fmt.Println("sum via buffered:", <-done)

	// Typed make with variable capacity, cap of different element types.
	n := 7
	fs := make(chan float64, n)
	bs := make(chan []byte, n*2)
	fs <- 1.5
	fs <- 2.25
	bs <- []byte("hi")
	fmt.Println(len(fs), cap(fs), len(bs), cap(bs))
	fmt.Println(<-fs+<-fs, string(<-bs))
}
