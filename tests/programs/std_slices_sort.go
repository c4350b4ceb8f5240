package main

// slices.Sort, SortFunc, SortStableFunc, IsSorted(Func), BinarySearch(Func),
// Min/Max(Func), and sort.Ints/Strings/Float64s (slices.Sort underneath):
// orders of equal elements and counts of cmp calls as Go's.

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type emp struct {
	dept string
	pay  int
	id   int
}

var seed uint64 = 99

func rnd() int {
	seed = seed*2862933555777941757 + 3037000493
	return int(seed >> 34)
}

func emps(shape, n int) []emp {
	depts := []string{"ops", "dev", "hr", "qa"}
	es := make([]emp, n)
	for i := range es {
		pay := 0
		switch shape {
		case 0:
			pay = rnd() % 50
		case 1:
			pay = i / 4
		case 2:
			pay = (n - i) / 3
		case 3:
			pay = i % 9
		}
		es[i] = emp{depts[rnd()%4], pay * 100, i}
	}
	return es
}

func ids(es []emp) []int {
	r := make([]int, len(es))
	for i, e := range es {
		r[i] = e.id
	}
	return r
}

func hash(es []emp) int {
	h := 0
	for i, e := range es {
		h = (h*1000003 + e.id*(i+7)) % 998244353
	}
	return h
}

func main() {
	shapes := []string{"random", "steps", "descending", "sawtooth"}
	for s := range shapes {
		calls, stableCalls, h := 0, 0, 0
		for n := 0; n <= 200; n++ {
			es := emps(s, n)
			c := 0
			slices.SortFunc(es, func(a, b emp) int {
				c++
				return cmp.Compare(a.pay, b.pay)
			})
			calls += c
			h = (h*7 + hash(es)) % 998244353
			if n == 30 {
				fmt.Println(shapes[s], "SortFunc", c, ids(es))
			}
			if !slices.IsSortedFunc(es, func(a, b emp) int { return a.pay - b.pay }) {
				fmt.Println("NOT SORTED", n)
			}
			fs := emps(s, n)
			c = 0
			slices.SortStableFunc(fs, func(a, b emp) int {
				c++
				return strings.Compare(a.dept, b.dept)
			})
			stableCalls += c
			for i := 1; i < n; i++ {
				if fs[i].dept == fs[i-1].dept && fs[i].id < fs[i-1].id {
					fmt.Println("NOT STABLE", n)
				}
			}
			if n == 30 {
				fmt.Println(shapes[s], "SortStableFunc", c, ids(fs))
			}
		}
		fmt.Println(shapes[s], "0..200:", calls, stableCalls, h)
	}

	// two keys with cmp.Or, larger
	for _, n := range []int{1000, 3000} {
		es := emps(0, n)
		c := 0
		slices.SortFunc(es, func(a, b emp) int {
			c++
			return cmp.Or(strings.Compare(a.dept, b.dept), cmp.Compare(b.pay, a.pay))
		})
		fmt.Println(n, c, hash(es), es[0], es[n-1])
	}

	// ordered element types
	ints := make([]int, 300)
	for i := range ints {
		ints[i] = rnd()%100 - 50
	}
	a := slices.Clone(ints)
	slices.Sort(a)
	b := slices.Clone(ints)
	sort.Ints(b)
	fmt.Println(a[:20], slices.Equal(a, b), slices.IsSorted(a), slices.IsSorted(ints), sort.IntsAreSorted(b))
	nan := 0.0
	nan /= nan
	fl := []float64{3, nan, -0.5, 2, nan, -7, 0, 1e300}
	slices.Sort(fl)
	fmt.Println(fl, slices.IsSorted(fl))
	fl2 := []float64{3, nan, -0.5, 2, nan, -7}
	sort.Float64s(fl2)
	fmt.Println(fl2, sort.Float64sAreSorted(fl2))
	strs := strings.Fields("the quick brown fox jumps over the lazy dog again and again")
	sort.Strings(strs)
	fmt.Println(strs, sort.StringsAreSorted(strs))
	type celsius float32
	temps := []celsius{21.5, -3, 0, 37.25, -3}
	slices.Sort(temps)
	fmt.Println(temps)
	u8 := []uint8{200, 3, 255, 0, 17}
	slices.Sort(u8)
	fmt.Println(u8)

	// binary search
	for _, t := range []int{-51, -50, 0, 7, 49, 50} {
		i, ok := slices.BinarySearch(a, t)
		fmt.Print(t, ":", i, ok, " ")
	}
	fmt.Println()
	i, ok := slices.BinarySearch(fl, nan)
	j, ok2 := slices.BinarySearch(fl, 2)
	fmt.Println(i, ok, j, ok2)
	es := emps(1, 40)
	for _, pay := range []int{-1, 0, 500, 550, 900, 1000} {
		i, ok := slices.BinarySearchFunc(es, pay, func(e emp, t int) int { return cmp.Compare(e.pay, t) })
		fmt.Print(pay, ":", i, ok, " ")
	}
	fmt.Println()

	// Min, Max and the Func forms (first of equals)
	fmt.Println(slices.Min(ints), slices.Max(ints), slices.Min(strs), slices.Max(fl), slices.Min([]float64{1, nan, -1}))
	byPay := func(a, b emp) int { return cmp.Compare(a.pay, b.pay) }
	es2 := emps(3, 30)
	fmt.Println(slices.MinFunc(es2, byPay), slices.MaxFunc(es2, byPay))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.Max([]int{})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.MinFunc([]emp{}, byPay)
	}()

	// hot
	total := 0
	for r := 0; r < 150; r++ {
		xs := emps(r%4, 60)
		slices.SortFunc(xs, byPay)
		ys := make([]int, 60)
		for k := range ys {
			ys[k] = (k * 37 * (r + 1)) % 61
		}
		slices.Sort(ys)
		total += xs[0].id + xs[59].id*2 + ys[30]
	}
	fmt.Println("hot", total)
}
