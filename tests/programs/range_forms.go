package main

import "fmt"

type Count int

type Matrix [2][3]int

func main() {
	// over an int (Go 1.22)
	for i := range 4 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println("range 5 ran", n)
	for i := range int8(3) {
		fmt.Printf("%T:%d ", i, i)
	}
	var c Count = 3
	for i := range c {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	for i := range 0 {
		fmt.Println("never", i)
	}
	neg := -3
	for i := range neg {
		fmt.Println("never", i)
	}

	// the range expression is evaluated once
	limit := 3
	for i := range limit {
		limit = 10
		fmt.Print(i, " ")
	}
	fmt.Println("limit", limit)

	// over slices: index, index+value, value only, nothing
	s := []string{"a", "b", "c"}
	for i := range s {
		fmt.Print(i)
	}
	for i, v := range s {
		fmt.Print(" ", i, v)
	}
	for _, v := range s {
		fmt.Print(" ", v)
	}
	cnt := 0
	for range s {
		cnt++
	}
	fmt.Println(" cnt", cnt)

	// appending during range does not extend the iteration
	nums := []int{1, 2, 3}
	for _, v := range nums {
		nums = append(nums, v*10)
	}
	fmt.Println(nums)
	// but writes to later elements are seen (slice shares the array)
	nums = []int{1, 2, 3}
	for i, v := range nums {
		if i+1 < len(nums) {
			nums[i+1] += v
		}
	}
	fmt.Println(nums)

	// the value is a copy of the element
	type P struct{ N int }
	ps := []P{{1}, {2}}
	for _, p := range ps {
		p.N *= 100
	}
	fmt.Println(ps)
	for i := range ps {
		ps[i].N *= 100
	}
	fmt.Println(ps)

	// over arrays and pointers to arrays
	arr := [3]int{5, 6, 7}
	sum := 0
	for i, v := range arr {
		sum += i * v
	}
	var m Matrix
	for i, row := range m {
		for j := range row {
			m[i][j] = i + j
		}
	}
	fmt.Println(sum, m)
	for i := range &arr {
		arr[i]++
	}
	fmt.Println(arr)

	// over strings: byte offsets and runes
	for i, r := range "aé😀b" {
		fmt.Printf("%d:%c(%d) ", i, r, len(string(r)))
	}
	fmt.Println()
	var runes []rune
	for _, r := range "héllo" {
		runes = append(runes, r)
	}
	fmt.Println(runes, len(runes))
	for i := range "" {
		fmt.Println("never", i)
	}

	// over nil slice: zero iterations
	var nilS []int
	for range nilS {
		fmt.Println("never")
	}

	// range variables are per-iteration; reusing names with =
	var idx int
	var val string
	for idx, val = range s {
	}
	fmt.Println("after loop:", idx, val)

	// nested ranges building a triangle
	for i := range 4 {
		line := ""
		for range i + 1 {
			line += "*"
		}
		fmt.Println(line)
	}

	// classic three-clause loops with multiple variables
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
	// condition-only and infinite with break
	x := 1
	for x < 1000 {
		x *= 3
	}
	y := 0
	for {
		y++
		if y*y > 50 {
			break
		}
	}
	fmt.Println(x, y)
}
