package main

func main() {
	goto inner
	{
	inner:
		println("x")
	}
}
