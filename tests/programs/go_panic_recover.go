package main

import (
	"errors"
	"fmt"
)

// Panics inside goroutines recovered inside the same goroutine with
// defer/recover and reported to main through channels.

type report struct {
	id    int
	ok    bool
	value int
	msg   string
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr code=%d", e.Code) }

func risky(id int) int {
	switch id {
	case 1:
		panic("plain string panic")
	case 2:
		var a []int
		return a[id]
	case 3:
		z := 0
		return 10 / z
	case 4:
		var m map[string]int
		m["x"] = 1
	case 5:
		panic(&MyErr{42})
	case 6:
		panic(errors.New("an error value"))
	case 7:
		var p *report
		return p.value
	case 8:
		var x any = "str"
		return x.(int)
	case 9:
		panic(fmt.Sprintf("formatted %d", id*11))
	case 10:
		panic(id)
	}
	return id * 100
}

func guarded(id int, out chan<- report) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if e, ok := r.(error); ok {
				msg = "error: " + e.Error()
				if me, ok := e.(*MyErr); ok {
					msg += fmt.Sprintf(" (MyErr %d)", me.Code)
				}
			}
			out <- report{id: id, ok: false, msg: msg}
		}
	}()
	v := risky(id)
	out <- report{id: id, ok: true, value: v}
}

// namedResult recovers and sets a named result.
func namedResult(x int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			res = -1
		}
	}()
	if x < 0 {
		panic("negative")
	}
	return x * 2, nil
}

func main() {
	chans := make([]chan report, 12)
	for i := range chans {
		chans[i] = make(chan report, 1)
		go guarded(i, chans[i])
	}
	for i, c := range chans {
		r := <-c
		if r.ok {
			fmt.Printf("%2d ok    %d\n", i, r.value)
		} else {
			fmt.Printf("%2d panic %s\n", i, r.msg)
		}
	}

	// recover() value types.
	typ := make(chan string)
	for _, id := range []int{1, 5, 6, 10} {
		go func() {
			defer func() {
				typ <- fmt.Sprintf("%T", recover())
			}()
			risky(id)
		}()
		fmt.Println("recovered type for", id, "is", <-typ)
	}

	// Deferred calls run in LIFO order inside the goroutine before reporting.
	logc := make(chan string, 10)
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer func() {
			r := recover()
			logc <- fmt.Sprint("recovered: ", r)
		}()
		defer func() { logc <- "deferred 2" }()
		defer func() { logc <- "deferred 1" }()
		logc <- "before panic"
		panic("in goroutine")
	}()
	<-done
	close(logc)
	for s := range logc {
		fmt.Println(s)
	}

	// Named results modified by a recover, called from goroutines.
	type nr struct {
		res int
		err error
	}
	nc := make(chan nr)
	for _, x := range []int{5, -3, 0} {
		go func() {
			r, e := namedResult(x)
			nc <- nr{r, e}
		}()
		v := <-nc
		fmt.Println("namedResult", x, "=", v.res, v.err)
	}

	// A goroutine that panics again from inside its deferred function:
	// the outer recover sees the latest panic.
	rp := make(chan string)
	go func() {
		defer func() { rp <- fmt.Sprint("outer got: ", recover()) }()
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprint("re-panic of [", r, "]"))
			}
		}()
		panic("first")
	}()
	fmt.Println(<-rp)

	// Panic while the goroutine is mid-way through sending results: what
	// was sent before is still received.
	partial := make(chan int, 10)
	status := make(chan string)
	go func() {
		defer func() {
			close(partial)
			status <- fmt.Sprint("stopped: ", recover())
		}()
		for i := 0; ; i++ {
			if i == 4 {
				var arr [3]int
				idx := i
				arr[idx%3] = 1
				_ = arr[idx]
			}
			partial <- i * 7
		}
	}()
	fmt.Println(<-status)
	for v := range partial {
		fmt.Print(v, " ")
	}
	fmt.Println()

	// recover returns nil when there is no panic.
	nilc := make(chan bool)
	go func() {
		defer func() { nilc <- recover() == nil }()
	}()
	fmt.Println("no panic -> recover() == nil:", <-nilc)
}
