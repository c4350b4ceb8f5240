package main

import "fmt"

var order []string

var table = build()

func build() map[string]int {
	order = append(order, "var table")
	return map[string]int{"a": 1}
}

func init() {
	order = append(order, "init 1")
	table["b"] = len(table) + 1
}

var count = len(order)

func init() {
	order = append(order, fmt.Sprint("init 2 saw ", count))
	for i := 0; i < 3; i++ {
		table[fmt.Sprint("k", i)] = i
	}
}

func main() {
	fmt.Println(order)
	fmt.Println(table, count)
}
