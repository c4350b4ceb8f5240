// Package iter: the types of iterators that range over functions use, and
// Pull and Pull2, which turn such an iterator inside out, as Go's iter
// package. (pgojit's standard library: written for pgojit, compiled by its
// front end like the program.) As Go's, a pulled iterator runs on a
// coroutine: a goroutine of its own that runs only when switched to, while
// the goroutine that switched waits (status `coroutine`), so exactly one
// of the two runs at a time.
package iter

// Seq is an iterator over single values: it calls yield with each in
// turn and stops when yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a function running on a goroutine of its own, switched to by
// call and back by yield (or its end).
type coro struct {
	// g is the coroutine's goroutine, caller the one that called it last
	// (the scheduler's records, alive while they are used here).
	g, caller int
	started   bool
}

// corostarted is the goroutine the last go statement started.
func corostarted() int

// coroself is the running goroutine.
func coroself() int

// coroswitch makes goroutine g (if not negative) run next, and blocks
// the running one until a switch to it if park.
func coroswitch(g int, park bool)

// newcoro starts f's goroutine, which waits for the first switch to it
// (Go's newcoro creates its goroutine as eagerly). When f returns, control
// goes back to the caller and the goroutine ends.
func newcoro(f func(*coro)) *coro {
	c := &coro{}
	go func() {
		if !c.started {
			coroswitch(-1, true)
		}
		f(c)
		coroswitch(c.caller, false)
	}()
	c.g = corostarted()
	return c
}

// call switches from the caller to the coroutine until it yields or ends.
func (c *coro) call() {
	c.started = true
	c.caller = coroself()
	coroswitch(c.g, true)
}

// yield switches from the coroutine back to its caller until the next
// call.
func (c *coro) yield() {
	coroswitch(c.caller, true)
}

// Pull turns the push iterator seq into a pull one: next returns seq's
// values one at a time, then a zero value and false once seq has ended
// (or stop was called, or seq panicked); stop ends seq early (its yield
// returns false, so its deferred calls run). A panic in seq is re-raised
// by the next or stop that ran it. seq starts on the first next or stop.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	var pull struct {
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		panicValue any
	}
	c := newcoro(func(c *coro) {
		if pull.done {
			return
		}
		yield := func(v1 V) bool {
			if pull.done {
				return false
			}
			if !pull.yieldNext {
				panic("iter.Pull: yield called again before next")
			}
			pull.yieldNext = false
			pull.v, pull.ok = v1, true
			c.yield()
			return !pull.done
		}
		// A panic in seq ends it; next or stop raises it again.
		defer func() {
			if p := recover(); p != nil {
				pull.panicValue = p
			}
			pull.done = true
		}()
		seq(yield)
		var v0 V
		pull.v, pull.ok = v0, false
	})
	next = func() (v1 V, ok1 bool) {
		if pull.done {
			return
		}
		if pull.yieldNext {
			panic("iter.Pull: next called again before yield")
		}
		pull.yieldNext = true
		c.call()
		if pull.panicValue != nil {
			panic(pull.panicValue)
		}
		return pull.v, pull.ok
	}
	stop = func() {
		if !pull.done {
			pull.done = true
			c.call()
			if pull.panicValue != nil {
				panic(pull.panicValue)
			}
		}
	}
	return next, stop
}

// Pull2 is Pull for iterators over pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var pull struct {
		k          K
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		panicValue any
	}
	c := newcoro(func(c *coro) {
		if pull.done {
			return
		}
		yield := func(k1 K, v1 V) bool {
			if pull.done {
				return false
			}
			if !pull.yieldNext {
				panic("iter.Pull2: yield called again before next")
			}
			pull.yieldNext = false
			pull.k, pull.v, pull.ok = k1, v1, true
			c.yield()
			return !pull.done
		}
		defer func() {
			if p := recover(); p != nil {
				pull.panicValue = p
			}
			pull.done = true
		}()
		seq(yield)
		var k0 K
		var v0 V
		pull.k, pull.v, pull.ok = k0, v0, false
	})
	next = func() (k1 K, v1 V, ok1 bool) {
		if pull.done {
			return
		}
		if pull.yieldNext {
			panic("iter.Pull2: next called again before yield")
		}
		pull.yieldNext = true
		c.call()
		if pull.panicValue != nil {
			panic(pull.panicValue)
		}
		return pull.k, pull.v, pull.ok
	}
	stop = func() {
		if !pull.done {
			pull.done = true
			c.call()
			if pull.panicValue != nil {
				panic(pull.panicValue)
			}
		}
	}
	return next, stop
}
