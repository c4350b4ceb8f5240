package main

import "fmt"

// A small Whitted-style ray tracer: spheres, planes and boxes behind a
// Shape interface, materials behind a Material interface, point lights with
// shadows and mirror reflections. The image is reduced to a checksum and a
// coarse ASCII preview.

// Image size in pixels, and samples per pixel along each axis.
const (
	Width   = 800 // test: 40
	Height  = 600 // test: 30
	Samples = 2
)

const (
	maxDepth = 3
	epsilon  = 1e-6
	infinity = 1e30
)

// sqrt by Newton's method from a power-of-two first guess: only fmt may be
// imported, and plain IEEE arithmetic gives the same bits everywhere.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	g := 1.0
	for y := x; y > 4; y /= 4 {
		g *= 2
	}
	for y := x; y < 0.25; y *= 4 {
		g /= 2
	}
	for i := 0; i < 6; i++ {
		g = 0.5 * (g + x/g)
	}
	return g
}

type Vec struct{ X, Y, Z float64 }

func (a Vec) Add(b Vec) Vec             { return Vec{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }
func (a Vec) Sub(b Vec) Vec             { return Vec{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }
func (a Vec) Scale(s float64) Vec       { return Vec{a.X * s, a.Y * s, a.Z * s} }
func (a Vec) Mul(b Vec) Vec             { return Vec{a.X * b.X, a.Y * b.Y, a.Z * b.Z} }
func (a Vec) Dot(b Vec) float64         { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }
func (a Vec) Len() float64              { return sqrt(a.Dot(a)) }
func (a Vec) Norm() Vec                 { return a.Scale(1 / a.Len()) }
func (a Vec) Reflect(n Vec) Vec         { return a.Sub(n.Scale(2 * a.Dot(n))) }
func (a Vec) Lerp(b Vec, t float64) Vec { return a.Scale(1 - t).Add(b.Scale(t)) }

type Ray struct{ Origin, Dir Vec }

func (r Ray) At(t float64) Vec { return r.Origin.Add(r.Dir.Scale(t)) }

// Hit describes where a ray met a surface.
type Hit struct {
	T        float64
	Point    Vec
	Normal   Vec
	Material Material
}

type Shape interface {
	// Intersect returns the distance along r to the nearest intersection
	// beyond epsilon, or a negative number.
	Intersect(r Ray) float64
	NormalAt(p Vec) Vec
	MaterialOf() Material
}

type Material interface {
	// Color is the surface's own color at p, and Reflectivity how much of
	// the reflected ray it mixes in.
	Color(p Vec) Vec
	Reflectivity() float64
	Shininess() float64
}

type Sphere struct {
	Center Vec
	Radius float64
	Mat    Material
}

func (s *Sphere) Intersect(r Ray) float64 {
	oc := r.Origin.Sub(s.Center)
	b := oc.Dot(r.Dir)
	c := oc.Dot(oc) - s.Radius*s.Radius
	disc := b*b - c
	if disc < 0 {
		return -1
	}
	d := sqrt(disc)
	if t := -b - d; t > epsilon {
		return t
	}
	if t := -b + d; t > epsilon {
		return t
	}
	return -1
}

func (s *Sphere) NormalAt(p Vec) Vec   { return p.Sub(s.Center).Scale(1 / s.Radius) }
func (s *Sphere) MaterialOf() Material { return s.Mat }

type Plane struct {
	Point  Vec
	Normal Vec
	Mat    Material
}

func (pl *Plane) Intersect(r Ray) float64 {
	denom := pl.Normal.Dot(r.Dir)
	if denom > -epsilon && denom < epsilon {
		return -1
	}
	t := pl.Point.Sub(r.Origin).Dot(pl.Normal) / denom
	if t > epsilon {
		return t
	}
	return -1
}

func (pl *Plane) NormalAt(p Vec) Vec   { return pl.Normal }
func (pl *Plane) MaterialOf() Material { return pl.Mat }

// Box is axis-aligned, from Min to Max.
type Box struct {
	Min, Max Vec
	Mat      Material
}

func slab(o, d, lo, hi float64, tmin, tmax *float64) bool {
	if d > -epsilon && d < epsilon {
		return o >= lo && o <= hi
	}
	t1 := (lo - o) / d
	t2 := (hi - o) / d
	if t1 > t2 {
		t1, t2 = t2, t1
	}
	if t1 > *tmin {
		*tmin = t1
	}
	if t2 < *tmax {
		*tmax = t2
	}
	return *tmin <= *tmax
}

func (b *Box) Intersect(r Ray) float64 {
	tmin, tmax := -infinity, infinity
	if !slab(r.Origin.X, r.Dir.X, b.Min.X, b.Max.X, &tmin, &tmax) ||
		!slab(r.Origin.Y, r.Dir.Y, b.Min.Y, b.Max.Y, &tmin, &tmax) ||
		!slab(r.Origin.Z, r.Dir.Z, b.Min.Z, b.Max.Z, &tmin, &tmax) {
		return -1
	}
	if tmin > epsilon {
		return tmin
	}
	if tmax > epsilon {
		return tmax
	}
	return -1
}

func (b *Box) NormalAt(p Vec) Vec {
	const e = 1e-4
	switch {
	case p.X < b.Min.X+e:
		return Vec{-1, 0, 0}
	case p.X > b.Max.X-e:
		return Vec{1, 0, 0}
	case p.Y < b.Min.Y+e:
		return Vec{0, -1, 0}
	case p.Y > b.Max.Y-e:
		return Vec{0, 1, 0}
	case p.Z < b.Min.Z+e:
		return Vec{0, 0, -1}
	}
	return Vec{0, 0, 1}
}

func (b *Box) MaterialOf() Material { return b.Mat }

// Matte is a plain diffuse color.
type Matte struct{ Albedo Vec }

func (m *Matte) Color(p Vec) Vec       { return m.Albedo }
func (m *Matte) Reflectivity() float64 { return 0 }
func (m *Matte) Shininess() float64    { return 0 }

// Checker alternates two colors on a grid in x and z.
type Checker struct {
	A, B Vec
	Size float64
}

func floor(x float64) int {
	i := int(x)
	if float64(i) > x {
		i--
	}
	return i
}

func (c *Checker) Color(p Vec) Vec {
	if (floor(p.X/c.Size)+floor(p.Z/c.Size))&1 == 0 {
		return c.A
	}
	return c.B
}
func (c *Checker) Reflectivity() float64 { return 0.15 }
func (c *Checker) Shininess() float64    { return 0 }

// Metal is a tinted mirror with a specular highlight.
type Metal struct {
	Tint     Vec
	Mirror   float64
	Specular float64
}

func (m *Metal) Color(p Vec) Vec       { return m.Tint }
func (m *Metal) Reflectivity() float64 { return m.Mirror }
func (m *Metal) Shininess() float64    { return m.Specular }

type Light struct {
	Pos   Vec
	Color Vec
}

type Scene struct {
	Shapes []Shape
	Lights []Light
	Sky    Vec
	rays   int
}

func (s *Scene) nearest(r Ray) (Shape, float64) {
	var best Shape
	bestT := infinity
	for _, sh := range s.Shapes {
		t := sh.Intersect(r)
		if t > 0 && t < bestT {
			best, bestT = sh, t
		}
	}
	return best, bestT
}

func (s *Scene) shadowed(p Vec, toLight Vec, dist float64) bool {
	r := Ray{p, toLight}
	for _, sh := range s.Shapes {
		if t := sh.Intersect(r); t > 0 && t < dist {
			return true
		}
	}
	return false
}

func pow(x float64, n int) float64 {
	r := 1.0
	for i := 0; i < n; i++ {
		r *= x
	}
	return r
}

func (s *Scene) Trace(r Ray, depth int) Vec {
	s.rays++
	sh, t := s.nearest(r)
	if sh == nil {
		// a vertical gradient for the sky
		return s.Sky.Lerp(Vec{1, 1, 1}, 0.5*(r.Dir.Y+1)*0.4)
	}
	p := r.At(t)
	n := sh.NormalAt(p)
	if n.Dot(r.Dir) > 0 {
		n = n.Scale(-1)
	}
	mat := sh.MaterialOf()
	base := mat.Color(p)
	color := base.Scale(0.08) // ambient
	for _, l := range s.Lights {
		d := l.Pos.Sub(p)
		dist := d.Len()
		dir := d.Scale(1 / dist)
		lambert := n.Dot(dir)
		if lambert <= 0 || s.shadowed(p.Add(n.Scale(1e-4)), dir, dist) {
			continue
		}
		color = color.Add(base.Mul(l.Color).Scale(lambert))
		if k := mat.Shininess(); k > 0 {
			h := dir.Sub(r.Dir).Norm()
			if spec := n.Dot(h); spec > 0 {
				color = color.Add(l.Color.Scale(pow(spec, int(k))))
			}
		}
	}
	if refl := mat.Reflectivity(); refl > 0 && depth < maxDepth {
		rr := Ray{p.Add(n.Scale(1e-4)), r.Dir.Reflect(n).Norm()}
		color = color.Lerp(s.Trace(rr, depth+1), refl)
	}
	return color
}

func clamp255(x float64) int {
	v := int(x * 255)
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return v
}

func buildScene() *Scene {
	red := &Matte{Vec{0.9, 0.2, 0.2}}
	blue := &Matte{Vec{0.2, 0.3, 0.9}}
	gold := &Metal{Vec{0.9, 0.75, 0.3}, 0.4, 24}
	chrome := &Metal{Vec{0.8, 0.8, 0.85}, 0.8, 64}
	floor := &Checker{Vec{0.9, 0.9, 0.9}, Vec{0.15, 0.15, 0.15}, 1}
	s := &Scene{Sky: Vec{0.3, 0.5, 0.8}}
	s.Shapes = []Shape{
		&Plane{Vec{0, -1, 0}, Vec{0, 1, 0}, floor},
		&Sphere{Vec{0, 0, -5}, 1, chrome},
		&Sphere{Vec{-2.2, -0.3, -4.5}, 0.7, red},
		&Sphere{Vec{2.1, -0.4, -4}, 0.6, gold},
		&Sphere{Vec{0.8, -0.75, -3}, 0.25, blue},
		&Box{Vec{-1.2, -1, -7.5}, Vec{0.2, 0.6, -6.5}, blue},
		&Box{Vec{1.5, -1, -6.5}, Vec{2.7, -0.2, -5.6}, gold},
		&Plane{Vec{0, 0, -12}, Vec{0, 0, 1}, &Matte{Vec{0.6, 0.7, 0.6}}},
	}
	s.Lights = []Light{
		{Vec{-4, 5, 0}, Vec{0.8, 0.8, 0.8}},
		{Vec{3, 4, -2}, Vec{0.5, 0.45, 0.4}},
	}
	return s
}

func main() {
	scene := buildScene()
	eye := Vec{0, 0.3, 1}
	aspect := float64(Width) / float64(Height)
	sum := 0
	hist := [4]int{}
	preview := ""
	for y := 0; y < Height; y++ {
		row := ""
		for x := 0; x < Width; x++ {
			c := Vec{}
			for sy := 0; sy < Samples; sy++ {
				for sx := 0; sx < Samples; sx++ {
					fx := float64(x) + (float64(sx)+0.5)/Samples
					fy := float64(y) + (float64(sy)+0.5)/Samples
					u := (2*fx/float64(Width) - 1) * aspect
					v := 1 - 2*fy/float64(Height)
					dir := Vec{u, v - 0.25, -1.5}.Norm()
					c = c.Add(scene.Trace(Ray{eye, dir}, 0))
				}
			}
			c = c.Scale(1.0 / (Samples * Samples))
			r, g, b := clamp255(c.X), clamp255(c.Y), clamp255(c.Z)
			sum = sum*1000003 + r*65536 + g*256 + b
			lum := (r*3 + g*6 + b) / 10
			hist[lum/64]++
			if y%(Height/12) == 0 && x%(Width/40) == 0 {
				row += string(" .:-=+*#%@"[lum*10/256])
			}
		}
		if row != "" {
			preview += row + "\n"
		}
	}
	fmt.Print(preview)
	fmt.Println("rays:", scene.rays)
	fmt.Println("luminance histogram:", hist)
	fmt.Println("checksum:", sum)
}
