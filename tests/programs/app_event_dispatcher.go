package main

import (
	"errors"
	"fmt"
)

// An event dispatcher with many handler types: function adapters,
// value and pointer struct handlers, closures, filters that wrap other
// handlers, and optional interfaces discovered by assertion.

type Event struct {
	Topic   string
	Payload any
	Seq     int
}

type Handler interface {
	Handle(e Event) error
}

type HandlerFunc func(Event) error

func (f HandlerFunc) Handle(e Event) error { return f(e) }

// optional capabilities
type Named interface{ Name() string }
type Closer interface{ Close() string }

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Handle(e Event) error {
	l.lines = append(l.lines, fmt.Sprintf("%s#%d %s %v", l.prefix, e.Seq, e.Topic, e.Payload))
	return nil
}
func (l *Logger) Name() string  { return "logger(" + l.prefix + ")" }
func (l *Logger) Close() string { return fmt.Sprint(l.Name(), " wrote ", len(l.lines)) }

type Counter struct{ n *int } // value receiver; state behind a pointer

func (c Counter) Handle(Event) error { *c.n++; return nil }
func (c Counter) Name() string       { return "counter" }

type Summer struct{ Total int }

func (s *Summer) Handle(e Event) error {
	switch v := e.Payload.(type) {
	case int:
		s.Total += v
	case []int:
		for _, x := range v {
			s.Total += x
		}
	case string:
		return fmt.Errorf("summer: cannot add string %q", v)
	default:
		return fmt.Errorf("summer: unsupported %T", v)
	}
	return nil
}

type TopicFilter struct {
	Topic string
	Next  Handler
}

func (f TopicFilter) Handle(e Event) error {
	if e.Topic != f.Topic {
		return nil
	}
	return f.Next.Handle(e)
}
func (f TopicFilter) Name() string {
	inner := "?"
	if n, ok := f.Next.(Named); ok {
		inner = n.Name()
	}
	return "filter[" + f.Topic + "]->" + inner
}

type Limit struct {
	Max  int
	seen int
	Next Handler
}

var ErrLimit = errors.New("limit reached")

func (l *Limit) Handle(e Event) error {
	if l.seen >= l.Max {
		return ErrLimit
	}
	l.seen++
	return l.Next.Handle(e)
}

type Chain []Handler

func (c Chain) Handle(e Event) error {
	for _, h := range c {
		if err := h.Handle(e); err != nil {
			return err
		}
	}
	return nil
}

type Dispatcher struct {
	handlers []Handler
	errs     []error
	seq      int
}

func (d *Dispatcher) On(h Handler) { d.handlers = append(d.handlers, h) }

func (d *Dispatcher) OnFunc(f func(Event) error) { d.On(HandlerFunc(f)) }

func (d *Dispatcher) Emit(topic string, payload any) {
	d.seq++
	e := Event{topic, payload, d.seq}
	for i, h := range d.handlers {
		if err := h.Handle(e); err != nil {
			d.errs = append(d.errs, fmt.Errorf("event %d handler %d: %v", e.Seq, i, err))
		}
	}
}

func main() {
	d := &Dispatcher{}
	log := &Logger{prefix: "L"}
	count := 0
	sum := &Summer{}
	var topics []string

	d.On(log)
	d.On(Counter{&count})
	d.On(TopicFilter{"num", sum})
	d.OnFunc(func(e Event) error {
		topics = append(topics, e.Topic)
		return nil
	})
	d.On(&Limit{Max: 4, Next: HandlerFunc(func(e Event) error {
		if e.Topic == "boom" {
			return errors.New("handler exploded")
		}
		return nil
	})})
	d.On(Chain{
		TopicFilter{"str", log},
		HandlerFunc(func(e Event) error {
			if s, ok := e.Payload.(string); ok && len(s) > 5 {
				return fmt.Errorf("string too long: %d", len(s))
			}
			return nil
		}),
	})

	d.Emit("num", 5)
	d.Emit("str", "hello")
	d.Emit("num", []int{1, 2, 3})
	d.Emit("boom", nil)
	d.Emit("num", "oops")
	d.Emit("str", "much too long")
	d.Emit("num", 2.5)

	fmt.Println("count:", count, "sum:", sum.Total, "topics:", topics)
	for _, l := range log.lines {
		fmt.Println(l)
	}
	for _, err := range d.errs {
		fmt.Println("error:", err)
	}

	// discover optional interfaces on each handler
	for i, h := range d.handlers {
		name := fmt.Sprintf("%T", h)
		if n, ok := h.(Named); ok {
			name = n.Name()
		}
		extra := ""
		if c, ok := h.(Closer); ok {
			extra = " / " + c.Close()
		}
		fmt.Printf("%d %s%s\n", i, name, extra)
	}
	limitErrs := 0
	for _, err := range d.errs {
		if err.Error()[len(err.Error())-len(ErrLimit.Error()):] == ErrLimit.Error() {
			limitErrs++
		}
	}
	fmt.Println("limit errors:", limitErrs)
}
