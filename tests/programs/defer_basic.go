package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()       { c.n++ }
func (c Counter) Show(s string) { fmt.Println(s, c.n) }

type Shower interface{ Show(s string) }

func order() {
	for i := 0; i < 4; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("loop done")
}

func argsNow() {
	x := 1
	defer fmt.Println("x at defer:", x)
	defer func() { fmt.Println("x at return:", x) }()
	x = 2
	c := Counter{5}
	defer c.Show("value receiver copied:")
	var s Shower = c
	defer s.Show("interface bound:")
	c.n = 9
	p := &c
	defer p.Inc()
	defer func() { fmt.Println("after Inc:", c.n) }()
}

func named() (r int, err error) {
	defer func() {
		r *= 2
		if r > 10 {
			err = fmt.Errorf("too big: %d", r)
		}
	}()
	return 7, nil
}

func unnamed(x int) int {
	defer func() { x = 100 }()
	return x + 1
}

func swap() (a, b int) {
	a, b = 1, 2
	defer func() { fmt.Println("swapped", a, b) }()
	return b, a
}

func closures() {
	total := 0
	add := func(k int) { total += k }
	for i := 1; i <= 3; i++ {
		defer add(i * 10)
	}
	defer func() { fmt.Println("total before adds:", total) }()
}

func maps() {
	m := map[string]int{"a": 1, "b": 2}
	defer fmt.Println("len after delete:", len(m))
	defer delete(m, "a")
	s := []int{1, 2, 3}
	defer fmt.Println("cleared:", s)
	defer clear(s)
}

func nested() (out []string) {
	defer func() {
		out = append(out, "outer")
		func() {
			defer func() { out = append(out, "inner deferred") }()
			out = append(out, "inner body")
		}()
	}()
	out = append(out, "body")
	return out
}

type Res struct{ name string }

func (r *Res) Close() { fmt.Println("close", r.name) }

func open(name string) *Res {
	fmt.Println("open", name)
	return &Res{name}
}

func useAll() {
	for _, n := range []string{"a", "b", "c"} {
		r := open(n)
		defer r.Close()
	}
}

var fv = func(s string) { fmt.Println("func value:", s) }

func funcValue() {
	f := fv
	defer f("first")
	fv = func(s string) { fmt.Println("replaced:", s) }
	defer fv("second")
}

func main() {
	order()
	argsNow()
	fmt.Println(named())
	fmt.Println(unnamed(1))
	fmt.Println(swap())
	closures()
	maps()
	fmt.Println(nested())
	useAll()
	funcValue()
}
