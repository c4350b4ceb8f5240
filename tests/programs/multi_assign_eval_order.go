package main

import "fmt"

var log []string

func note(s string, v int) int {
	log = append(log, s)
	return v
}

func t(s string) bool {
	log = append(log, s)
	return true
}

func f(s string) bool {
	log = append(log, s)
	return false
}

func flush() {
	fmt.Println(log)
	log = nil
}

type Stack struct{ items []int }

func (s *Stack) Push(v int) *Stack {
	s.items = append(s.items, v)
	return s
}

func three() (int, int, int) { return 1, 2, 3 }

func main() {
	// tuple assignment: right side evaluated first, then assigned
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)
	fa, fb := 0, 1
	for i := 0; i < 10; i++ {
		fa, fb = fb, fa+fb
	}
	fmt.Println(fa, fb)

	// index operands on the left are evaluated before any assignment
	xs := []int{0, 0, 0}
	i := 0
	i, xs[i] = 1, 2 // sets xs[0]
	fmt.Println(i, xs)
	xs[i], i = 5, 2 // sets xs[1]
	fmt.Println(i, xs)
	arr := [3]int{1, 2, 3}
	arr[0], arr[1], arr[2] = arr[2], arr[0], arr[1]
	fmt.Println(arr)

	// function calls are evaluated left to right
	sum := note("a", 1) + note("b", 2)*note("c", 3)
	fmt.Println(sum)
	flush()
	fmt.Println(note("x", 1), note("y", 2), note("z", 3))
	flush()
	ys := []int{note("e0", 10), note("e1", 20)}
	fmt.Println(ys)
	flush()
	p := struct{ A, B int }{note("fa", 1), note("fb", 2)}
	fmt.Println(p)
	flush()

	// op-assign evaluates the index expression once
	counts := []int{0, 0, 0}
	counts[note("idx", 1)] += 10
	counts[note("idx2", 2)]++
	fmt.Println(counts)
	flush()

	// && and || short-circuit
	if f("f1") && t("t1") {
		fmt.Println("no")
	}
	if t("t2") || f("f2") {
		fmt.Println("yes")
	}
	r := f("f3") || t("t3") && f("f4") || t("t5")
	fmt.Println(r)
	flush()

	// method chains run in order
	s := &Stack{}
	s.Push(note("p1", 1)).Push(note("p2", 2)).Push(note("p3", 3))
	fmt.Println(s.items)
	flush()

	// multi-value assignment from a call, ignoring some with _
	_, second, _ := three()
	one, _, three := three()
	fmt.Println(second, one, three)

	// if/switch with init statements scoped to the statement
	if v := note("init", 7); v > 5 {
		fmt.Println("v big", v)
	} else {
		fmt.Println("v small", v)
	}
	switch w := note("sw", 2) * 2; w {
	case 4:
		fmt.Println("w is 4")
	}
	flush()

	// op-assign forms
	n := 100
	n += 5
	n -= 3
	n *= 2
	n /= 4
	n %= 7
	n <<= 3
	n >>= 1
	n |= 1
	n &= 0xff
	n ^= 0x0f
	n &^= 0x3
	fmt.Println(n)
	str := "a"
	str += "b"
	str += str
	fmt.Println(str)
	fl := 1.5
	fl *= 4
	fl -= 0.5
	fl /= 2
	fmt.Println(fl)
	k := 0
	k++
	k++
	k--
	fmt.Println(k)
}
