package time

// A Timer sends the time on C once, after its duration, unless stopped.
type Timer struct {
	C       <-chan Time
	c       chan Time
	f       func()
	gen     int
	pending bool
}

// start arms the timer: a goroutine that sleeps d and then fires, unless
// the timer was stopped or reset meanwhile (its generation changed).
func (t *Timer) start(d Duration) {
	t.gen++
	t.pending = true
	gen := t.gen
	go func() {
		Sleep(d)
		if t.gen != gen || !t.pending {
			return
		}
		t.pending = false
		if t.f != nil {
			go t.f()
			return
		}
		select {
		case t.c <- Now():
		default:
		}
	}()
}

// NewTimer makes a Timer that fires after d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	t.start(d)
	return t
}

// AfterFunc calls f in its own goroutine after d.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	t.start(d)
	return t
}

// Stop prevents the timer from firing: false when it had already fired
// or been stopped.
func (t *Timer) Stop() bool {
	was := t.pending
	t.pending = false
	t.gen++
	return was
}

// Reset makes the timer fire after d: false when it had already fired
// or been stopped.
func (t *Timer) Reset(d Duration) bool {
	was := t.pending
	// (Go 1.23 timers: a stale value is dropped from the channel.)
	if t.c != nil {
		select {
		case <-t.c:
		default:
		}
	}
	t.start(d)
	return was
}

// After is NewTimer(d).C.
func After(d Duration) <-chan Time { return NewTimer(d).C }

// A Ticker sends the time on C every period, dropping ticks a slow
// receiver misses.
type Ticker struct {
	C      <-chan Time
	c      chan Time
	period Duration
	gen    int
}

func (t *Ticker) start() {
	t.gen++
	gen := t.gen
	go func() {
		next := Now().Add(t.period)
		for t.gen == gen {
			Sleep(Until(next))
			if t.gen != gen {
				return
			}
			select {
			case t.c <- Now():
			default:
			}
			next = next.Add(t.period)
		}
	}()
}

// NewTicker makes a Ticker with period d (d > 0).
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, period: d}
	t.start()
	return t
}

// Stop turns the ticker off.
func (t *Ticker) Stop() { t.gen++ }

// Reset changes the period and restarts the ticker.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	t.period = d
	t.start()
}

// Tick is NewTicker(d).C (nil for d <= 0).
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
