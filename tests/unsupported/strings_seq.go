package main

import (
	"fmt"
	"strings"
)

// An exported function pgojit's strings package does not have yet.
func main() {
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Println(part)
	}
}
