package main

import "fmt"

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func All[T any](xs []T) func(func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func search(grid [][]int, want int) (r, c int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("search: %w", err)
		}
	}()
	for i, row := range All(grid) {
		for j, v := range All(row) {
			if v == want {
				return i, j, nil
			}
		}
	}
	return -1, -1, fmt.Errorf("%d not found", want)
}

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func main() {
	grid := [][]int{{1, 2}, {3, 4}, {5, 6}}
	fmt.Println(search(grid, 4))
	fmt.Println(search(grid, 9))
	shapes := []Shape{Sq{1}, Sq{2}, Sq{3}}
	total := 0
	for k := 0; k < 30000; k++ {
		for _, s := range All(shapes) {
			total += s.Area()
		}
	}
	fmt.Println(total)
	n := 0
	for i := range Count(5) {
		func() {
			defer func() { n += i }()
		}()
	}
	fmt.Println(n)
}
