package main

import "fmt"

func findPair(grid [][]int, target int) (int, int, bool) {
	ri, ci, found := -1, -1, false
search:
	for i, row := range grid {
		for j, v := range row {
			if v == target {
				ri, ci, found = i, j, true
				break search
			}
		}
	}
	return ri, ci, found
}

func main() {
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	fmt.Println(findPair(grid, 5))
	fmt.Println(findPair(grid, 10))

	// continue with a label skips the rest of the outer iteration
	primes := []int{}
outer:
	for n := 2; n < 40; n++ {
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				continue outer
			}
		}
		primes = append(primes, n)
	}
	fmt.Println(primes)

	// plain break inside switch leaves the switch, not the loop
	i := 0
	for ; i < 10; i++ {
		switch {
		case i == 3:
			break
		case i == 5:
			fmt.Println("five")
		}
		if i == 7 {
			break
		}
	}
	fmt.Println("stopped at", i)

	// labeled break out of a loop from inside a switch
	n := 0
loop:
	for {
		n++
		switch n % 4 {
		case 0:
			if n > 10 {
				break loop
			}
		case 1:
			continue loop
		}
		fmt.Print(n, " ")
	}
	fmt.Println("| n =", n)

	// labeled break from a type switch and from a select-free infinite loop
	vals := []any{1, 2, "stop", 3}
	seen := 0
scan:
	for _, v := range vals {
		switch v.(type) {
		case string:
			break scan
		}
		seen++
	}
	fmt.Println("seen", seen)

	// three levels, continue the middle one
	count := 0
L1:
	for a := 0; a < 3; a++ {
	L2:
		for b := 0; b < 3; b++ {
			for c := 0; c < 3; c++ {
				if c == b {
					continue L2
				}
				if a == 2 {
					break L1
				}
				count += 100*a + 10*b + c
			}
		}
	}
	fmt.Println("count", count)

	// labels on a block-free for with condition only
	k := 0
again:
	for k < 100 {
		k += 7
		if k%2 == 0 {
			continue again
		}
		if k > 50 {
			break again
		}
	}
	fmt.Println("k", k)

	// continue in range over a string and an int
	vowels := 0
	for _, r := range "labelled loops" {
		switch r {
		case 'a', 'e', 'i', 'o', 'u':
			vowels++
			continue
		}
	}
	odd := 0
	for x := range 10 {
		if x%2 == 0 {
			continue
		}
		odd += x
	}
	fmt.Println(vowels, odd)
}
