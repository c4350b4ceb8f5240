package main

import "fmt"

// A float32 kernel hot enough for both compiling tiers: the sum drifts
// from a float64 one exactly as Go's float32 arithmetic does.
type Particle struct {
	x, y, vx, vy float32
}

type Force interface{ Apply(p *Particle) }

type Gravity struct{ g float32 }
type Drag struct{ k float32 }

func (g Gravity) Apply(p *Particle) { p.vy -= g.g }
func (d Drag) Apply(p *Particle)    { p.vx *= 1 - d.k; p.vy *= 1 - d.k }

func step(ps []Particle, fs []Force, dt float32) float32 {
	var e float32
	for i := range ps {
		p := &ps[i]
		for _, f := range fs {
			f.Apply(p)
		}
		p.x += p.vx * dt
		p.y += p.vy * dt
		if p.y < 0 {
			p.y = -p.y
			p.vy = -p.vy * 0.9
		}
		e += p.vx*p.vx + p.vy*p.vy
	}
	return e
}

func main() {
	ps := make([]Particle, 64)
	for i := range ps {
		ps[i] = Particle{float32(i), float32(i % 7), float32(i%5) * 0.3, 1.25}
	}
	fs := []Force{Gravity{0.0981}, Drag{0.001}}
	var e float32
	var e64 float64
	for k := 0; k < 3000; k++ {
		e = step(ps, fs, 0.016)
		e64 += float64(e)
	}
	fmt.Println(e, e64)
	fmt.Println(ps[0], ps[63])
	var sum float32
	var sum64 float64
	for i := 1; i <= 2000000; i++ {
		sum += 1 / float32(i)
		sum64 += 1 / float64(i)
	}
	fmt.Println(sum, sum64, float32(sum64) == sum)
}
