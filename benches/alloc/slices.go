// slices: slices and strings built and dropped: appends that grow, byte
// buffers turned into strings, concatenation, and a table of words that is
// rebuilt each round while an older table stays live.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func words(round, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, "w"+strconv.Itoa(round*7+i%97))
	}
	return out
}

func main() {
	var keep [][]string
	total := 0
	for round := 0; round < 1500; round++ {
		ws := words(round, 2000)
		var b []byte
		for _, w := range ws {
			b = append(b, w...)
			b = append(b, ' ')
		}
		s := string(b)
		total += len(strings.Fields(s))
		ints := make([]int, 0, 4)
		for i := 0; i < 3000; i++ {
			ints = append(ints, i*round)
		}
		total += ints[len(ints)-1] & 1023
		if round%50 == 0 {
			keep = append(keep, ws)
		}
		var sb strings.Builder
		for i := 0; i < 500; i++ {
			sb.WriteString(ws[i])
		}
		total += len(sb.String())
	}
	n := 0
	for _, ws := range keep {
		n += len(ws)
	}
	fmt.Println(total, n)
}
