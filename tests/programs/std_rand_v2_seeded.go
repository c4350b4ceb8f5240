// math/rand/v2 with fixed seeds: PCG and ChaCha8 (several seeds, ChaCha8
// read past its reseed boundaries), every Rand method, the generic N (as a
// function and as a method) over integer types, Read's carried bytes,
// Marshal/Unmarshal round trips, Zipf, and the panics of bad arguments.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

type hash uint64

func (h *hash) add(v uint64) { *h = (*h ^ hash(v)) * 1099511628211 }

func show(name string, n int, f func() any) {
	fmt.Print(name, ":")
	for i := 0; i < n; i++ {
		fmt.Print(" ", f())
	}
	fmt.Println()
}

type Dur int64
type Small uint8

func methods(name string, mk func() rand.Source) {
	fmt.Println("==", name)
	r := rand.New(mk())
	show("Int64", 6, func() any { return r.Int64() })
	show("Uint32", 6, func() any { return r.Uint32() })
	show("Uint64", 6, func() any { return r.Uint64() })
	show("Int32", 6, func() any { return r.Int32() })
	show("Int", 6, func() any { return r.Int() })
	show("Uint", 6, func() any { return r.Uint() })
	for _, n := range []int64{1, 2, 3, 10, 1 << 40, 1<<62 + 1, math.MaxInt64} {
		show(fmt.Sprint("Int64N(", n, ")"), 5, func() any { return r.Int64N(n) })
	}
	for _, n := range []uint64{1, 6, 1 << 63, 1<<63 + 1, math.MaxUint64} {
		show(fmt.Sprint("Uint64N(", n, ")"), 5, func() any { return r.Uint64N(n) })
	}
	for _, n := range []int32{1, 7, 1 << 30, math.MaxInt32} {
		show(fmt.Sprint("Int32N(", n, ")"), 5, func() any { return r.Int32N(n) })
	}
	for _, n := range []uint32{1, 9, 1<<31 + 3, math.MaxUint32} {
		show(fmt.Sprint("Uint32N(", n, ")"), 5, func() any { return r.Uint32N(n) })
	}
	for _, n := range []int{1, 5, 1000, 1 << 50} {
		show(fmt.Sprint("IntN(", n, ")"), 5, func() any { return r.IntN(n) })
	}
	for _, n := range []uint{3, 1 << 33, math.MaxUint} {
		show(fmt.Sprint("UintN(", n, ")"), 5, func() any { return r.UintN(n) })
	}
	show("N int8", 5, func() any { return r.N(int8(100)) })
	show("N uint16", 5, func() any { return r.N(uint16(60000)) })
	show("N Dur", 5, func() any { return r.N(Dur(1e12)) })
	show("N Small", 5, func() any { return r.N(Small(200)) })
	show("N uintptr", 5, func() any { return r.N(uintptr(77)) })
	show("N[int64]", 5, func() any { return r.N[int64](1 << 45) })
	show("Float64", 6, func() any { return r.Float64() })
	show("Float32", 6, func() any { return r.Float32() })
	show("NormFloat64", 8, func() any { return r.NormFloat64() })
	show("ExpFloat64", 8, func() any { return r.ExpFloat64() })
	for _, n := range []int{0, 1, 2, 5, 17} {
		fmt.Println("Perm", n, r.Perm(n))
	}
	s := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println("Shuffle", s)

	var h hash
	r = rand.New(mk())
	for i := 0; i < 3000; i++ {
		h.add(r.Uint64())
		h.add(uint64(r.IntN(i + 1)))
		h.add(math.Float64bits(r.NormFloat64()))
		h.add(math.Float64bits(r.ExpFloat64()))
		h.add(uint64(math.Float32bits(r.Float32())))
		h.add(math.Float64bits(r.Float64()))
	}
	fmt.Println("hash", uint64(h), r.Uint64())
}

func pcgs() {
	for _, s := range [][2]uint64{{0, 0}, {1, 2}, {math.MaxUint64, math.MaxUint64}, {0x9e3779b97f4a7c15, 12345}} {
		p := rand.NewPCG(s[0], s[1])
		show(fmt.Sprint("PCG", s), 6, func() any { return p.Uint64() })
		b, err := p.MarshalBinary()
		fmt.Println("marshal", b, err)
		q := new(rand.PCG)
		fmt.Println("unmarshal", q.UnmarshalBinary(b), q.Uint64() == p.Uint64())
		p.Seed(s[0], s[1])
		fmt.Println("reseeded", p.Uint64())
	}
	var zero rand.PCG
	fmt.Println("zero PCG", zero.Uint64(), rand.NewPCG(0, 0).Uint64())
	fmt.Println("bad unmarshal", new(rand.PCG).UnmarshalBinary([]byte("pcg:short")))
}

