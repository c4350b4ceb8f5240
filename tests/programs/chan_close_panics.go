package main

import (

	"fmt"
)

// Send on a closed channel, close of a closed channel and close of a nil
// channel all panic; each is recovered in main and its message printed.

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Printf("%-22s no panic\n", name)
			return
		}
		err, isErr := r.(error)
		fmt.Printf("%-22s panic: %v (error=%t)\n", name, r, isErr)
		if isErr {
			fmt.Printf("%-22s Error() = %q\n", "", err.Error())
		}
	}()
	f()
}

func main() {
	try("send on closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("send closed buffered", func() {
		c := make(chan string, 5)
		c <- "a"
		close(c)
		c <- "b"
	})
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("close nil", func() {
		var c chan int
		close(c)
	})
	try("close nil send-only", func() {
		var c chan<- bool
		close(c)
	})
	try("select send closed", func() {
		c := make(chan int, 1)
		close(c)
		select {
		case c <- 1:
		default:
		}
	})
	try("close ok", func() {
		c := make(chan int, 3)
		c <- 1
		close(c)
	})
	try("recv closed", func() {
		c := make(chan int)
		close(c)
		v, ok := <-c
		_, _ = v, ok
	})
	try("len nil", func() {
		var c chan int
		_ = len(c) + cap(c)
	})

	// The panic happens in the goroutine that sends, and is recovered there.
	res := make(chan string)
	shared := make(chan int, 1)
	close(shared)
	go func() {
		defer func() { res <- fmt.Sprint("goroutine recovered: ", recover()) }()
		shared <- 5
	}()
	fmt.Println(<-res)

	// close(c) while a goroutine is blocked sending on it: the sender panics.
	blocked := make(chan int)
	senderStarted := make(chan bool)
	go func() {
		defer func() { res <- fmt.Sprint("blocked sender: ", recover()) }()
		senderStarted <- true
		blocked <- 1 // blocks: nobody ever receives
	}()
	<-senderStarted
	// Whether the sender is already parked or not when the close happens,
	// its send panics: the outcome does not depend on scheduling.
	go func() {
		close(blocked)
	}()
	fmt.Println(<-res)

	// Message text compared as strings and wrapped as an error.
	msgs := []string{}
	for _, f := range []func(){
		func() { c := make(chan int); close(c); close(c) },
		func() { var c chan int; close(c) },
		func() { c := make(chan int, 1); close(c); c <- 0 },
	} {
		func() {
			defer func() {
				if e, ok := recover().(error); ok {
					w := fmt.Errorf("wrapped: %w", e)
					msgs = append(msgs, w.Error())
					fmt.Println(w != nil)
				}
			}()
			f()
		}()
	}
	for i, m := range msgs {
		fmt.Println(i, m)
	}
}
