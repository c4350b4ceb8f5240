package main

import "fmt"

type Celsius float64

type Msg struct {
	ID   int
	Body string
}

type Job chan int

// producer returns a receive-only view of a channel it owns.
func producer(n int) <-chan int {
	c := make(chan int, n)
	for i := 0; i < n; i++ {
		c <- i + 1
	}
	close(c)
	return c
}

// sink takes a send-only channel.
func sink(out chan<- string, words []string) {
	for _, w := range words {
		out <- "<" + w + ">"
	}
	close(out)
}

func sum(in <-chan int) int {
	t := 0
	for v := range in {
		t += v
	}
	return t
}

func split(c chan int) (<-chan int, chan<- int) {
	return c, c
}

func describe(name string, v any) {
	fmt.Printf("%-10s %T\n", name, v)
}

func main() {
	fmt.Println("sum:", sum(producer(10)))

	s := make(chan string, 3)
	sink(s, []string{"x", "yy", "zzz"})
	for w := range s {
		fmt.Println("sink:", w)
	}

	// Conversions from bidirectional to directional.
	c := make(chan int, 4)
	var r <-chan int = c
	var w chan<- int = c
	w <- 5
	w <- 6
	first := <-r
	fmt.Println("via r:", first, "len c", len(c), "len r", len(r), "cap w", cap(w))
	r2, w2 := split(c)
	w2 <- 42
	fmt.Println("split:", <-r2, <-r2)
	r3 := (<-chan int)(c)
	w3 := (chan<- int)(c)
	w3 <- 8
	fmt.Println("converted:", <-r3)

	// %T of channel types.
	var nilc chan int
	describe("chan int", c)
	describe("recv", r)
	describe("send", w)
	describe("strrecv", (<-chan string)(s))
	describe("f64send", make(chan<- float64))
	describe("struct{}", make(chan struct{}))
	describe("chanchan", make(chan chan int))
	describe("chanrecv", make(chan (<-chan int)))
	describe("sendchan", make(chan<- chan int))
	describe("recvsend", make(<-chan chan<- bool))
	describe("named", make(chan Celsius))
	describe("msg", make(chan Msg))
	describe("msgptr", make(chan *Msg))
	describe("any", make(chan any))
	describe("error", make(chan error))
	describe("slice", make(chan []string))
	describe("map", make(chan map[string]int))
	describe("func", make(chan func(int) string))
	describe("Job", make(Job))
	describe("[]chan", []chan int{c})
	describe("map chan", map[string]chan int{})
	describe("*chan", &c)
	describe("nilchan", nilc)
	describe("anon", make(chan struct{ A, B int }))
	fmt.Printf("%T %T\n", r, w)

	// Printing nil channels.
	var nr <-chan string
	var nw chan<- bool
	fmt.Println(nilc, nr, nw)
	fmt.Printf("%v %v %v\n", nilc, nr, nw)
	fmt.Printf("[%v] %t %t\n", nilc, nilc == nil, c == nil)
	var a any = nilc
	fmt.Println("nil chan in any:", a, a == nil, a != nil)
	var ch struct {
		In  chan int
		Out chan string
	}
	fmt.Printf("%v %+v\n", ch, ch)

	// Channel equality.
	c2 := c
	other := make(chan int, 4)
	fmt.Println("c == c2:", c == c2)
	fmt.Println("c == other:", c == other)
	fmt.Println("r == c:", r == c, "w == c:", w == c)
	var r4 <-chan int = other
	fmt.Println("r == r4:", r == r4)
	nilc = c
	fmt.Println("assigned nilc == c:", nilc == c, nilc != nil)
	var x, y any = c, c2
	fmt.Println("any equal:", x == y, x == any(other))
	set := map[chan int]string{c: "first", other: "second"}
	fmt.Println("map lookup:", set[c2], set[other], len(set))
	set[c2] = "replaced"
	fmt.Println("map after:", set[c], len(set))
	jb := make(Job, 1)
	jb <- 3
	var plain chan int = jb
	fmt.Println("Job as chan int:", <-plain, plain == chan int(jb))
	type pair struct{ a, b chan int }
	p1 := pair{c, other}
	p2 := pair{c2, other}
	p3 := pair{other, c}
	fmt.Println("struct with chans:", p1 == p2, p1 == p3)
	arr := [2]chan int{c, nil}
	fmt.Println("array:", arr == [2]chan int{c2, nil}, arr[1] == nil)

	// Channels of channels of directional channels.
	cc := make(chan chan<- int, 1)
	cc <- c
	dest := <-cc
	dest <- 77
	fmt.Println("through chan chan<-:", <-c)

	cs := make(chan Celsius, 1)
	cs <- 36.6
	fmt.Printf("%v %.1f %T\n", <-cs, Celsius(1.25), Celsius(0))
}
