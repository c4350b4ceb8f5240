package main

import (
	"bufio"
	"fmt"
	"strings"
)

type point struct{ x, y int }

func parsePoints(input string) ([]point, error) {
	r := bufio.NewReader(strings.NewReader(input))
	var n int
	if _, err := fmt.Fscan(r, &n); err != nil {
		return nil, err
	}
	ps := make([]point, n)
	for i := range ps {
		if _, err := fmt.Fscan(r, &ps[i].x, &ps[i].y); err != nil {
			return ps[:i], err
		}
	}
	return ps, nil
}

func main() {
	var a, b int
	var s string
	var f float64
	var u uint8
	var ok bool
	n, err := fmt.Sscan("12 -7\n hello 3.5 255 true", &a, &b, &s, &f, &u, &ok)
	fmt.Println(n, err, a, b, s, f, u, ok)
	n, err = fmt.Sscan("256", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscanf("x=5 y=abc", "x=%d y=%s", &a, &s)
	fmt.Println(n, err, a, s)
	n, err = fmt.Sscanf("ff 0x1f 101", "%x %v %b", &a, &b, &u)
	fmt.Println(n, err, a, b, u)
	n, err = fmt.Sscanf("7-8", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("7:8", "%d-%d", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err, a)
	n, err = fmt.Sscan("abc", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	var r rune
	n, err = fmt.Sscanf("héllo", "h%c", &r)
	fmt.Println(n, err, string(r))
	ps, err := parsePoints("4\n1 2\n3 4\n5 6\n7 8\n")
	fmt.Println(ps, err)
	ps, err = parsePoints("3\n1 2\n3")
	fmt.Println(ps, err)
	// A hot parse loop.
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&sb, "%d %d\n", i, i*i%97)
	}
	rd := bufio.NewReader(strings.NewReader(sb.String()))
	sum := 0
	for {
		var x, y int
		if _, err := fmt.Fscan(rd, &x, &y); err != nil {
			fmt.Println("stopped:", err)
			break
		}
		sum += x*3 + y
	}
	fmt.Println(sum)
}
