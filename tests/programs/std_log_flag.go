package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

// log without timestamps (SetFlags(0), SetPrefix, Lmsgprefix, New with a
// strings.Builder, Panic recovered); flag.NewFlagSet with ContinueOnError
// over argument slices: every kind of flag, bool forms, durations, errors
// with their usage output, -h, Visit/VisitAll, PrintDefaults.

// listValue is a custom flag.Value collecting every occurrence.
type listValue []string

func (l *listValue) String() string { return fmt.Sprint([]string(*l)) }
func (l *listValue) Set(s string) error {
	if s == "" {
		return errors.New("empty item")
	}
	*l = append(*l, s)
	return nil
}

type config struct {
	fs      *flag.FlagSet
	out     strings.Builder
	verbose *bool
	n       *int
	big     *int64
	u       *uint
	name    *string
	ratio   *float64
	wait    *time.Duration
	list    listValue
	level   int
}

func newConfig() *config {
	c := &config{fs: flag.NewFlagSet("tool", flag.ContinueOnError)}
	c.fs.SetOutput(&c.out)
	c.verbose = c.fs.Bool("v", false, "verbose output")
	c.n = c.fs.Int("n", 3, "number of `items` to process")
	c.big = c.fs.Int64("big", 0, "a big number")
	c.u = c.fs.Uint("u", 7, "unsigned")
	c.name = c.fs.String("name", "anon", "the name\non two lines")
	c.ratio = c.fs.Float64("ratio", 0.5, "a ratio")
	c.wait = c.fs.Duration("wait", 1500*time.Millisecond, "how long to wait")
	c.fs.Var(&c.list, "item", "an item (repeatable)")
	c.fs.Func("level", "log level 0-9", func(s string) error {
		if len(s) != 1 || s[0] < '0' || s[0] > '9' {
			return fmt.Errorf("bad level %q", s)
		}
		c.level = int(s[0] - '0')
		return nil
	})
	return c
}

func parse(args ...string) {
	c := newConfig()
	err := c.fs.Parse(args)
	fmt.Printf("Parse%q\n  err=%v help=%v\n", args, err, err == flag.ErrHelp)
	fmt.Printf("  v=%v n=%d big=%d u=%d name=%q ratio=%v wait=%v list=%v level=%d\n",
		*c.verbose, *c.n, *c.big, *c.u, *c.name, *c.ratio, *c.wait, c.list, c.level)
	fmt.Printf("  args=%q nflag=%d narg=%d arg0=%q parsed=%v\n", c.fs.Args(), c.fs.NFlag(), c.fs.NArg(), c.fs.Arg(0), c.fs.Parsed())
	if out := c.out.String(); len(args) > 0 && args[0] == "-h" {
		fmt.Printf("  output:\n%s", out)
	} else if out != "" {
		fmt.Printf("  output: %d lines, first %q\n", strings.Count(out, "\n"), out[:strings.Index(out, "\n")+1])
	}
}

func main() {
	var lb strings.Builder
	l := log.New(&lb, "app: ", 0)
	l.Println("started", 1, 2)
	l.Printf("value=%d", 42)
	l.Print("no newline")
	l.Print("with newline\n")
	l.SetPrefix("[p] ")
	l.SetFlags(log.Lmsgprefix)
	l.Println("prefix after header")
	fmt.Printf("%q %q %d\n", lb.String(), l.Prefix(), l.Flags())

	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("std: ")
	log.Println("to stdout via the standard logger")
	log.Printf("%s=%v", "k", []int{1, 2})
	fmt.Println(log.Flags(), log.Prefix(), log.Writer() == os.Stdout, log.LstdFlags, log.Lmsgprefix)
	func() {
		defer func() { fmt.Printf("recovered: %q\n", recover()) }()
		log.Panicf("bad thing %d", 7)
	}()
	func() {
		defer func() { fmt.Printf("recovered: %q\n", recover()) }()
		l.Panicln("panic", "ln")
	}()
	fmt.Printf("%q\n", lb.String()[strings.LastIndex(lb.String(), "[p]"):])
	log.SetOutput(os.Stderr)
	log.Print("to stderr")

	parse()
	parse("-v", "-n", "10", "rest", "-v")
	parse("-v=false", "--n=0x1f", "-big", "-9223372036854775808", "-u=0", "--", "-name")
	parse("-name", "", "-ratio=1e3", "-wait", "2h45m", "-item", "a", "-item=b", "-level", "5", "-")
	parse("-v=t", "-v=F", "-v=1")
	parse("-v=maybe")
	parse("-n=abc")
	parse("-n", "99999999999999999999")
	parse("-u=-1")
	parse("-wait=10")
	parse("-ratio", "x")
	parse("-item=")
	parse("-level=12")
	parse("-nope")
	parse("-n")
	parse("---n=1")
	parse("-=1")
	parse("-h")
	parse("--help", "-v")

	c := newConfig()
	c.fs.Parse([]string{"-v", "-n=5", "-item", "x", "tail"})
	c.fs.Visit(func(f *flag.Flag) { fmt.Printf("set %s=%v (default %q)\n", f.Name, f.Value, f.DefValue) })
	c.fs.VisitAll(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if ok {
			fmt.Printf("all %s %v %T\n", f.Name, g.Get(), g.Get())
		} else {
			fmt.Printf("all %s %v (no Get)\n", f.Name, f.Value)
		}
	})
	err77 := c.fs.Set("n", "77")
	fmt.Println(err77, *c.n, c.fs.Set("zzz", "1"), c.fs.Lookup("wait").Usage, c.fs.Lookup("none") == nil)
	errq := c.fs.Set("n", "q")
	fmt.Println(errq, *c.n)
	var pd strings.Builder
	c.fs.SetOutput(&pd)
	c.fs.PrintDefaults()
	fmt.Print(pd.String())
	fmt.Println(c.fs.Name(), c.fs.ErrorHandling() == flag.ContinueOnError)
	func() {
		defer func() { fmt.Println("redefined:", recover()) }()
		c.fs.Int("n", 1, "again")
	}()
	last := strings.TrimSuffix(pd.String(), "\n")
	fmt.Printf("after redefinition: %q\n", last[strings.LastIndex(last, "\n")+1:])

	// Hot loop: many small parses.
	total := 0
	for i := 0; i < 1500; i++ {
		fs := flag.NewFlagSet("hot", flag.ContinueOnError)
		fs.SetOutput(&lb)
		k := fs.Int("k", 0, "k")
		b := fs.Bool("b", false, "b")
		d := fs.Duration("d", 0, "d")
		args := []string{"-k", fmt.Sprint(i), fmt.Sprintf("-b=%v", i%2 == 0), "-d", fmt.Sprintf("%dms", i), "x"}
		if err := fs.Parse(args); err != nil {
			total -= 1000000
		}
		total += *k + fs.NArg() + int(*d/time.Millisecond)
		if *b {
			total++
		}
	}
	fmt.Println("hot total", total)
	log.SetOutput(os.Stdout)
	log.SetFlags(log.Lmsgprefix)
	log.SetPrefix("> ")
	log.Println("done")
}
