package main

import (
	"errors"
	"fmt"
)

// Channels of interfaces, of structs holding pointers, of errors, of
// funcs, and of channels (request/response with a reply channel).

type Animal interface {
	Name() string
	Legs() int
}

type Bird struct{ species string }
type Spider struct{ kind string }

func (b Bird) Name() string    { return "bird:" + b.species }
func (b Bird) Legs() int       { return 2 }
func (s *Spider) Name() string { return "spider:" + s.kind }
func (s *Spider) Legs() int    { return 8 }
func (s *Spider) String() string {
	return "Spider(" + s.kind + ")"
}

type Node struct {
	Val  int
	Next *Node
}

type Envelope struct {
	From  string
	Data  *[]int
	Meta  map[string]int
	Reply chan int
}

type Request struct {
	Key   string
	Reply chan<- Response
}

type Response struct {
	Key   string
	Value int
	Err   error
}

var ErrNotFound = errors.New("not found")

func kvServer(reqs <-chan Request) {
	store := map[string]int{"a": 1, "b": 22, "c": 333}
	for r := range reqs {
		v, ok := store[r.Key]
		if !ok {
			r.Reply <- Response{r.Key, 0, fmt.Errorf("key %q: %w", r.Key, ErrNotFound)}
			continue
		}
		store[r.Key] = v + 1
		r.Reply <- Response{Key: r.Key, Value: v}
	}
}

func main() {
	// Channel of interfaces.
	ac := make(chan Animal, 4)
	ac <- Bird{"robin"}
	ac <- &Spider{"wolf"}
	ac <- nil
	ac <- Bird{"owl"}
	close(ac)
	legs := 0
	for a := range ac {
		if a == nil {
			fmt.Println("nil animal")
			continue
		}
		legs += a.Legs()
		fmt.Printf("%s %d %v %T\n", a.Name(), a.Legs(), a, a)
	}
	fmt.Println("legs:", legs)

	// Channel of any with a type switch on the receiving side.
	anyc := make(chan any)
	go func() {
		for _, v := range []any{1, "two", 3.5, []int{4}, Bird{"emu"}, nil, errors.New("six"), true} {
			anyc <- v
		}
		close(anyc)
	}()
	for v := range anyc {
		switch x := v.(type) {
		case int:
			fmt.Println("int", x+1)
		case string:
			fmt.Println("string", len(x))
		case float64:
			fmt.Println("float", x*2)
		case []int:
			fmt.Println("slice", x, len(x))
		case Animal:
			fmt.Println("animal", x.Name())
		case error:
			fmt.Println("error", x)
		case nil:
			fmt.Println("nil value")
		default:
			fmt.Printf("other %T %v\n", x, x)
		}
	}

	// Channel of struct values holding pointers: the goroutine mutates
	// through the pointers; main observes after the reply.
	nums := []int{1, 2, 3}
	env := Envelope{From: "main", Data: &nums, Meta: map[string]int{"v": 1}, Reply: make(chan int)}
	ec := make(chan Envelope)
	go func() {
		e := <-ec
		*e.Data = append(*e.Data, 4, 5)
		e.Meta["v"]++
		e.Meta["seen"] = len(*e.Data)
		e.From = "changed copy"
		e.Reply <- len(*e.Data)
	}()
	ec <- env
	n := <-env.Reply
	fmt.Println("reply", n, nums, env.Meta, env.From)

	// Channel of *Node: build a linked list in a goroutine.
	nc := make(chan *Node)
	go func() {
		var head *Node
		for i := 5; i >= 1; i-- {
			head = &Node{i, head}
		}
		nc <- head
		nc <- nil
	}()
	for p := <-nc; p != nil; p = p.Next {
		fmt.Print(p.Val, "->")
	}
	fmt.Println("nil", <-nc == nil)

	// Channel of channels: request/response key-value server.
	reqs := make(chan Request)
	go kvServer(reqs)
	reply := make(chan Response)
	for _, k := range []string{"a", "b", "zz", "a", "c", "a"} {
		reqs <- Request{k, reply}
		r := <-reply
		if r.Err != nil {
			fmt.Println("error:", r.Err, r.Err == ErrNotFound)
			continue
		}
		fmt.Printf("%s=%d\n", r.Key, r.Value)
	}
	close(reqs)

	// chan chan int: each request carries its own fresh reply channel.
	service := make(chan chan int)
	go func() {
		i := 0
		for rc := range service {
			i++
			rc <- i * 11
			close(rc)
		}
	}()
	for k := 0; k < 4; k++ {
		rc := make(chan int, 1)
		service <- rc
		v, ok := <-rc
		v2, ok2 := <-rc
		fmt.Println("ticket", v, ok, v2, ok2)
	}
	close(service)

	// Channel of funcs: a goroutine executes closures sent to it.
	jobs := make(chan func() int)
	results := make(chan int)
	go func() {
		for f := range jobs {
			results <- f()
		}
		close(results)
	}()
	base := 7
	go func() {
		for i := 1; i <= 4; i++ {
			jobs <- func() int { return base * i }
		}
		close(jobs)
	}()
	for r := range results {
		fmt.Print(r, " ")
	}
	fmt.Println()

	// Channel of errors.
	errc := make(chan error, 3)
	errc <- nil
	errc <- errors.New("disk full")
	errc <- fmt.Errorf("wrap: %w", ErrNotFound)
	close(errc)
	for err := range errc {
		fmt.Println("err:", err, err == nil, err == ErrNotFound)
	}

	// Channel of [2]chan string: a pair of channels sent as one value.
	pairs := make(chan [2]chan string, 1)
	p := [2]chan string{make(chan string, 1), make(chan string, 1)}
	pairs <- p
	got := <-pairs
	got[0] <- "left"
	got[1] <- "right"
	fmt.Println(<-p[0], <-p[1], got == p)
}
