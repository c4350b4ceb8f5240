package main

import (
	"fmt"
	"strconv"
)

// ParseFloat over edge values, hex floats, underscores, inf/nan spellings,
// overflow and underflow, at 64 and 32 bits; FormatFloat in every format
// at several precisions over fixed values (±0, subnormals, ±Inf, NaN,
// halfway cases) and over values from an LCG (hashed, with round trips).

func parse(s string, bits int) {
	f, err := strconv.ParseFloat(s, bits)
	fmt.Printf("ParseFloat(%q,%d) = %s %b", s, bits, strconv.FormatFloat(f, 'g', -1, bits), f)
	if err != nil {
		fmt.Printf(" err=%v", err)
	}
	fmt.Println()
}

var parseInputs = []string{
	"", "0", "-0", "+0", "1", "-1", "1.5", ".5", "5.", ".", "-.", "1e", "1e+", "e5",
	"1e5", "1E-5", "1.7976931348623157e308", "1.7976931348623159e308", "1.8e308",
	"-1.8e308", "4.9406564584124654e-324", "2.4703282292062327e-324",
	"2.4703282292062328e-324", "1e-324", "1e-400", "2.2250738585072011e-308",
	"2.2250738585072014e-308", "0.1", "0.2", "0.3", "123456789012345678901234567890",
	"1_000.5", "1__0", "_1", "1_", "0x1p-2", "0x1P+10", "0X1.8p1", "0x.8p1", "0x1.fffffffffffffp1023",
	"0x1p1024", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1", "0x1.8", "0x_1p0",
	"0x1_0p0", "-0x1p-2", "inf", "Inf", "INF", "+inf", "-Inf", "infinity", "-Infinity",
	"INFINITY", "infinit", "infx", "nan", "NaN", "NAN", "-nan", "+NaN", "nanx",
	"1e308", "1e309", "9007199254740993", "9007199254740992.5", "1.00000000000000011102230246251565404236316680908203125",
	"3.4028234663852886e38", "3.4028235e38", "3.4028236e38", "3.5e38", "1.401298464324817e-45",
	"7e-46", "7.1e-46", "1e-46", "16777217", "0.000000000000000000000000000000000000000000001",
	"1e0000000000000000000000001", "1e-0000000000000000000000001", "0e99999", "1 ", " 1", "1,5", "0x",
}

var formatValues = []float64{
	0, 1, -1, 0.1, 0.125, 0.375, 2.5, 3.5, -2.5, 1.5e-5, 1e21, 1e23, 123456789, 1e-7,
	0.000001234, 100, 9.999999, 5e-324, 2.2250738585072009e-308, 1.7976931348623157e308,
	3.141592653589793, 1.0 / 3.0, 2.0 / 3.0, 0.05, 0.15, 0.25, 1234.5678, 0.9999999999999999, 1e15, 1e16, 1e17,
}

func isInf(f float64) bool { return f > 1.7976931348623157e308 || f < -1.7976931348623157e308 }

func main() {
	zero := 0.0
	for _, s := range parseInputs {
		parse(s, 64)
	}
	for _, s := range parseInputs {
		parse(s, 32)
	}

	negZero := -zero
	specials := []float64{negZero, 1 / zero, -1 / zero, zero / zero}
	fmts := []byte{'b', 'e', 'E', 'f', 'g', 'G', 'x', 'X'}
	precs := []int{-1, 0, 1, 5, 17}
	all := append(append([]float64{}, formatValues...), specials...)
	for _, v := range all {
		for _, bits := range []int{64, 32} {
			fmt.Printf("%v/%d:", v, bits)
			for _, f := range fmts {
				for _, p := range precs {
					if f == 'b' && p != -1 {
						continue
					}
					fmt.Print(" ", strconv.FormatFloat(v, f, p, bits))
				}
			}
			fmt.Println()
		}
	}
	// Big precisions and halfway rounding at each digit.
	for _, v := range []float64{0.125, 0.375, 2.5, 1e23, 5e-324, 1.005, 2.675} {
		fmt.Println(strconv.FormatFloat(v, 'f', 30, 64), strconv.FormatFloat(v, 'e', 25, 64),
			strconv.FormatFloat(v, 'f', 2, 64), strconv.FormatFloat(v, 'f', 1, 64),
			strconv.FormatFloat(v, 'g', 2, 64), strconv.FormatFloat(v, 'x', 3, 64))
	}
	fmt.Println(strconv.FormatFloat(1e23, 'f', -1, 64), strconv.FormatFloat(1e23, 'f', 0, 64))
	fmt.Println(strconv.FormatFloat(1.7976931348623157e308, 'f', -1, 64))
	fmt.Println(strconv.FormatFloat(5e-324, 'g', 800, 64) == strconv.FormatFloat(5e-324, 'g', 751, 64))
	fmt.Println(string(strconv.AppendFloat([]byte("v="), 1.5, 'E', 3, 32)))
	fmt.Println(strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 32), strconv.FormatFloat(float64(float32(0.1)), 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(16777217, 'f', -1, 32), strconv.FormatFloat(3.4028236e38, 'g', -1, 32))

	// LCG values: hash every format, check shortest round trips.
	var h uint64 = 14695981039346656037
	x := uint64(0x9E3779B97F4A7C15)
	bad32, bad64 := 0, 0
	for i := 0; i < 3000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		var v float64
		switch i % 4 {
		case 0:
			hx := "0x1." + strconv.FormatUint(x>>12|1<<52, 16)[1:] + "p" + strconv.Itoa(int(x%2100)-1074)
			v, _ = strconv.ParseFloat(hx, 64)
		case 1:
			v = float64(int64(x>>11)) / float64(uint64(1)<<uint(i%60))
		case 2:
			v = float64(float32(float64(int64(x)) * 1e-30))
		default:
			v = float64(x%1000000) / 1000
		}
		if v != v || isInf(v) {
			v = float64(i)
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		back, err := strconv.ParseFloat(s, 64)
		if err != nil || back != v {
			bad64++
		}
		f32 := float64(float32(v))
		if !isInf(f32) {
			s32 := strconv.FormatFloat(f32, 'e', -1, 32)
			back32, err := strconv.ParseFloat(s32, 32)
			if err != nil || back32 != f32 {
				bad32++
			}
		}
		f := fmts[i%len(fmts)]
		p := precs[(i/8)%len(precs)]
		out := strconv.FormatFloat(v, f, p, 64+(i%2)*-32)
		if i < 12 {
			fmt.Println(i, s, string(f), p, out)
		}
		for j := 0; j < len(out); j++ {
			h = (h ^ uint64(out[j])) * 1099511628211
		}
		for j := 0; j < len(s); j++ {
			h = (h ^ uint64(s[j])) * 1099511628211
		}
	}
	fmt.Println("bad64", bad64, "bad32", bad32, "hash", h)
}
