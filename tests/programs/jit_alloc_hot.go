package main

import "fmt"

// Allocation in hot, compiled code while other compiled frames hold heap
// pointers in their slots: boxing into interfaces, appending, string
// concatenation, new structs linked into lists, closures. The collector
// runs in the middle of these loops (every allocation with --gc-stress);
// everything still reachable must survive with its contents.

type Item struct {
	id   int
	name string
	tags []string
	next *Item
}

type Val interface{ Get() int }

type Big struct{ a, b, c, d int }
type Small int

func (b Big) Get() int    { return b.a + b.b + b.c + b.d }
func (s Small) Get() int  { return int(s) }
func (p *Item) Get() int  { return p.id + len(p.tags) }

func box(i int) Val {
	switch i % 3 {
	case 0:
		return Big{i, -i, i * 2, 1}
	case 1:
		return Small(i)
	}
	return &Item{id: i, name: "n"}
}

func build(n int, tag string) *Item {
	var head *Item
	for i := 0; i < n; i++ {
		it := &Item{id: i, name: tag + fmt.Sprint(i%10)}
		it.tags = append(it.tags, tag, it.name)
		it.next = head
		head = it
	}
	return head
}

func walk(h *Item) (int, int) {
	n, sum := 0, 0
	for ; h != nil; h = h.next {
		n++
		sum += h.id + len(h.name) + len(h.tags[1])
	}
	return n, sum
}

func concat(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += string(rune('a' + i%26))
		if len(s) > 50 {
			s = s[25:]
		}
	}
	return s
}

func holder(depth int, keep []Val) int {
	// each level keeps its own boxed values live in its frame while the
	// deeper levels allocate
	local := box(depth)
	mine := []Val{local, box(depth + 1)}
	t := 0
	if depth > 0 {
		t = holder(depth-1, append(keep, mine...))
	} else {
		for _, v := range keep {
			t += v.Get()
		}
	}
	return t + local.Get() + mine[1].Get()
}

func main() {
	var vals []Val
	t := 0
	for i := 0; i < 6000; i++ {
		v := box(i)
		vals = append(vals, v)
		t += v.Get()
		if len(vals) > 500 {
			vals = vals[len(vals)-100:]
		}
	}
	fmt.Println("box", t, len(vals), vals[0].Get(), vals[len(vals)-1].Get())

	lists := make([]*Item, 0)
	for r := 0; r < 6; r++ {
		lists = append(lists, build(300, fmt.Sprint("L", r)))
	}
	for _, l := range lists {
		n, s := walk(l)
		fmt.Print(n, " ", s, " ", l.name, "; ")
	}
	fmt.Println()

	fmt.Println("concat", concat(5000))

	var ss []string
	for i := 0; i < 2000; i++ {
		ss = append(ss, fmt.Sprintf("%d-%s", i, concat(i%40)))
	}
	tot := 0
	for _, s := range ss {
		tot += len(s)
	}
	fmt.Println("strings", len(ss), tot, ss[1999])

	for r := 0; r < 40; r++ {
		t += holder(30, nil)
	}
	fmt.Println("holder", t)

	var fs []func() int
	for i := 0; i < 1500; i++ {
		x := &Item{id: i}
		fs = append(fs, func() int { x.id++; return x.id })
	}
	t = 0
	for r := 0; r < 3; r++ {
		for _, f := range fs {
			t += f()
		}
	}
	fmt.Println("closures", t)

	grid := make([][]float64, 0)
	for i := 0; i < 200; i++ {
		row := make([]float64, 0, 1)
		for j := 0; j < 20; j++ {
			row = append(row, float64(i*j)/3)
		}
		grid = append(grid, row)
	}
	fs2 := 0.0
	for _, row := range grid {
		for _, x := range row {
			fs2 += x
		}
	}
	fmt.Println("grid", fs2, len(grid), cap(grid[0]) >= 20)
}
