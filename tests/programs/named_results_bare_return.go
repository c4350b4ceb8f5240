package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return // q and r are still zero
	}
	q = a / b
	r = a % b
	return
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func override() (n int, s string) {
	n, s = 1, "named"
	return 2, "explicit" // explicit values replace the named results
}

func zeroes() (i int, s string, p *int, sl []int, b bool, f float64, e error) {
	return
}

func parse(s string) (n int, ok bool) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	ok = len(s) > 0
	return
}

func counter() (count int) {
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			continue
		}
		count++
	}
	return
}

// named results of the same type in one group; shadowing in an inner
// block is fine as long as the bare return is outside it
func fibPair(n int) (a, b int) {
	a, b = 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	{
		a := -1 // a different variable
		_ = a
	}
	return
}

func swap(a, b string) (string, string) { return b, a }

func multi() (int, string, bool) { return 3, "three", true }

func pass() (int, string, bool) { return multi() }

func useAll(n int, s string, b bool) string { return fmt.Sprint(n, s, b) }

func main() {
	fmt.Println(divmod(17, 5))
	fmt.Println(divmod(1, 0))
	q, r, err := divmod(-17, 5)
	fmt.Println(q, r, err)

	fmt.Println(split(17))
	fmt.Println(override())
	fmt.Println(zeroes())
	i, s, p, sl, b, f, e := zeroes()
	fmt.Printf("%d %q %v %v %v %v %v %t\n", i, s, p == nil, sl == nil, b, f, e, e == nil)

	for _, in := range []string{"123", "12a", "", "007"} {
		n, ok := parse(in)
		fmt.Printf("%q=>%d,%t ", in, n, ok)
	}
	fmt.Println()
	fmt.Println(counter())
	fmt.Println(fibPair(10))
	fmt.Println(fibPair(1))

	x, y := swap("a", "b")
	fmt.Println(x, y)
	x, y = swap(x, y)
	fmt.Println(x, y)

	// a multi-value call can feed another call's whole parameter list
	fmt.Println(useAll(multi()), useAll(pass()))
	_, second, _ := multi()
	fmt.Println(second)

	// closures with named results
	mk := func(k int) (res []int) {
		for i := 0; i < k; i++ {
			res = append(res, i*i)
		}
		return
	}
	fmt.Println(mk(4), mk(0) == nil)
}
