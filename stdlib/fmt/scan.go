package fmt

import (
	"errors"
	"io"
	"unicode/utf8"
)

// The runtime's: a read from the program's standard input (os.Stdin's
// descriptor; fmt does not import os), and number parsing with strconv's
// rules (code 0 ok, 1 a syntax error, 2 out of range; fmt does not import
// strconv either, so that a program printing with fmt loads little).
func readStdin(b []byte) (n int, eof bool)
func parseInt(s string, base int, bits int) (v int64, code int)
func parseUint(s string, base int, bits int) (v uint64, code int)
func parseFloat(s string, bits int) (v float64, code int)

// stdin reads the program's standard input.
type stdinReader struct{}

func (stdinReader) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	n, eof := readStdin(b)
	if n == 0 && eof {
		return 0, io.EOF
	}
	return n, nil
}

var stdin = stdinReader{}

// Scanning: Scan, Scanln, Scanf and their F (io.Reader) and S (string)
// forms, for operands that are pointers to the basic types (*int...,
// *uint..., *float32/64, *string, *bool, *[]byte, *rune via %c). Newlines
// count as space for Scan; Scanln stops at a newline; Scanf follows its
// format. A reader that is no io.RuneScanner is read one byte at a time,
// as Go's, so nothing past the input scanned is consumed.

// readRuner reads runes from an io.Reader a byte at a time, with one
// rune of push-back.
type readRuner struct {
	r       io.Reader
	pending []byte
	peeked  rune
	peekSz  int
	has     bool
}

func (rr *readRuner) ReadRune() (rune, int, error) {
	if rr.has {
		rr.has = false
		return rr.peeked, rr.peekSz, nil
	}
	var b [1]byte
	buf := rr.pending[:0]
	for {
		n, err := rr.r.Read(b[:])
		if n == 1 {
			buf = append(buf, b[0])
			if buf[0] < utf8.RuneSelf || utf8.FullRune(buf) || len(buf) == utf8.UTFMax {
				r, size := utf8.DecodeRune(buf)
				rr.pending = buf[:0]
				rr.peeked, rr.peekSz = r, size
				return r, size, nil
			}
			continue
		}
		if err != nil {
			if len(buf) > 0 {
				r, size := utf8.DecodeRune(buf)
				rr.peeked, rr.peekSz = r, size
				return r, size, nil
			}
			return 0, 0, err
		}
	}
}

func (rr *readRuner) UnreadRune() error {
	rr.has = true
	return nil
}

type scanState struct {
	rs        io.RuneScanner
	last      rune
	lastSize  int
	nlIsSpace bool
	count     int
}

const eof = -1

func (s *scanState) getRune() rune {
	r, size, err := s.rs.ReadRune()
	if err != nil {
		s.lastSize = 0
		return eof
	}
	s.last, s.lastSize = r, size
	s.count++
	return r
}

