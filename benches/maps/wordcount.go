package main

import "fmt"

// Map-heavy loop for timing the map instructions against Go (they run
// through a helper in compiled code): counts of 5000 words (1777
// distinct), an int-keyed accumulator, and a comma-ok read, 400 rounds.
// Run: go build, and `pgojit run benches/maps/wordcount.go`.

func main() {
	words := []string{}
	for i := 0; i < 5000; i++ {
		words = append(words, fmt.Sprint("w", i%1777))
	}
	counts := map[string]int{}
	ids := map[int]int{}
	total := 0
	for r := 0; r < 400; r++ {
		for i, w := range words {
			counts[w]++
			ids[i%1000] += r
			if v, ok := counts[w]; ok {
				total += v & 7
			}
		}
	}
	fmt.Println(len(counts), len(ids), total, counts["w5"], ids[7])
}
