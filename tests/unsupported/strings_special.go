package main

import (
	"fmt"
	"strings"
	"unicode"
)

// An exported function pgojit's strings package does not have yet.
func main() {
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "istanbul"))
}
