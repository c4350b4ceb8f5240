package main

import "fmt"

// A text tokenizer: classifies runes (including non-ASCII), produces
// typed tokens, counts words and builds a frequency table without maps.

type Kind int

const (
	Word Kind = iota
	Number
	Punct
	Space
	Emoji
	Other
)

var kindNames = [...]string{"Word", "Number", "Punct", "Space", "Emoji", "Other"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

type Token struct {
	Kind  Kind
	Text  string
	Start int // byte offset
	Runes int
}

func (t Token) String() string { return fmt.Sprintf("%v(%q@%d)", t.Kind, t.Text, t.Start) }

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0x24F || r >= 0x3040 && r <= 0x30FF || r >= 0x4E00 && r <= 0x9FFF
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func classify(r rune) Kind {
	switch {
	case isLetter(r) || r == '\'':
		return Word
	case isDigit(r):
		return Number
	case r == ' ' || r == '\t' || r == '\n':
		return Space
	case r >= 0x1F300 && r <= 0x1FAFF:
		return Emoji
	case r < 0x80 && r > ' ':
		return Punct
	}
	return Other
}

func tokenize(s string) []Token {
	var toks []Token
	var cur *Token
	for i, r := range s {
		k := classify(r)
		if k == Number && cur != nil && cur.Kind == Word {
			k = Word // letters followed by digits stay a word: "abc123"
		}
		if k == Punct && r == '.' && cur != nil && cur.Kind == Number {
			k = Number // decimal point
		}
		joinable := k == Word || k == Number || k == Space
		if cur != nil && cur.Kind == k && joinable {
			cur.Text += string(r)
			cur.Runes++
			continue
		}
		toks = append(toks, Token{Kind: k, Text: string(r), Start: i, Runes: 1})
		cur = &toks[len(toks)-1]
	}
	return toks
}

func lower(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r >= 'A' && r <= 'Z' {
			out[i] = r + 'a' - 'A'
		}
	}
	return string(out)
}

type Freq struct {
	Word  string
	Count int
}

func frequencies(toks []Token) []Freq {
	var fs []Freq
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		w := lower(t.Text)
		found := false
		for i := range fs {
			if fs[i].Word == w {
				fs[i].Count++
				found = true
				break
			}
		}
		if !found {
			fs = append(fs, Freq{w, 1})
		}
	}
	// stable insertion sort: by count desc, then word asc
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0; j-- {
			a, b := fs[j-1], fs[j]
			if b.Count > a.Count || b.Count == a.Count && b.Word < a.Word {
				fs[j-1], fs[j] = b, a
			} else {
				break
			}
		}
	}
	return fs
}

func main() {
	text := "The quick brown fox (v2.0) jumps over the lazy dog! The dog sleeps; the fox doesn't.\n" +
		"Café déjà vu — 東京 3.14 🦊🐶 x86_64 ok?"
	toks := tokenize(text)
	counts := make([]int, len(kindNames))
	for _, t := range toks {
		counts[t.Kind]++
	}
	fmt.Println("tokens:", len(toks), "bytes:", len(text), "runes:", len([]rune(text)))
	for k, c := range counts {
		fmt.Printf("%-7v %3d\n", Kind(k), c)
	}
	for _, t := range toks {
		if t.Kind != Space {
			fmt.Print(t, " ")
		}
	}
	fmt.Println()

	fs := frequencies(toks)
	for i, f := range fs {
		if i == 6 {
			break
		}
		fmt.Printf("%-6s %d\n", f.Word, f.Count)
	}

	// longest word by runes, not bytes
	var longest Token
	for _, t := range toks {
		if t.Kind == Word && t.Runes > longest.Runes {
			longest = t
		}
	}
	fmt.Println("longest:", longest, longest.Runes, len(longest.Text))

	// re-join tokens and check round trip
	joined := ""
	for _, t := range toks {
		joined += t.Text
	}
	fmt.Println("round trip:", joined == text)
	fmt.Println(Kind(9), []Kind{Word, Emoji})
}
