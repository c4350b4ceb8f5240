package main

import "fmt"

func main() {
	var small int8 = 100
	var big int8 = 200
	fmt.Println(small, big)
}
