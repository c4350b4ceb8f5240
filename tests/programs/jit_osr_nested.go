package main

import "fmt"

// On-stack replacement in places other than main's top loop: a function
// called once whose loop calls a function that gets compiled first; a
// closure and a method with long loops; recursion where the outer frames
// are still interpreted, suspended mid-loop, when the function gets
// compiled (each resumes and then enters compiled code at its back-edge);
// and range loops (over a string with multi-byte runes, an array copy, a
// slice that the body appends to, and an int) whose hidden state must
// survive the switch.

type Walker struct {
	steps int
	trail []int
}

func (w *Walker) Walk(n int) int {
	pos := 0
	for i := 0; i < n; i++ {
		if i%3 == 0 {
			pos += i
		} else {
			pos -= i / 2
		}
		w.steps++
		if i%5000 == 0 {
			w.trail = append(w.trail, pos)
		}
	}
	return pos
}

func inner(x int) int {
	return x*x%1009 + 1
}

func outer(n int) (int, float64, string) {
	a, f, s := 0, 0.5, ""
	for i := 0; i < n; i++ {
		a += inner(i)
		f = f*0.999 + float64(a%7)
		if i%9973 == 0 {
			s += fmt.Sprint(i%10)
		}
	}
	return a, f, s
}

func walk(n, width int) int {
	s := 0
	for i := 0; i < width; i++ {
		if i == 0 && n > 0 {
			s += walk(n-1, width)
		}
		s += i * n % 13
	}
	return s
}

// Each range loop is in a function called once, so each is entered by OSR.
func rangeString(str string) {
	runes, bytes, last := 0, 0, rune(0)
	for i, r := range str {
		runes++
		bytes = i
		if r > last {
			last = r
		}
	}
	fmt.Println("string", runes, bytes, last, len(str))
}

func rangeArray() {
	var arr [3000]int
	arr[0] = 7
	sum := 0
	for i, v := range arr {
		if i+1 < len(arr) {
			arr[i+1] = i // the range copy still has 0 at i+1
		}
		sum += v
	}
	fmt.Println("array", sum, arr[1], arr[2999])
}

func rangeSlice(xs []int) {
	n := 0
	for i, v := range xs {
		if len(xs) < 5000 {
			xs = append(xs, v+i) // the range uses the original slice
		}
		xs[0] += v
		n++
	}
	fmt.Println("slice", n, len(xs), xs[0], xs[len(xs)-1])
}

func rangeInt(n int) {
	t := 0
	for i := range n {
		t += i & 7
	}
	fmt.Println("int", t)
}

func ranges() {
	str := "héllo, wörld — ☃ ok "
	for len(str) < 4000 {
		str += str
	}
	rangeString(str)
	rangeArray()
	xs := make([]int, 300, 6000)
	for i := range xs {
		xs[i] = i
	}
	rangeSlice(xs)
	rangeInt(20000)
}

func main() {
	a, f, s := outer(60000)
	fmt.Println("outer", a, f, s)

	w := &Walker{}
	var walker interface{ Walk(int) int } = w
	fmt.Println("method", walker.Walk(50000), w.steps, w.trail)

	count := 0
	loop := func(n int) int {
		h := uint32(2166136261)
		for i := 0; i < n; i++ {
			h = (h ^ uint32(i)) * 16777619
			count++
		}
		return int(h)
	}
	fmt.Println("closure", loop(70000), count)

	for _, depth := range []int{50, 3000} {
		fmt.Println("walk", depth, walk(depth, 40))
	}
	ranges()
}
