package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// countingReader yields n bytes 'a'+i%26 in chunks of at most chunk.
type countingReader struct {
	n, pos, chunk int
	calls         int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.calls++
	if c.pos >= c.n {
		return 0, io.EOF
	}
	k := len(p)
	if k > c.chunk {
		k = c.chunk
	}
	if k > c.n-c.pos {
		k = c.n - c.pos
	}
	for i := 0; i < k; i++ {
		p[i] = byte('a' + (c.pos+i)%26)
	}
	c.pos += k
	return k, nil
}

// upperWriter upper-cases into a builder.
type upperWriter struct{ b strings.Builder }

func (u *upperWriter) Write(p []byte) (int, error) {
	u.b.WriteString(strings.ToUpper(string(p)))
	return len(p), nil
}

// failWriter fails after limit bytes.
type failWriter struct{ limit, got int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.got+len(p) > f.limit {
		k := f.limit - f.got
		f.got = f.limit
		return k, errors.New("disk full")
	}
	f.got += len(p)
	return len(p), nil
}

// errReader returns data then a custom error.
type errReader struct{ done bool }

func (e *errReader) Read(p []byte) (int, error) {
	if e.done {
		return 0, errors.New("broken pipe")
	}
	e.done = true
	return copy(p, "partial"), nil
}

// checksum is hot: copies through a reader chain.
func checksum(s string) (int64, int) {
	var sb strings.Builder
	n, _ := io.Copy(&sb, io.LimitReader(strings.NewReader(s), 40))
	sum := 0
	out := sb.String()
	for i := 0; i < len(out); i++ {
		sum = (sum*31 + int(out[i])) % 65521
	}
	return n, sum
}

