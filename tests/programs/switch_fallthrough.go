package main

import "fmt"

var trace []string

func val(name string, v int) int {
	trace = append(trace, name)
	return v
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	default:
		return "F"
	}
}

func describe(n int) []string {
	var out []string
	switch n {
	case 0:
		out = append(out, "zero")
		fallthrough
	case 1:
		out = append(out, "small")
		fallthrough
	case 2, 3:
		out = append(out, "tiny")
	case 4:
		out = append(out, "four")
		fallthrough
	default:
		out = append(out, "default")
	case 5:
		out = append(out, "five")
	}
	return out
}

type Dir int

const (
	North Dir = iota
	East
	South
	West
)

func (d Dir) Turn() Dir {
	switch d {
	case North:
		return East
	case East:
		return South
	case South:
		return West
	}
	return North
}

func main() {
	for _, s := range []int{95, 85, 75, 10, 90, 80} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()

	for n := 0; n <= 6; n++ {
		fmt.Println(n, describe(n))
	}

	// case expressions are evaluated left to right, top to bottom,
	// stopping at the first match
	switch val("tag", 3) {
	case val("a", 1), val("b", 2):
		fmt.Println("first")
	case val("c", 3), val("d", 4):
		fmt.Println("second")
	case val("e", 3):
		fmt.Println("third")
	}
	fmt.Println(trace)

	// init statement, and no tag means true
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		fallthrough
	case x > 100:
		fmt.Println("fell into x > 100")
	case x > 4:
		fmt.Println("not reached")
	}

	// switch on strings, with default in the middle
	for _, cmd := range []string{"go", "stop", "pause", ""} {
		switch cmd {
		case "go":
			fmt.Print("moving ")
		default:
			fmt.Print("unknown(", cmd, ") ")
		case "stop", "halt":
			fmt.Print("stopping ")
		}
	}
	fmt.Println()

	// switch on a named type with methods
	d := North
	for i := 0; i < 5; i++ {
		fmt.Print(d, " ")
		d = d.Turn()
	}
	fmt.Println()

	// switch on runes and bools
	classify := func(r rune) string {
		switch {
		case r >= '0' && r <= '9':
			return "digit"
		case r == ' ', r == '\t':
			return "space"
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return "letter"
		}
		return "other"
	}
	for _, r := range "a1 Z?" {
		fmt.Print(classify(r), " ")
	}
	fmt.Println()
	switch true {
	case 1 > 2:
		fmt.Println("no")
	case 2 > 1:
		fmt.Println("switch true works")
	}

	// empty switch and a switch with only default
	switch {
	}
	switch x := 1; x {
	default:
		fmt.Println("only default", x)
	}

	// fallthrough into the last case, which is default
	switch 1 {
	case 1:
		fmt.Print("one ")
		fallthrough
	default:
		fmt.Println("then default")
	}
}
