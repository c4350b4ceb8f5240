package main

func main() {
	x := 1
	defer x
}
