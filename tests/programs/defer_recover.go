package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return q, nil
}

func index(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			fmt.Printf("%T %v %v\n", r, ok, e)
			err = e
		}
	}()
	return s[i], nil
}

func kinds() {
	tests := []func(){
		func() { var m map[int]int; m[1] = 2 },
		func() { var p *MyErr; _ = p.code },
		func() { var x any = "s"; _ = x.(int) },
		func() { s := []int{1}; i := 5; _ = s[1:i] },
		func() { panic(&MyErr{7}) },
		func() { panic(errors.New("plain error")) },
		func() { panic(fmt.Sprintf("formatted %d", 3)) },
		func() { panic(42) },
		func() { panic(nil) },
		func() { a := 0; _ = 10 % a },
	}
	for i, t := range tests {
		func() {
			defer func() {
				r := recover()
				fmt.Printf("%d: %T: %v\n", i, r, r)
				if e, ok := r.(error); ok {
					fmt.Println("   error:", e.Error())
				}
			}()
			t()
		}()
	}
}

func helper() any { return recover() }

func indirect() (res string) {
	defer func() {
		res = fmt.Sprint("direct: ", recover())
	}()
	defer func() {
		fmt.Println("helper got:", helper())
	}()
	defer recover()
	panic("indirect")
}

func twice() {
	defer func() {
		fmt.Println("second recover:", recover())
	}()
	defer func() {
		fmt.Println("first recover:", recover())
		fmt.Println("again in same call:", recover())
	}()
	panic("once")
}

func replaced() (s string) {
	defer func() {
		s = fmt.Sprint("caught ", recover())
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func recoverThenPanic() (s string) {
	defer func() {
		s = fmt.Sprint("outer caught ", recover())
	}()
	defer func() {
		r := recover()
		panic(fmt.Sprint("re: ", r))
	}()
	panic("orig")
}

func notPanicking() {
	defer func() {
		fmt.Println("recover without panic:", recover())
	}()
}

func deep(n int) int {
	if n == 0 {
		panic("bottom")
	}
	defer func() {
		if n == 3 {
			if r := recover(); r != nil {
				fmt.Println("caught at 3:", r)
			}
		}
	}()
	return deep(n-1) + 1
}

func goOn() int {
	defer func() { recover() }()
	x := deep(5)
	return x
}

type Stack struct{ items []int }

func (s *Stack) Pop() (v int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v = s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(index([]int{1, 2, 3}, 1))
	fmt.Println(index([]int{1, 2, 3}, 5))
	kinds()
	fmt.Println(indirect())
	twice()
	fmt.Println(replaced())
	fmt.Println(recoverThenPanic())
	notPanicking()
	fmt.Println(goOn())
	st := &Stack{[]int{1, 2}}
	for i := 0; i < 3; i++ {
		fmt.Println(st.Pop())
	}
}