func seedOf(f func(i int) byte) (s [32]byte) {
	for i := range s {
		s[i] = f(i)
	}
	return
}

func chachas() {
	var text [32]byte
	copy(text[:], "chacha8 seed for testing 1234567")
	seeds := [][32]byte{
		{},
		text,
		seedOf(func(i int) byte { return byte(i) }),
		seedOf(func(i int) byte { return byte(255 - 7*i) }),
	}
	for k, seed := range seeds {
		c := rand.NewChaCha8(seed)
		var h hash
		// Blocks of 32 words, the fourth with 28 (its last four reseed):
		// print around each block edge and past several reseeds.
		for i := 0; i < 1300; i++ {
			v := c.Uint64()
			h.add(v)
			if i < 3 || (i >= 26 && i <= 33) || (i >= 122 && i <= 126) || (i >= 242 && i <= 246) || i >= 1295 {
				fmt.Println("chacha", k, i, v)
			}
		}
		fmt.Println("chacha hash", k, uint64(h))
	}

	// Read: little-endian words, the rest of a word kept for the next
	// Read, interleaved with Uint64.
	c := rand.NewChaCha8(text)
	for _, n := range []int{0, 3, 8, 2, 5, 13, 1, 16} {
		b := make([]byte, n)
		k, err := c.Read(b)
		fmt.Println("Read", n, k, err, b)
	}
	fmt.Println("Uint64 after reads", c.Uint64())
	b := make([]byte, 3)
	c.Read(b)
	m, err := c.MarshalBinary()
	fmt.Println("marshal", m, err)
	d := new(rand.ChaCha8)
	fmt.Println("unmarshal", d.UnmarshalBinary(m))
	b1, b2 := make([]byte, 11), make([]byte, 11)
	c.Read(b1)
	d.Read(b2)
	fmt.Println("same after unmarshal", string(b1) == string(b2), c.Uint64() == d.Uint64())
	fmt.Println("bad unmarshal", d.UnmarshalBinary([]byte("chacha8:xx")))
	c.Seed(text)
	fmt.Println("reseeded", c.Uint64())

	// A big read crosses reseeds too.
	big := make([]byte, 9*1000+5)
	rand.NewChaCha8(seeds[2]).Read(big)
	var h hash
	for _, x := range big {
		h.add(uint64(x))
	}
	fmt.Println("big read", uint64(h), big[len(big)-5:])
}

func zipf() {
	for _, c := range []struct {
		s, v float64
		imax uint64
	}{{1.1, 1, 100}, {2, 1, 10}, {1.5, 3.5, 1000000}} {
		z := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), c.s, c.v, c.imax)
		show(fmt.Sprint("Zipf", c), 12, func() any { return z.Uint64() })
	}
	fmt.Println("NewZipf bad", rand.NewZipf(rand.New(rand.NewPCG(1, 1)), 1, 1, 10) == nil)
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panics:", recover()) }()
	f()
}

func panics() {
	r := rand.New(rand.NewPCG(1, 1))
	try("IntN(0)", func() { r.IntN(0) })
	try("Int64N(-1)", func() { r.Int64N(-1) })
	try("Int32N(0)", func() { r.Int32N(0) })
	try("Uint64N(0)", func() { r.Uint64N(0) })
	try("Uint32N(0)", func() { r.Uint32N(0) })
	try("UintN(0)", func() { r.UintN(0) })
	try("N(-3)", func() { r.N(-3) })
	try("top N(0)", func() { rand.N(0) })
	try("Shuffle(-1)", func() { r.Shuffle(-1, func(i, j int) {}) })
}

func main() {
	methods("PCG(1,2)", func() rand.Source { return rand.NewPCG(1, 2) })
	methods("PCG(max,0)", func() rand.Source { return rand.NewPCG(math.MaxUint64, 0) })
	var seed [32]byte
	copy(seed[:], "ChaCha8 as a Rand's source......")
	methods("ChaCha8", func() rand.Source { return rand.NewChaCha8(seed) })
	pcgs()
	chachas()
	zipf()
	panics()
}