func (s *scanState) unread() {
	if s.lastSize > 0 {
		s.rs.UnreadRune()
		s.count--
		s.lastSize = 0
	}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

var errUnexpectedNewline = errors.New("unexpected newline")
var errExpectedNewline = errors.New("expected newline")

// skipSpace skips space; a newline where newlines are not space is an
// error unless stopAtNewline (then it is left unread).
func (s *scanState) skipSpace(stopAtNewline bool) error {
	for {
		r := s.getRune()
		if r == eof {
			return nil
		}
		if r == '\r' {
			if n := s.getRune(); n == '\n' {
				r = '\n'
			} else if n != eof {
				s.unread()
			}
		}
		if r == '\n' {
			if s.nlIsSpace {
				continue
			}
			s.unread()
			if stopAtNewline {
				return nil
			}
			return errUnexpectedNewline
		}
		if !isSpace(r) {
			s.unread()
			return nil
		}
	}
}

// numToken reads the longest prefix of the input that can be a number:
// a sign, then for an integer a base prefix (with %v) and digits of the
// verb's base (and underscores), for a float digits, a point, an
// exponent, or "inf"/"nan" letters.
func (s *scanState) numToken(verb rune, float bool) string {
	var b []byte
	accept := func(ok func(r rune) bool) bool {
		r := s.getRune()
		if r == eof {
			return false
		}
		if ok(r) {
			b = utf8.AppendRune(b, r)
			return true
		}
		s.unread()
		return false
	}
	accept(func(r rune) bool { return r == '+' || r == '-' })
	digits := "0123456789_"
	switch verb {
	case 'b':
		digits = "01_"
	case 'o':
		digits = "01234567_"
	case 'x', 'X':
		digits = "0123456789abcdefABCDEF_"
	}
	in := func(set string) func(r rune) bool {
		return func(r rune) bool {
			for _, c := range set {
				if r == c {
					return true
				}
			}
			return false
		}
	}
	if float {
		for accept(in("0123456789_xXabcdefABCDEFpP.infatyINFATY")) {
			n := len(b)
			if n > 0 && (b[n-1] == 'e' || b[n-1] == 'E' || b[n-1] == 'p' || b[n-1] == 'P') {
				accept(in("+-"))
			}
		}
		return string(b)
	}
	if verb == 'v' || verb == 'd' {
		if accept(in("0")) {
			if verb == 'v' && accept(in("xXbBoO")) {
				switch b[len(b)-1] {
				case 'x', 'X':
					digits = "0123456789abcdefABCDEF_"
				case 'b', 'B':
					digits = "01_"
				default:
					digits = "01234567_"
				}
			}
		}
	}
	for accept(in(digits)) {
	}
	return string(b)
}

// token reads the next run of non-space runes.
func (s *scanState) token() string {
	var b []byte
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		if isSpace(r) {
			s.unread()
			break
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func scanErr(verb rune, arg any) error {
	return errors.New("can't scan type: " + Sprintf("%T", arg))
}

// scanOne stores the next item, by verb ('v' for Scan), into arg.
func (s *scanState) scanOne(verb rune, arg any) error {
	if verb == 'c' {
		r := s.getRune()
		if r == eof {
			return io.ErrUnexpectedEOF
		}
		switch p := arg.(type) {
		case *rune:
			*p = r
		case *int:
			*p = int(r)
		default:
			return scanErr(verb, arg)
		}
		return nil
	}
	if err := s.skipSpace(false); err != nil {
		return err
	}
	var tok string
	switch arg.(type) {
	case *int, *int8, *int16, *int32, *int64, *uint, *uint8, *uint16, *uint32, *uint64:
		tok = s.numToken(verb, false)
	case *float32, *float64:
		tok = s.numToken(verb, true)
	default:
		tok = s.token()
	}
	if tok == "" {
		if r := s.getRune(); r == eof {
			return io.EOF
		}
		s.unread()
		switch arg.(type) {
		case *float32, *float64:
			return errors.New("expected float")
		}
		return errors.New("expected integer")
	}
	base := 0
	switch verb {
	case 'b':
		base = 2
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	case 'd':
		base = 10
	}
	intOf := func(bits int) (int64, error) {
		v, code := parseInt(tok, base, bits)
		switch code {
		case 1:
			return 0, errors.New("expected integer")
		case 2:
			return 0, errors.New("integer overflow on token " + tok)
		}
		return v, nil
	}
	uintOf := func(bits int) (uint64, error) {
		v, code := parseUint(tok, base, bits)
		switch code {
		case 1:
			return 0, errors.New("expected integer")
		case 2:
			return 0, errors.New("unsigned integer overflow on token " + tok)
		}
		return v, nil
	}
	floatOf := func(bits int) (float64, error) {
		v, code := parseFloat(tok, bits)
		if code != 0 {
			return 0, errors.New("expected float")
		}
		return v, nil
	}
	var err error
	switch p := arg.(type) {
	case *string:
		if verb == 'q' {
			*p, err = unquote(tok)
		} else {
			*p = tok
		}
	case *[]byte:
		*p = []byte(tok)
	case *bool:
		switch tok {
		case "1", "t", "T", "true", "TRUE", "True":
			*p = true
		case "0", "f", "F", "false", "FALSE", "False":
			*p = false
		default:
			err = errors.New("syntax error scanning boolean")
		}
	case *int:
		if v, e := intOf(64); e == nil {
			*p = int(v)
		} else {
			err = e
		}
	case *int8:
		if v, e := intOf(8); e == nil {
			*p = int8(v)
		} else {
			err = e
		}
	case *int16:
		if v, e := intOf(16); e == nil {
			*p = int16(v)
		} else {
			err = e
		}
	case *int32:
		if v, e := intOf(32); e == nil {
			*p = int32(v)
		} else {
			err = e
		}
	case *int64:
		if v, e := intOf(64); e == nil {
			*p = v
		} else {
			err = e
		}
	case *uint:
		if v, e := uintOf(64); e == nil {
			*p = uint(v)
		} else {
			err = e
		}
	case *uint8:
		if v, e := uintOf(8); e == nil {
			*p = uint8(v)
		} else {
			err = e
		}
	case *uint16:
		if v, e := uintOf(16); e == nil {
			*p = uint16(v)
		} else {
			err = e
		}
	case *uint32:
		if v, e := uintOf(32); e == nil {
			*p = uint32(v)
		} else {
			err = e
		}
	case *uint64:
		if v, e := uintOf(64); e == nil {
			*p = v
		} else {
			err = e
		}
	case *float64:
		if v, e := floatOf(64); e == nil {
			*p = v
		} else {
			err = e
		}
	case *float32:
		if v, e := floatOf(32); e == nil {
			*p = float32(v)
		} else {
			err = e
		}
	default:
		return scanErr(verb, arg)
	}
	return err
}

// unquote reads a quoted string token: raw (backquoted) or interpreted
// with Go's escapes.
func unquote(tok string) (string, error) {
	bad := errors.New("invalid syntax")
	if len(tok) < 2 || tok[0] != tok[len(tok)-1] {
		return "", bad
	}
	body := tok[1 : len(tok)-1]
	if tok[0] == '`' {
		return body, nil
	}
	if tok[0] != '"' {
		return "", bad
	}
	var b []byte
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i >= len(body) {
			return "", bad
		}
		switch e := body[i]; e {
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'v':
			b = append(b, '\v')
		case '\\', '"':
			b = append(b, e)
		case 'x', 'u', 'U':
			n := 2
			if e == 'u' {
				n = 4
			} else if e == 'U' {
				n = 8
			}
			if i+n >= len(body) {
				return "", bad
			}
			v, code := parseUint(body[i+1:i+1+n], 16, 32)
			if code != 0 {
				return "", bad
			}
			if e == 'x' {
				b = append(b, byte(v))
			} else {
				b = utf8.AppendRune(b, rune(v))
			}
			i += n
		default:
			return "", bad
		}
	}
	return string(b), nil
}

func newScanState(r io.Reader, nlIsSpace bool) *scanState {
	rs, ok := r.(io.RuneScanner)
	if !ok {
		rs = &readRuner{r: r}
	}
	return &scanState{rs: rs, nlIsSpace: nlIsSpace}
}

func (s *scanState) doScan(a []any, ln bool) (n int, err error) {
	for _, arg := range a {
		if err = s.scanOne('v', arg); err != nil {
			return
		}
		n++
	}
	if ln {
		// The rest of the line must be space, then a newline or the end.
		for {
			r := s.getRune()
			if r == '\n' || r == eof {
				break
			}
			if !isSpace(r) {
				err = errExpectedNewline
				break
			}
		}
	}
	return
}

func Fscan(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, true).doScan(a, false)
}

func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, false).doScan(a, true)
}

