package main

// container/list: every method, elements of other lists and removed
// elements, the zero List, and an LRU cache in a hot loop.

import (
	"container/list"
	"fmt"
)

func show(l *list.List) string {
	s := "["
	for e := l.Front(); e != nil; e = e.Next() {
		if e != l.Front() {
			s += " "
		}
		s += fmt.Sprint(e.Value)
	}
	back := ""
	for e := l.Back(); e != nil; e = e.Prev() {
		back += fmt.Sprint(e.Value)
	}
	return s + "] len " + fmt.Sprint(l.Len()) + " back " + back
}

type lru struct {
	cap   int
	order *list.List
	index map[int]*list.Element
	hits  int
}

type entry struct{ key, val int }

func (c *lru) get(k int) (int, bool) {
	if e, ok := c.index[k]; ok {
		c.order.MoveToFront(e)
		c.hits++
		return e.Value.(*entry).val, true
	}
	return 0, false
}

func (c *lru) put(k, v int) {
	if e, ok := c.index[k]; ok {
		e.Value.(*entry).val = v
		c.order.MoveToFront(e)
		return
	}
	c.index[k] = c.order.PushFront(&entry{k, v})
	if c.order.Len() > c.cap {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.index, last.Value.(*entry).key)
	}
}

func main() {
	var zero list.List
	fmt.Println(zero.Len(), zero.Front() == nil, zero.Back() == nil)
	zero.PushBack(1)
	fmt.Println(show(&zero))

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.PushBack("five")
	fmt.Println(show(l))
	l.MoveToBack(e1)
	fmt.Println(show(l))
	l.MoveToFront(e1)
	l.MoveToFront(e1)
	fmt.Println(show(l))
	l.MoveAfter(e1, e4)
	fmt.Println(show(l))
	l.MoveBefore(e4, l.Front())
	fmt.Println(show(l))
	l.MoveBefore(e4, e4)
	l.MoveAfter(e4, e4)
	fmt.Println(show(l))

	fmt.Println(l.Remove(e4), show(l), e4.Next() == nil, e4.Prev() == nil)
	fmt.Println(l.Remove(e4), l.Len())
	fmt.Println(l.InsertBefore(9, e4) == nil, l.InsertAfter(9, e4) == nil)
	l.MoveToFront(e4)
	fmt.Println(show(l))

	other := list.New()
	o1 := other.PushBack("x")
	other.PushBack("y")
	l.PushBackList(other)
	l.PushFrontList(other)
	fmt.Println(show(l))
	l.MoveToFront(o1)
	l.Remove(o1)
	fmt.Println(show(l), show(other))
	l.PushBackList(l)
	fmt.Println(show(l))
	l.PushFrontList(l)
	fmt.Println(l.Len())
	l.Init()
	fmt.Println(show(l))

	// removing while walking
	n := list.New()
	for i := 0; i < 10; i++ {
		n.PushBack(i)
	}
	for e := n.Front(); e != nil; {
		next := e.Next()
		if e.Value.(int)%3 == 0 {
			n.Remove(e)
		}
		e = next
	}
	fmt.Println(show(n))

	c := &lru{cap: 50, order: list.New(), index: map[int]*list.Element{}}
	x := uint32(1)
	sum := 0
	for i := 0; i < 30000; i++ {
		x = x*1103515245 + 12345
		k := int(x>>16) % 120
		if v, ok := c.get(k); ok {
			sum += v
		} else {
			c.put(k, i)
		}
	}
	fmt.Println("lru", c.hits, sum, c.order.Len(), c.order.Front().Value.(*entry).key)
}
