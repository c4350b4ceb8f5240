// strings.Fields: the ASCII path (two passes) and the Unicode one
// (FieldsFunc); both give a result whose capacity is its length, as Go's.
package main

import (
	"fmt"
	"strings"
)

func main() {
	for _, s := range []string{"", " ", "a", " a ", "a b", "  foo bar  baz   ", "\tx\ny\v\fz\r", "héllo wörld", "a\u00a0b c", "x\u2003y", "end "} {
		f := strings.Fields(s)
		fmt.Printf("%q %d %d\n", f, len(f), cap(f))
	}
}