func Sscan(str string, a ...any) (n int, err error)   { return Fscan(&stringReader{s: str}, a...) }
func Sscanln(str string, a ...any) (n int, err error) { return Fscanln(&stringReader{s: str}, a...) }
func Scan(a ...any) (n int, err error)                { return Fscan(stdin, a...) }
func Scanln(a ...any) (n int, err error)              { return Fscanln(stdin, a...) }

func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return newScanState(r, false).doScanf(format, a)
}

func Sscanf(str string, format string, a ...any) (n int, err error) {
	return Fscanf(&stringReader{s: str}, format, a...)
}

func Scanf(format string, a ...any) (n int, err error) { return Fscanf(stdin, format, a...) }

// doScanf scans by format: verbs take operands, space matches space,
// other runes match themselves.
func (s *scanState) doScanf(format string, a []any) (n int, err error) {
	argi := 0
	for i := 0; i < len(format); {
		c, w := utf8.DecodeRuneInString(format[i:])
		if c != '%' {
			i += w
			if isSpace(c) {
				nl := c == '\n'
				for {
					r := s.getRune()
					if r == eof {
						break
					}
					if r == '\n' && !nl {
						s.unread()
						break
					}
					if !isSpace(r) {
						s.unread()
						break
					}
				}
				continue
			}
			r := s.getRune()
			if r != c {
				if r != eof {
					s.unread()
				}
				return n, errors.New("input does not match format")
			}
			continue
		}
		i += w
		// Skip flags and width (not applied here).
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || ('0' <= format[i] && format[i] <= '9')) {
			i++
		}
		if i >= len(format) {
			return n, errors.New("too few operands for format '%'")
		}
		verb, vw := utf8.DecodeRuneInString(format[i:])
		i += vw
		if verb == '%' {
			if err := s.skipSpace(true); err != nil {
				return n, err
			}
			if r := s.getRune(); r != '%' {
				return n, errors.New("missing literal %")
			}
			continue
		}
		if argi >= len(a) {
			return n, errors.New("too few operands for format '%" + string(verb) + "'")
		}
		s.nlIsSpace = false
		if verb != 'c' {
			if err := s.skipSpace(false); err != nil {
				return n, err
			}
		}
		if err = s.scanOne(verb, a[argi]); err != nil {
			return n, err
		}
		argi++
		n++
	}
	if argi < len(a) {
		return n, errors.New("too many operands")
	}
	return n, nil
}

// stringReader reads a string as an io.RuneScanner.
type stringReader struct {
	s    string
	i    int
	prev int
}

func (r *stringReader) Read(b []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(b, r.s[r.i:])
	r.i += n
	return n, nil
}

func (r *stringReader) ReadRune() (rune, int, error) {
	if r.i >= len(r.s) {
		return 0, 0, io.EOF
	}
	c, size := utf8.DecodeRuneInString(r.s[r.i:])
	r.prev = r.i
	r.i += size
	return c, size, nil
}

func (r *stringReader) UnreadRune() error {
	r.i = r.prev
	return nil
}
