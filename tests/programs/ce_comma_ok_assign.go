package main

import "fmt"

func main() {
	m := map[string]int{}
	var v string
	var ok bool
	v, ok = m["a"]
	var i any = 1
	var n string
	n, ok = i.(int)
	fmt.Println(v, ok, n)
}
