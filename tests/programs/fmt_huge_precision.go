package main

import "fmt"

func main() {
	s := fmt.Sprintf("%.100000f", 0.1)
	fmt.Println(len(s), s[:30], s[len(s)-5:])
	s = fmt.Sprintf("%.70000e", 1.0/3)
	fmt.Println(len(s), s[:30], s[len(s)-8:])
	s = fmt.Sprintf("%.70000g", 1.0/3)
	fmt.Println(len(s), s[:30], s[len(s)-8:])
	s = fmt.Sprintf("%.1100f", 5e-324)
	fmt.Println(len(s), s[1070:1090])
	fmt.Printf("%.30f %.20e %.40g\\n", 0.1, 2.5, 1e-300)
}
