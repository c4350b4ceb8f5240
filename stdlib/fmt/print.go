// Package fmt: formatted I/O, as Go's. The formatting itself is the
// runtime's (Go's verbs, flags and error forms, method calls to String
// and Error); what writes to an io.Writer is Go here.
package fmt

import (
	"errors"
	"io"
)

// Stringer (String() string) is the runtime's type: the checker declares
// it in this package.

// The runtime's: format to the program's standard output, or to a string.
func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string

// errorf formats as Sprintf, with %w formatting an error operand as %v;
// wrapped has bit i set when operand i was such an operand.
func errorf(format string, a []any) (s string, wrapped uint64)

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

func Append(b []byte, a ...any) []byte { return append(b, Sprint(a...)...) }

func Appendln(b []byte, a ...any) []byte { return append(b, Sprintln(a...)...) }

func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

// Errorf formats an error message; with a %w verb whose operand is an
// error, the error returned wraps that operand (Unwrap), or those
// operands (Unwrap() []error) when there are several.
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	if wrapped == 0 {
		return errors.New(s)
	}
	var errs []error
	for i := 0; i < len(a) && i < 64; i++ {
		if wrapped&(1<<uint(i)) != 0 {
			e, _ := a[i].(error)
			errs = append(errs, e)
		}
	}
	if len(errs) == 1 {
		return &wrapError{s, errs[0]}
	}
	return &wrapErrors{s, errs}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

// State is what a Formatter's Format method prints through: the flags,
// width and precision of the directive, and the output.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by a value with a Format method: it prints
// itself for every verb (except %T and %p).
type Formatter interface {
	Format(f State, verb rune)
}

// GoStringer is implemented by a value with a GoString method: what %#v
// prints for it.
type GoStringer interface {
	GoString() string
}

// The flags a directive carries, as callFormat passes them.
const (
	flagMinus = 1 << iota
	flagPlus
	flagSharp
	flagSpace
	flagZero
)

// fmtState is the State the runtime's printing hands a Formatter (Go's
// *pp): Format writes into buf.
type fmtState struct {
	buf           []byte
	wid, prec     int
	widOK, precOK bool
	flags         int
}

func (s *fmtState) Write(b []byte) (int, error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *fmtState) WriteString(str string) (int, error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *fmtState) Width() (int, bool)     { return s.wid, s.widOK }
func (s *fmtState) Precision() (int, bool) { return s.prec, s.precOK }

func (s *fmtState) Flag(c int) bool {
	switch c {
	case '-':
		return s.flags&flagMinus != 0
	case '+':
		return s.flags&flagPlus != 0
	case '#':
		return s.flags&flagSharp != 0
	case ' ':
		return s.flags&flagSpace != 0
	case '0':
		return s.flags&flagZero != 0
	}
	return false
}

// callFormat is how the runtime's printing calls a Formatter: arg's
// Format method with a fresh State for the directive (a width or
// precision below 0 is one the directive did not give); the result is
// what Format wrote; ok is false when arg is no Formatter (its Format
// method has another signature).
func callFormat(arg any, verb rune, wid, prec, flags int) (text string, ok bool) {
	f, ok := arg.(Formatter)
	if !ok {
		return "", false
	}
	s := &fmtState{wid: wid, prec: prec, widOK: wid >= 0, precOK: prec >= 0, flags: flags}
	if !s.widOK {
		s.wid = 0
	}
	if !s.precOK {
		s.prec = 0
	}
	f.Format(s, verb)
	return string(s.buf), true
}

// FormatString returns the directive that state and verb stand for
// (`%-8.3x`), as a Formatter needs to print through Sprintf.
func FormatString(state State, verb rune) string {
	var tmp [16]byte // Go's: enough for the flags and two int widths.
	b := append(tmp[:0], '%')
	for _, c := range " +-#0" {
		if state.Flag(int(c)) {
			b = append(b, byte(c))
		}
	}
	if w, ok := state.Width(); ok {
		b = appendInt(b, w)
	}
	if p, ok := state.Precision(); ok {
		b = append(b, '.')
		b = appendInt(b, p)
	}
	b = append(b, string(verb)...)
	return string(b)
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}
