package main

import "fmt"

// Many goroutines each sending one value; main sums them. Also a
// goroutine tree and a chain of 1000 goroutines (daisy chain).

func leaf(id int, out chan<- int) {
	out <- id * id
}

func tree(depth int, out chan<- int) {
	if depth == 0 {
		out <- 1
		return
	}
	l := make(chan int)
	r := make(chan int)
	go tree(depth-1, l)
	go tree(depth-1, r)
	out <- <-l + <-r + 1
}

func main() {
	const n = 1000
	c := make(chan int, n)
	for i := 0; i < n; i++ {
		go leaf(i, c)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-c
	}
	fmt.Println("sum of squares 0..999:", sum)

	// Unbuffered: 1000 goroutines all block until main receives.
	u := make(chan int)
	for i := 1; i <= n; i++ {
		go func() { u <- i }()
	}
	total, maxv, minv := 0, 0, n+1
	for i := 0; i < n; i++ {
		v := <-u
		total += v
		maxv = max(maxv, v)
		minv = min(minv, v)
	}
	fmt.Println("unbuffered total:", total, "min", minv, "max", maxv)

	// Seen-set: every goroutine reported exactly once.
	seen := make(chan int, 2*n)
	for i := 0; i < 2*n; i++ {
		go func() { seen <- i % 500 }()
	}
	counts := map[int]int{}
	for i := 0; i < 2*n; i++ {
		counts[<-seen]++
	}
	bad := 0
	for k := 0; k < 500; k++ {
		if counts[k] != 4 {
			bad++
		}
	}
	fmt.Println("distinct:", len(counts), "bad:", bad)

	// Daisy chain (Rob Pike's whispers): 1000 goroutines each add one.
	leftmost := make(chan int)
	right := leftmost
	left := leftmost
	for i := 0; i < n; i++ {
		right = make(chan int)
		go func(l, r chan int) { l <- 1 + <-r }(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(right)
	fmt.Println("whispers:", <-leftmost)

	// Binary tree of goroutines: 2^11-1 nodes.
	tc := make(chan int)
	go tree(10, tc)
	fmt.Println("tree nodes:", <-tc)

	// Goroutines that each do a little work and report a struct.
	type rep struct{ id, digits int }
	rc := make(chan rep, 64)
	for i := 0; i < 64; i++ {
		go func() {
			x, d := i*12345+1, 0
			for x > 0 {
				d += x % 10
				x /= 10
			}
			rc <- rep{i, d}
		}()
	}
	byID := make([]int, 64)
	for i := 0; i < 64; i++ {
		r := <-rc
		byID[r.id] = r.digits
	}
	fmt.Println("digit sums:", byID)
}