func main() {
	fmt.Println("EOF:", io.EOF, io.ErrUnexpectedEOF, io.ErrShortWrite, io.ErrShortBuffer)

	data, err := io.ReadAll(strings.NewReader("hello, reader"))
	fmt.Printf("ReadAll: %q %v\n", data, err)
	data, err = io.ReadAll(strings.NewReader(""))
	fmt.Printf("ReadAll empty: %q %v %d\n", data, err, len(data))
	cr := &countingReader{n: 1000, chunk: 7}
	data, err = io.ReadAll(cr)
	fmt.Println("ReadAll chunks:", len(data), err, string(data[990:]))
	data, err = io.ReadAll(&errReader{})
	fmt.Printf("ReadAll error: %q %v\n", data, err)

	var sb strings.Builder
	n, err := io.Copy(&sb, strings.NewReader("copy me"))
	fmt.Println("Copy:", n, err, sb.String())
	uw := &upperWriter{}
	n, err = io.Copy(uw, &countingReader{n: 60, chunk: 13})
	fmt.Println("Copy custom:", n, err, uw.b.String())
	n, err = io.Copy(&failWriter{limit: 10}, strings.NewReader("more than ten bytes"))
	fmt.Println("Copy fail:", n, err)
	n, err = io.Copy(&sb, &errReader{})
	fmt.Println("Copy read error:", n, err, sb.String())
	n, err = io.CopyBuffer(&sb, strings.NewReader("-buffered"), make([]byte, 2))
	fmt.Println("CopyBuffer:", n, err, sb.String())

	sb.Reset()
	n, err = io.CopyN(&sb, strings.NewReader("0123456789"), 4)
	fmt.Println("CopyN 4:", n, err, sb.String())
	n, err = io.CopyN(&sb, strings.NewReader("abc"), 10)
	fmt.Println("CopyN short:", n, err, sb.String())
	n, err = io.CopyN(&sb, strings.NewReader("abc"), 0)
	fmt.Println("CopyN 0:", n, err)

	buf := make([]byte, 5)
	k, err := io.ReadFull(strings.NewReader("abcdefg"), buf)
	fmt.Printf("ReadFull: %d %v %q\n", k, err, buf[:k])
	k, err = io.ReadFull(strings.NewReader("abc"), buf)
	fmt.Printf("ReadFull short: %d %v %q\n", k, err, buf[:k])
	k, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Printf("ReadFull empty: %d %v\n", k, err)
	k, err = io.ReadFull(&countingReader{n: 100, chunk: 2}, buf)
	fmt.Printf("ReadFull chunks: %d %v %q\n", k, err, buf[:k])
	k, err = io.ReadAtLeast(strings.NewReader("abcdef"), buf, 2)
	fmt.Printf("ReadAtLeast: %d %v %q\n", k, err, buf[:k])
	k, err = io.ReadAtLeast(strings.NewReader("a"), buf, 3)
	fmt.Printf("ReadAtLeast short: %d %v\n", k, err)
	k, err = io.ReadAtLeast(strings.NewReader("abc"), buf, 10)
	fmt.Printf("ReadAtLeast min>len: %d %v\n", k, err)
	k, err = io.ReadAtLeast(&errReader{}, make([]byte, 20), 10)
	fmt.Printf("ReadAtLeast err: %d %v\n", k, err)

	lr := io.LimitReader(strings.NewReader("limited reader text"), 7)
	data, err = io.ReadAll(lr)
	fmt.Printf("LimitReader: %q %v\n", data, err)
	l2 := &io.LimitedReader{R: strings.NewReader("xyz"), N: 10}
	data, _ = io.ReadAll(l2)
	fmt.Printf("LimitedReader: %q N=%d\n", data, l2.N)
	l3 := &io.LimitedReader{R: strings.NewReader("xyz"), N: 0}
	k, err = l3.Read(buf)
	fmt.Println("LimitedReader N=0:", k, err)

	var log strings.Builder
	tee := io.TeeReader(strings.NewReader("tee data"), &log)
	part := make([]byte, 3)
	k, _ = tee.Read(part)
	fmt.Printf("Tee first: %q log=%q\n", part[:k], log.String())
	rest, _ := io.ReadAll(tee)
	fmt.Printf("Tee rest: %q log=%q\n", rest, log.String())

	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader(""), &countingReader{n: 5, chunk: 2}, strings.NewReader(" three"))
	data, err = io.ReadAll(mr)
	fmt.Printf("MultiReader: %q %v\n", data, err)
	k, err = mr.Read(buf)
	fmt.Println("MultiReader after end:", k, err)
	data, err = io.ReadAll(io.MultiReader())
	fmt.Printf("MultiReader none: %q %v\n", data, err)

	var w1, w2 strings.Builder
	uw2 := &upperWriter{}
	mw := io.MultiWriter(&w1, &w2, uw2)
	k, err = mw.Write([]byte("fan out"))
	fmt.Println("MultiWriter:", k, err, w1.String(), w2.String(), uw2.b.String())
	k, err = io.WriteString(mw, "+str")
	fmt.Println("MultiWriter WriteString:", k, err, w1.String(), uw2.b.String())
	fw := &failWriter{limit: 3}
	k, err = io.MultiWriter(&w1, fw).Write([]byte("abcdef"))
	fmt.Println("MultiWriter fail:", k, err)

	k, err = io.WriteString(io.Discard, "discarded")
	fmt.Println("Discard:", k, err)
	n, err = io.Copy(io.Discard, &countingReader{n: 12345, chunk: 1000})
	fmt.Println("Copy to Discard:", n, err)

	rc := io.NopCloser(strings.NewReader("nop"))
	fmt.Println("NopCloser Close:", rc.Close())
	data, _ = io.ReadAll(rc)
	fmt.Printf("NopCloser data: %q\n", data)

	var r io.Reader = strings.NewReader("iface")
	if _, ok := r.(io.Seeker); ok {
		fmt.Println("strings.Reader is a Seeker")
	}
	if _, ok := r.(io.WriterTo); ok {
		fmt.Println("strings.Reader is a WriterTo")
	}
	var rs io.ReadSeeker = strings.NewReader("seekable")
	rs.Seek(4, io.SeekStart)
	data, _ = io.ReadAll(rs)
	fmt.Printf("ReadSeeker: %q\n", data)
	var bs io.ByteScanner = strings.NewReader("bs")
	c1, _ := bs.ReadByte()
	bs.UnreadByte()
	c2, _ := bs.ReadByte()
	fmt.Println("ByteScanner:", string(c1), string(c2))

	// hot loops
	var tot int64
	sum := 0
	for i := 0; i < 2500; i++ {
		n, s := checksum("the quick brown fox jumps over the lazy dog, again and again")
		tot += n
		sum += s
	}
	fmt.Println("hot copy:", tot, sum)
	calls := 0
	for i := 0; i < 1500; i++ {
		c := &countingReader{n: 50 + i%50, chunk: 1 + i%9}
		b := make([]byte, 16)
		for {
			_, err := io.ReadFull(c, b)
			if err != nil {
				break
			}
		}
		calls += c.calls
	}
	fmt.Println("hot readfull:", calls)
}
