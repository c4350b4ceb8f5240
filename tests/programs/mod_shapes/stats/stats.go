package stats

import (
	"fmt"

	"example.com/shapes/geom"
)

// Base is initialized after geom's variables and init.
var Base = geom.Unit * 10

func init() {
	fmt.Println("stats: init, Base =", Base)
}

// Total sums the areas: a hot interface call site in another package.
func Total(shapes []geom.Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

// Summary is a struct of this package holding another's interface.
type Summary struct {
	Count   int
	Largest geom.Shape
}

func Summarize(shapes []geom.Shape) Summary {
	var s Summary
	for _, sh := range shapes {
		s.Count++
		if s.Largest == nil || sh.Area() > s.Largest.Area() {
			s.Largest = sh
		}
	}
	return s
}
