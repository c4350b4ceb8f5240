// Strings: concatenation, comparison, indexing, length, slicing.
// listing: main.concat StrConcat
// listing: main.same StrCmp
// listing: main.at StrIndex
// listing: main.sub StrSlice
package main

import "fmt"

func concat(a, b string) string { return a + b }
func same(a, b string) bool      { return a == b }
func at(s string, i int) byte    { return s[i] }
func size(s string) int          { return len(s) }
func sub(s string, i, j int) string { return s[i:j] }

func main() {
	fmt.Println(concat("go", "jit"), same("a", "a"), at("abc", 1), size("abcd"), sub("hello", 1, 3))
}
