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
