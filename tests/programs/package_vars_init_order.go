package main

import "fmt"

// Package-level variables are initialized in dependency order, not in
// source order; independent ones in declaration order.

var trace []string

func record(name string, v int) int {
	trace = append(trace, name)
	return v
}

var total = a + b + c // depends on a, b, c: initialized last of these
var a = record("a", 1)
var b = record("b", double(a))
var c = record("c", 3)
var d = record("d", 4) // independent

var greeting = prefix + "world"
var prefix = "hello, "

var table = buildTable(size)

const size = 4

func buildTable(n int) []int {
	trace = append(trace, "table")
	t := make([]int, n)
	for i := range t {
		t[i] = i * i
	}
	return t
}

func double(x int) int { return x * 2 }

var (
	x, y = pair()
	z    = x * y
)

func pair() (int, int) {
	trace = append(trace, "pair")
	return 6, 7
}

type Registry struct{ names []string }

func (r *Registry) Add(n string) int {
	r.names = append(r.names, n)
	return len(r.names)
}

var reg = &Registry{}
var idA = reg.Add("A")
var idB = reg.Add("B")

var counter int

func next() int {
	counter++
	return counter
}

var n1, n2, n3 = next(), next(), next()

func main() {
	fmt.Println(trace)
	fmt.Println(total, a, b, c, d)
	fmt.Println(greeting)
	fmt.Println(table, x, y, z)
	fmt.Println(idA, idB, reg.names)
	fmt.Println(n1, n2, n3, counter)
	// package variables are mutable and shared by every function
	a = 100
	fmt.Println(a+b, record("late", 0))
	fmt.Println(len(trace), trace[len(trace)-1])
}
