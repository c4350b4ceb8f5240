package main

import "fmt"

type Ints []int

func (s Ints) Sum() int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func (s *Ints) Push(v ...int) { *s = append(*s, v...) }

func (s Ints) Map(f func(int) int) Ints {
	out := make(Ints, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

type HandlerFunc func(int) int

func (h HandlerFunc) Then(next HandlerFunc) HandlerFunc {
	return func(x int) int { return next(h(x)) }
}

type Middleware func(HandlerFunc) HandlerFunc

func logging(tag string, out *[]string) Middleware {
	return func(h HandlerFunc) HandlerFunc {
		return func(x int) int {
			*out = append(*out, fmt.Sprintf("%s(%d)", tag, x))
			return h(x)
		}
	}
}

type Switch bool

func (s Switch) String() string {
	if s {
		return "ON"
	}
	return "OFF"
}

func (s *Switch) Toggle() { *s = !*s }

type Path string

func (p Path) Base() string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return string(p[i+1:])
		}
	}
	return string(p)
}

func (p Path) Join(elem string) Path { return p + "/" + Path(elem) }

type Money int64

func (m Money) Add(o Money) Money { return m + o }
func (m Money) Times(n int) Money { return m * Money(n) }

type Matrix [2][2]int

func (m Matrix) Mul(o Matrix) Matrix {
	var r Matrix
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func main() {
	var s Ints
	s.Push(1, 2, 3)
	s.Push()
	s.Push(4)
	fmt.Println(s, s.Sum(), len(s), s.Map(func(v int) int { return v * v }).Sum())
	plain := []int(s)
	fmt.Println(Ints(plain[1:]).Sum())
	fmt.Printf("%T %T\n", s, plain)

	inc := HandlerFunc(func(x int) int { return x + 1 })
	dbl := HandlerFunc(func(x int) int { return x * 2 })
	fmt.Println(inc.Then(dbl)(5), dbl.Then(inc)(5), inc.Then(inc).Then(dbl)(0))
	var calls []string
	h := logging("outer", &calls)(logging("inner", &calls)(dbl))
	out := h(21)
	fmt.Println(out, calls)

	var sw Switch
	fmt.Println(sw)
	sw.Toggle()
	fmt.Println(sw, !sw, sw == true)
	fmt.Printf("%v %t %s\n", sw, sw, Switch(false))

	p := Path("/usr/local")
	q := p.Join("bin").Join("go")
	fmt.Println(q, q.Base(), Path("file").Base(), len(q))

	price := Money(250)
	fmt.Println(price.Add(100).Times(3), Money.Times(price, 2))

	fibm := Matrix{{1, 1}, {1, 0}}
	r := Matrix{{1, 0}, {0, 1}}
	for i := 0; i < 30; i++ {
		r = r.Mul(fibm)
	}
	fmt.Println(r, r[0][1])
}
