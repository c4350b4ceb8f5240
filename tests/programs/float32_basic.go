package main

import "fmt"

type Vec struct{ X, Y float32 }

func (v Vec) Len2() float32 { return v.X*v.X + v.Y*v.Y }

type Celsius float32

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float32(c)) }

func main() {
	var a float32 = 0.1
	b := a * 3
	fmt.Println(a, b, a+b, float64(a), float32(1)/3)
	const c float32 = 1.0 / 3
	fmt.Println(c, c*3, float64(c))
	var s float32
	for i := 0; i < 1000; i++ {
		s += 0.01
	}
	fmt.Println(s, s == 10, int(s*100))
	v := Vec{3, 4}
	fmt.Println(v, v.Len2())
	fmt.Printf("%v %.3f %g %e %T %8.2f|\n", b, b, b, b, b, b)
	x := 16777217
	fmt.Println(float32(x), float32(int64(1)<<62+1), float32(uint64(1)<<63+12345))
	var big float64 = 1e39
	fmt.Println(float32(big), float32(-big), float32(1e-46), float32(big) > 0)
	m := map[float32]int{0.1: 1, 0.2: 2}
	fmt.Println(m[0.1], m[a], len(m), m)
	xs := []float32{1.5, 2.25, -0.125}
	var t float32
	for _, x := range xs {
		t = t*2 + x
	}
	fmt.Println(t, xs)
	var i any = a
	fmt.Printf("%T %v\n", i, i)
	f, ok := i.(float32)
	fmt.Println(f, ok)
	_, ok = i.(float64)
	fmt.Println(ok)
	var temp Celsius = 21.55
	fmt.Println(temp, temp+1)
	u := uint32(4294967295)
	g1, g2 := float32(2.5e9), float32(200.7)
	fmt.Println(float32(u), float32(int8(-7)), int32(g1), uint8(g2))
	var zero float32
	huge := float32(1e38)
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero, huge*10, -huge*10 < 0)
	fmt.Println(float32(16777216)+1, float32(0.1)+float32(0.2) == float32(0.3))
	y := float32(1)
	y++
	y--
	y /= 3
	fmt.Println(y, -y)
	fmt.Println(fmt.Sprint(float32(1e7), float32(1e21), float32(123456789), float32(1e-7)))
	println(a, b)
}
