package main

import "fmt"

// go with a method value, a method call on a struct (value and pointer
// receivers), and arguments evaluated at the go statement.

type Account struct {
	Name    string
	Balance int
}

func (a Account) Report(out chan<- string) {
	out <- fmt.Sprintf("%s has %d", a.Name, a.Balance)
}

func (a *Account) Deposit(n int, done chan<- int) {
	a.Balance += n
	done <- a.Balance
}

type Greeter struct{ prefix string }

func (g Greeter) Greet(name string, out chan<- string) { out <- g.prefix + ", " + name }

type Speaker interface {
	Speak(out chan<- string)
}

type Dog struct{ name string }
type Cat struct{ lives int }

func (d Dog) Speak(out chan<- string)  { out <- d.name + " says woof" }
func (c *Cat) Speak(out chan<- string) { out <- fmt.Sprintf("cat with %d lives says meow", c.lives) }

func show(tag string, x int, s []int, out chan<- string) {
	out <- fmt.Sprintf("%s: x=%d s=%v", tag, x, s)
}

func next(counter *int) int {
	*counter++
	return *counter
}

func main() {
	out := make(chan string)
	done := make(chan int)

	// Method call on a struct value: the receiver is copied at the go stmt.
	acc := Account{"alice", 10}
	go acc.Report(out)
	fmt.Println(<-out)
	// Pointer receiver: the goroutine sees the same struct.
	go acc.Deposit(5, done)
	b1 := <-done
	fmt.Println("balance after deposit:", b1, acc.Balance)
	pa := &acc
	go pa.Deposit(20, done)
	b2 := <-done
	fmt.Println("via pointer:", b2, acc.Balance)

	// Method value bound before the receiver changes.
	rep := acc.Report
	acc.Balance = 999
	go rep(out)
	fmt.Println("method value (bound earlier):", <-out)
	go acc.Report(out)
	fmt.Println("fresh call:", <-out)
	dep := acc.Deposit // bound to &acc
	go dep(1, done)
	b3 := <-done
	fmt.Println("pointer method value:", b3, acc.Balance)

	// Value receiver copied at the go statement, then changed before the
	// goroutine is allowed to run.
	gate := make(chan bool)
	g := Greeter{"hello"}
	go func(gr Greeter) {
		<-gate
		gr.Greet("bob", out)
	}(g)
	g.prefix = "bye"
	gate <- true
	fmt.Println(<-out)
	go g.Greet("carol", out)
	fmt.Println(<-out)

	// Method expression in a go statement.
	go Greeter.Greet(Greeter{"hi"}, "dave", out)
	fmt.Println(<-out)
	go (*Account).Deposit(&acc, 100, done)
	fmt.Println("method expression:", <-done)

	// Interface method calls as go statements.
	speakers := []Speaker{Dog{"rex"}, &Cat{9}, Dog{"fido"}}
	for _, s := range speakers {
		go s.Speak(out)
		fmt.Println(<-out)
	}
	cat := &Cat{7}
	var sp Speaker = cat
	cat.lives = 3
	go sp.Speak(out)
	fmt.Println("iface holding pointer sees update:", <-out)

	// Arguments are evaluated at the go statement.
	x := 1
	s := []int{1, 2, 3}
	arr := [3]int{1, 2, 3}
	go show("first", x, s, out)
	r1 := <-out
	x = 2
	s[0] = 100
	go show("second", x, s[:2], out)
	r2 := <-out
	fmt.Println(r1)
	fmt.Println(r2)

	// Argument evaluation happens before the goroutine runs even if the
	// goroutine is held back by a gate.
	gate2 := make(chan bool)
	y := 10
	go func(v int, a [3]int, p *int) {
		<-gate2
		out <- fmt.Sprintf("captured v=%d a=%v *p=%d", v, a, *p)
	}(y, arr, &y)
	y = 20
	arr[0] = -1
	gate2 <- true
	fmt.Println(<-out)

	// Function-call arguments run in the calling goroutine, in order.
	counter := 0
	go show("calls", next(&counter)*10+next(&counter), []int{next(&counter)}, out)
	r3 := <-out
	fmt.Println(r3, "counter", counter)

	// A function value chosen at run time.
	fns := map[string]func(int, chan<- int){
		"double": func(n int, c chan<- int) { c <- n * 2 },
		"square": func(n int, c chan<- int) { c <- n * n },
	}
	for _, name := range []string{"double", "square", "double"} {
		go fns[name](7, done)
		fmt.Println(name, <-done)
	}
	// go with a closure literal called with arguments.
	go func(a, b int) { done <- a - b }(50, 8)
	fmt.Println("literal:", <-done)

	// Embedded struct: promoted method launched as a goroutine.
	type Premium struct {
		Account
		Tier int
	}
	pr := Premium{Account{"zed", 5}, 2}
	go pr.Report(out)
	fmt.Println("promoted:", <-out)
	go pr.Deposit(45, done)
	b4 := <-done
	fmt.Println("promoted ptr:", b4, pr.Balance)
}
