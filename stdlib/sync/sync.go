// Package sync: mutual exclusion and waiting, as Go's sync package.
// Goroutines are scheduled cooperatively by pgojit's runtime (one runs
// at a time, switching only where one blocks), so the state here is
// plain fields; a goroutine that must wait blocks on a runtime semaphore.
// (pgojit's own implementation.)
package sync

// semacquire takes a unit of the semaphore *addr, blocking (Go's wait
// reason why: 0 Mutex.Lock, 1 WaitGroup.Wait, 2 RWMutex.RLock,
// 3 RWMutex.Lock, 4 Cond.Wait) until one is released; semrelease
// releases one, to the longest waiter first (the runtime's).
func semacquire(addr *int, why int)
func semrelease(addr *int)

// fatal ends the program with Go's "fatal error: msg" (not a panic).
func fatal(msg string)

// A Locker can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; its zero value is unlocked.
type Mutex struct {
	locked  bool
	waiters int
	sema    int
}

// Lock locks m, waiting while another goroutine holds it.
func (m *Mutex) Lock() {
	if !m.locked {
		m.locked = true
		return
	}
	m.waiters++
	// Woken by Unlock, which hands the lock over.
	semacquire(&m.sema, 0)
}

// TryLock locks m if it is free.
func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m (handing it to the longest waiter, if any).
func (m *Mutex) Unlock() {
	if !m.locked {
		fatal("sync: unlock of unlocked mutex")
	}
	if m.waiters > 0 {
		m.waiters--
		semrelease(&m.sema)
		return
	}
	m.locked = false
}

// An RWMutex is a reader/writer lock: many readers or one writer; a
// waiting writer keeps new readers out.
type RWMutex struct {
	readers  int
	writer   bool
	rwaiting int
	wwaiting int
	rsema    int
	wsema    int
}

func (rw *RWMutex) RLock() {
	if !rw.writer && rw.wwaiting == 0 {
		rw.readers++
		return
	}
	rw.rwaiting++
	semacquire(&rw.rsema, 2)
}

func (rw *RWMutex) TryRLock() bool {
	if rw.writer || rw.wwaiting > 0 {
		return false
	}
	rw.readers++
	return true
}

func (rw *RWMutex) RUnlock() {
	if rw.readers <= 0 {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	if rw.readers == 0 && rw.wwaiting > 0 {
		rw.wwaiting--
		rw.writer = true
		semrelease(&rw.wsema)
	}
}

func (rw *RWMutex) Lock() {
	if !rw.writer && rw.readers == 0 {
		rw.writer = true
		return
	}
	rw.wwaiting++
	semacquire(&rw.wsema, 3)
}

func (rw *RWMutex) TryLock() bool {
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

func (rw *RWMutex) Unlock() {
	if !rw.writer {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	if rw.rwaiting > 0 {
		n := rw.rwaiting
		rw.rwaiting = 0
		rw.readers += n
		for i := 0; i < n; i++ {
			semrelease(&rw.rsema)
		}
	} else if rw.wwaiting > 0 {
		rw.wwaiting--
		rw.writer = true
		semrelease(&rw.wsema)
	}
}

// RLocker is a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup waits for a number of goroutines to finish.
type WaitGroup struct {
	n       int
	waiters int
	sema    int
}

func (wg *WaitGroup) Add(delta int) {
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if wg.n == 0 {
		for ; wg.waiters > 0; wg.waiters-- {
			semrelease(&wg.sema)
		}
	}
}

func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	if wg.n == 0 {
		return
	}
	wg.waiters++
	semacquire(&wg.sema, 1)
}

// Go calls f in a new goroutine counted by wg.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Once runs a function once.
type Once struct {
	done bool
	m    Mutex
}

// Do calls f if no call of Do on o has; every call returns after f did.
func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done {
		defer func() { o.done = true }()
		f()
	}
}

// OnceFunc returns a function calling f only once (a panic of f is
// raised again by every call).
func OnceFunc(f func()) func() {
	var once Once
	var valid bool
	var p any
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// OnceValue returns a function calling f only once, returning its value.
func OnceValue[T any](f func() T) func() T {
	var once Once
	var result T
	return func() T {
		once.Do(func() { result = f() })
		return result
	}
}

// OnceValues is OnceValue for a function of two results.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var once Once
	var r1 T1
	var r2 T2
	return func() (T1, T2) {
		once.Do(func() { r1, r2 = f() })
		return r1, r2
	}
}

// Cond is a condition variable with its Locker L.
type Cond struct {
	L       Locker
	waiters int
	sema    int
}

func NewCond(l Locker) *Cond { return &Cond{L: l} }

// Wait unlocks c.L, waits for a Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	c.waiters++
	c.L.Unlock()
	semacquire(&c.sema, 4)
	c.L.Lock()
}

func (c *Cond) Signal() {
	if c.waiters > 0 {
		c.waiters--
		semrelease(&c.sema)
	}
}

func (c *Cond) Broadcast() {
	for ; c.waiters > 0; c.waiters-- {
		semrelease(&c.sema)
	}
}

// A Pool keeps values for reuse (here, simply a stack of them).
type Pool struct {
	items []any
	New   func() any
}

func (p *Pool) Get() any {
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}

func (p *Pool) Put(x any) {
	if x != nil {
		p.items = append(p.items, x)
	}
}

// Map is a map safe for concurrent use.
type Map struct {
	m map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	value, ok = m.m[key]
	return
}

func (m *Map) Store(key, value any) {
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
}

func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	if v, ok := m.m[key]; ok {
		return v, true
	}
	m.Store(key, value)
	return value, false
}

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

func (m *Map) Delete(key any) { delete(m.m, key) }

func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	previous, loaded = m.m[key]
	m.Store(key, value)
	return
}

func (m *Map) CompareAndSwap(key, old, new any) bool {
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}

func (m *Map) CompareAndDelete(key, old any) bool {
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		return true
	}
	return false
}

// Range calls f for each key and value until f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	for k, v := range m.m {
		if !f(k, v) {
			break
		}
	}
}

func (m *Map) Clear() { clear(m.m) }
