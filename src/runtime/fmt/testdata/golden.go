// Command golden prints the expected outputs that src/runtime/fmt's tests
// compare against, computed by the real Go toolchain. Regenerate with
//
//	shared/bin/go-oracle src/runtime/fmt/testdata/golden.go > src/runtime/fmt/testdata/golden.txt
//
// (Go 1.27). Every field is tab-separated; strings are strconv.Quote'd.
// Line kinds:
//
//	P  format  output  arg...        fmt.Sprintf(format, args...)
//	F  bits  fmt  prec  value  out   strconv.FormatFloat(value, fmt, prec, bits)
//	Q  s  Quote  QuoteToASCII  QuoteToGraphic  CanBackquote
//	R  rune  QuoteRune  QuoteRuneToASCII  QuoteRuneToGraphic
//	IP lo  hi  bool                  strconv.IsPrint over [lo, hi]
//	IG lo  hi  bool                  strconv.IsGraphic over [lo, hi]
//	W  len  len                      lengths of Sprintf("%10000000d", 1) and
//	                                 Sprintf("%.10000000d|", 1)
//
// An arg is type:value, the value printed as strconv would parse it back
// (floats shortest round-trip, strings and byte slices quoted).
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

var w = bufio.NewWriter(os.Stdout)

func q(s string) string { return strconv.Quote(s) }

func tok(a any) string {
	switch v := a.(type) {
	case nil:
		return "nil"
	case float64:
		return "float64:" + strconv.FormatFloat(v, 'g', -1, 64)
	case float32:
		return "float32:" + strconv.FormatFloat(float64(v), 'g', -1, 32)
	case complex128:
		return "complex128:" + strconv.FormatFloat(real(v), 'g', -1, 64) + "," + strconv.FormatFloat(imag(v), 'g', -1, 64)
	case string:
		return "string:" + q(v)
	case []byte:
		if v == nil {
			return "[]byte:nil"
		}
		return "[]byte:" + q(string(v))
	default:
		return fmt.Sprintf("%T:%v", a, a)
	}
}

func P(format string, args ...any) {
	toks := []string{"P", q(format), q(fmt.Sprintf(format, args...))}
	for _, a := range args {
		toks = append(toks, tok(a))
	}
	fmt.Fprintln(w, strings.Join(toks, "\t"))
}

func F(f float64, c byte, prec, bits int) {
	v := tok(f)
	if bits == 32 {
		v = tok(float32(f))
	}
	fmt.Fprintf(w, "F\t%d\t%c\t%d\t%s\t%s\n", bits, c, prec, v, q(strconv.FormatFloat(f, c, prec, bits)))
}

func runs(kind string, pred func(rune) bool) {
	start := rune(0)
	cur := pred(0)
	const last = 0x110010 // a little past MaxRune
	for r := rune(1); r <= last; r++ {
		if p := pred(r); p != cur {
			fmt.Fprintf(w, "%s\t%d\t%d\t%v\n", kind, start, r-1, cur)
			start, cur = r, p
		}
	}
	fmt.Fprintf(w, "%s\t%d\t%d\t%v\n", kind, start, last, cur)
}

