package main

import "fmt"

func main() {
	m := map[any]int{"a": 1, 2: 2}
	keys := []any{"a", 2, 3.5, [2]int{1, 2}}
	for _, k := range keys {
		m[k]++
	}
	fmt.Println(len(m), m["a"], m[2], m[[2]int{1, 2}])
	var bad any = []int{1}
	fmt.Println(m[bad])
}
