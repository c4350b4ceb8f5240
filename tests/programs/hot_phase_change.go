package main

import "fmt"

// The receiver type at a hot site changes over time: type A for the first
// phase, B for the second, then a mix, then A again. A JIT that specialized
// on A must stay correct (and should adapt).

type Codec interface {
	Encode(x int) int
	Name() string
}

type Rot struct{ k int }
type Xor struct{ k int }
type Neg struct{}

func (r Rot) Encode(x int) int  { return (x + r.k) % 65536 }
func (r Rot) Name() string      { return "rot" }
func (x *Xor) Encode(v int) int { return v ^ x.k }
func (x *Xor) Name() string     { return "xor" }
func (Neg) Encode(x int) int    { return 65535 - x }
func (Neg) Name() string        { return "neg" }

//go:noinline
func phase(c Codec, n int, v int) int {
	for i := 0; i < n; i++ {
		v = c.Encode(v + i&7)
	}
	return v
}

func main() {
	a, b, n := Codec(Rot{17}), Codec(&Xor{0x2a5}), Codec(Neg{})
	v := 1
	v = phase(a, 300000, v)
	fmt.Println("phase A", a.Name(), v)
	v = phase(b, 300000, v)
	fmt.Println("phase B", b.Name(), v)

	cs := []Codec{a, b, n}
	for i := 0; i < 150000; i++ {
		v = cs[i%3].Encode(v)
	}
	fmt.Println("mixed", v)
	v = phase(a, 200000, v)
	fmt.Println("back to A", v)

	// one loop whose site flips type halfway through
	var seen [3]int
	c := a
	for i := 0; i < 400000; i++ {
		if i == 200000 {
			c = n
		}
		v = c.Encode(v)
		switch c.(type) {
		case Rot:
			seen[0]++
		case *Xor:
			seen[1]++
		case Neg:
			seen[2]++
		}
	}
	fmt.Println("flip", v, seen)
}
