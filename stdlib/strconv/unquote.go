package strconv

import "unicode/utf8"

func unhex(b byte) (v rune, ok bool) {
	c := rune(b)
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return
}

// UnquoteChar decodes the first character or escape of the quoted text
// s; quote is the quote character of the literal (an unescaped quote
// of that kind is an error).
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if len(s) == 0 {
		err = ErrSyntax
		return
	}
	switch c := s[0]; {
	case c == quote && (quote == '\'' || quote == '"'):
		err = ErrSyntax
		return
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(s[0]), false, s[1:], nil
	}
	if len(s) <= 1 {
		err = ErrSyntax
		return
	}
	c := s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case 'x', 'u', 'U':
		n := 0
		switch c {
		case 'x':
			n = 2
		case 'u':
			n = 4
		case 'U':
			n = 8
		}
		var v rune
		if len(s) < n {
			err = ErrSyntax
			return
		}
		for j := 0; j < n; j++ {
			x, ok := unhex(s[j])
			if !ok {
				err = ErrSyntax
				return
			}
			v = v<<4 | x
		}
		s = s[n:]
		if c == 'x' {
			value = v
			break
		}
		if !utf8.ValidRune(v) {
			err = ErrSyntax
			return
		}
		value = v
		multibyte = true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c) - '0'
		if len(s) < 2 {
			err = ErrSyntax
			return
		}
		for j := 0; j < 2; j++ {
			x := rune(s[j]) - '0'
			if x < 0 || x > 7 {
				err = ErrSyntax
				return
			}
			v = (v << 3) | x
		}
		s = s[2:]
		if v > 255 {
			err = ErrSyntax
			return
		}
		value = v
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			err = ErrSyntax
			return
		}
		value = rune(c)
	default:
		err = ErrSyntax
		return
	}
	tail = s
	return
}

// QuotedPrefix returns the quoted string (as Unquote understands it) at
// the start of s.
func QuotedPrefix(s string) (string, error) {
	n, _, err := unquote(s, false)
	if err != nil {
		return "", err
	}
	return s[:n], nil
}

// Unquote interprets s as a Go string, rune or raw string literal and
// returns its value.
func Unquote(s string) (string, error) {
	n, out, err := unquote(s, true)
	if err != nil {
		return "", err
	}
	if n != len(s) {
		return "", ErrSyntax
	}
	return out, nil
}

// unquote reads the literal at the start of in: its length, its value
// (when unescape), or ErrSyntax.
func unquote(in string, unescape bool) (int, string, error) {
	if len(in) < 2 {
		return 0, "", ErrSyntax
	}
	quote := in[0]
	end := -1
	for i := 1; i < len(in); i++ {
		c := in[i]
		if c == quote {
			end = i
			break
		}
		if quote != '`' {
			if c == '\n' {
				return 0, "", ErrSyntax
			}
			if c == '\\' {
				i++ // the escaped byte
			}
		}
	}
	if end < 0 {
		return 0, "", ErrSyntax
	}
	body := in[1:end]
	n := end + 1
	switch quote {
	case '`':
		if !unescape {
			return n, "", nil
		}
		// Carriage returns are dropped from raw strings.
		b := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			if body[i] != '\r' {
				b = append(b, body[i])
			}
		}
		return n, string(b), nil
	case '"', '\'':
		if quote == '\'' && indexByte(body, '\\') < 0 {
			// No escapes: one rune, decoded as it is (an invalid byte is
			// U+FFFD; an empty body passes too, as Go's fast path lets it).
			r, n := utf8.DecodeRuneInString(body)
			if n != len(body) {
				return 0, "", ErrSyntax
			}
			if !unescape || n == 0 {
				return end + 1, "", nil
			}
			return end + 1, string(r), nil
		}
		var b []byte
		runes := 0
		for len(body) > 0 {
			r, multibyte, rest, err := UnquoteChar(body, quote)
			if err != nil {
				return 0, "", ErrSyntax
			}
			body = rest
			runes++
			if r < utf8.RuneSelf || !multibyte {
				b = append(b, byte(r))
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
		if quote == '\'' {
			if runes != 1 {
				return 0, "", ErrSyntax
			}
		}
		if !unescape {
			return n, "", nil
		}
		return n, string(b), nil
	}
	return 0, "", ErrSyntax
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
