package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// fmt's writers (Fprint* to a strings.Builder, a bufio.Writer, os.Stdout,
// os.Stderr and a custom io.Writer), Append*, and Errorf with %w: one
// wrapped error, several, a non-error operand, nil, and Sprintf("%w").

type point struct{ X, Y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

// countWriter counts the bytes and calls it receives.
type countWriter struct {
	calls, bytes int
	last         string
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.calls++
	c.bytes += len(p)
	c.last = string(p)
	return len(p), nil
}

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

var errFull = errors.New("writer full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func main() {
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "%d-%s-%v-%5.2f|", 42, "str", point{1, 2}, 3.14159)
	fmt.Println(n, err, sb.String())
	n, err = fmt.Fprint(&sb, "a", 1, 2, "b", "c", 3.5, nil)
	fmt.Println(n, err)
	n, err = fmt.Fprintln(&sb, "x", 1, true, []int{1, 2})
	fmt.Printf("%d %v %q\n", n, err, sb.String())

	bw := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprintf(bw, "buffered %s %d\n", "line", 1)
	fmt.Fprintln(bw, "buffered", "line", 2, "is longer than sixteen bytes")
	fmt.Println("buffered before flush:", bw.Buffered())
	bw.Flush()
	fmt.Fprintf(os.Stdout, "to stdout %x %X %o %b\n", 255, 255, 8, 5)
	fmt.Fprintln(os.Stderr, "to stderr: first line")
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 2)

	cw := &countWriter{}
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(cw, "%d:%s;", i, point{i, -i})
	}
	fmt.Println(cw.calls, cw.bytes, cw.last)
	var w io.Writer = cw
	fmt.Fprint(w, point{7, 8})
	fmt.Println(cw.last)

	fw := &failWriter{n: 5}
	n, err = fmt.Fprintf(fw, "%s", "0123456789")
	fmt.Println(n, err, err == errFull)

	b := []byte("start:")
	b = fmt.Append(b, 1, "a", 2.5, point{3, 4})
	b = fmt.Appendln(b, " ln", 9)
	b = fmt.Appendf(b, "%03d|%-4s|%+d", 7, "ab", 5)
	fmt.Printf("%q\n", b)
	var nb []byte
	nb = fmt.Appendf(nb, "")
	fmt.Println(nb == nil, len(nb))

	base := errors.New("base failure")
	e1 := fmt.Errorf("layer1: %w", base)
	e2 := fmt.Errorf("layer2 (%d): %w", 2, e1)
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, base), errors.Unwrap(e2) == e1, errors.Unwrap(errors.Unwrap(e2)) == base, errors.Unwrap(base) == nil)
	ce := &codeErr{404}
	multi := fmt.Errorf("multi: %w and %w; plain %v", base, ce, "x")
	fmt.Println(multi, errors.Is(multi, base), errors.Is(multi, ce), errors.Unwrap(multi) == nil)
	if u, ok := multi.(interface{ Unwrap() []error }); ok {
		errs := u.Unwrap()
		fmt.Println(len(errs), errs[0] == base, errs[1] == ce)
	}
	nonErr := fmt.Errorf("non error: %w", 42)
	fmt.Println(nonErr, errors.Unwrap(nonErr) == nil)
	nilErr := fmt.Errorf("nil error: %w", nil)
	fmt.Println(nilErr, errors.Unwrap(nilErr) == nil)
	var nilE error
	fmt.Println(fmt.Errorf("typed nil: %w", nilE), fmt.Errorf("no verbs"), fmt.Errorf("%w", base) != base)
	fmt.Println(fmt.Sprintf("%w", base))
	fmt.Println(fmt.Sprintf("%w %d", 5, 6))
	fmt.Println(fmt.Errorf("%v then %w", base, e1), errors.Is(fmt.Errorf("%v", base), base))
	fmt.Println(fmt.Errorf("missing: %w"), fmt.Errorf("extra: %w", base, 3))
	fmt.Printf("%v|%s|%q|%x|%10.4v|\n", base, e1, base, base, base)
	mixed := fmt.Errorf("%w|%w|%w", base, 7, e1)
	fmt.Println(mixed, errors.Is(mixed, e1), errors.Is(mixed, ce))
	joined := errors.Join(e1, ce)
	wrapJ := fmt.Errorf("joined: %w", joined)
	fmt.Printf("%q %v %v\n", wrapJ.Error(), errors.Is(wrapJ, base), errors.Is(wrapJ, ce))

	// A hot loop building wrapped chains and walking them.
	depthSum := 0
	for i := 0; i < 2000; i++ {
		var e error = &codeErr{i}
		for d := 0; d < i%5; d++ {
			e = fmt.Errorf("d%d: %w", d, e)
		}
		for u := e; u != nil; u = errors.Unwrap(u) {
			depthSum++
		}
		if !errors.Is(e, e) {
			depthSum -= 1000
		}
		if i%500 == 0 {
			fmt.Println(e)
		}
	}
	fmt.Println("depth sum", depthSum)

	bw2 := bufio.NewWriterSize(&sb, 8)
	sb.Reset()
	for i := 0; i < 10; i++ {
		fmt.Fprintf(bw2, "[%d]", i*i)
	}
	fmt.Println(sb.Len(), bw2.Buffered())
	bw2.Flush()
	fmt.Println(sb.String())
}
