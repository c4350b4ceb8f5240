package main

import "fmt"

// Loop and array semantics compiled code must keep: local arrays of
// structs indexed by a variable, arrays passed and returned by value,
// range over an array iterating a copy, per-iteration loop variables
// captured and changed by closures, small and unsigned loop counters that
// wrap, unsigned comparisons across 2^63 and 2^31, and break inside a
// switch inside a loop (which leaves the switch only).

type Cell struct {
	id   int
	name string
	pos  [2]int8
}

func shift(a [6]Cell, k int) [6]Cell {
	var b [6]Cell
	for i := range a {
		b[(i+k)%6] = a[i]
		a[i].id = -1 // the caller's array is not touched
	}
	return b
}

func sumIDs(a [6]Cell) int {
	s := 0
	for _, c := range a {
		s = s*7 + c.id + int(c.pos[0]) - int(c.pos[1])
	}
	return s
}

func main() {
	var cells [6]Cell
	for i := range cells {
		cells[i] = Cell{i, string(rune('a' + i)), [2]int8{int8(i * 40), int8(-i * 50)}}
	}
	h := 0
	for r := 0; r < 20000; r++ {
		i, j := r%6, (r*5+1)%6
		cells[i], cells[j] = cells[j], cells[i]
		cells[i].pos[r&1] += int8(r)
		b := shift(cells, r)
		h = (h*31 + sumIDs(b) + b[r%6].id) % 1000000007
	}
	fmt.Println("arrays", h, cells[0], cells[5])

	// range over an array ranges over a copy; over a slice it does not
	arr := [5]int{1, 2, 3, 4, 5}
	sl := []int{1, 2, 3, 4, 5}
	as, ss := 0, 0
	for r := 0; r < 20000; r++ {
		for i, v := range arr {
			if i+1 < len(arr) {
				arr[i+1] += v & 1
			}
			as += v
		}
		for i, v := range sl {
			if i+1 < len(sl) {
				sl[i+1] += v & 1
			}
			ss += v
		}
		arr[0] = r & 3
		sl[0] = r & 3
	}
	fmt.Println("range copy", as, ss, arr, sl)

	// per-iteration loop variables: the body's change is kept by the
	// closure of that iteration, and copied into the next iteration
	var fs []func() int
	var incs []func()
	for i := 0; i < 3000; i++ {
		fs = append(fs, func() int { return i })
		incs = append(incs, func() { i += 1000 })
		if i%3 == 0 {
			i++
		}
	}
	incs[0]()
	incs[0]()
	incs[5]()
	t := 0
	for _, f := range fs {
		t += f()
	}
	fmt.Println("loopvar", len(fs), t, fs[0](), fs[1](), fs[5](), fs[len(fs)-1]())

	// wrapping loop counters
	n8 := 0
	for i := int8(100); i > 0; i += 3 {
		n8++
	}
	nu8 := 0
	for u := uint8(250); u != 10; u++ {
		nu8++
	}
	nu16 := 0
	for u := uint16(0); u < 65535; u += 7 {
		nu16++
		if nu16 > 100000 {
			break
		}
	}
	fmt.Println("wrap", n8, nu8, nu16)

	// unsigned comparisons around the sign bits
	big := []uint64{0, 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, 1<<64 - 1}
	mid := []uint32{0, 1<<31 - 1, 1 << 31, 1<<32 - 1}
	lt, le, gt := 0, 0, 0
	for r := 0; r < 5000; r++ {
		for _, a := range big {
			for _, b := range big {
				if a < b {
					lt++
				}
				if a <= b {
					le++
				}
				if a > 1<<63 {
					gt++
				}
			}
		}
		for _, a := range mid {
			for _, b := range mid {
				if a < b {
					lt += 2
				}
				if a >= 1<<31 {
					gt += 3
				}
			}
		}
	}
	fmt.Println("unsigned", lt, le, gt)
	var i8s = []int8{-128, -1, 0, 1, 127}
	c8 := 0
	for r := 0; r < 10000; r++ {
		for _, a := range i8s {
			if a < 0 {
				c8++
			}
			if a > -100 {
				c8 += 2
			}
			if uint8(a) > 200 {
				c8 += 4
			}
		}
	}
	fmt.Println("int8", c8)

	// break in a switch leaves the switch; labeled break leaves the loop
	k, brk := 0, 0
loop:
	for i := 0; i < 100000; i++ {
		switch {
		case i%7 == 0:
			break
		case i == 99990:
			break loop
		default:
			k += i & 15
			continue
		}
		brk++
	}
	fmt.Println("switch break", k, brk)
}
