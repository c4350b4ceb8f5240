package main

import "fmt"

type Reader interface {
	Read() string
}

type Writer interface {
	Write(s string) int
}

type Closer interface {
	Close() error
}

type ReadWriter interface {
	Reader
	Writer
}

// overlapping embedded method sets are allowed (identical signatures)
type ReadWriteCloser interface {
	ReadWriter
	Reader
	Closer
}

type Buffer struct {
	data   []string
	closed bool
}

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return "<empty>"
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

func (b *Buffer) Close() error {
	b.closed = true
	return nil
}

type Upper struct{ w Writer }

func (u Upper) Write(s string) int {
	out := []byte(s)
	for i, c := range out {
		if c >= 'a' && c <= 'z' {
			out[i] = c - 32
		}
	}
	return u.w.Write(string(out))
}

type Stringish interface {
	String() string
}

type Token int

func (t Token) String() string { return fmt.Sprintf("tok%d", int(t)) }

func copyAll(dst Writer, src Reader, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += dst.Write(src.Read())
	}
	return total
}

func main() {
	buf := &Buffer{}
	var rwc ReadWriteCloser = buf

	// interface to interface: implicit widening to a smaller interface
	var rw ReadWriter = rwc
	var r Reader = rw
	var w Writer = rwc
	w.Write("hello")
	rw.Write("world")
	fmt.Println(r.Read(), rwc.Read(), r.Read())

	// explicit conversions to interface types
	w2 := Writer(buf)
	r2 := Reader(rwc)
	w2.Write("x")
	fmt.Println(r2.Read())

	// narrowing requires an assertion, checked at run time
	back, ok := r.(ReadWriteCloser)
	closeErr := back.Close()
	fmt.Println(ok, closeErr, buf.closed)
	_, ok = w.(Stringish)
	fmt.Println(ok)

	// interfaces wrapping interfaces
	up := Upper{w: buf}
	var w3 Writer = up
	n := copyAll(w3, Reader(buf), 2)
	w3.Write("mixed Case")
	fmt.Println(n, buf.data)

	// any holds any interface's dynamic value (not the interface itself)
	var a any = r
	fmt.Printf("%T\n", a)
	_, isReader := a.(Reader)
	_, isUpper := a.(Upper)
	fmt.Println(isReader, isUpper)

	// fmt.Stringer is an ordinary interface
	var st fmt.Stringer = Token(3)
	var si Stringish = st
	fmt.Println(st, si.String(), st == si)
	var ts []fmt.Stringer
	for i := 0; i < 3; i++ {
		ts = append(ts, Token(i*i))
	}
	fmt.Println(ts)

	// a slice of a bigger interface can't be converted wholesale,
	// but each element converts
	rwcs := []ReadWriteCloser{&Buffer{data: []string{"a"}}, &Buffer{data: []string{"b", "c"}}}
	readers := make([]Reader, len(rwcs))
	for i, x := range rwcs {
		readers[i] = x
	}
	for _, rd := range readers {
		fmt.Print(rd.Read(), " ")
	}
	fmt.Println()

	// comparing interfaces of different static types holding the same pointer
	fmt.Println(r == Reader(buf), any(w) == any(r), rw == rwc)

	// nil interface converts to nil interface
	var nilRWC ReadWriteCloser
	var nilR Reader = nilRWC
	fmt.Println(nilR == nil, nilRWC == nil)

	// interface with the error method set
	var cl Closer = buf
	err := cl.Close()
	fmt.Println(err == nil, err)
}
