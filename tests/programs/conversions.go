package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type ID int
type Name string
type Names []string
type Bytes []byte
type Handler func(int) int
type Point struct{ X, Y int }
type Vec struct{ X, Y int }

func (v Vec) Len2() int { return v.X*v.X + v.Y*v.Y }

func main() {
	// numeric conversions between all sizes
	i := 1000
	fmt.Println(int8(i), int16(i), int32(i), int64(i), uint8(i), uint16(i), uint32(i), uint64(i), uint(i))
	m := -1000
	fmt.Println(int8(m), int16(m), uint8(m), uint16(m), uint32(m), uint64(m))
	var r rune = 'Z'
	var b byte = byte(r) + 1
	fmt.Println(r, b, rune(b), int(r)-int(b))

	// float <-> int
	f := 1234.9876
	fmt.Println(int(f), int32(f), int64(-f), uint16(f), float64(int(f)))
	var u8 uint8 = 255
	fmt.Println(float64(u8)/2, float64(int8(u8)), int(float64(u8)*1.5))

	// named numeric types need explicit conversions
	c := Celsius(100)
	fmt.Println(c, CToF(c), CToF(-40), float64(c)+1)
	id := ID(42)
	fmt.Println(id, int(id)+1, ID(int64(7)), id == 42)
	fmt.Printf("%T %T %T\n", c, CToF(c), id)

	// string <-> []byte, []rune, and from a rune
	s := "héllo"
	bs := []byte(s)
	rs := []rune(s)
	fmt.Println(bs, rs, string(bs[1:3]), string(rs[1]), string(rs[2:]))
	fmt.Println(string(rune(0x1F600)), string(rune(0x41)), string(rune(-5)) == "\uFFFD", string(r))
	fmt.Println(len(string(rs)), len(rs), len(bs))
	var bb Bytes = Bytes("named")
	fmt.Println(bb, string(bb), Name(bb), []byte(Name("n")))

	// named string and slice types convert to and from their underlying types
	n := Name("gopher")
	fmt.Println(string(n)+"!", Name("x")+n, len(n), n[0], n[1:3])
	ns := Names([]string{"a", "b"})
	plain := []string(ns)
	plain[0] = "changed" // same backing array
	fmt.Println(ns, plain, len(ns))

	// struct conversion between identical underlying types
	p := Point{3, 4}
	v := Vec(p)
	fmt.Println(v.Len2(), Point(v) == p)
	anon := struct{ X, Y int }{1, 2}
	fmt.Println(Vec(anon).Len2(), Point(anon))

	// function types
	h := Handler(func(x int) int { return x * 3 })
	var plainF func(int) int = h // assignable: identical underlying, one unnamed
	fmt.Println(h(2), plainF(3))

	// conversion to interface types
	var any1 any = c
	var st fmt.Stringer
	fmt.Println(any1, st == nil)
	fmt.Printf("%T %v\n", any1, any(id))

	// pointers convert when the base types are identical underneath
	pp := &p
	vp := (*Vec)(pp)
	vp.X = 30
	fmt.Println(p, *vp)

	// constants convert at compile time, exactly
	const big = 1 << 40
	fmt.Println(float64(big), int64(big)>>38, uint8(big>>36), Celsius(1)/3)

	// rune arithmetic and back
	word := ""
	for _, ch := range "HAL" {
		word += string(ch + 1)
	}
	fmt.Println(word)
	digits := []byte{}
	for k := 9; k >= 0; k -= 3 {
		digits = append(digits, byte('0'+k))
	}
	fmt.Println(string(digits))
}
