package main

import (
	"fmt"
	"time"
)

// time.ParseDuration: units, fractions, signs, overflow, and Go's error
// messages (quoted as Go's time package quotes).
func main() {
	for _, s := range []string{
		"0", "+0", "-0", "5s", "300ms", "-1.5h", "2h45m", "1h2m3s4ms5us6ns", "1µs", "1μs",
		".5s", "5.s", "1.0000000001s", "0.333333333333333333333h", "9223372036854775807ns",
		"9223372036854775808ns", "-9223372036854775808ns", "-9223372036854775809ns",
		"2562047h", "2562048h", "1.5", "", "-", "s", ".s", "1x", "1h1", "1hh", "3 s",
		"1e3s", "١s", "1\x00s", "\"1s\"", "1é", "0x10s",
	} {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Printf("%q: error %v (%T)\n", s, err, err)
			continue
		}
		fmt.Printf("%q: %v %d\n", s, d, int64(d))
	}
}
