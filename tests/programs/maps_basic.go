package main

import "fmt"

type Point struct{ X, Y int }

type Celsius float64

type Shape interface{ Area() int }

type Sq struct{ s int }
type Rect struct{ w, h int }

func (s Sq) Area() int    { return s.s * s.s }
func (r *Rect) Area() int { return r.w * r.h }

type Inventory struct {
	name  string
	items map[string]int
}

func count(words []string) map[string]int {
	m := make(map[string]int)
	for _, w := range words {
		m[w]++
	}
	return m
}

func addAll(m map[int]string, n int) {
	for i := 0; i < n; i++ {
		m[i] = fmt.Sprint("v", i)
	}
}

func main() {
	// Literals, printing (sorted keys), len.
	ages := map[string]int{"bob": 31, "alice": 29, "carol": 35}
	fmt.Println(ages, len(ages))
	fmt.Printf("%v %d\n", ages, len(ages))
	fmt.Printf("%+v\n", map[Point]string{{1, 2}: "a", {0, 5}: "b", {1, 0}: "c"})
	fmt.Printf("%#v\n", map[string]bool{"y": true, "x": false})
	var nilm map[string]int
	fmt.Printf("%#v %v %d\n", nilm, nilm, len(nilm))
	fmt.Println(nilm == nil, ages != nil, nilm["x"])

	// Comma-ok, delete, re-add.
	v, ok := ages["alice"]
	fmt.Println(v, ok)
	v, ok = ages["dave"]
	fmt.Println(v, ok)
	delete(ages, "alice")
	delete(ages, "nobody")
	delete(nilm, "x")
	_, ok = ages["alice"]
	fmt.Println(ok, len(ages), ages)
	ages["alice"] = 30
	fmt.Println(ages)

	// Operators on elements.
	c := count([]string{"a", "b", "a", "c", "b", "a"})
	c["a"] *= 10
	c["z"] += 7
	c["b"]--
	fmt.Println(c)

	// Float keys: -0 and +0 are one key, NaN keys are each their own.
	f := map[float64]int{}
	zero := 0.0
	f[zero] = 1
	f[-zero] = 2
	nan := zero / zero
	f[nan] = 3
	f[nan] = 4
	f[1.5] = 5
	_, found := f[nan]
	nans := 0
	for k, v := range f {
		if k != k {
			nans += v
		}
	}
	delete(f, nan)
	fmt.Println(len(f), f[0], found, nans)
	f[2.5] = 6
	fmt.Println(f[1.5], f[2.5], len(f))
	fz := map[float64]int{zero: 1}
	fz[-zero] = 2
	fmt.Println(fz)
	named := map[Celsius]string{-3.5: "cold", 21: "room", 100: "boil"}
	fmt.Println(named)

	// Bool, array, struct and pointer keys.
	b := map[bool]int{true: 1, false: 0}
	fmt.Println(b)
	grid := map[[2]int]rune{{0, 1}: 'a', {1, 0}: 'b'}
	grid[[2]int{0, 1}] = 'z'
	fmt.Println(grid, len(grid))
	p1, p2 := &Point{1, 1}, &Point{1, 1}
	pm := map[*Point]int{p1: 1, p2: 2}
	pm[p1] += 10
	fmt.Println(len(pm), pm[p1], pm[p2])

	// Interface keys of several dynamic types.
	im := map[any]string{1: "int", "1": "string", 1.0: "float", Point{1, 1}: "point", nil: "nil", true: "bool"}
	fmt.Println(len(im), im[1], im["1"], im[1.0], im[Point{1, 1}], im[nil], im[true], im[false] == "")
	sm := map[Shape]int{Sq{2}: 1, Sq{3}: 2}
	sm[Sq{2}] += 5
	fmt.Println(sm[Sq{2}], sm[Sq{3}], len(sm))

	// Values: structs (read through m[k].f), arrays, slices, maps.
	pts := map[string]Point{"o": {0, 0}, "p": {3, 4}}
	fmt.Println(pts["p"].X+pts["p"].Y, pts["missing"].Y)
	arr := map[int][3]int{1: {1, 2, 3}}
	k := 1
	fmt.Println(arr[1][2], arr[k][k], arr[2][0])
	groups := map[int][]string{}
	for i, w := range []string{"x", "yy", "zz", "www", "q"} {
		groups[len(w)] = append(groups[len(w)], w)
		_ = i
	}
	fmt.Println(groups, len(groups[2]))
	nested := map[string]map[string]int{}
	for _, pair := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}, {"a", "x"}} {
		inner, ok := nested[pair[0]]
		if !ok {
			inner = map[string]int{}
			nested[pair[0]] = inner
		}
		inner[pair[1]]++
	}
	fmt.Println(nested)

	// Reference semantics, struct fields, interfaces holding maps.
	big := map[int]string{}
	addAll(big, 1000)
	fmt.Println(len(big), big[999], big[0])
	inv := Inventory{"shop", map[string]int{"apple": 3}}
	inv.items["pear"] = 2
	alias := inv.items
	alias["apple"]--
	fmt.Printf("%v %+v\n", inv, inv)
	var x any = alias
	if m2, ok := x.(map[string]int); ok {
		fmt.Println(len(m2), m2["apple"])
	}
	fmt.Println(x)
	pmap := &ages
	fmt.Println(pmap != nil, len(*pmap), (*pmap)["bob"])

	// Range: sums do not depend on the order.
	sum, keys := 0, 0
	for k, v := range big {
		sum += int(v[0]-'v') + len(v)
		keys += k
	}
	fmt.Println(sum, keys)
	n := 0
	for range ages {
		n++
	}
	for k := range nilm {
		fmt.Println("never", k)
	}
	fmt.Println(n)

	// Deleting during range: every entry seen at most once, deleted ones never.
	del := map[int]bool{}
	for i := 0; i < 100; i++ {
		del[i] = true
	}
	seen := 0
	for k := range del {
		seen++
		delete(del, k)
		delete(del, k^1)
	}
	fmt.Println(len(del), seen <= 100, seen >= 50)

	// Growing during range terminates, and every original key is seen.
	grow := map[int]int{0: 0, 1: 1, 2: 2}
	orig := 0
	for k := range grow {
		if k < 3 {
			orig++
		}
		if len(grow) < 200 {
			grow[k+3] = k
		}
	}
	fmt.Println(orig, len(grow) >= 3)

	// clear.
	clear(big)
	fmt.Println(len(big), big[5] == "")
	big[5] = "five"
	fmt.Println(big)
	s := []int{1, 2, 3}
	clear(s[1:])
	fmt.Println(s)

	// make with a hint, maps of functions.
	h := make(map[string]func(int) int, 10)
	h["double"] = func(x int) int { return 2 * x }
	h["square"] = func(x int) int { return x * x }
	fmt.Println(h["double"](4)+h["square"](3), h["none"] == nil, len(h))
}
