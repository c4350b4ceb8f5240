package main

func main() {
	goto nowhere
}
