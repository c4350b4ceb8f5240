package main

import (
	"fmt"

	"example.com/shapes/geom"
	st "example.com/shapes/stats"
)

var shapes = build()

func main() {
	fmt.Println("main: Made =", geom.Made, "Base =", st.Base)
	total := 0.0
	for i := 0; i < 3000; i++ {
		total += st.Total(shapes)
	}
	fmt.Printf("total %.1f\n", total)
	sum := st.Summarize(shapes)
	fmt.Printf("%T %T %d\n", sum, sum.Largest, sum.Count)
	fmt.Printf("%v %+v %+v\n", shapes[0], shapes[1], st.Summary{Count: 2})
	fmt.Println(geom.Describe(sum.Largest), describeAll(shapes))
	r := geom.NewRect(1, 2)
	r.Scale(3)
	f := r.Area
	fmt.Println(f(), r.Name(), geom.Made)
	var s geom.Shape = &geom.Circle{R: 1}
	switch v := s.(type) {
	case geom.Rect:
		fmt.Println("rect", v.Area())
	case *geom.Circle:
		fmt.Println("circle", v.R)
	}
	fmt.Printf("%T %v\n", geom.Describe, s == shapes[0])
}
