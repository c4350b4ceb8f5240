// fmt calls that run Go code while they format: String and Error methods
// that format in turn (Sprintf inside Sprintf), allocate enough to make
// collections happen mid-call, and format strings built at run time (the
// format is read in place while those methods run).
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Temp struct{ c int }

func (t Temp) String() string {
	// Garbage, so that a collection may run while the caller formats.
	parts := make([]string, 0, 8)
	for i := 0; i < 8; i++ {
		parts = append(parts, strings.Repeat("x", i))
	}
	return fmt.Sprintf("%d°C(%d)", t.c, len(strings.Join(parts, "")))
}

type Pair struct {
	a, b Temp
}

func (p Pair) String() string {
	return fmt.Sprintf("<%v|%5s>", p.a, p.b)
}

type failure struct{ code int }

func (f *failure) Error() string { return fmt.Sprint("failure ", f.code, " ", Temp{f.code}) }

func format(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("[%v]")
	}
	b.WriteString(" %d%%")
	return b.String()
}

func main() {
	total := 0
	for i := 0; i < 3000; i++ {
		f := format(1 + i%3)
		args := []any{Pair{Temp{i}, Temp{-i}}, Temp{i * 2}, &failure{i}}
		s := fmt.Sprintf(f, append(args[:1+i%3], i)...)
		total += len(s)
		if i%500 == 0 {
			fmt.Println(s)
			fmt.Printf(f+"\n", append(args[:1+i%3], i)...)
		}
	}
	err := fmt.Errorf("wrapped %w at %v", &failure{7}, Temp{3})
	var fp *failure
	fmt.Println(err, errors.As(err, &fp), fp.code)
	fmt.Println(fmt.Sprint(Temp{1}, Temp{2}), fmt.Sprintln(Pair{}, 5))
	fmt.Println(total)
}
