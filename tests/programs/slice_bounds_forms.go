package main

// The text of every failing slice expression's panic, as Go's runtime
// words it: two- and three-index forms, negative bounds (printed
// without the length or capacity), strings and arrays.

import "fmt"

func try(what string, f func()) {
	defer func() { fmt.Println(what, "->", recover()) }()
	f()
}

func main() {
	s := make([]int, 5, 8)
	str := "hello"
	arr := [6]int{}
	ap := &arr
	for _, v := range [][3]int{{-1, 0, 0}, {6, 5, 8}, {0, 9, 8}, {0, -2, 8}, {2, 1, 8}, {0, 3, 9}, {0, 3, -4}, {0, 4, 3}, {0, -1, 3}, {3, 2, 4}, {-3, 2, 4}} {
		l, h, m := v[0], v[1], v[2]
		try(fmt.Sprint("s[", l, ":]"), func() { _ = s[l:] })
		try(fmt.Sprint("s[:", h, "]"), func() { _ = s[:h] })
		try(fmt.Sprint("s[", l, ":", h, "]"), func() { _ = s[l:h] })
		try(fmt.Sprint("s[", l, ":", h, ":", m, "]"), func() { _ = s[l:h:m] })
		try(fmt.Sprint("s[:", h, ":", m, "]"), func() { _ = s[:h:m] })
		try(fmt.Sprint("str[", l, ":", h, "]"), func() { _ = str[l:h] })
		try(fmt.Sprint("str[", l, ":]"), func() { _ = str[l:] })
		try(fmt.Sprint("arr[", l, ":", h, "]"), func() { _ = arr[l:h] })
		try(fmt.Sprint("ap[", l, ":", h, ":", m, "]"), func() { _ = ap[l:h:m] })
	}
	// in a hot loop: compiled code takes the same path
	n := 0
	for i := 0; i < 3000; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					n++
					if i == 2999 {
						fmt.Println(r)
					}
				}
			}()
			k := i % 7
			_ = s[k-1 : k : 8]
		}()
	}
	fmt.Println(n)
}
