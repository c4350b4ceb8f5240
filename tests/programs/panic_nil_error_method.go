package main

import "fmt"

func check(n int) error {
	if n < 0 {
		return fmt.Errorf("negative: %d", n)
	}
	return nil
}

func main() {
	fmt.Println(check(-1).Error())
	fmt.Println(check(1).Error())
}
