package main

import "fmt"

type Board [3][3]byte

func (b Board) With(r, c int, v byte) Board {
	b[r][c] = v // modifies the receiver copy
	return b
}

func (b *Board) Set(r, c int, v byte) {
	b[r][c] = v
}

func (b Board) String() string {
	s := ""
	for _, row := range b {
		for _, cell := range row {
			if cell == 0 {
				s += "."
			} else {
				s += string(rune(cell))
			}
		}
		s += "/"
	}
	return s
}

func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doublePtr(a *[4]int) {
	for i := range a {
		a[i] *= 2
	}
}

type Pair struct {
	Keys [2]string
	N    int
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a // copy
	b[0] = 100
	fmt.Println(a, b, a == b, a != b)
	fmt.Println(double(a), a)
	doublePtr(&a)
	fmt.Println(a)

	// [...] and keyed elements
	names := [...]string{2: "two", 0: "zero", 4: "four"}
	fmt.Println(len(names), names)
	fmt.Printf("%q\n", names)
	primes := [...]int{2, 3, 5, 7, 11}
	fmt.Printf("%T %d\n", primes, len(primes))

	// comparison of arrays of structs and of arrays
	p1 := [2]Pair{{[2]string{"a", "b"}, 1}, {N: 2}}
	p2 := p1
	fmt.Println(p1 == p2)
	p2[1].Keys[1] = "z"
	fmt.Println(p1 == p2, p1[1], p2[1])

	// range over an array iterates over a copy; over a slice it does not
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 10 * (i + 1)
		fmt.Print(v, " ")
	}
	fmt.Println(arr)
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 10 * (i + 1)
		fmt.Print(v, " ")
	}
	fmt.Println(sl)
	// range over a pointer to an array does not copy
	arr = [3]int{1, 2, 3}
	for i, v := range &arr {
		arr[2] = 10 * (i + 1)
		fmt.Print(v, " ")
	}
	fmt.Println(arr)

	// len of a nil pointer to an array is a constant: no dereference
	var pa *[5]int
	fmt.Println(len(pa), cap(pa), pa == nil)

	// pointer to array: indexing and slicing auto-dereference
	pa = &[5]int{5, 4, 3, 2, 1}
	pa[0] = 50
	s := pa[1:3]
	s[0] = 40
	fmt.Println(*pa, s, len(pa))

	// arrays in structs are copied with the struct
	pr := Pair{Keys: [2]string{"k1", "k2"}, N: 1}
	pr2 := pr
	pr2.Keys[0] = "changed"
	fmt.Println(pr, pr2)

	// methods on array types; value receiver gets a copy
	var bd Board
	bd2 := bd.With(1, 1, 'X')
	fmt.Println(bd, bd2)
	bd.Set(0, 2, 'O')
	bd.Set(2, 0, 'X')
	fmt.Println(bd)
	fmt.Printf("%v|%s|%d\n", bd, bd2, bd2[1])

	// multidimensional
	var grid [3][4]int
	for r := 0; r < 3; r++ {
		for c := 0; c < 4; c++ {
			grid[r][c] = r*4 + c
		}
	}
	row := grid[1]
	row[0] = -1
	fmt.Println(grid, row, len(grid), len(grid[0]))

	// zero values and assignment of whole arrays
	var z [3]bool
	var zs [2]string
	fmt.Println(z, zs, len(zs[0]))
	z = [3]bool{true}
	fmt.Println(z)

	// array of arrays equality and as interface values
	var x1, x2 any = [2]int{1, 2}, [2]int{1, 2}
	fmt.Println(x1 == x2, x1 == any([2]int{2, 1}), x1 == any([3]int{1, 2}))

	// an array element's address stays valid
	nums := [3]int{7, 8, 9}
	p := &nums[1]
	*p = 80
	nums2 := nums
	*p = 81
	fmt.Println(nums, nums2)
}
