package geom

// Circle is a shape with a public field.
type Circle struct {
	R float64
}

// NewCircle makes a circle of radius r units.
func NewCircle(r float64) *Circle {
	Made++
	return &Circle{R: r * Unit}
}

func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

// Rect has unexported fields, set by its constructor.
type Rect struct {
	w, h float64
}

func NewRect(w, h float64) Rect {
	Made++
	return Rect{w * Unit, h * Unit}
}

func (r Rect) Area() float64 { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

// Scale grows the rectangle.
func (r *Rect) Scale(k float64) { r.w *= k; r.h *= k }
