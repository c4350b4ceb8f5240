package main

import "fmt"

// Type switches and assertions in hot loops over any and over an
// interface with methods.

type Num interface{ Val() int }
type I int
type F struct{ v float64 }
type S string

func (i I) Val() int { return int(i) }
func (f F) Val() int { return int(f.v) }
func (s S) Val() int { return len(s) }

func main() {
	items := []any{1, "ab", 2.5, I(4), F{1.5}, S("xyz"), nil, true}
	var ints, strs, floats, nums, nils, other int
	for i := 0; i < 400000; i++ {
		switch v := items[i%len(items)].(type) {
		case int:
			ints += v
		case string:
			strs += len(v)
		case float64:
			floats += int(v * 2)
		case Num:
			nums += v.Val()
		case nil:
			nils++
		default:
			other++
		}
	}
	fmt.Println(ints, strs, floats, nums, nils, other)

	ns := []Num{I(2), F{3.9}, S("four"), I(-1)}
	total, hits := 0, 0
	for i := 0; i < 400000; i++ {
		n := ns[i&3]
		if iv, ok := n.(I); ok {
			total += int(iv)
			hits++
		} else {
			total += n.Val()
		}
	}
	fmt.Println(total, hits)
}
