package main

import "fmt"

type Pt struct{ X, Y int }

type Level int

func main() {
	// integers
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%-05d] [%5d]\n", 42, 42, 42, 42, 42, -42)
	fmt.Printf("[%05d] [%3d] [%1d] [%d]\n", -42, 12345, 7, int8(-128))
	fmt.Printf("[%x] [%x] [%5x] [%-5x] [%05x] [%x]\n", 255, -255, 255, 255, 255, uint64(1<<64-1))
	fmt.Printf("[%d] [%d] [%d] [%x]\n", uint8(255), int16(-300), Level(3), Level(26))
	fmt.Printf("[%c] [%c] [%3c] [%-3c] [%c]\n", 'A', 0x4E16, 'z', 'z', 97)
	fmt.Printf("[%q] [%q] [%q] [%q]\n", 'a', '\n', 0x4E16, '\'')

	// strings
	fmt.Printf("[%s] [%8s] [%-8s] [%08s] [%2s]\n", "go", "go", "go", "go", "long")
	fmt.Printf("[%q] [%q] [%10q] [%-10q]|\n", "hi", "tab\t\"q\"\\", "é", "x")
	fmt.Printf("[%x] [%x] [%6x] [%s] [%x]\n", "hi", "é", "ab", []byte("bytes"), []byte{1, 171})
	fmt.Printf("[%v] [%8v] [%-8v]|\n", "v", "v", "v")

	// booleans
	fmt.Printf("[%t] [%t] [%6t] [%-6t] [%v]\n", true, false, true, false, true)

	// floats
	fmt.Printf("[%f] [%.2f] [%8.3f] [%-8.1f] [%08.2f] [%.0f]\n", 3.14159, 3.14159, 3.14159, 3.14159, -3.14159, 2.5)
	fmt.Printf("[%v] [%v] [%6v] [%.1f] [%5.0f]\n", 1.0, 0.25, 1.5, 0.05, 99.5)
	fmt.Printf("[%.3f] [%.3f] [%f]\n", 1e-7, 123456789.123456789, 1e15)

	// %v of composites applies width to each element
	fmt.Printf("[%v] [%4v] [%-4v] [%02d]\n", []int{1, 2}, []int{1, 2}, []int{1, 2}, []int{1, 2})
	fmt.Printf("[%v] [%5v] [%+v] [%3d]\n", Pt{1, 2}, Pt{1, 2}, Pt{1, 2}, Pt{3, 4})
	fmt.Printf("[%q] [%x] [%5s]\n", []string{"a", "b c"}, []string{"hi", "yo"}, []string{"r"})
	fmt.Printf("[%v] [%d] [%x]\n", [3]bool{true}, [2]int8{-1, 1}, [2]uint8{10, 255})

	// %T
	fmt.Printf("%T %T %T %T %T %T\n", 1, "s", 2.0, 'r', true, nil)
	fmt.Printf("%T %T %T %T\n", []int{}, [3]string{}, Pt{}, &Pt{})
	fmt.Printf("%T %T %T\n", Level(1), []any{}, struct {
		A int
		B string
	}{})
	fmt.Printf("%T %T %T %T\n", uint8(1), byte(1), rune(1), int32(1))
	fmt.Printf("%T|%T|%T\n", func() {}, func(a int, b string) (bool, error) { return false, nil }, func(...int) {})
	fmt.Printf("%T %T\n", [][]int{}, []*Pt{})

	// %% and literal text
	fmt.Printf("100%% done, %d%% left\n", 0)

	// widths on %v of scalars
	fmt.Printf("[%6v] [%-6v] [%06v]\n", 42, -7, 3)

	// Sprintf and Sprint/Sprintln spacing rules
	s := fmt.Sprintf("%03d|%-4s|%5.1f", 7, "ab", 2.25)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, 4, true))
	fmt.Println(fmt.Sprint(1, 2), fmt.Sprint("x", 1), fmt.Sprint(1, "x"), fmt.Sprint(), fmt.Sprint(Pt{}, Pt{}))
	fmt.Printf("%q\n", fmt.Sprintln("a", 1, true))
	fmt.Print("print ", 1, 2, " done", "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print(Pt{1, 2}, Pt{3, 4}, "\n")

	// a table
	rows := []struct {
		Name  string
		Qty   int
		Price float64
	}{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.125}}
	fmt.Printf("%-12s|%5s|%8s\n", "item", "qty", "price")
	total := 0.0
	for _, r := range rows {
		fmt.Printf("%-12s|%5d|%8.2f\n", r.Name, r.Qty, r.Price*float64(r.Qty))
		total += r.Price * float64(r.Qty)
	}
	fmt.Printf("%-12s|%5s|%8.2f\n", "TOTAL", "", total)

	// Printf returns nothing we use; values with no verbs
	fmt.Printf("no verbs\n")
	fmt.Printf("")
	fmt.Printf("%s-%s\n", "only", "strings")
}
