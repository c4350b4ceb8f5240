// The top-level functions of math/rand and math/rand/v2 (randomly
// seeded): only what does not depend on the seed is printed — ranges,
// permutations, kept elements, Read's count, and that rand.Seed is a
// no-op (the values after two Seed(1) calls differ, as they would from
// the same seed only with probability 2⁻³⁰⁰).
package main

import (
	"fmt"
	"math/rand"
	v2 "math/rand/v2"
	"slices"
	"sync"
)

func check(name string, ok bool) {
	if !ok {
		fmt.Println("FAIL", name)
	}
}

func isPerm(p []int, n int) bool {
	if len(p) != n {
		return false
	}
	s := slices.Clone(p)
	slices.Sort(s)
	for i, v := range s {
		if v != i {
			return false
		}
	}
	return true
}

type Count uint16

func v1() {
	for i := 0; i < 2000; i++ {
		check("Int63", rand.Int63() >= 0)
		check("Int31", rand.Int31() >= 0)
		check("Int", rand.Int() >= 0)
		_ = rand.Uint32()
		_ = rand.Uint64()
		n := i%97 + 1
		v := rand.Intn(n)
		check("Intn", v >= 0 && v < n)
		w := rand.Int63n(int64(n) << 40)
		check("Int63n", w >= 0 && w < int64(n)<<40)
		x := rand.Int31n(int32(n))
		check("Int31n", x >= 0 && x < int32(n))
		f := rand.Float64()
		check("Float64", f >= 0 && f < 1)
		g := rand.Float32()
		check("Float32", g >= 0 && g < 1)
		e := rand.ExpFloat64()
		check("ExpFloat64", e > 0)
		_ = rand.NormFloat64()
	}
	for n := 0; n < 40; n++ {
		check("Perm", isPerm(rand.Perm(n), n))
	}
	s := []int{10, 20, 30, 40, 50, 60, 70, 80}
	for k := 0; k < 50; k++ {
		rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	t := slices.Clone(s)
	slices.Sort(t)
	fmt.Println("v1 Shuffle keeps", t)
	b := make([]byte, 37)
	n, err := rand.Read(b)
	fmt.Println("v1 Read", n, err)
	rand.Seed(1)
	a1 := []int64{rand.Int63(), rand.Int63(), rand.Int63(), rand.Int63(), rand.Int63()}
	rand.Seed(1)
	a2 := []int64{rand.Int63(), rand.Int63(), rand.Int63(), rand.Int63(), rand.Int63()}
	fmt.Println("v1 Seed is a no-op:", !slices.Equal(a1, a2))
	seeded := rand.New(rand.NewSource(1))
	a3 := []int64{seeded.Int63(), seeded.Int63(), seeded.Int63(), seeded.Int63(), seeded.Int63()}
	fmt.Println("v1 not Seed(1)'s sequence:", !slices.Equal(a2, a3))
	z := rand.NewZipf(rand.New(rand.NewSource(rand.Int63())), 1.5, 2, 50)
	for i := 0; i < 100; i++ {
		check("Zipf", z.Uint64() <= 50)
	}
}

func v2calls() {
	for i := 0; i < 2000; i++ {
		check("Int64", v2.Int64() >= 0)
		check("Int32", v2.Int32() >= 0)
		check("Int", v2.Int() >= 0)
		_ = v2.Uint32()
		_ = v2.Uint64()
		_ = v2.Uint()
		n := i%97 + 1
		check("IntN", v2.IntN(n) < n && v2.IntN(n) >= 0)
		check("Int64N", v2.Int64N(int64(n)<<40) < int64(n)<<40)
		check("Int32N", v2.Int32N(int32(n)) < int32(n))
		check("Uint64N", v2.Uint64N(uint64(n)) < uint64(n))
		check("Uint32N", v2.Uint32N(uint32(n)) < uint32(n))
		check("UintN", v2.UintN(uint(n)) < uint(n))
		check("N", v2.N(Count(n)) < Count(n))
		check("N int8", v2.N(int8(n)) < int8(n))
		f := v2.Float64()
		check("Float64", f >= 0 && f < 1)
		g := v2.Float32()
		check("Float32", g >= 0 && g < 1)
		check("ExpFloat64", v2.ExpFloat64() > 0)
		_ = v2.NormFloat64()
	}
	for n := 0; n < 40; n++ {
		check("Perm", isPerm(v2.Perm(n), n))
	}
	s := []string{"x", "y", "z", "w", "v"}
	for k := 0; k < 50; k++ {
		v2.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	t := slices.Clone(s)
	slices.Sort(t)
	fmt.Println("v2 Shuffle keeps", t)

	// A random seed for a seeded generator: deterministic given it.
	var seed [32]byte
	for i := range seed {
		seed[i] = byte(v2.Uint32())
	}
	c1, c2 := v2.NewChaCha8(seed), v2.NewChaCha8(seed)
	same := true
	for i := 0; i < 500; i++ {
		same = same && c1.Uint64() == c2.Uint64()
	}
	fmt.Println("v2 ChaCha8 from a random seed repeats:", same)
}

// Goroutines share the top-level generators.
func concurrent() {
	var wg sync.WaitGroup
	bad := make([]int, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				if v := rand.Intn(10); v < 0 || v >= 10 {
					bad[g]++
				}
				if v := v2.IntN(10); v < 0 || v >= 10 {
					bad[g]++
				}
				b := make([]byte, 5)
				if n, _ := rand.Read(b); n != 5 {
					bad[g]++
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("concurrent bad:", bad)
}

func main() {
	v1()
	v2calls()
	concurrent()
	fmt.Println("done")
}
