package main

import "fmt"

var registry = map[Key]string{{"a", 1}: "first"}

type Key struct {
	name string
	n    int
}

type Set map[string]struct{}

func (s Set) Add(k string)      { s[k] = struct{}{} }
func (s Set) Has(k string) bool { _, ok := s[k]; return ok }

type Graph map[int][]int

func (g Graph) String() string { return fmt.Sprint("graph of ", len(g)) }

func describe(x any) string {
	switch v := x.(type) {
	case map[string]int:
		return fmt.Sprint("counts ", len(v))
	case Set:
		return fmt.Sprint("set ", len(v))
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	registry[Key{"b", 2}] = "second"
	fmt.Println(registry, len(registry))
	s := Set{}
	s.Add("x")
	s.Add("y")
	s.Add("x")
	fmt.Println(s.Has("x"), s.Has("z"), len(s), s)
	var g Graph = Graph{1: {2, 3}, 2: {3}}
	fmt.Println(g)
	fmt.Printf("%v %s %d\n", g, g, len(g[1]))
	fmt.Println(describe(map[string]int{"a": 1}), describe(s), describe(nil), describe(map[int]int{}))
	var k, v string
	for k, v = range map[string]string{"only": "one"} {
	}
	fmt.Println(k, v)
	funcs := []func() string{}
	for k, v := range map[int]string{1: "a"} {
		funcs = append(funcs, func() string { return fmt.Sprint(k, v) })
	}
	fmt.Println(funcs[0]())
	m := map[string][]int{}
	m["a"] = append(m["a"], 1, 2)
	m["a"][0] = 9
	fmt.Println(m, len(m["b"]), m["b"] == nil)
	type pair struct {
		a, b int
	}
	pm := map[pair]pair{}
	pm[pair{1, 2}] = pair{3, 4}
	x := pm[pair{1, 2}]
	x.a = 7
	fmt.Println(pm, x)
	fmt.Printf("%T %T\n", pm, s)
	deep := map[string]map[int]bool{"x": {1: true}, "y": nil}
	fmt.Println(deep, deep["y"][3], len(deep["z"]))
	counts := map[rune]int{}
	for _, r := range "hello, world" {
		counts[r]++
	}
	fmt.Println(counts['l'], counts['o'], len(counts))
	fmt.Printf("%q\n", map[string]string{"k": "v w"})
	fmt.Printf("%x\n", map[int]int{255: 16})
	fmt.Printf("%5d|\n", map[string]int{"a": 1})
}
