// Package runtime: the scheduler and collector controls programs call,
// as Go's runtime package. pgojit runs goroutines one at a time on one
// thread, switching where one blocks (GOMAXPROCS is 1).
// (pgojit's own implementation.)
package runtime

// Gosched lets the other runnable goroutines run first (the runtime's).
func Gosched()

// NumGoroutine is the number of goroutines alive (the runtime's).
func NumGoroutine() int

// GC runs a collection (the runtime's).
func GC()

// NumCPU is the number of CPUs the machine has (the runtime's).
func NumCPU() int

// GOMAXPROCS returns the previous setting (always 1: one goroutine runs
// at a time) and ignores n.
func GOMAXPROCS(n int) int { return 1 }

// KeepAlive marks x as used up to this call.
func KeepAlive(x any) {}

const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "gc"

// Version is the Go release pgojit's language and library follow.
func Version() string { return "go1.27" }
