package main

import "fmt"

// A particle system with an emitter whose output changes half-way through
// the run: a fireworks show (sparks: ballistic, bouncing off the ground)
// that turns into a smouldering fire (smoke: drag, buoyancy and a swirling
// wind). Particles live a bounded time, so the population turns over and
// the type that dominates the update loop changes with the phase.

// Steps is the number of simulation steps.
const Steps = 40000 // test: 400

const (
	dt        = 0.01
	perStep   = 12
	gravity   = -9.81
	groundY   = 0.0
	worldHalf = 50.0
)

type Particle interface {
	// Step advances the particle by dt; it reports false once the
	// particle has died.
	Step(w *World) bool
	Position() (x, y float64)
	Kind() int
}

type World struct {
	time    float64
	windX   float64
	windY   float64
	bounces int
}

// Spark flies under gravity, loses energy when it bounces, and dies when
// its fuse burns out.
type Spark struct {
	x, y, vx, vy float64
	fuse         int
	heat         float64
}

func (s *Spark) Step(w *World) bool {
	s.vy += gravity * dt
	s.x += s.vx * dt
	s.y += s.vy * dt
	if s.y < groundY {
		s.y = groundY - s.y
		s.vy = -s.vy * 0.6
		s.vx *= 0.8
		w.bounces++
	}
	s.heat *= 0.995
	s.fuse--
	return s.fuse > 0 && s.heat > 0.05
}

func (s *Spark) Position() (float64, float64) { return s.x, s.y }
func (s *Spark) Kind() int                    { return 0 }

// Smoke rises, is slowed by air and pushed by the wind, and fades.
type Smoke struct {
	x, y, vx, vy float64
	density      float64
	age          int
}

func (s *Smoke) Step(w *World) bool {
	const drag = 0.9
	s.vx += (w.windX - s.vx*drag) * dt
	s.vy += (0.8*s.density + w.windY - s.vy*drag) * dt
	s.x += s.vx * dt
	s.y += s.vy * dt
	if s.x > worldHalf {
		s.x -= 2 * worldHalf
	} else if s.x < -worldHalf {
		s.x += 2 * worldHalf
	}
	s.density *= 0.993
	s.age++
	return s.density > 0.02 && s.age < 400
}

func (s *Smoke) Position() (float64, float64) { return s.x, s.y }
func (s *Smoke) Kind() int                    { return 1 }

// Ember is the rare third kind: it glows and drifts down slowly.
type Ember struct {
	x, y, glow float64
}

func (e *Ember) Step(w *World) bool {
	e.y -= 0.2 * dt
	e.x += w.windX * 0.5 * dt
	e.glow -= 0.004
	return e.glow > 0 && e.y > groundY
}

func (e *Ember) Position() (float64, float64) { return e.x, e.y }
func (e *Ember) Kind() int                    { return 2 }

// Rand is a linear congruential generator (Knuth's MMIX constants).
type Rand struct{ state uint64 }

func (r *Rand) Float() float64 {
	r.state = r.state*6364136223846793005 + 1442695040888963407
	return float64(r.state>>11) / float64(uint64(1)<<53)
}

type Emitter struct {
	x, y float64
	rng  *Rand
}

func (e *Emitter) spark() Particle {
	r := e.rng
	return &Spark{
		x: e.x, y: e.y + 5,
		vx: (r.Float() - 0.5) * 20, vy: r.Float()*15 + 2,
		fuse: 80 + int(r.Float()*120),
		heat: 1,
	}
}

func (e *Emitter) smoke() Particle {
	r := e.rng
	return &Smoke{
		x: e.x + (r.Float()-0.5)*2, y: e.y,
		vx: (r.Float() - 0.5) * 0.5, vy: r.Float() * 0.5,
		density: 0.6 + r.Float()*0.4,
	}
}

func (e *Emitter) ember() Particle {
	r := e.rng
	return &Ember{x: e.x + (r.Float()-0.5)*4, y: e.y + 1 + r.Float()*3, glow: 1}
}

// Emit makes one particle: mostly sparks in the first half of the run,
// mostly smoke in the second, and now and then an ember.
func (e *Emitter) Emit(step int) Particle {
	roll := e.rng.Float()
	if roll < 0.02 {
		return e.ember()
	}
	sparkShare := 0.95
	if step >= Steps/2 {
		sparkShare = 0.05
	}
	if roll < sparkShare {
		return e.spark()
	}
	return e.smoke()
}

func main() {
	w := &World{}
	em := &Emitter{rng: &Rand{42}}
	var live []Particle
	born := 0
	died := 0
	checksum := 0.0
	for step := 0; step < Steps; step++ {
		w.time += dt
		// a wind that turns slowly, with gusts
		phase := w.time * 0.3
		w.windX = 2 * (phase - float64(int(phase)) - 0.5)
		w.windY = 0.1 * (w.windX * w.windX)
		for i := 0; i < perStep; i++ {
			live = append(live, em.Emit(step))
			born++
		}
		n := 0
		for _, p := range live {
			if p.Step(w) {
				live[n] = p
				n++
			}
		}
		for i := n; i < len(live); i++ {
			live[i] = nil
		}
		died += len(live) - n
		live = live[:n]

		if step%(Steps/8) == Steps/8-1 {
			var counts [3]int
			sx, sy := 0.0, 0.0
			for _, p := range live {
				counts[p.Kind()]++
				x, y := p.Position()
				sx += x
				sy += y
			}
			checksum = checksum*0.5 + sx + sy
			fmt.Printf("step %6d: %5d live (sparks %d, smoke %d, embers %d), centre %.4f %.4f\n",
				step+1, len(live), counts[0], counts[1], counts[2], sx/float64(len(live)), sy/float64(len(live)))
		}
	}
	fmt.Println("born:", born, "died:", died, "bounces:", w.bounces)
	fmt.Printf("checksum: %.6f\n", checksum)
}
