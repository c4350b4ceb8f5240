package main

import "fmt"

// goto: loops built from labels, jumps out of nested blocks, forward
// jumps past code, a retry pattern, and an irreducible loop (entered in
// the middle), each hot enough for the compilers.

func collatz(n int) int {
	steps := 0
loop:
	if n == 1 {
		return steps
	}
	steps++
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	goto loop
}

func find(grid [][]int, want int) (int, int) {
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] == want {
				x, y := i, j
				_ = x
				_ = y
				goto found
			}
		}
	}
	return -1, -1
found:
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] == want {
				return i, j
			}
		}
	}
	return -2, -2
}

func irreducible(n int, start bool) int {
	a, b := 0, 0
	if start {
		goto B
	}
A:
	a++
	if a+b >= n {
		return a*1000 + b
	}
B:
	b += 2
	if a+b < n {
		goto A
	}
	return a*1000 + b
}

func skip(x int) string {
	s := "start"
	if x > 5 {
		goto end
	}
	s += "-small"
	if x < 0 {
		goto neg
	}
	s += "-nonneg"
	goto end
neg:
	s += "-neg"
end:
	return s + "-end"
}

func main() {
	total := 0
	for i := 1; i < 3000; i++ {
		total += collatz(i)
	}
	fmt.Println(total)
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	fmt.Println(find(grid, 6))
	fmt.Println(find(grid, 10))
	sum := 0
	for i := 0; i < 20000; i++ {
		sum += irreducible(i%50, i%3 == 0)
	}
	fmt.Println(sum)
	for _, x := range []int{-3, 2, 9} {
		fmt.Println(skip(x))
	}
	i := 0
retry:
	i++
	if i < 5 {
		goto retry
	}
	fmt.Println(i)
}
