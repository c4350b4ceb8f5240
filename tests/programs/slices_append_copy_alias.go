package main

import "fmt"

func show(name string, s []int) {
	fmt.Println(name, s, len(s))
}

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func grow(s []int) []int {
	return append(s, 100)
}

func main() {
	// make: length and capacity
	a := make([]int, 3, 10)
	fmt.Println(a, len(a), cap(a))
	b := a[1:2]
	fmt.Println(b, len(b), cap(b))
	b = b[:cap(b)] // reslice up to capacity
	fmt.Println(len(b), cap(b))

	// appending within capacity writes into the shared array
	c := append(a, 4)
	c[0] = 99
	fmt.Println(a, c, len(a), cap(c))
	d := append(a[:1], 7, 8)
	fmt.Println(a, d)

	// appending past capacity allocates a new array: no more sharing
	full := make([]int, 3, 3)
	grown := append(full, 4)
	grown[0] = 55
	show("full", full)
	show("grown", grown)

	// three-index slices limit capacity, forcing a copy on append
	base := []int{1, 2, 3, 4, 5}
	lim := base[1:3:3]
	fmt.Println(lim, len(lim), cap(lim))
	lim = append(lim, 60)
	lim[0] = 20
	fmt.Println(base, lim)
	nolim := base[1:3]
	nolim = append(nolim, 40) // overwrites base[3]
	fmt.Println(base, nolim, cap(nolim))

	// functions receive slice headers: element writes are visible,
	// appends are not (unless the result is returned)
	s := make([]int, 4)
	fill(s[1:3], 9)
	fmt.Println(s)
	t := grow(s[:2])
	fmt.Println(s, t)

	// copy: returns the count, min of both lengths; handles overlap
	dst := make([]int, 3)
	n := copy(dst, []int{1, 2, 3, 4, 5})
	fmt.Println(n, dst)
	n = copy(dst, []int{7})
	fmt.Println(n, dst)
	ov := []int{1, 2, 3, 4, 5, 6}
	copy(ov[2:], ov)
	fmt.Println(ov)
	ov = []int{1, 2, 3, 4, 5, 6}
	copy(ov, ov[2:])
	fmt.Println(ov)
	bs := make([]byte, 5)
	n = copy(bs, "héllo")
	fmt.Println(n, bs, string(bs))

	// nil vs empty
	var nilS []int
	empty := []int{}
	fmt.Println(nilS == nil, empty == nil, len(nilS), cap(nilS), nilS, empty)
	nilS = append(nilS, 1)
	fmt.Println(nilS, nilS == nil)
	var nilB []byte
	nilB = append(nilB, "xyz"...)
	fmt.Println(string(nilB), len(nilB))
	fmt.Println(len(nilS[:0]), len(empty[0:]), nilS[1:])

	// append another slice, and itself
	x := []int{1, 2}
	x = append(x, x...)
	x = append(x, []int{7, 8}...)
	fmt.Println(x, len(x))
	x = append(x[:1], x[3:]...) // delete x[1:3]
	fmt.Println(x)

	// insert in the middle
	y := []int{1, 2, 4, 5}
	y = append(y[:2], append([]int{3}, y[2:]...)...)
	fmt.Println(y)

	// slices of slices
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid, len(grid[2]))
	row := grid[1]
	row[1] = 42
	fmt.Println(grid)

	// slicing an array shares it
	arr := [5]int{10, 20, 30, 40, 50}
	sl := arr[1:4]
	sl[0] = 21
	fmt.Println(arr, sl, len(sl), cap(sl))
	sl = append(sl, 45) // fits: writes arr[4]
	fmt.Println(arr, sl)

	// stack and queue idioms
	stack := []string{}
	for _, w := range []string{"a", "b", "c"} {
		stack = append(stack, w)
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fmt.Print(top)
	}
	fmt.Println()
	q := []int{1, 2, 3}
	for len(q) > 0 {
		h := q[0]
		q = q[1:]
		if h < 3 {
			q = append(q, h*10)
		}
		fmt.Print(h, " ")
	}
	fmt.Println()

	// make with only a length zeroes the elements of every type
	zs := make([]string, 2)
	zb := make([]bool, 2)
	zp := make([]*int, 2)
	fmt.Printf("%q %v %v %d %d\n", zs, zb, zp, len(zs), cap(zb))
}
