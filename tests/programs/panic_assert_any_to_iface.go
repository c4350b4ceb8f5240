package main

import "fmt"

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("ID-%d", int(i)) }

func main() {
	vals := []any{ID(1), ID(2), 3}
	for _, v := range vals {
		fmt.Println(v.(Stringer).String())
	}
}
