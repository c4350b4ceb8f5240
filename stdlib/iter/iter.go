// Package iter: the types of iterators that range over functions use, as
// Go's iter package. (pgojit's standard library: written for pgojit,
// compiled by its front end like the program.) Not here yet: Pull and
// Pull2, which need coroutines of the runtime.
package iter

// Seq is an iterator over single values: it calls yield with each in
// turn and stops when yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
