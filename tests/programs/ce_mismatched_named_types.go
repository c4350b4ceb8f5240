package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func main() {
	var c Celsius = 20
	var f Fahrenheit = 68
	fmt.Println(c == f)
}
