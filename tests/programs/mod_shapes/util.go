package main

import (
	"fmt"
	"strings"

	"example.com/shapes/geom"
)

func init() {
	fmt.Println("main: init in util.go, shapes:", len(shapes))
}

func build() []geom.Shape {
	fmt.Println("main: var shapes initialized, Unit =", geom.Unit)
	var out []geom.Shape
	for i := 1; i <= 4; i++ {
		out = append(out, geom.NewCircle(float64(i)), geom.NewRect(float64(i), 2))
	}
	return out
}

func describeAll(ss []geom.Shape) string {
	var parts []string
	for _, s := range ss[:3] {
		parts = append(parts, geom.Describe(s))
	}
	return strings.Join(parts, "+")
}
