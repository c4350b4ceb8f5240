package main

import (
	"errors"
	"fmt"
	"io"
)

var (
	ErrNotFound   = errors.New("not found")
	ErrPermission = errors.New("permission denied")
	ErrTimeout    = errors.New("timeout")
)

// A wrapper with a message.
type wrapErr struct {
	msg string
	err error
}

func (e *wrapErr) Error() string { return e.msg + ": " + e.err.Error() }
func (e *wrapErr) Unwrap() error { return e.err }

// A value-type error with a code and an Is method matching by code.
type codeErr struct {
	code int
}

func (e codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }
func (e codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && (t.code == e.code || t.code == 0)
}

// An error whose Is says it matches ErrTimeout.
type tempErr struct{ op string }

func (e *tempErr) Error() string        { return e.op + " timed out" }
func (e *tempErr) Is(target error) bool { return target == ErrTimeout }

// A non-comparable error type (slice field).
type multiErr struct{ errs []error }

func (m multiErr) Error() string {
	s := "multi:"
	for _, e := range m.errs {
		s += " [" + e.Error() + "]"
	}
	return s
}
func (m multiErr) Unwrap() []error { return m.errs }

// A chain of distinct wrapper types.
type layerA struct{ inner error }
type layerB struct{ inner error }
type layerC struct {
	inner error
	n     int
}

func (a layerA) Error() string  { return "A(" + a.inner.Error() + ")" }
func (a layerA) Unwrap() error  { return a.inner }
func (b *layerB) Error() string { return "B(" + b.inner.Error() + ")" }
func (b *layerB) Unwrap() error { return b.inner }
func (c layerC) Error() string  { return fmt.Sprintf("C%d(%s)", c.n, c.inner) }
func (c layerC) Unwrap() error  { return c.inner }

func find(i int) error {
	switch i % 4 {
	case 0:
		return nil
	case 1:
		return &wrapErr{"lookup", ErrNotFound}
	case 2:
		return layerA{&layerB{codeErr{i % 7}}}
	}
	return &tempErr{"dial"}
}

func describe(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrNotFound):
		return "missing"
	case errors.Is(err, ErrTimeout):
		return "slow"
	case errors.Is(err, codeErr{3}):
		return "code3"
	}
	return "other"
}

func main() {
	e1 := errors.New("boom")
	e2 := errors.New("boom")
	fmt.Println("New:", e1, e1.Error(), e1 == e2, errors.Is(e1, e2), errors.Is(e1, e1))
	fmt.Println("ErrUnsupported:", errors.ErrUnsupported)

	w := &wrapErr{"open config", ErrNotFound}
	ww := &wrapErr{"load", w}
	fmt.Println(ww)
	fmt.Println("Unwrap:", errors.Unwrap(ww) == w, errors.Unwrap(w) == ErrNotFound, errors.Unwrap(ErrNotFound) == nil)
	fmt.Println("Is:", errors.Is(ww, ErrNotFound), errors.Is(ww, ErrPermission), errors.Is(ww, w), errors.Is(w, ww))
	fmt.Println("Is nil:", errors.Is(nil, nil), errors.Is(nil, ErrNotFound), errors.Is(ww, nil))
	fmt.Println("Unwrap nil:", errors.Unwrap(nil) == nil)

	c := layerC{layerA{&layerB{&wrapErr{"deep", codeErr{5}}}}, 9}
	fmt.Println(c)
	fmt.Println("chain Is code5:", errors.Is(c, codeErr{5}), "code0:", errors.Is(c, codeErr{0}), "code6:", errors.Is(c, codeErr{6}))
	for e := error(c); e != nil; e = errors.Unwrap(e) {
		fmt.Printf("  layer: %s\n", e)
	}

	t := &wrapErr{"fetch", &tempErr{"read"}}
	fmt.Println(t, errors.Is(t, ErrTimeout), errors.Is(t, ErrNotFound))

	j := errors.Join(ErrNotFound, nil, w, ErrPermission)
	fmt.Printf("Join text: %q\n", j.Error())
	fmt.Println("Join Is:", errors.Is(j, ErrNotFound), errors.Is(j, ErrPermission), errors.Is(j, ErrTimeout), errors.Is(j, w))
	fmt.Println("Join Unwrap single:", errors.Unwrap(j) == nil)
	if u, ok := j.(interface{ Unwrap() []error }); ok {
		fmt.Println("Join Unwrap []error len:", len(u.Unwrap()))
	}
	fmt.Println("Join nils:", errors.Join() == nil, errors.Join(nil, nil) == nil)
	j1 := errors.Join(e1)
	fmt.Printf("Join one: %q %v\n", j1.Error(), j1 == e1)
	nested := errors.Join(errors.Join(e1, ErrTimeout), &tempErr{"x"})
	fmt.Printf("Join nested: %q %v\n", nested.Error(), errors.Is(nested, e1))
	fmt.Println(nested)

	m := multiErr{[]error{ErrPermission, codeErr{2}}}
	fmt.Println(m, errors.Is(m, ErrPermission), errors.Is(m, codeErr{2}), errors.Is(m, codeErr{4}), errors.Is(m, m.errs[0]))
	wm := &wrapErr{"batch", m}
	fmt.Println("wrapped multi:", errors.Is(wm, codeErr{2}), errors.Is(wm, ErrNotFound))
	// a non-comparable target
	fmt.Println("noncomparable target:", errors.Is(wm, m), errors.Is(m, m))

	// errors from io compare by identity
	fmt.Println("io:", errors.Is(&wrapErr{"read", io.EOF}, io.EOF), errors.Is(io.ErrUnexpectedEOF, io.EOF), io.EOF, io.ErrUnexpectedEOF)

	// type switch and assertion on errors
	for _, e := range []error{w, codeErr{1}, &tempErr{"op"}, m, e1, j} {
		switch v := e.(type) {
		case *wrapErr:
			fmt.Println("wrapErr msg", v.msg)
		case codeErr:
			fmt.Println("codeErr", v.code)
		case interface{ Unwrap() []error }:
			fmt.Println("multi with", len(v.Unwrap()))
		default:
			fmt.Println("other:", v)
		}
	}

	// hot loop
	counts := map[string]int{}
	for i := 0; i < 3000; i++ {
		counts[describe(find(i))]++
	}
	fmt.Println("hot:", counts["ok"], counts["missing"], counts["slow"], counts["code3"], counts["other"])

	depth := 0
	for i := 0; i < 2000; i++ {
		var e error = codeErr{i % 10}
		for k := 0; k < i%5; k++ {
			e = &wrapErr{"w", e}
		}
		if errors.Is(e, codeErr{7}) {
			depth += 100
		}
		for ; e != nil; e = errors.Unwrap(e) {
			depth++
		}
	}
	fmt.Println("hot unwrap:", depth)
}
