// Package utf8: UTF-8 encoding and decoding, as Go's unicode/utf8.
// (pgojit's standard library: written for pgojit, compiled by its front end.)
package utf8

const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// decode decodes the first rune of the bytes p[0:n] given by at(i); it
// returns the rune and its width (RuneError, 1 for an invalid encoding;
// RuneError, 0 for empty input).
func decode(b0, b1, b2, b3 byte, n int) (rune, int) {
	if n < 1 {
		return RuneError, 0
	}
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	cont := func(b byte) bool { return b&0xC0 == 0x80 }
	switch {
	case b0&0xE0 == 0xC0:
		if n < 2 || !cont(b1) || b0 < 0xC2 {
			return RuneError, 1
		}
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	case b0&0xF0 == 0xE0:
		if n < 2 || !cont(b1) || (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) {
			return RuneError, 1
		}
		if n < 3 || !cont(b2) {
			return RuneError, 1
		}
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	case b0&0xF8 == 0xF0 && b0 <= 0xF4:
		if n < 2 || !cont(b1) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F) {
			return RuneError, 1
		}
		if n < 3 || !cont(b2) || n < 4 || !cont(b3) {
			return RuneError, 1
		}
		return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
	}
	return RuneError, 1
}

// DecodeRune unpacks the first UTF-8 encoding in p.
func DecodeRune(p []byte) (rune, int) {
	n := len(p)
	var b [4]byte
	for i := 0; i < n && i < 4; i++ {
		b[i] = p[i]
	}
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (rune, int) {
	n := len(s)
	if n > 0 && s[0] < RuneSelf {
		return rune(s[0]), 1
	}
	var b [4]byte
	for i := 0; i < n && i < 4; i++ {
		b[i] = s[i]
	}
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeLastRune unpacks the last UTF-8 encoding in p.
func DecodeLastRune(p []byte) (rune, int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	if p[end-1] < RuneSelf {
		return rune(p[end-1]), 1
	}
	start := end - 1
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	start := end - 1
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if RuneStart(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// RuneLen is the number of bytes r encodes to, or -1 when r is no valid rune.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the UTF-8 encoding of r into p and returns its length.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < RuneSelf {
		p[0] = byte(r)
		return 1
	}
	if !ValidRune(r) {
		r = RuneError
	}
	switch n := RuneLen(r); n {
	case 2:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case 3:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	default:
		_ = p[3]
		p[0] = 0xF0 | byte(r>>18)
		p[1] = 0x80 | byte(r>>12)&0x3F
		p[2] = 0x80 | byte(r>>6)&0x3F
		p[3] = 0x80 | byte(r)&0x3F
		return 4
	}
}

// AppendRune appends the UTF-8 encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	var b [UTFMax]byte
	n := EncodeRune(b[:], r)
	return append(p, b[:n]...)
}

// RuneCount is the number of runes in p (an invalid byte counts as one).
func RuneCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
		} else {
			_, size := DecodeRune(p[i:])
			i += size
		}
		n++
	}
	return n
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// RuneStart reports whether b could be the first byte of an encoding.
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// FullRune reports whether p begins with a full encoding of a rune.
func FullRune(p []byte) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	_, size := DecodeRune(p)
	if size > 1 {
		return true
	}
	// An invalid byte is a full (error) rune; a valid prefix is not.
	return !validPrefix(p)
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool { return FullRune([]byte(s)) }

// validPrefix: p (shorter than its encoding needs) could start a valid encoding.
func validPrefix(p []byte) bool {
	b0 := p[0]
	need := 0
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		need = 2
	case b0 >= 0xE0 && b0 <= 0xEF:
		need = 3
	case b0 >= 0xF0 && b0 <= 0xF4:
		need = 4
	default:
		return false
	}
	if len(p) >= need {
		return false
	}
	if len(p) >= 2 {
		b1 := p[1]
		lo, hi := byte(0x80), byte(0xBF)
		switch b0 {
		case 0xE0:
			lo = 0xA0
		case 0xED:
			hi = 0x9F
		case 0xF0:
			lo = 0x90
		case 0xF4:
			hi = 0x8F
		}
		if b1 < lo || b1 > hi {
			return false
		}
	}
	if len(p) >= 3 && p[2]&0xC0 != 0x80 {
		return false
	}
	return true
}

// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString is Valid for a string.
func ValidString(s string) bool {
	for i, r := range s {
		if r == RuneError {
			if _, size := DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
	}
	return true
}

// ValidRune reports whether r can be encoded (in range, no surrogate).
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
