package main

import "fmt"

func main() {
	ages := map[string]int{"ann": 30}
	fmt.Println(ages["ann"])
}
