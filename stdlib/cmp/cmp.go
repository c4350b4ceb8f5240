// Package cmp: the ordered types and comparisons of their values, as
// Go's cmp package. (pgojit's standard library: written for pgojit,
// compiled by its front end like the program.)
package cmp

// Ordered is every type whose values < orders: integers, floats and
// strings, and the types defined over them.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x orders before y; a NaN orders before every
// other float (and not before another NaN).
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare is -1, 0 or +1 as x is less than, equal to or greater than y,
// NaNs being equal to each other and less than everything else.
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := isNaN(x), isNaN(y)
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN:
		return -1
	case yNaN:
		return +1
	case x < y:
		return -1
	case x > y:
		return +1
	}
	return 0
}

// isNaN reports whether x is a float NaN (the one value unequal to itself).
func isNaN[T Ordered](x T) bool {
	return x != x
}

// Or is the first of vals that is not its type's zero value, or the zero.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
