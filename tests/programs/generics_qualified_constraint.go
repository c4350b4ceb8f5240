package main

import (
	"cmp"
	"fmt"
)

// Constraints named from another package (cmp.Ordered): a type parameter
// constrained by one satisfies it in calls of that package's generics,
// in the generic body's own check and in each instantiation.

type Number interface {
	cmp.Ordered
}

type Celsius float64
type Name string

func maxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if cmp.Less(m, x) {
			m = x
		}
	}
	return m
}

func order[T Number](x, y T) int { return cmp.Compare(x, y) }

func clamp[T interface{ cmp.Ordered }](x, lo, hi T) T {
	if cmp.Compare(x, lo) < 0 {
		return lo
	}
	if cmp.Less(hi, x) {
		return hi
	}
	return x
}

func sortSmall[T cmp.Ordered](xs []T) []T {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && cmp.Less(xs[j], xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
	return xs
}

func main() {
	fmt.Println(maxOf(3, 9, 2), maxOf("pear", "apple", "zucchini"), maxOf(Celsius(-3), Celsius(21.5)))
	fmt.Println(order(1, 2), order(Name("b"), Name("a")), order(2.5, 2.5))
	fmt.Println(clamp(15, 0, 10), clamp(-4, 0, 10), clamp(Name("m"), "c", "x"))
	fmt.Println(sortSmall([]Celsius{3, -1, 2.5, 0}), sortSmall([]string{"b", "c", "a"}))
	sum := 0
	for i := 0; i < 20000; i++ {
		sum += order(i%7, 3) + clamp(i%13, 2, 9)
	}
	fmt.Println(sum)
}
