package main

import "fmt"

// A type embedding a pointer to itself, mutually embedding types, struct
// and array map keys with floats and interfaces, a labeled loop left by
// goto, and an unhashable dynamic key type.

type A struct {
	*A
	n int
}

func (a *A) Get() int { return a.n }

type B struct {
	C
	D
}

type C struct{ *B }
type D struct{ x int }

type K struct {
	f float64
	i any
}

func main() {
	a := &A{nil, 3}
	a.A = a
	fmt.Println(a.Get(), a.A.n, a.n)
	b := B{C{nil}, D{4}}
	fmt.Println(b.x, b.B == nil)
	m := map[K]int{}
	m[K{1, "x"}] = 1
	m[K{0, 2}] = 2
	nan := 0.0
	nan = nan / nan
	m[K{nan, nil}] = 3
	fmt.Println(len(m), m[K{1, "x"}], m[K{-0.0, 2}])
	arr := map[[2]float64]string{{1, 2}: "a"}
	fmt.Println(arr[[2]float64{1, 2}], len(arr))
	nested := map[string]map[string]int{}
	nested["a"] = nil
	fmt.Println(nested["a"]["x"], len(nested))
	func() {
		i := 0
	L:
		for {
			i++
			if i < 3 {
				continue L
			}
			goto out
		}
	out:
		fmt.Println("out", i)
	}()
	m2 := map[K]int{}
	m2[K{1, []int{1}}] = 1
}
