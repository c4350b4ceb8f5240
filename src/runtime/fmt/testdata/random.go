// Command random prints a large golden file of pseudo-random cases (about
// 2 million lines, 100 MB: too big to keep in the repository) in the format
// of golden.go, for a one-off deep check of the float and Printf paths:
//
//	shared/bin/go-oracle src/runtime/fmt/testdata/random.go > /tmp/random.txt
//	PGOJIT_FMT_GOLDEN=/tmp/random.txt cargo test --lib runtime::fmt -- --ignored
//
// Last run against Go 1.27.3: all lines matched.
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

var w = bufio.NewWriter(os.Stdout)

func q(s string) string { return strconv.Quote(s) }

func tok(a any) string {
	switch v := a.(type) {
	case float64:
		return "float64:" + strconv.FormatFloat(v, 'g', -1, 64)
	case float32:
		return "float32:" + strconv.FormatFloat(float64(v), 'g', -1, 32)
	case string:
		return "string:" + q(v)
	default:
		return fmt.Sprintf("%T:%v", a, a)
	}
}

func F(f float64, c byte, prec, bits int) {
	v := tok(f)
	if bits == 32 {
		v = tok(float32(f))
	}
	fmt.Fprintf(w, "F\t%d\t%c\t%d\t%s\t%s\n", bits, c, prec, v, q(strconv.FormatFloat(f, c, prec, bits)))
}

func main() {
	defer w.Flush()
	rng := rand.New(rand.NewPCG(7, 9))
	n := 200000
	for i := 0; i < n; i++ {
		var v float64
		switch i % 6 {
		case 0:
			v = math.Float64frombits(rng.Uint64())
		case 1:
			v = float64(math.Float32frombits(rng.Uint32()))
		case 2:
			v = float64(rng.IntN(2000001)-1000000) / math.Pow(10, float64(rng.IntN(8)))
		case 3:
			v = (float64(rng.IntN(100000)) + 0.5) / float64(int(1)<<rng.IntN(20))
		case 4:
			v = math.Ldexp(1, rng.IntN(2100)-1075)
		case 5:
			v = float64(rng.Int64()) * math.Pow(10, float64(rng.IntN(40)-20))
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		F(v, 'g', -1, 64)
		F(v, 'g', -1, 32)
		F(v, 'e', rng.IntN(20), 64)
		F(v, 'f', rng.IntN(20), 64)
		F(v, 'g', rng.IntN(20), 64)
		F(v, 'e', rng.IntN(10), 32)
		F(v, 'f', rng.IntN(10), 32)
		F(v, 'x', rng.IntN(16)-1, 64)
		F(v, 'x', rng.IntN(10)-1, 32)
	}
	// Random Printf directives over floats, ints, strings.
	flags := []string{"", "-", "+", "#", " ", "0"}
	fverbs := []string{"v", "g", "G", "e", "E", "f", "F", "x", "X", "b"}
	iverbs := []string{"v", "d", "b", "o", "O", "x", "X", "c", "q", "U"}
	sverbs := []string{"v", "s", "q", "x", "X"}
	strs := []string{"", "a", "héllo", "日本語", "\xff\x00", "tab\t", "`x`", "\u2028"}
	for i := 0; i < 150000; i++ {
		var b strings.Builder
		b.WriteByte('%')
		for j := rng.IntN(4); j > 0; j-- {
			b.WriteString(flags[rng.IntN(len(flags))])
		}
		if rng.IntN(2) == 0 {
			b.WriteString(strconv.Itoa(rng.IntN(25)))
		}
		if rng.IntN(2) == 0 {
			b.WriteByte('.')
			if rng.IntN(4) != 0 {
				b.WriteString(strconv.Itoa(rng.IntN(20)))
			}
		}
		var arg any
		switch rng.IntN(4) {
		case 0, 1:
			b.WriteString(fverbs[rng.IntN(len(fverbs))])
			switch rng.IntN(4) {
			case 0:
				arg = math.Float64frombits(rng.Uint64())
			case 1:
				arg = float32(rng.NormFloat64() * 1000)
			default:
				arg = float64(rng.IntN(2000001)-1000000) / math.Pow(10, float64(rng.IntN(8)))
			}
		case 2:
			b.WriteString(iverbs[rng.IntN(len(iverbs))])
			if rng.IntN(2) == 0 {
				arg = rng.Int64() >> rng.IntN(64)
			} else {
				arg = rng.Uint64() >> rng.IntN(64)
			}
		case 3:
			b.WriteString(sverbs[rng.IntN(len(sverbs))])
			arg = strs[rng.IntN(len(strs))]
		}
		b.WriteByte('|')
		f := b.String()
		fmt.Fprintf(w, "P\t%s\t%s\t%s\n", q(f), q(fmt.Sprintf(f, arg)), tok(arg))
	}
}
