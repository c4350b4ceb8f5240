// Package unicode: character classes and case mapping, as Go's unicode
// package for the functions programs call (its range tables are not
// exported here: the runtime answers from the Unicode Character Database,
// `props` and `toCase`).
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// The classes `props` reports, one bit each.
const (
	pLu = 1 << iota // upper-case letter
	pLl             // lower-case letter
	pLt             // title-case letter
	pLo             // other letter (and modifier letters)
	pM              // mark
	pNd             // decimal digit
	pN              // number (any)
	pP              // punctuation
	pS              // symbol
	pZs             // space separator
	pC              // control
	pWhite          // White_Space
)

// props returns the classes of r (the runtime's, from the Unicode data
// of the Go release pgojit follows).
func props(r rune) int

// toCase maps r to upper (0), lower (1) or title (2) case, by Unicode's
// simple case mapping (the runtime's).
func toCase(c int, r rune) rune

func is(r rune, mask int) bool {
	if r < 0 || r > MaxRune {
		return false
	}
	return props(r)&mask != 0
}

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return is(r, pLu|pLl|pLt|pLo)
}

// IsUpper reports whether r is an upper-case letter.
func IsUpper(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'A' <= r && r <= 'Z'
	}
	return is(r, pLu)
}

// IsLower reports whether r is a lower-case letter.
func IsLower(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'a' <= r && r <= 'z'
	}
	return is(r, pLl)
}

// IsTitle reports whether r is a title-case letter.
func IsTitle(r rune) bool {
	if r <= MaxLatin1 {
		return false
	}
	return is(r, pLt)
}

// IsDigit reports whether r is a decimal digit (category Nd).
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return is(r, pNd)
}

// IsNumber reports whether r is a number (category N).
func IsNumber(r rune) bool {
	if uint32(r) <= MaxASCII {
		return '0' <= r && r <= '9'
	}
	return is(r, pN)
}

// IsMark reports whether r is a mark (category M).
func IsMark(r rune) bool { return is(r, pM) }

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool { return is(r, pP) }

// IsSymbol reports whether r is a symbol (category S).
func IsSymbol(r rune) bool { return is(r, pS) }

// IsControl reports whether r is a control character (C0, DEL, C1).
func IsControl(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		return r < 0x20 || 0x7F <= r && r < 0xA0
	}
	return false
}

// IsSpace reports whether r is white space: '\t', '\n', '\v', '\f', '\r',
// ' ', U+0085, U+00A0 in Latin-1, else the White_Space property.
func IsSpace(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	return is(r, pWhite)
}

// IsGraphic reports whether r is a letter, mark, number, punctuation,
// symbol or space separator (Unicode's graphic characters).
func IsGraphic(r rune) bool {
	return is(r, pLu|pLl|pLt|pLo|pM|pN|pP|pS|pZs)
}

// IsPrint is IsGraphic with U+0020 the only space.
func IsPrint(r rune) bool {
	if r == ' ' {
		return true
	}
	return is(r, pLu|pLl|pLt|pLo|pM|pN|pP|pS)
}

// To maps r to case c (UpperCase, LowerCase, TitleCase).
func To(c int, r rune) rune {
	if c < 0 || c >= MaxCase {
		return ReplacementChar
	}
	if r < 0 || r > MaxRune {
		return r
	}
	return toCase(c, r)
}

// ToUpper maps r to upper case.
func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

// ToLower maps r to lower case.
func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

// ToTitle maps r to title case.
func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// SimpleFold iterates over the runes equivalent to r under simple case
// folding: the smallest such rune greater than r, else the smallest (the
// runtime's, from Go's fold tables).
func SimpleFold(r rune) rune
