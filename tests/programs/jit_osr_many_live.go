package main

import "fmt"

// Long loops in main, entered through OSR: many variables of every kind
// are live across the back-edge (ints of each size, floats with NaN and
// -0, strings, slices, arrays, structs, pointers, interfaces, function
// values), nested loops with labeled break and continue, and loops left
// and re-entered.

type Pt struct {
	X, Y int16
	Tag  string
}

type Named interface{ Name() string }

type Dog struct{ n int }

func (d Dog) Name() string { return fmt.Sprint("dog", d.n) }

type Cat string

func (c Cat) Name() string { return string(c) }

func main() {
	var (
		i8  int8    = 1
		u8  uint8   = 250
		i16 int16   = -300
		u16 uint16  = 65000
		i32 int32   = 1 << 30
		u32 uint32  = 4000000000
		i64 int64   = -1 << 40
		u64 uint64  = 1 << 63
		f   float64 = 0.1
		g   float64
		s   = "go"
		bs  = []byte("ab")
		xs  []int
		arr [4]int
		pt  = Pt{1, -1, "p"}
		pp  = &Pt{Tag: "q"}
		nm  Named
		any1 any = 3.5
		fn  = func(x int) int { return x + 1 }
		ok  bool
		r   rune = 'A'
	)
	zero := 0.0
	nan := zero / zero
	negz := -zero
	inf := 1 / zero
	nanLess, nanEq, nanNe, nanSelf := 0, 0, 0, 0
	for i := 0; i < 200000; i++ {
		i8 += int8(i)
		u8 ^= uint8(i * 3)
		i16 -= int16(i % 1000)
		u16 += uint16(i)
		i32 = i32*3 + int32(i)
		u32 = u32>>1 | u32<<31
		i64 += int64(i) * int64(i8)
		u64 = u64*6364136223846793005 + 1442695040888963407
		f = f*1.000001 + 1e-7
		if i%3 == 0 {
			g = nan
		} else if i%3 == 1 {
			g = negz
		} else {
			g = float64(i)
		}
		if g < 1 {
			nanLess++
		}
		if g == 0 {
			nanEq++
		}
		if g != g {
			nanSelf++
		}
		if !(g >= 1) {
			nanNe++
		}
		if i%5000 == 0 {
			s += string(rune('a' + i%26))
			xs = append(xs, i)
			bs = append(bs, byte('0'+i%10))
		}
		arr[i%4] += i
		pt.X += int16(i)
		pt.Y ^= int16(i)
		pp.X--
		if i%2 == 0 {
			nm = Dog{i}
		} else {
			nm = Cat("cat")
		}
		if i%7 == 0 {
			any1 = i
		} else if i%7 == 1 {
			any1 = "s"
		}
		ok = !ok
		r++
		if i == 100000 {
			fn = func(x int) int { return x * 2 }
		}
		arr[3] = fn(arr[3]) & 0xfffffff
	}
	fmt.Println(i8, u8, i16, u16, i32, u32, i64, u64)
	fmt.Println(f, g, 1/negz, inf, -inf, nan, nanLess, nanEq, nanNe, nanSelf)
	fmt.Println(s, string(bs), len(xs), xs[len(xs)-1], arr, pt, *pp, nm.Name(), any1, ok, r, fn(21))

	// nested loops with labels
	count, skipped, found := 0, 0, -1
outer:
	for a := 0; a < 500; a++ {
		for b := 0; b < 500; b++ {
			if b > a {
				continue outer
			}
			if (a*b)%97 == 96 {
				skipped++
				continue
			}
			if a*b == 249001 {
				found = a
				break outer
			}
			count += a ^ b
		}
	}
	fmt.Println("labels", count, skipped, found)

	// a loop broken out of and another entered, sharing state
	total := 0.0
	mn, mx := inf, -inf
	for k := 0; ; k++ {
		x := float64(k%1000) - 499.5
		if k%10 == 3 {
			x = nan
		}
		total += x
		if x < mn {
			mn = x
		}
		if x > mx {
			mx = x
		}
		if k == 123456 {
			break
		}
	}
	fmt.Println("minmax", total, mn, mx)
	j := 0
	for total != total && j < 100000 {
		j++
		if j == 99999 {
			total = 0
		}
	}
	fmt.Println("nan loop", j, total, negz == 0, 1/negz < 0)

	// switch inside a hot loop, with fallthrough and strings
	words := []string{"alpha", "beta", "gamma", "", "delta"}
	var lens [6]int
	acc := ""
	for i := 0; i < 100000; i++ {
		w := words[i%len(words)]
		switch {
		case w == "":
			lens[0]++
		case w < "c":
			lens[1]++
			fallthrough
		case len(w) == 5:
			lens[2] += len(w)
		default:
			lens[3]++
		}
		if i%9999 == 0 {
			acc += w[:len(w)/2]
		}
	}
	fmt.Println("switch", lens, acc)
}
