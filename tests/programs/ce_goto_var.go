package main

import "fmt"

func main() {
	goto done
	x := 3
	fmt.Println(x)
done:
	fmt.Println("end")
}