func main() {
	defer w.Flush()

	// Integers.
	intFormats := []string{
		"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "% 05d", "%-05d|",
		"%.3d", "%8.3d", "%08.3d", "%-8.3d|", "%.0d|", "%5.0d|", "%010.4d", "%+.3d", "% .3d", "%.20d",
		"%x", "%X", "%#x", "%#X", "%08x", "%#08x", "%#8x", "%#-8x|", "% x", "%+x", "%#.3x",
		"%o", "%#o", "%O", "%#O", "%#.3o", "%b", "%#b", "%08b", "%#08b", "%-08b|",
		"%c", "%5c|", "%-3c|", "%q", "%+q", "%#q", "%10q", "%U", "%#U", "%#.6U", "%8U", "%08U", "%-8U|", "%.2U",
		"%v", "%#v", "%+v", "%5v", "%z", "%+z", "%5z", "%s", "%t", "%e", "%p", "%T",
	}
	intValues := []any{
		0, 1, -1, 7, 8, -8, 42, -42, 255, 256, 1000000, -1000000,
		math.MaxInt64, math.MinInt64, int8(math.MinInt8), int8(math.MaxInt8), int16(math.MinInt16),
		int16(math.MaxInt16), int32(math.MinInt32), int32(math.MaxInt32), int64(-5),
		uint8(255), uint16(math.MaxUint16), uint32(math.MaxUint32), uint64(math.MaxUint64), uint(10), uintptr(0xc000),
		'x', rune(0x1F600), rune(0x110000), rune(0xD800), rune(0xAD), rune(0x7f), '\n', rune(-1), rune(0xFFFD),
		'\'', '"', rune(0xE9), rune(0x2028), rune(0xE0001),
	}
	for _, f := range intFormats {
		for _, v := range intValues {
			P(f, v)
		}
	}

	// Floats.
	floatFormats := []string{
		"%v", "%g", "%G", "%e", "%E", "%f", "%F", "%.2f", "%8.3f", "%-8.3f|", "%08.3f", "%+.2e", "%+.1e",
		"%.3g", "%.10g", "%.0f", "%.0e", "%.0g", "%#g", "%#.3g", "%#.0g", "%#v", "%#f", "%#.0f", "%#e", "%#.0e",
		"%+v", "% v", "% f", "%+08.3f", "% 08.3f", "%-+8.2f|", "%010v", "%010.3e", "%-010v|",
		"%x", "%X", "%#x", "%.3x", "%.0x", "%#.0x", "%#X", "%.13x", "%.14x", "%.15x", "%.20X",
		"%b", "%#b", "%08b", "%8.2v", "%.20f", "%.30e", "%.17g", "%.25g", "%+g", "% g", "%-10v|", "%10v",
		"%z", "%d", "%s", "%+z",
	}
	floatValues := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0 / 3, 2.0 / 3, 3.5,
		0.1, 0.2, 0.3, 1e21, 1e20, 1e-5, 1e-4, 123456789.0, 100000, 1e6, 0.000123, 5e-324,
		2.2250738585072014e-308, 1.7976931348623157e308, math.NaN(), math.Inf(1), math.Inf(-1),
		1.005, 2.675, 9.995, 999999.5, 0.05, 1e100, 123.456, -123.456, 1e-7, 12345678901234567890.0,
		9007199254740993, 0.9999999, 99.99, 1e23, 5e-310, 0.015625,
	}
	for _, f := range floatFormats {
		for _, v := range floatValues {
			P(f, v)
		}
	}
	for _, f := range []string{"%v", "%g", "%e", "%.3f", "%x", "%X", "%b", "%.10f", "%#v", "%10.4v", "%.1x"} {
		for _, v := range []float32{0.1, 16777217, 3.4e38, 1e-45, 1.0 / 3, float32(math.Inf(-1)), -2.5, 1e21, 1e20, 123456789} {
			P(f, v)
		}
	}
	for _, f := range []string{"%v", "%.2f", "%+v", "%8.2f", "%e", "%z", "%#v", "%010.1f"} {
		for _, v := range []complex128{1 + 2i, -1.5 - 0.5i, complex(math.NaN(), math.Inf(1)), 0, complex(3, math.Copysign(0, -1))} {
			P(f, v)
		}
	}

	// Strings and byte slices.
	strFormats := []string{
		"%s", "%q", "%+q", "%#q", "%#+q", "%x", "%X", "% x", "%# x", "%#x", "%# X", "%.2s", "%5.2s|", "%-8s|",
		"%8s|", "%08s", "%-08s|", "%.1q", "%10q|", "%-10q|", "%v", "%#v", "%+v", "%.0s|", "%5.0s|", "%.3x",
		"%10x|", "%-10x|", "%010x", "%#10x", "%# 10x|", "%5.1x|", "%d", "%c", "%T", "%.3q", "%010q",
	}
	strValues := []string{
		"", "a", "hello", "héllo", "日本語", "😀x", "\x00", "\xff", "a\xffb", "\xe4\xb8", "\u00e9", "\u2028",
		"\ufeff", "\u00ad", "tab\there", "new\nline", "quote\"q", "back`tick", "back\\slash", "\x7f",
		"\u00a0", "\u3000", "\U0001F600", "\U000E0001", "\u200b", "\a\b\f\r\v", "'single'", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\ufffd", "e\u0301", "\u0378", "\U0010FFFF", "\x1b[0m",
	}
	for _, f := range strFormats {
		for _, v := range strValues {
			P(f, v)
		}
	}
	for _, f := range []string{"%v", "%d", "%s", "%q", "%x", "% X", "%#v", "%o", "%z", "%5d", "%#x", "%+q", "%T", "%.1x"} {
		for _, v := range [][]byte{{}, nil, {1, 2, 255}, []byte("hi\xff")} {
			P(f, v)
		}
	}
	for _, f := range []string{"%v", "%t", "%5t|", "%-6t|", "%06t", "%d", "%q", "%#v", "%T"} {
		P(f, true)
		P(f, false)
	}
	for _, f := range []string{"%v", "%d", "%T", "%5v|", "%-5v|", "%s", "%+v"} {
		P(f, nil)
	}

	// Whole formats: argument selection and error forms.
	P("%[2]d %[1]d", 1, 2)
	P("%[3]d", 1, 2)
	P("%[0]d", 1, 2)
	P("%[x]d", 1, 2)
	P("%[-1]d", 1, 2)
	P("%[2]*[1]d", 1, 2)
	P("%[1]2d", 1, 2)
	P("%[1].2d", 1, 2)
	P("%.2[1]d", 1, 2)
	P("%[2]d %d", 1, 2)
	P("%[2]d %d %d", 1, 2, 3)
	P("%[5]d", 1)
	P("%[1", 1)
	P("%[]d", 1)
	P("%[1]", 1)
	P("%[1]%", 1)
	P("%[99999999]d", 1)
	P("%[2]*d", 3, 4)
	P("%[3]*.[2]*[1]f", 12.0, 2, 6)
	P("%d %d %#[1]x %#x", 16, 17)
	P("%d %d", 1)
	P("%d", 1, 2, "a", nil, 2.5, []byte("x"), true)
	P("%s", "a", 'x', uint8(3))
	P("no verbs", 1)
	P("%")
	P("abc%")
	P("abc%", 1)
	P("%-")
	P("%5")
	P("%5", 1)
	P("%.", 1)
	P("%.5", 1)
	P("%5.", 1)
	P("%*", 1)
	P("%*d", 5, 3)
	P("%*d", -5, 3)
	P("%-*d|", 5, 3)
	P("%0*d", -5, 3)
	P("%0*d", 0, 3)
	P("%.*d", -1, 5)
	P("%.*d", 3, 5)
	P("%*d", "x", 4)
	P("%*d", 10000000, 4)
	P("%*d", uint64(math.MaxUint64), 4)
	P("%*d", int8(-3), 4)
	P("%*d", uint8(3), 4)
	P("%.*f", 2, 3.14159)
	P("%*.*f|", 8, 2, 3.14159)
	P("%*.*f|", -8, 2, 3.14159)
	P("%.*d", 1000001, 1)
	P("%*d")
	P("%.*d")
	// 10000000 is still a width (only a number past 1e6 before its last
	// digit is refused); 100000000 makes Go give up on the format.
	P("%100000000d|x", 1)
	P("%.100000000d|x", 1)
	P("%.1000000000d|x", 1)
	P("%[100000000]d|x", 1)
	fmt.Fprintf(w, "W\t%d\t%d\n", len(fmt.Sprintf("%10000000d", 1)), len(fmt.Sprintf("%.10000000d|", 1)))
	P("%!", 1)
	P("%z", 1)
	P("%%")
	P("%5%")
	P("%-5%")
	P("%%", 1)
	P("%[3]2d", 1, 2, 3)
	P("%[3].2d", 1, 2, 3)
	P("%é", 1)
	P("%\xff", 1)
	P("%d\xffx", 1)
	P("%v %v %v", "a", 1.5, 'x')
	P("%w", 1)
	P("%x %X", uint64(math.MaxUint64), math.MinInt64)
	P("%-010d|%-+5d|%#-5x|", 5, 5, 5)
	P("%+-5d|% -5d|", 5, 5)
	P("%+#v %#+v", 5, "s")
	P("%[1]d %[1]x %[1]o", 64)
	P("%3c|%-3c|%03c", 'é', 'é', 'é')
	P("%#v %#v %#v", uint8(5), int8(-5), uint(0))
	P("%T %T %T %T %T", 1, "s", 2.5, nil, []byte(nil))
	P("%x %X % x %#x", []byte{0xde, 0xad}, []byte{0xbe, 0xef}, []byte{1, 2, 3}, []byte{})
	P("%6.2f|%-8.3e|%+.0f", 3.14159, -0.000123, 2.5)

	// strconv.FormatFloat over fixed and pseudo-random values.
	rng := rand.New(rand.NewPCG(1, 2))
	var vals []float64
	vals = append(vals, floatValues...)
	for range 400 {
		vals = append(vals, math.Float64frombits(rng.Uint64()))
	}
	for range 200 {
		// Short decimals, which hit rounding ties and boundaries.
		vals = append(vals, float64(rng.IntN(200000)-100000)/float64(int(1)<<rng.IntN(12)))
		vals = append(vals, float64(rng.IntN(2000000))/1000)
	}
	for _, v := range vals {
		F(v, 'g', -1, 64)
		F(v, 'e', -1, 64)
		F(v, 'f', -1, 64)
		F(v, 'g', -1, 32)
		F(v, 'x', -1, 64)
		F(v, 'b', -1, 64)
		F(v, 'e', rng.IntN(25), 64)
		F(v, 'f', rng.IntN(25), 64)
		F(v, 'g', rng.IntN(25), 64)
		F(v, 'x', rng.IntN(16), 64)
		F(v, 'e', rng.IntN(12), 32)
		F(v, 'x', rng.IntN(8), 32)
	}
	for _, v := range []float64{1, 0.1, 5e-324, 1.7976931348623157e308} {
		F(v, 'f', 1100, 64)
		F(v, 'e', 800, 64)
		F(v, 'G', 40, 64)
		F(v, 'E', 3, 64)
		F(v, 'X', 3, 64)
		F(v, 'z', 3, 64)
	}

	// Shortest-digit ties: m/2^k (m odd) whose exact decimal expansion is
	// one digit longer than the shortest round-tripping one, so two
	// candidates are equally near; Go takes the even one.
	for k := 1; k <= 25; k++ {
		p5 := new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(k)), nil)
		for digits := int64(16); digits <= 18; digits++ {
			lo := new(big.Int).Exp(big.NewInt(10), big.NewInt(digits-1), nil)
			lo.Div(lo, p5)
			hi := new(big.Int).Exp(big.NewInt(10), big.NewInt(digits), nil)
			hi.Div(hi, p5)
			if hi.Cmp(big.NewInt(1<<53)) > 0 {
				hi.SetInt64(1 << 53)
			}
			if lo.Sign() == 0 || hi.Cmp(lo) <= 0 {
				continue
			}
			for range 12 {
				m := (lo.Int64() + rng.Int64N(hi.Int64()-lo.Int64())) | 1
				v := math.Ldexp(float64(m), -k)
				F(v, 'g', -1, 64)
				F(v, 'e', -1, 32)
			}
		}
	}

	// Quoting.
	quoteInputs := append([]string{}, strValues...)
	quoteInputs = append(quoteInputs, "\u0080\u009f", "\U0001F1E6", "a\tb", "\t", "`", "\x80\xbf", "\xc0\x80", "\xef\xbb\xbf")
	for _, s := range quoteInputs {
		fmt.Fprintf(w, "Q\t%s\t%s\t%s\t%s\t%v\n", q(s), q(strconv.Quote(s)), q(strconv.QuoteToASCII(s)), q(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
	for _, r := range []rune{0, 7, 8, 9, 10, 11, 12, 13, 27, ' ', '\'', '"', '\\', 'a', 0x7f, 0x80, 0xa0, 0xad, 0xe9, 0x2028, 0x3000, 0xfeff, 0xfffd, 0xd800, 0x1F600, 0xE0001, 0x10FFFF, 0x110000, -1, 0x378} {
		fmt.Fprintf(w, "R\t%d\t%s\t%s\t%s\n", r, q(strconv.QuoteRune(r)), q(strconv.QuoteRuneToASCII(r)), q(strconv.QuoteRuneToGraphic(r)))
	}
	runs("IP", strconv.IsPrint)
	runs("IG", strconv.IsGraphic)
}
