package main

import "fmt"

type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func Pairs[K comparable, V any](keys []K, vals []V) Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for i := range keys {
			if !yield(keys[i], vals[i]) {
				return
			}
		}
	}
}

type Tree struct {
	left, right *Tree
	v           int
}

func (t *Tree) All(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.left.All(yield) && yield(t.v) && t.right.All(yield)
}

func (t *Tree) Walk() Seq[int] {
	return func(yield func(int) bool) { t.All(yield) }
}

func find(t *Tree, x int) (pos int, found bool) {
	i := 0
	for v := range t.Walk() {
		if v == x {
			return i, true
		}
		i++
	}
	return -1, false
}

func firstOver(limit int) string {
	for i := range Count(100) {
		if i*i > limit {
			return fmt.Sprint("first square over ", limit, " is ", i*i)
		}
	}
	return "none"
}

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for i := 0; i < n; i++ {
			if !yield() {
				return
			}
		}
	}
}

func named() (out []int) {
	for i := range Count(10) {
		out = append(out, i)
		if i == 3 {
			return
		}
	}
	return nil
}

func main() {
	sum := 0
	for i := range Count(5) {
		sum += i
	}
	fmt.Println("sum", sum)
	for i := range Count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 6 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	for k, v := range Pairs([]string{"a", "b", "c"}, []int{1, 2, 3}) {
		fmt.Println(k, v)
	}
	t := &Tree{&Tree{nil, nil, 1}, &Tree{&Tree{nil, nil, 5}, nil, 9}, 3}
	for v := range t.Walk() {
		fmt.Print(v, ",")
	}
	fmt.Println()
	fmt.Println(find(t, 5))
	fmt.Println(find(t, 7))
	fmt.Println(firstOver(50))
	n := 0
	for range times(4) {
		n++
	}
	fmt.Println("times", n)
	var funcs []func() int
	for i := range Count(3) {
		funcs = append(funcs, func() int { return i * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var last int
	for last = range Count(4) {
	}
	fmt.Println("last", last)
outer:
	for i := range Count(3) {
		for j := range Count(3) {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	fmt.Println(named())
	total := 0
	for k := 0; k < 2000; k++ {
		for v := range t.Walk() {
			total += v
		}
	}
	fmt.Println(total)
}
