package main

import "fmt"

// a struct value (not a pointer) implementing error
type Failure struct {
	Op   string
	Code int
}

func (f Failure) Error() string { return fmt.Sprintf("%s failed with code %d", f.Op, f.Code) }

func main() {
	fmt.Println("starting")
	panic(Failure{"write", 28})
}
