package main

import (
	"errors"
	"fmt"
	"strconv"
)

// Table tests of ParseInt, ParseUint, Atoi, ParseBool, FormatInt and the
// Append* helpers: every error form (syntax, range, base, bit size), the
// prefixes and underscores of base 0, and saturation at every bit size.

func errKind(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, strconv.ErrRange):
		return "range"
	case errors.Is(err, strconv.ErrSyntax):
		return "syntax"
	}
	return "other"
}

func showInt(s string, base, bits int) {
	v, err := strconv.ParseInt(s, base, bits)
	fmt.Printf("ParseInt(%q,%d,%d) = %d %s", s, base, bits, v, errKind(err))
	if err != nil {
		ne := err.(*strconv.NumError)
		fmt.Printf(" [%s|%q|%v] %v", ne.Func, ne.Num, ne.Err, err)
	}
	fmt.Println()
}

func showUint(s string, base, bits int) {
	v, err := strconv.ParseUint(s, base, bits)
	fmt.Printf("ParseUint(%q,%d,%d) = %d %s", s, base, bits, v, errKind(err))
	if err != nil {
		fmt.Printf(" %v", err)
	}
	fmt.Println()
}

func main() {
	intInputs := []string{
		"", "0", "-0", "+0", "1", "-1", "+", "-", "++1", "+-1", "12a", " 1", "1 ",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "99999999999999999999999", "-99999999999999999999999",
		"0x1F", "0X1f", "-0x80", "0b101", "0B11", "0o17", "0O17", "017", "08", "0x",
		"0b", "0o", "0_1", "1_000", "1__0", "_1", "1_", "0x_1F", "0x1_F", "-1_0",
		"0b1_0", "0_x1", "00", "0xg", "1e3", "\u00e9", "１",
	}
	for _, s := range intInputs {
		showInt(s, 0, 64)
		showInt(s, 10, 64)
	}
	bases := []int{2, 8, 16, 36, 1, 37, -1}
	for _, b := range bases {
		showInt("101", b, 64)
		showInt("zz", b, 64)
		showInt("-7f", b, 0)
	}
	for _, bits := range []int{0, 1, 7, 8, 16, 32, 33, 63, 64, 65, -1} {
		showInt("127", 10, bits)
		showInt("128", 10, bits)
		showInt("-128", 10, bits)
		showInt("-129", 10, bits)
		showInt("2147483648", 10, bits)
		showInt("-2147483649", 10, bits)
		showUint("255", 10, bits)
		showUint("256", 10, bits)
		showUint("4294967296", 10, bits)
	}
	uintInputs := []string{
		"", "0", "+1", "-1", "18446744073709551615", "18446744073709551616",
		"0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "0b1111", "0o777", "0777",
		"1_2_3", "1__2", "abc", "00000000000000000000000000042",
	}
	for _, s := range uintInputs {
		showUint(s, 0, 64)
		showUint(s, 10, 32)
	}
	showUint("zz", 36, 64)
	showUint("ZZ", 36, 8)
	showUint("3w5e11264sgsf", 36, 64)
	showUint("3w5e11264sgsg", 36, 64)
	showUint("1", 40, 64)

	atoiInputs := []string{
		"", "0", "-0", "42", "-42", "+42", "+", "-", "4_2", "0x10", "012",
		"123456789012345678", "1234567890123456789", "-1234567890123456789",
		"9223372036854775807", "9223372036854775808", "-9223372036854775809",
		"12345678901234567890123", " 7", "7 ", "a",
	}
	for _, s := range atoiInputs {
		v, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d %s %v\n", s, v, errKind(err), err)
	}

	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "tRUE", "yes", ""} {
		v, err := strconv.ParseBool(s)
		fmt.Println("ParseBool", strconv.Quote(s), v, err)
	}

	// FormatInt/FormatUint in every base for a few values.
	vals := []int64{0, 1, -1, 35, 36, -36, 255, 1 << 31, -1 << 63, 1<<63 - 1}
	for _, v := range vals {
		line := ""
		for _, b := range []int{2, 3, 7, 8, 10, 16, 32, 36} {
			line += strconv.FormatInt(v, b) + " "
		}
		fmt.Println(v, line)
	}
	fmt.Println(strconv.FormatUint(1<<64-1, 2), strconv.FormatUint(1<<64-1, 36))
	buf := []byte("x=")
	buf = strconv.AppendInt(buf, -12345, 10)
	buf = append(buf, ' ')
	buf = strconv.AppendUint(buf, 0xBEEF, 16)
	buf = append(buf, ' ')
	buf = strconv.AppendBool(buf, true)
	buf = append(buf, ' ')
	buf = strconv.AppendQuote(buf, "q\"x")
	fmt.Println(string(buf))
	fmt.Println(strconv.IntSize, strconv.Itoa(-987654321))

	// NumError by value and its Unwrap.
	_, err := strconv.ParseInt("99999999999999999999", 10, 64)
	ne, ok := err.(*strconv.NumError)
	fmt.Println(ok, ne.Func, ne.Num, ne.Err == strconv.ErrRange, errors.Unwrap(err) == strconv.ErrRange)

	// Hot loops: round trips through every base, and an LCG over Atoi.
	var h uint64 = 14695981039346656037
	x := uint64(88172645463325252)
	bad := 0
	for i := 0; i < 6000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		v := int64(x) >> uint(i%64)
		b := 2 + i%35
		s := strconv.FormatInt(v, b)
		w, err := strconv.ParseInt(s, b, 64)
		if err != nil || w != v {
			bad++
		}
		u, err := strconv.ParseUint(strconv.FormatUint(x, b), b, 64)
		if err != nil || u != x {
			bad++
		}
		n, err := strconv.Atoi(strconv.Itoa(int(v)))
		if err != nil || int64(n) != v {
			bad++
		}
		for j := 0; j < len(s); j++ {
			h = (h ^ uint64(s[j])) * 1099511628211
		}
		// saturation at a random bit size
		bits := 1 + i%64
		sv, serr := strconv.ParseInt(strconv.FormatInt(v, 10), 10, bits)
		h = (h ^ uint64(sv)) * 1099511628211
		if serr != nil {
			h = (h ^ 7) * 1099511628211
		}
	}
	fmt.Println("roundtrip bad:", bad, "hash:", h)
}
