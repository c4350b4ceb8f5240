package main

import "fmt"

type Handlers struct {
	OnStart func() string
	OnStop  func() string
}

func main() {
	h := Handlers{OnStart: func() string { return "started" }}
	fmt.Println(h.OnStart())
	fmt.Println(h.OnStop())
}
