// Static calls: a call to a Go function (with its argument moved in by the
// call, MoveCall, or not) and to a native (fmt) one.
// listing: main.twice Call
// listing: main.twice MoveCall
// listing: main.show CallNative
package main

import "fmt"

func half(x int) int { return x / 2 }

func twice(x int) int { return half(x) + half(x+1) }

func show(x int) { fmt.Println(x) }

func main() {
	show(twice(9))
}
