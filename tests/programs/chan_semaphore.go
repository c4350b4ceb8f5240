package main

import "fmt"

// A mutex made from a buffered channel of capacity 1, protecting a
// counter updated by 50 goroutines, and a WaitGroup-like done channel.

type Mutex struct{ ch chan struct{} }

func NewMutex() *Mutex            { return &Mutex{ch: make(chan struct{}, 1)} }
func (m *Mutex) Lock()            { m.ch <- struct{}{} }
func (m *Mutex) Unlock()          { <-m.ch }
func (m *Mutex) TryLock() bool {
	select {
	case m.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

type WaitGroup struct {
	done  chan struct{}
	count int
}

func NewWaitGroup() *WaitGroup  { return &WaitGroup{done: make(chan struct{})} }
func (w *WaitGroup) Add(n int)  { w.count += n } // called only by main
func (w *WaitGroup) Done()      { w.done <- struct{}{} }
func (w *WaitGroup) Wait() {
	for ; w.count > 0; w.count-- {
		<-w.done
	}
}

type SafeMap struct {
	mu *Mutex
	m  map[string]int
}

func (s *SafeMap) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func main() {
	mu := NewMutex()
	counter := 0
	wg := NewWaitGroup()
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				mu.Lock()
				counter += i + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter, "expected:", 1000*50*51/2)

	// TryLock is deterministic from a single goroutine.
	fmt.Println("trylock 1:", mu.TryLock())
	fmt.Println("trylock 2:", mu.TryLock())
	mu.Unlock()
	fmt.Println("trylock 3:", mu.TryLock())
	mu.Unlock()

	// Mutex-protected map shared by goroutines.
	sm := &SafeMap{mu: NewMutex(), m: map[string]int{}}
	keys := []string{"red", "green", "blue"}
	wg2 := NewWaitGroup()
	for i := 0; i < 30; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			for j := 0; j < 100; j++ {
				sm.Inc(keys[(i+j)%len(keys)])
			}
		}()
	}
	wg2.Wait()
	fmt.Println(sm.m)

	// Counting semaphore of capacity 3: track the max concurrency seen
	// (guarded by the mutex). The bound is checked, not the exact value.
	sem := make(chan struct{}, 3)
	guard := NewMutex()
	active, peak, finished := 0, 0, 0
	wg3 := NewWaitGroup()
	for i := 0; i < 20; i++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			sem <- struct{}{}
			guard.Lock()
			active++
			if active > peak {
				peak = active
			}
			guard.Unlock()
			x := 0
			for k := 0; k < 10000; k++ {
				x += k % (i + 1)
			}
			guard.Lock()
			active--
			finished++
			guard.Unlock()
			<-sem
		}()
	}
	wg3.Wait()
	fmt.Println("finished:", finished, "active:", active, "peak<=3:", peak <= 3, "peak>=1:", peak >= 1, "sem len:", len(sem))

	// Done channel closed to broadcast: all waiters see it.
	start := make(chan struct{})
	acks := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func() {
			<-start
			acks <- i
		}()
	}
	close(start)
	seen := make([]bool, 10)
	for i := 0; i < 10; i++ {
		seen[<-acks] = true
	}
	fmt.Println("all acked:", seen)

	// Ordered handoff: each goroutine waits for its turn token.
	turns := make([]chan bool, 6)
	for i := range turns {
		turns[i] = make(chan bool, 1)
	}
	var order []int
	fin := make(chan bool)
	for i := 5; i >= 0; i-- {
		go func() {
			<-turns[i]
			order = append(order, i)
			if i+1 < len(turns) {
				turns[i+1] <- true
			} else {
				fin <- true
			}
		}()
	}
	turns[0] <- true
	<-fin
	fmt.Println("order:", order)
}
