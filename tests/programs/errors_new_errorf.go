package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("empty input")
var ErrTooLong = errors.New("input too long")

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

type RangeError struct {
	Value, Min, Max int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%d out of range [%d, %d]", e.Value, e.Min, e.Max)
}

func validate(s string) error {
	if s == "" {
		return ErrEmpty
	}
	if len(s) > 8 {
		return ErrTooLong
	}
	return nil
}

func parseNum(line int, s string) (int, error) {
	if err := validate(s); err != nil {
		return 0, fmt.Errorf("parseNum(%q): %v", s, err)
	}
	n := 0
	for i, c := range s {
		if c < '0' || c > '9' {
			return 0, ParseError{line, fmt.Sprintf("bad char %q at %d", c, i)}
		}
		n = n*10 + int(c-'0')
	}
	if n > 1000 {
		return n, &RangeError{n, 0, 1000}
	}
	return n, nil
}

type Result struct {
	N   int
	Err error
}

func main() {
	inputs := []string{"42", "", "123456789", "12x4", "5000", "7"}
	var results []Result
	for i, in := range inputs {
		n, err := parseNum(i+1, in)
		results = append(results, Result{n, err})
		if err != nil {
			fmt.Printf("%-11q error: %v\n", in, err)
			continue
		}
		fmt.Printf("%-11q ok: %d\n", in, n)
	}
	fmt.Println(results)
	fmt.Printf("%+v\n", results[3])

	// classifying errors by identity and by type
	for _, r := range results {
		switch e := r.Err.(type) {
		case nil:
			fmt.Print("ok ")
		case ParseError:
			fmt.Print("parse@", e.Line, " ")
		case *RangeError:
			fmt.Print("range:", e.Value-e.Max, " ")
		default:
			fmt.Print("other:", e == ErrEmpty, " ")
		}
	}
	fmt.Println()

	// errors.New gives distinct values even with equal text
	a, b := errors.New("same"), errors.New("same")
	fmt.Println(a == b, a.Error() == b.Error(), a == a)
	err := validate("")
	fmt.Println(err == ErrEmpty, err != ErrTooLong)

	// Errorf output
	e1 := fmt.Errorf("plain")
	e2 := fmt.Errorf("%d%% done, %s left, ok=%t", 50, "half", false)
	e3 := fmt.Errorf("wrapping: %v", &RangeError{5, 6, 7})
	e4 := fmt.Errorf("struct: %v / %+v", ParseError{1, "m"}, Result{1, nil})
	for _, e := range []error{e1, e2, e3, e4} {
		fmt.Println(e)
	}
	fmt.Printf("%T %T\n", e1, ErrEmpty)

	// error values print through Error() in every position
	fmt.Println([]error{ErrEmpty, nil, ParseError{2, "x"}})
	var nilErr error
	fmt.Printf("%v|%s|%d\n", nilErr, ErrTooLong, ParseError{3, "y"})
	fmt.Println(fmt.Sprint(ErrEmpty, ErrTooLong), fmt.Sprint("e:", ErrEmpty))

	// a function that collects errors
	var errs []error
	for _, in := range []string{"1", "", "abc", "9999"} {
		if _, err := parseNum(0, in); err != nil {
			errs = append(errs, err)
		}
	}
	fmt.Println(len(errs))
	for i, e := range errs {
		fmt.Println(i, e.Error())
	}
}
