// math/rand with fixed seeds: every method's sequence, several seeds
// (zero, negative, large, ones equal modulo 2³¹-1), custom Sources, Read's
// carried bytes, Seed mid-stream, Zipf, and the panics of bad arguments.
package main

import (
	"fmt"
	"math"
	"math/rand"
)

var seeds = []int64{0, 1, 42, -1, -12345678901, 1 << 62, 2147483647, math.MinInt64, math.MaxInt64, 89482311}

// hash folds a sequence of words into one (FNV-style), so long
// sequences are checked without printing every value.
type hash uint64

func (h *hash) add(v uint64) { *h = (*h ^ hash(v)) * 1099511628211 }

func show(name string, n int, f func() any) {
	fmt.Print(name, ":")
	for i := 0; i < n; i++ {
		fmt.Print(" ", f())
	}
	fmt.Println()
}

func methods(seed int64) {
	fmt.Println("== seed", seed)
	mk := func() *rand.Rand { return rand.New(rand.NewSource(seed)) }
	r := mk()
	show("Int63", 8, func() any { return r.Int63() })
	r = mk()
	show("Uint32", 8, func() any { return r.Uint32() })
	r = mk()
	show("Uint64", 8, func() any { return r.Uint64() })
	r = mk()
	show("Int31", 8, func() any { return r.Int31() })
	r = mk()
	show("Int", 8, func() any { return r.Int() })
	r = mk()
	for _, n := range []int64{1, 2, 3, 10, 1 << 40, 1<<62 + 1, math.MaxInt64, 6148914691236517206} {
		show(fmt.Sprint("Int63n(", n, ")"), 6, func() any { return r.Int63n(n) })
	}
	for _, n := range []int32{1, 2, 7, 100, 1 << 30, 1<<30 + 1, math.MaxInt32} {
		show(fmt.Sprint("Int31n(", n, ")"), 6, func() any { return r.Int31n(n) })
	}
	for _, n := range []int{1, 5, 1000, math.MaxInt32, math.MaxInt32 + 1, 1 << 50, 3 << 61} {
		show(fmt.Sprint("Intn(", n, ")"), 6, func() any { return r.Intn(n) })
	}
	r = mk()
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
	r.Shuffle(0, func(i, j int) { panic("no swap for 0") })
	r.Shuffle(1, func(i, j int) { panic("no swap for 1") })

	// Long runs: a hash of many values of each kind.
	var h hash
	r = mk()
	for i := 0; i < 3000; i++ {
		h.add(uint64(r.Int63()))
		h.add(uint64(r.Intn(i + 1)))
		h.add(math.Float64bits(r.NormFloat64()))
		h.add(math.Float64bits(r.ExpFloat64()))
		h.add(uint64(math.Float32bits(r.Float32())))
	}
	fmt.Println("hash", uint64(h), r.Int63())
}

// Read takes seven bytes of each Int63, low first, carrying what is left
// to the next Read; Seed drops the carried bytes.
func reads() {
	r := rand.New(rand.NewSource(7))
	for _, n := range []int{0, 1, 3, 7, 10, 2, 15, 1} {
		b := make([]byte, n)
		k, err := r.Read(b)
		fmt.Println("Read", n, k, err, b)
	}
	fmt.Println("Int63 after reads", r.Int63())
	r.Seed(7)
	b := make([]byte, 9)
	r.Read(b)
	fmt.Println("after Seed(7)", b)
	r.Read(b[:3])
	r.Seed(7)
	r.Read(b)
	fmt.Println("Seed drops carry", b)
	// Seed mid-stream restarts the sequence.
	r.Seed(99)
	a1 := []int64{r.Int63(), r.Int63(), r.Int63()}
	r.Seed(99)
	a2 := []int64{r.Int63(), r.Int63(), r.Int63()}
	fmt.Println("reseed", a1, a2)
	// NewSource's Source is a Source64.
	src := rand.NewSource(5)
	s64, ok := src.(rand.Source64)
	fmt.Println("Source64", ok, s64.Uint64(), src.Int63())
}

// counter is a Source without Uint64: Rand.Uint64 takes two Int63s.
type counter struct{ n int64 }

func (c *counter) Int63() int64 {
	c.n = c.n*6364136223846793005 + 1442695040888963407
	return c.n & (1<<63 - 1)
}
func (c *counter) Seed(s int64) { c.n = s }

// wide is a Source64 of its own.
type wide struct{ counter }

func (w *wide) Uint64() uint64 { return uint64(w.Int63()) ^ 0xAAAA }

func custom() {
	r := rand.New(&counter{3})
	show("custom Uint64", 5, func() any { return r.Uint64() })
	show("custom Intn", 5, func() any { return r.Intn(1000) })
	b := make([]byte, 10)
	r.Read(b)
	fmt.Println("custom Read", b)
	r.Seed(3)
	show("custom reseeded Uint64", 3, func() any { return r.Uint64() })
	w := rand.New(&wide{counter{3}})
	show("Source64 Uint64", 5, func() any { return w.Uint64() })
	show("Source64 Float64", 3, func() any { return w.Float64() })
}

func zipf() {
	for _, c := range []struct {
		s, v float64
		imax uint64
	}{{1.1, 1, 100}, {2, 1, 10}, {1.5, 3.5, 1000000}, {3, 10, 0}} {
		z := rand.NewZipf(rand.New(rand.NewSource(11)), c.s, c.v, c.imax)
		show(fmt.Sprint("Zipf", c), 12, func() any { return z.Uint64() })
	}
	fmt.Println("NewZipf bad", rand.NewZipf(rand.New(rand.NewSource(1)), 1, 1, 10) == nil,
		rand.NewZipf(rand.New(rand.NewSource(1)), 2, 0.5, 10) == nil)
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panics:", recover()) }()
	f()
}

func panics() {
	r := rand.New(rand.NewSource(1))
	try("Intn(0)", func() { r.Intn(0) })
	try("Int63n(-1)", func() { r.Int63n(-1) })
	try("Int31n(0)", func() { r.Int31n(0) })
	try("Shuffle(-1)", func() { r.Shuffle(-1, func(i, j int) {}) })
	try("nil Zipf", func() {
		var z *rand.Zipf
		z.Uint64()
	})
}

func main() {
	for _, s := range seeds {
		methods(s)
	}
	reads()
	custom()
	zipf()
	panics()
}
