// Package geom is a module-local package with several files.
package geom

import "fmt"

// Shape is implemented by the types of this package.
type Shape interface {
	Area() float64
	Name() string
}

// Unit scales every shape made after init.
var Unit = defaultUnit()

// Made counts the shapes made by the constructors.
var Made int

func defaultUnit() float64 {
	fmt.Println("geom: var Unit initialized")
	return 1
}

func init() {
	fmt.Println("geom: init, Unit =", Unit)
	Unit = 2
}

// Describe names a shape and its area.
func Describe(s Shape) string {
	return fmt.Sprintf("%s(%.1f)", s.Name(), s.Area())
}
