package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("errors is imported but never used")
}
