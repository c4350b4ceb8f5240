package main

import "fmt"

// What fmt prints when a format and its arguments disagree. These strings
// are part of fmt's documented behaviour.

type Pt struct{ X, Y int }

type Name string

func (n Name) String() string { return "name:" + string(n) }

func main() {
	// wrong type for the verb
	fmt.Printf("%d|%s|%t|%f\n", "str", 42, 1, "x")
	fmt.Printf("%c|%q|%x|%d\n", "s", 2.5, true, Name("n"))
	fmt.Printf("%d|%s\n", Pt{1, 2}, Pt{3, 4})
	fmt.Printf("%t|%f\n", []int{1}, []string{"a"})

	// missing and extra arguments
	fmt.Printf("%d %d %s\n", 1)
	fmt.Printf("%d\n", 1, 2, "three")
	fmt.Printf("no verbs\n", 5)
	s := fmt.Sprintf("%s-%s", "a")
	fmt.Println(s)

	// nil arguments
	var e error
	var p *Pt
	fmt.Printf("%d|%s|%v|%+v|%t\n", nil, nil, nil, e, nil)
	fmt.Printf("%d|%s|%v\n", p, p, p)

	// unknown verbs and a trailing percent
	fmt.Printf("%z|%y\n", 1, "s")
	fmt.Printf("100%\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%!\n")

	// Errorf and Sprintf report the same way
	err := fmt.Errorf("code %d: %s", "oops")
	fmt.Println(err)
	fmt.Println(fmt.Sprintf("%d%%", 50), fmt.Sprintf("%5.1f%%|%-4d|", 99.44, 7))
}
