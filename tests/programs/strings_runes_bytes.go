package main

import "fmt"

func reverseRunes(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

func reverseBytes(s string) string {
	bs := []byte(s)
	for i, j := 0, len(bs)-1; i < j; i, j = i+1, j-1 {
		bs[i], bs[j] = bs[j], bs[i]
	}
	return string(bs)
}

func upper(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	return string(out)
}

func count(s string, r rune) int {
	n := 0
	for _, c := range s {
		if c == r {
			n++
		}
	}
	return n
}

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), len([]rune(s)), len([]byte(s)))
	fmt.Println(s[0], s[1], s[2], string(s[0]), s[1:3], s[7:11])
	fmt.Printf("%T %T\n", s[0], []rune(s)[1])

	// range yields byte offsets and runes
	for i, r := range s {
		fmt.Print(i, ":", string(r), "(", r, ") ")
	}
	fmt.Println()
	for i := range "aé" {
		fmt.Print(i, " ")
	}
	fmt.Println()

	// invalid UTF-8 decodes to U+FFFD, one byte at a time
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		fmt.Print(i, "=", r, " ")
	}
	fmt.Println(len(bad), len([]rune(bad)))
	fmt.Printf("%q %q\n", bad, string([]rune(bad)))

	// conversions
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0xD800)), string(rune(0x10FFFF+1)) == "\uFFFD")
	bs := []byte("abc")
	t := string(bs)
	bs[0] = 'X' // the string keeps its own copy
	fmt.Println(t, string(bs), bs)
	rs := []rune("añb")
	fmt.Println(rs, string(rs[1]), string(rs))
	fmt.Println(string([]byte{0xe4, 0xb8, 0x96}), []byte("é"), string([]rune{}) == "")

	// reversing
	fmt.Println(reverseRunes(s))
	fmt.Printf("%q\n", reverseBytes("aé"))
	fmt.Println(upper("Mixed Case 123"), count(s, 'l'), count("", 'x'))

	// comparison is bytewise lexicographic
	words := []string{"apple", "Apple", "app", "apples", "", "é", "z"}
	for i := 0; i < len(words); i++ {
		for j := i + 1; j < len(words); j++ {
			if words[j] < words[i] {
				words[i], words[j] = words[j], words[i]
			}
		}
	}
	fmt.Printf("%q\n", words)
	fmt.Println("a" < "b", "ab" < "a", "Z" < "a", "" < "a", "abc" == "ab"+"c")

	// concatenation in a loop builds a new string each time
	acc := ""
	for i := 0; i < 5; i++ {
		acc += string(rune('a' + i))
		acc += "-"
	}
	fmt.Println(acc, len(acc))

	// substrings share nothing observable; slicing at byte offsets
	h := "hello world"
	fmt.Println(h[:5], h[6:], h[3:3] == "", h[len(h):], len(h[2:7]))

	// runes are int32, bytes are uint8
	var r rune = 'é'
	var b byte = 'A'
	fmt.Println(r, b, r+1, b+1, string(r+1), string(rune(b+1)))
	fmt.Printf("%c %c %d %d %q %q\n", r, b, r, b, r, b)

	// escapes in literals
	raw := `a\nb`
	fmt.Println(len(raw), len("a\nb"), raw, "tab\there", "\u00e9" == "é", "\xe9" == "é")

	// building strings from bytes and runes
	var out []byte
	for i := 0; i < 3; i++ {
		out = append(out, "ab"...)
		out = append(out, byte('0'+i))
	}
	out = append(out, string(rune(0x263A))...)
	fmt.Println(string(out), len(out))
}
