package main

import (
	"errors"
	"fmt"
)

var ErrMissing = errors.New("missing")

func main() {
	err := ErrMissing
	fmt.Println(errors.Is(err, ErrMissing))
}
