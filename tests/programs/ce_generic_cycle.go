package main

func F[T any](x T, n int) int {
	if n == 0 {
		return 0
	}
	return F[[]T](nil, n-1) + 1
}

func main() {
	println(F(1, 3))
}
