package main

// container/heap: a priority queue with updates (Fix) and removals, an
// int heap, heap sort by pops, and the count of Less calls.

import (
	"container/heap"
	"fmt"
)

type task struct {
	name     string
	priority int
	index    int
}

// queue pops the highest priority first; ties by name.
type queue struct {
	items []*task
	less  int
}

func (q *queue) Len() int { return len(q.items) }
func (q *queue) Less(i, j int) bool {
	q.less++
	a, b := q.items[i], q.items[j]
	if a.priority != b.priority {
		return a.priority > b.priority
	}
	return a.name < b.name
}
func (q *queue) Swap(i, j int) {
	q.items[i], q.items[j] = q.items[j], q.items[i]
	q.items[i].index = i
	q.items[j].index = j
}
func (q *queue) Push(x any) {
	t := x.(*task)
	t.index = len(q.items)
	q.items = append(q.items, t)
}
func (q *queue) Pop() any {
	n := len(q.items)
	t := q.items[n-1]
	q.items[n-1] = nil
	t.index = -1
	q.items = q.items[:n-1]
	return t
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

var seed uint32 = 2024

func rnd() int {
	seed ^= seed << 13
	seed ^= seed >> 17
	seed ^= seed << 5
	return int(seed % 1000)
}

func main() {
	q := &queue{}
	names := []string{"write", "test", "review", "deploy", "plan", "fix", "docs", "bench"}
	tasks := map[string]*task{}
	for i, n := range names {
		t := &task{name: n, priority: (i * 5) % 7}
		tasks[n] = t
		q.items = append(q.items, t)
		t.index = i
	}
	heap.Init(q)
	fmt.Println("init less", q.less)
	heap.Push(q, &task{name: "urgent", priority: 9})
	tasks["docs"].priority = 10
	heap.Fix(q, tasks["docs"].index)
	tasks["write"].priority = -1
	heap.Fix(q, tasks["write"].index)
	removed := heap.Remove(q, tasks["plan"].index).(*task)
	fmt.Println("removed", removed.name, removed.index)
	for q.Len() > 0 {
		t := heap.Pop(q).(*task)
		fmt.Print(t.name, ":", t.priority, " ")
	}
	fmt.Println()
	fmt.Println("less calls", q.less)

	// an int heap: heap sort, and a stream keeping the 10 largest
	h := &intHeap{}
	for i := 0; i < 50; i++ {
		heap.Push(h, rnd())
	}
	sorted := []int{}
	for h.Len() > 0 {
		sorted = append(sorted, heap.Pop(h).(int))
	}
	fmt.Println(sorted)

	top := &intHeap{}
	for i := 0; i < 20000; i++ {
		v := rnd()*1000 + i%1000
		if top.Len() < 10 {
			heap.Push(top, v)
		} else if v > (*top)[0] {
			(*top)[0] = v
			heap.Fix(top, 0)
		}
	}
	best := []int{}
	for top.Len() > 0 {
		best = append(best, heap.Pop(top).(int))
	}
	fmt.Println(best)

	// Init over existing data, Remove from the middle and the end
	h2 := &intHeap{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
	heap.Init(h2)
	fmt.Println(*h2)
	r1 := heap.Remove(h2, 4)
	r2 := heap.Remove(h2, h2.Len()-1)
	fmt.Println(r1, r2, *h2)
	heap.Push(h2, -5)
	fmt.Println(*h2)
	least := heap.Pop(h2)
	fmt.Println(least, *h2)

	// a hot event simulation
	ev := &queue{}
	for i := 0; i < 64; i++ {
		heap.Push(ev, &task{name: fmt.Sprint("e", i), priority: rnd()})
	}
	checksum := 0
	for step := 0; step < 20000; step++ {
		t := heap.Pop(ev).(*task)
		checksum = (checksum*31 + t.priority + len(t.name)) % 1000003
		t.priority = (t.priority*7 + step) % 997
		heap.Push(ev, t)
	}
	fmt.Println("hot", checksum, ev.less)
}
