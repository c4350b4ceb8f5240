// Package log: simple logging to standard error (or any io.Writer), as
// Go's log package. (pgojit's own implementation.)
package log

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Flags choosing the prefix of each line.
const (
	Ldate         = 1 << iota // 2009/01/23
	Ltime                     // 01:23:23
	Lmicroseconds             // 01:23:23.123123 (with Ltime)
	Llongfile                 // callers' files are not known here: "???:0: ", Go's own fallback
	Lshortfile                // (as Llongfile)
	LUTC                      // date and time in UTC
	Lmsgprefix                // the prefix before the message, not the line
	LstdFlags     = Ldate | Ltime
)

// A Logger writes lines to an io.Writer.
type Logger struct {
	prefix string
	flag   int
	out    io.Writer
}

func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{prefix: prefix, flag: flag, out: out}
}

var std = New(os.Stderr, "", LstdFlags)

// Default is the standard logger (the package functions').
func Default() *Logger { return std }

func (l *Logger) SetOutput(w io.Writer)  { l.out = w }
func (l *Logger) Writer() io.Writer      { return l.out }
func (l *Logger) SetPrefix(prefix string) { l.prefix = prefix }
func (l *Logger) Prefix() string         { return l.prefix }
func (l *Logger) SetFlags(flag int)      { l.flag = flag }
func (l *Logger) Flags() int             { return l.flag }

func pad(b []byte, i int, wid int) []byte {
	var d [20]byte
	n := len(d)
	for i >= 10 || wid > 1 {
		wid--
		n--
		d[n] = byte('0' + i%10)
		i /= 10
	}
	n--
	d[n] = byte('0' + i)
	return append(b, d[n:]...)
}

func (l *Logger) header(b []byte, t time.Time) []byte {
	if l.flag&Lmsgprefix == 0 {
		b = append(b, l.prefix...)
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		if l.flag&LUTC != 0 {
			t = t.UTC()
		}
		if l.flag&Ldate != 0 {
			year, month, day := t.Date()
			b = pad(b, year, 4)
			b = append(b, '/')
			b = pad(b, int(month), 2)
			b = append(b, '/')
			b = pad(b, day, 2)
			b = append(b, ' ')
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			b = pad(b, hour, 2)
			b = append(b, ':')
			b = pad(b, min, 2)
			b = append(b, ':')
			b = pad(b, sec, 2)
			if l.flag&Lmicroseconds != 0 {
				b = append(b, '.')
				b = pad(b, t.Nanosecond()/1e3, 6)
			}
			b = append(b, ' ')
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		// (What Go prints when runtime.Caller cannot tell.)
		b = append(b, "???:0: "...)
	}
	if l.flag&Lmsgprefix != 0 {
		b = append(b, l.prefix...)
	}
	return b
}

// Output writes one line: the header, s, and a newline if s lacks one.
func (l *Logger) Output(calldepth int, s string) error {
	var now time.Time
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		now = time.Now()
	}
	b := l.header(nil, now)
	b = append(b, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		b = append(b, '\n')
	}
	_, err := l.out.Write(b)
	return err
}

func (l *Logger) Print(v ...any)                 { l.Output(2, fmt.Sprint(v...)) }
func (l *Logger) Printf(format string, v ...any) { l.Output(2, fmt.Sprintf(format, v...)) }
func (l *Logger) Println(v ...any)               { l.Output(2, fmt.Sprintln(v...)) }

func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

func SetOutput(w io.Writer)     { std.out = w }
func Writer() io.Writer         { return std.out }
func Flags() int                { return std.flag }
func SetFlags(flag int)         { std.flag = flag }
func Prefix() string            { return std.prefix }
func SetPrefix(prefix string)   { std.prefix = prefix }
func Output(calldepth int, s string) error { return std.Output(calldepth+1, s) }

func Print(v ...any)                 { std.Output(2, fmt.Sprint(v...)) }
func Printf(format string, v ...any) { std.Output(2, fmt.Sprintf(format, v...)) }
func Println(v ...any)               { std.Output(2, fmt.Sprintln(v...)) }

func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.Output(2, s)
	panic(s)
}

func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.Output(2, s)
	panic(s)
}

func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.Output(2, s)
	panic(s)
}
