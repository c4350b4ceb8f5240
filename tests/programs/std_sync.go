package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// sync and sync/atomic with goroutines: Mutex-protected counters,
// RWMutex readers and writers, WaitGroup (Add/Done/Wait and Go), Once,
// OnceFunc/OnceValue/OnceValues, Cond producer/consumer, sync.Map, Pool,
// and atomic counters. Every printed result is independent of scheduling.

type account struct {
	mu      sync.Mutex
	balance int
	ops     int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
	a.ops++
}

type cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *cache) get(k string) (v int, ok bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok = c.data[k]
	return
}

func (c *cache) put(k string, v int) { c.mu.Lock(); c.data[k] = v; c.mu.Unlock() }

// queue is a bounded queue built on a Cond.
type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	limit int
}

func newQueue(limit int) *queue {
	q := &queue{limit: limit}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) push(v int) {
	q.mu.Lock()
	for len(q.items) >= q.limit {
		q.cond.Wait()
	}
	q.items = append(q.items, v)
	q.cond.Broadcast()
	q.mu.Unlock()
}

func (q *queue) pop() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.cond.Broadcast()
	q.mu.Unlock()
	return v
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func main() {
	// Mutex: 8 goroutines x 1000 deposits.
	acct := &account{}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				acct.deposit(g + 1)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("balance", acct.balance, "ops", acct.ops, acct.mu.TryLock(), acct.mu.TryLock())
	acct.mu.Unlock()

	// RWMutex: writers fill, readers check.
	c := &cache{data: map[string]int{}}
	var hits atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Go(func() {
			for i := 0; i < 250; i++ {
				c.put(fmt.Sprintf("k%d", w*250+i), i)
			}
		})
	}
	wg.Wait()
	for r := 0; r < 4; r++ {
		wg.Go(func() {
			for i := 0; i < 1000; i++ {
				if _, ok := c.get(fmt.Sprintf("k%d", (i*7+r)%1200)); ok {
					hits.Add(1)
				}
			}
		})
	}
	wg.Wait()
	fmt.Println("cache", len(c.data), "hits", hits.Load(), c.mu.TryRLock(), c.mu.TryLock())
	c.mu.RUnlock()
	fmt.Println("after RUnlock TryLock:", c.mu.TryLock())
	c.mu.Unlock()

	// Once and friends.
	var once sync.Once
	count := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { count++ })
		}()
	}
	wg.Wait()
	calls := 0
	of := sync.OnceFunc(func() { calls++ })
	of()
	of()
	ov := sync.OnceValue(func() int { calls += 10; return 42 })
	ovs := sync.OnceValues(func() (string, error) { calls += 100; return "v", nil })
	a1, a2 := ov(), ov()
	s1, e1 := ovs()
	s2, _ := ovs()
	fmt.Println("once", count, calls, a1, a2, s1, e1, s2)

	// Cond: a bounded queue, 3 producers, 2 consumers.
	q := newQueue(4)
	var total atomic.Int64
	var consumers sync.WaitGroup
	for cidx := 0; cidx < 2; cidx++ {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for {
				v := q.pop()
				if v < 0 {
					return
				}
				total.Add(int64(v))
			}
		}()
	}
	for p := 0; p < 3; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 1; i <= 500; i++ {
				q.push(i * (p + 1))
			}
		}(p)
	}
	wg.Wait()
	q.push(-1)
	q.push(-1)
	consumers.Wait()
	fmt.Println("cond total", total.Load())

	// sync.Map: concurrent stores, then sorted Range.
	var m sync.Map
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i := 0; i < 50; i++ {
				m.Store(g*100+i, strings.Repeat("x", i%5))
			}
		})
	}
	wg.Wait()
	jobs := make(chan int)
	for w := 0; w < 3; w++ {
		wg.Go(func() {
			for j := range jobs {
				m.Store(j, "x")
			}
		})
	}
	for j := 0; j < 64; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	v, ok := m.Load(101)
	fmt.Printf("map load %q %v\n", v, ok)
	act, loaded := m.LoadOrStore(101, "new")
	act2, loaded2 := m.LoadOrStore(999, "new")
	fmt.Println(act, loaded, act2, loaded2)
	prev, ld := m.Swap(999, "swapped")
	fmt.Println(prev, ld, m.CompareAndSwap(999, "swapped", "cas"), m.CompareAndSwap(999, "nope", "x"))
	m.Delete(0)
	dv, dl := m.LoadAndDelete(1)
	fmt.Println("deleted", dv == "x", dl, m.CompareAndDelete(2, "xx"))
	var keys []int
	m.Range(func(k, v any) bool { keys = append(keys, k.(int)); return true })
	sortInts(keys)
	fmt.Println("keys", len(keys), keys[:5], keys[len(keys)-3:])

	// Pool: values are reset on Get, so reuse does not show.
	pool := sync.Pool{New: func() any { return new(strings.Builder) }}
	var lens int
	for i := 0; i < 3000; i++ {
		b := pool.Get().(*strings.Builder)
		b.Reset()
		fmt.Fprintf(b, "item-%d", i)
		lens += b.Len()
		pool.Put(b)
	}
	var empty sync.Pool
	fmt.Println("pool", lens, empty.Get())

	// Atomics.
	var i32 int32
	var u64 uint64
	var ai atomic.Int32
	var ab atomic.Bool
	var av atomic.Value
	for g := 0; g < 6; g++ {
		wg.Go(func() {
			for i := 0; i < 500; i++ {
				atomic.AddInt32(&i32, 2)
				atomic.AddUint64(&u64, uint64(i))
				ai.Add(-1)
				for {
					old := atomic.LoadInt32(&i32)
					if atomic.CompareAndSwapInt32(&i32, old, old+1) {
						break
					}
				}
			}
			ab.Store(true)
		})
	}
	wg.Wait()
	av.Store("first")
	old := av.Swap("second")
	fmt.Println("atomics", atomic.LoadInt32(&i32), atomic.LoadUint64(&u64), ai.Load(), ab.Load(), old, av.Load(),
		av.CompareAndSwap("second", "third"), av.Load(), atomic.SwapInt32(&i32, 7), i32)
	var p atomic.Pointer[account]
	fmt.Println(p.Load() == nil, p.CompareAndSwap(nil, acct), p.Load().balance)
	var u atomic.Uint32
	u.Store(0xF0)
	fmt.Println(u.Or(0x0F), u.And(0x3C), u.Load())
}
