package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func info(nums ...int) string {
	return fmt.Sprintf("len=%d nil=%t %v", len(nums), nums == nil, nums)
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func zeroFirst(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 0
	}
}

func describe(prefix string, vals ...any) string {
	s := prefix
	for _, v := range vals {
		s += fmt.Sprintf(" %T=%v", v, v)
	}
	return s
}

func logf(format string, args ...any) {
	fmt.Printf("[log] "+format+"\n", args...)
}

func minMax(first int, rest ...int) (lo, hi int) {
	lo, hi = first, first
	for _, r := range rest {
		if r < lo {
			lo = r
		}
		if r > hi {
			hi = r
		}
	}
	return
}

type Pipeline []func(int) int

func chain(fs ...func(int) int) Pipeline { return fs }

func (p Pipeline) Run(x int) int {
	for _, f := range p {
		x = f(x)
	}
	return x
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum(xs...), sum(xs[1:]...))

	fmt.Println(info())
	fmt.Println(info(nil...))
	fmt.Println(info([]int{}...))
	fmt.Println(info(1, 2))

	// passing a slice with ... shares its backing array
	zeroFirst(xs...)
	fmt.Println(xs)
	// passing individual values builds a fresh slice
	a, b := 7, 8
	zeroFirst(a, b)
	fmt.Println(a, b)

	fmt.Println(join(", ", "a", "b", "c"), join("-"), join("+", []string{"x", "y"}...))

	fmt.Println(describe("vals:", 1, "two", 3.0, nil, []int{4}))
	args := []any{"x", 2}
	fmt.Println(describe("spread:", args...))
	fmt.Println(describe("nested:", args)) // one argument: the slice itself
	logf("%s has %d items", "cart", 3)
	logf("no args")

	lo, hi := minMax(5, 3, 9, -2, 7)
	fmt.Println(lo, hi)
	fmt.Println(minMax(1))

	// variadic function values and types
	f := sum
	fmt.Printf("%T %d\n", f, f(10, 20))
	var g func(string, ...string) string = join
	fmt.Println(g("/", "usr", "bin"))

	p := chain(
		func(x int) int { return x + 1 },
		func(x int) int { return x * 10 },
	)
	fmt.Println(p.Run(1), len(p), chain().Run(5))

	// fmt's own variadics with spread
	parts := []any{1, "a", true}
	fmt.Println(parts...)
	fmt.Print(parts...)
	fmt.Println()
	s := fmt.Sprint(parts...)
	fmt.Println(s, fmt.Sprintln(parts...) == "1 a true\n")

	// append is variadic too
	base := []int{1}
	base = append(base)
	base = append(base, 2, 3)
	base = append(base, xs...)
	fmt.Println(base)
}
