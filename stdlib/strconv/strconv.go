// Package strconv: conversions to and from strings, as Go's, with its
// error values and messages. Floating-point formatting and parsing are
// the runtime's (exact, as Go's: shortest round-trip digits, correctly
// rounded parsing).
package strconv

import "errors"

// IntSize is the size in bits of an int.
const IntSize = 64

var ErrRange = errors.New("value out of range")

var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError { return &NumError{fn, str, ErrSyntax} }

func rangeError(fn, str string) *NumError { return &NumError{fn, str, ErrRange} }

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

// formatInt and formatUint write i in base 2..36 (the runtime's).
func formatInt(i int64, base int) string
func formatUint(u uint64, base int) string

// formatFloat is FormatFloat with a valid bit size (the runtime's).
func formatFloat(f float64, fmt byte, prec, bitSize int) string

// atof parses s as a float of bitSize bits: ok 0, 1 a syntax error, 2 out
// of range (the runtime's, with Go's syntax: decimal or hexadecimal
// mantissa, "inf", "infinity", "nan", underscores after a base prefix).
func atof(s string, bitSize int) (float64, int)

// quoteWith quotes s: mode 0 as Quote, 1 QuoteToASCII, 2 QuoteToGraphic;
// quoteRuneWith likewise for a rune (the runtime's).
func quoteWith(s string, mode int) string
func quoteRuneWith(r rune, mode int) string

// IsPrint reports whether r is printable as Go defines it (the runtime's).
func IsPrint(r rune) bool

// IsGraphic reports whether r is a graphic character (the runtime's).
func IsGraphic(r rune) bool

// CanBackquote reports whether s can be a raw string literal unchanged.
func CanBackquote(s string) bool

func Itoa(i int) string { return formatInt(int64(i), 10) }

func FormatInt(i int64, base int) string {
	if base < 2 || base > 36 {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	return formatInt(i, base)
}

func FormatUint(i uint64, base int) string {
	if base < 2 || base > 36 {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	return formatUint(i, base)
}

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func AppendBool(dst []byte, b bool) []byte { return append(dst, FormatBool(b)...) }

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

// FormatFloat formats f with format fmt ('b', 'e', 'E', 'f', 'g', 'G',
// 'x', 'X') and precision prec (-1: the fewest digits that round-trip),
// as a float of bitSize bits (32 or 64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	if bitSize != 32 && bitSize != 64 {
		panic("strconv: illegal AppendFloat bitSize")
	}
	return formatFloat(f, fmt, prec, bitSize)
}

func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

// ParseFloat converts s to the nearest float of bitSize bits.
func ParseFloat(s string, bitSize int) (float64, error) {
	if bitSize != 32 {
		bitSize = 64
	}
	f, code := atof(s, bitSize)
	switch code {
	case 1:
		return 0, syntaxError("ParseFloat", s)
	case 2:
		return f, rangeError("ParseFloat", s)
	}
	return f, nil
}

func lower(c byte) byte { return c | ('x' - 'X') }

// underscoreOK reports whether the underscores in s are allowed: only
// between digits, or between a base prefix and a digit.
func underscoreOK(s string) bool {
	// saw: '^' start, '0' a digit or base prefix, '_' an underscore, '!' other.
	saw := '^'
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		saw = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' || hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f' {
			saw = '0'
			continue
		}
		if s[i] == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}

// ParseUint is ParseInt for unsigned numbers (no sign allowed).
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fnParseUint = "ParseUint"
	if s == "" {
		return 0, syntaxError(fnParseUint, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, baseError(fnParseUint, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fnParseUint, s0, bitSize)
	}
	// The smallest value that overflows when multiplied by base.
	cutoff := (1<<64-1)/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for _, c := range []byte(s) {
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fnParseUint, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fnParseUint, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fnParseUint, s0)
	}
	return n, nil
}

// ParseInt interprets s in base (0: from its prefix) as an integer of
// bitSize bits; out of range, it returns the nearest bound and ErrRange.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, syntaxError(fnParseInt, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fnParseInt
		err.(*NumError).Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1 << uint(bitSize-1))
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fnParseInt, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fnParseInt, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is ParseInt(s, 10, 0) converted to int.
func Atoi(s string) (int, error) {
	const fnAtoi = "Atoi"
	sLen := len(s)
	if 0 < sLen && sLen < 19 {
		s0 := s
		if s[0] == '-' || s[0] == '+' {
			s = s[1:]
			if len(s) < 1 {
				return 0, syntaxError(fnAtoi, s0)
			}
		}
		n := 0
		for _, ch := range []byte(s) {
			ch -= '0'
			if ch > 9 {
				return 0, syntaxError(fnAtoi, s0)
			}
			n = n*10 + int(ch)
		}
		if s0[0] == '-' {
			n = -n
		}
		return n, nil
	}
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i64), err
}

func Quote(s string) string            { return quoteWith(s, 0) }
func QuoteToASCII(s string) string     { return quoteWith(s, 1) }
func QuoteToGraphic(s string) string   { return quoteWith(s, 2) }
func QuoteRune(r rune) string          { return quoteRuneWith(r, 0) }
func QuoteRuneToASCII(r rune) string   { return quoteRuneWith(r, 1) }
func QuoteRuneToGraphic(r rune) string { return quoteRuneWith(r, 2) }

func AppendQuote(dst []byte, s string) []byte         { return append(dst, Quote(s)...) }
func AppendQuoteToASCII(dst []byte, s string) []byte  { return append(dst, QuoteToASCII(s)...) }
func AppendQuoteRune(dst []byte, r rune) []byte       { return append(dst, QuoteRune(r)...) }
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}
