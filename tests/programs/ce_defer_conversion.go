package main

func main() {
	x := 3
	defer int64(x)
}
