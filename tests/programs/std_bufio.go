package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// bufio: Scanner with ScanLines/ScanWords/ScanRunes/ScanBytes and custom
// split functions (incl. ErrFinalToken and a split error), Buffer with a
// small maximum and ErrTooLong; Reader's ReadString, ReadLine (with
// isPrefix on a small buffer), ReadRune/UnreadRune, Peek, ReadBytes,
// ReadByte/UnreadByte, Discard; Writer with small sizes, Flush,
// Available and Buffered, and a failing underlying writer.

func scanAll(name, input string, split bufio.SplitFunc) {
	sc := bufio.NewScanner(strings.NewReader(input))
	sc.Split(split)
	var toks []string
	for sc.Scan() {
		toks = append(toks, fmt.Sprintf("%q", sc.Text()))
	}
	fmt.Println(name, len(toks), strings.Join(toks, ","), sc.Err())
}

// commaSplit splits at commas, and stops at a "STOP" token.
func commaSplit(data []byte, atEOF bool) (int, []byte, error) {
	for i := 0; i < len(data); i++ {
		if data[i] == ',' {
			if string(data[:i]) == "STOP" {
				return i + 1, data[:i], bufio.ErrFinalToken
			}
			return i + 1, data[:i], nil
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

var errBad = errors.New("bad byte")

func strictSplit(data []byte, atEOF bool) (int, []byte, error) {
	if len(data) > 0 && data[0] == '!' {
		return 0, nil, errBad
	}
	return bufio.ScanWords(data, atEOF)
}

// slowReader returns at most 3 bytes per Read.
type slowReader struct{ r io.Reader }

func (s *slowReader) Read(p []byte) (int, error) {
	if len(p) > 3 {
		p = p[:3]
	}
	return s.r.Read(p)
}

type limitWriter struct {
	buf  strings.Builder
	left int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.buf.Write(p[:n])
		w.left = 0
		return n, errors.New("disk full")
	}
	w.left -= len(p)
	w.buf.Write(p)
	return len(p), nil
}

func main() {
	text := "line one\r\nline two\n\n  spaced   words\there \nlast"
	scanAll("lines", text, bufio.ScanLines)
	scanAll("lines-nl", "a\nb\n", bufio.ScanLines)
	scanAll("words", text, bufio.ScanWords)
	scanAll("words-unicode", "\u00a0x\u2003y\u3000 z\u0085", bufio.ScanWords)
	scanAll("runes", "aé日\xff😀\xe6\x97", bufio.ScanRunes)
	scanAll("bytes", "hé\n", bufio.ScanBytes)
	scanAll("empty", "", bufio.ScanLines)
	scanAll("comma", "a,b,,c", commaSplit)
	scanAll("final", "x,STOP,y,z", commaSplit)
	scanAll("strict", "ok fine !bad more", strictSplit)

	sc := bufio.NewScanner(strings.NewReader("short\n" + strings.Repeat("L", 40) + "\nafter\n"))
	sc.Buffer(make([]byte, 4), 16)
	for sc.Scan() {
		fmt.Printf("token %q\n", sc.Text())
	}
	fmt.Println("too long:", sc.Err(), sc.Err() == bufio.ErrTooLong)

	sc = bufio.NewScanner(&slowReader{strings.NewReader("alpha beta\ngamma delta epsilon\n")})
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n += len(sc.Bytes())
	}
	fmt.Println("slow words bytes", n, sc.Err())

	// Reader.
	r := bufio.NewReaderSize(strings.NewReader("héllo wörld\nsecond line that is long\nthird"), 16)
	s, err := r.ReadString(' ')
	fmt.Printf("ReadString %q %v\n", s, err)
	c, size, err := r.ReadRune()
	fmt.Printf("ReadRune %q %d %v\n", c, size, err)
	c, size, err = r.ReadRune()
	fmt.Printf("ReadRune %q %d %v\n", c, size, err)
	fmt.Println("UnreadRune", r.UnreadRune(), "again", r.UnreadRune())
	p, err := r.Peek(4)
	fmt.Printf("Peek %q %v buffered %d\n", p, err, r.Buffered())
	_, err = r.Peek(100)
	fmt.Println("Peek big:", err)
	line, isPrefix, err := r.ReadLine()
	fmt.Printf("ReadLine %q %v %v\n", line, isPrefix, err)
	for {
		line, isPrefix, err = r.ReadLine()
		fmt.Printf("ReadLine %q %v %v\n", line, isPrefix, err)
		if !isPrefix {
			break
		}
	}
	b, err := r.ReadBytes('\n')
	fmt.Printf("ReadBytes %q %v\n", b, err)
	b, err = r.ReadBytes('\n')
	fmt.Printf("ReadBytes %q %v\n", b, err)

	r = bufio.NewReader(strings.NewReader("0123456789"))
	by, _ := r.ReadByte()
	fmt.Println("ReadByte", string(by), r.UnreadByte(), r.UnreadByte())
	d, err := r.Discard(3)
	fmt.Println("Discard", d, err)
	rest, err := io.ReadAll(r)
	fmt.Printf("rest %q %v\n", rest, err)
	d, err = r.Discard(1)
	fmt.Println("Discard at EOF", d, err)
	_, _, err = r.ReadRune()
	fmt.Println("ReadRune at EOF", err, r.UnreadRune())

	// Writer with a small buffer.
	var sb strings.Builder
	w := bufio.NewWriterSize(&sb, 16)
	fmt.Println("size", w.Size(), "avail", w.Available(), "buffered", w.Buffered())
	w.WriteString("hello")
	w.WriteByte(' ')
	w.WriteRune('世')
	fmt.Println("avail", w.Available(), "buffered", w.Buffered(), "out", sb.Len())
	w.WriteString("a string longer than the buffer")
	fmt.Println("avail", w.Available(), "buffered", w.Buffered(), "out", sb.Len())
	fmt.Println("flush", w.Flush(), sb.String(), w.Buffered())

	lw := &limitWriter{left: 10}
	fw := bufio.NewWriterSize(lw, 8)
	nn, err := fw.WriteString("0123456789abcdef")
	fmt.Println("limited", nn, err, fw.Flush(), lw.buf.String())
	nn, err = fw.WriteString("more")
	fmt.Println("after error", nn, err)

	// Hot loops: many lines through a Scanner and a small Writer.
	var src strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&src, "row %d value %d\n", i, i*i%97)
	}
	sc = bufio.NewScanner(strings.NewReader(src.String()))
	var out strings.Builder
	bw := bufio.NewWriterSize(&out, 32)
	lines, sum := 0, 0
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		lines++
		sum += len(f[3])
		bw.WriteString(f[1])
		bw.WriteByte(';')
	}
	bw.Flush()
	fmt.Println("lines", lines, "sum", sum, "out", out.Len(), out.String()[:30])
	br := bufio.NewReaderSize(strings.NewReader(src.String()), 16)
	runes := 0
	for {
		_, _, err := br.ReadRune()
		if err != nil {
			fmt.Println("runes", runes, err)
			break
		}
		runes++
	}
}
