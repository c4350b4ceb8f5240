package main

import "fmt"

// Go blog's pipeline: gen -> sq -> sum, plus fan-out/fan-in with a
// fixed-order merge (read each input in turn, so the output order is fixed).

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if keep(n) {
				out <- n
			}
		}
	}()
	return out
}

func sum(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		t := 0
		for n := range in {
			t += n
		}
		out <- t
		close(out)
	}()
	return out
}

func rangeGen(lo, hi int) <-chan int {
	out := make(chan int, 4)
	go func() {
		for i := lo; i < hi; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

// mergeOrdered reads round-robin: one value from each open input in turn.
func mergeOrdered(ins ...<-chan int) <-chan int {
	out := make(chan int)
	go func() {
		open := len(ins)
		alive := make([]bool, len(ins))
		for i := range alive {
			alive[i] = true
		}
		for open > 0 {
			for i, c := range ins {
				if !alive[i] {
					continue
				}
				v, ok := <-c
				if !ok {
					alive[i] = false
					open--
					continue
				}
				out <- v
			}
		}
		close(out)
	}()
	return out
}

// Stage with a struct payload carrying provenance.
type tagged struct {
	src int
	val int
}

func tag(src int, in <-chan int) <-chan tagged {
	out := make(chan tagged)
	go func() {
		for v := range in {
			out <- tagged{src, v}
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range sq(gen(1, 2, 3, 4, 5)) {
		fmt.Println("sq:", v)
	}
	fmt.Println("sum of squares 1..5:", <-sum(sq(gen(1, 2, 3, 4, 5))))
	fmt.Println("sq of sq:", <-sum(sq(sq(gen(1, 2, 3)))))

	nums := make([]int, 100)
	for i := range nums {
		nums[i] = i + 1
	}
	even := func(n int) bool { return n%2 == 0 }
	fmt.Println("sum of even squares 1..100:", <-sum(filter(sq(gen(nums...)), even)))

	// Fan-out: three sq workers over separate ranges; fan-in in fixed order.
	a := sq(rangeGen(0, 5))
	b := sq(rangeGen(10, 13))
	c := sq(rangeGen(100, 107))
	i := 0
	for v := range mergeOrdered(a, b, c) {
		fmt.Printf("merged[%d] = %d\n", i, v)
		i++
	}

	// Fan-in of tagged values: per-source channels read one after another.
	srcs := []<-chan tagged{
		tag(0, gen(5, 6, 7)),
		tag(1, gen(8)),
		tag(2, gen()),
		tag(3, gen(9, 10)),
	}
	var all []tagged
	for _, s := range srcs {
		for t := range s {
			all = append(all, t)
		}
	}
	fmt.Println("tagged:", all, len(all))
	fmt.Printf("%+v\n", all[0])

	// A long pipeline: 20 stages each adding 1.
	var stage <-chan int = gen(0, 100, 1000)
	for k := 0; k < 20; k++ {
		in := stage
		out := make(chan int)
		go func() {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}()
		stage = out
	}
	for v := range stage {
		fmt.Println("after 20 stages:", v)
	}
}
