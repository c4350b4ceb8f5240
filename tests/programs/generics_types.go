package main

import (
	"errors"
	"fmt"
)

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l *List[T]) Reverse() *List[T] {
	r := &List[T]{}
	l.Each(func(v T) { r.Push(v) })
	return r
}

type Cache[K comparable, V any] struct {
	m     map[K]V
	order []K
	limit int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{m: make(map[K]V), limit: limit}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.m[k]; !ok {
		c.order = append(c.order, k)
	}
	c.m[k] = v
	if len(c.order) > c.limit {
		old := c.order[0]
		c.order = c.order[1:]
		delete(c.m, old)
	}
}

func (c *Cache[K, V]) Get(k K) (V, error) {
	v, ok := c.m[k]
	if !ok {
		var zero V
		return zero, errors.New(fmt.Sprint("missing ", k))
	}
	return v, nil
}

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float64 | ~string
}

type Tree[T Ordered] struct {
	root *tnode[T]
}

type tnode[T Ordered] struct {
	v           T
	left, right *tnode[T]
}

func (t *Tree[T]) Insert(v T) {
	t.root = insert(t.root, v)
}

func insert[T Ordered](n *tnode[T], v T) *tnode[T] {
	if n == nil {
		return &tnode[T]{v: v}
	}
	if v < n.v {
		n.left = insert(n.left, v)
	} else {
		n.right = insert(n.right, v)
	}
	return n
}

func (t *Tree[T]) Walk(visit func(T)) { walk(t.root, visit) }

func walk[T Ordered](n *tnode[T], visit func(T)) {
	if n == nil {
		return
	}
	walk(n.left, visit)
	visit(n.v)
	walk(n.right, visit)
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Celsius float64

type Numbers []int

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) String() string {
	if !o.ok {
		return "None"
	}
	return fmt.Sprintf("Some(%v)", o.v)
}

func main() {
	var l List[int]
	for i := 0; i < 5; i++ {
		l.Push(i * i)
	}
	l.Reverse().Each(func(v int) { fmt.Print(v, " ") })
	fmt.Println(l.size)
	c := NewCache[string, float64](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	_, err := c.Get("a")
	v, err2 := c.Get("c")
	fmt.Println(err, v, err2)
	var t Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		t.Insert(w)
	}
	t.Walk(func(s string) { fmt.Print(s) })
	fmt.Println()
	var tc Tree[Celsius]
	tc.Insert(3.5)
	tc.Insert(-1)
	tc.Walk(func(c Celsius) { fmt.Print(c, ";") })
	fmt.Println()
	ns := Numbers{1, 2, 3, 4, 5, 6}
	ev := Filter(ns, func(x int) bool { return x%2 == 0 })
	fmt.Printf("%v %T\n", ev, ev)
	fmt.Println(Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) }))
	fmt.Println(Some(42), Opt[string]{}, Some("x"))
	var st fmt.Stringer = Some(1.5)
	fmt.Println(st.String())
	fmt.Printf("%T %T\n", l, c)
}
