package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

const text = `It was the best of times, it was the worst of times; it was the age of
wisdom, it was the age of foolishness... It was the epoch of belief — it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness.
Ça va? Naïve café-goers said "Grüße!" and «Ωραία». The END.`

type entry struct {
	word  string
	count int
}

// tokenize splits on anything that is not a letter or apostrophe and
// lower-cases each word.
func tokenize(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	for i, f := range fields {
		fields[i] = strings.ToLower(f)
	}
	return fields
}

func sortEntries(es []entry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0; j-- {
			a, b := es[j-1], es[j]
			if a.count > b.count || a.count == b.count && strings.Compare(a.word, b.word) <= 0 {
				break
			}
			es[j-1], es[j] = b, a
		}
	}
}

// readLines reads text through an io.Reader in small chunks and splits
// it into lines with a Builder.
func readLines(r io.Reader) []string {
	var lines []string
	var cur strings.Builder
	buf := make([]byte, 7)
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			if c == '\n' {
				lines = append(lines, cur.String())
				cur.Reset()
				continue
			}
			cur.WriteByte(c)
		}
		if err == io.EOF {
			break
		}
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func wrap(words []string, width int) []string {
	var out []string
	var line strings.Builder
	for _, w := range words {
		if line.Len() > 0 && utf8.RuneCountInString(line.String())+1+utf8.RuneCountInString(w) > width {
			out = append(out, line.String())
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
	}
	if line.Len() > 0 {
		out = append(out, line.String())
	}
	return out
}

func main() {
	lines := readLines(strings.NewReader(text))
	fmt.Println("lines:", len(lines))
	for i, l := range lines {
		fmt.Printf("%d: %d bytes, %d runes, %d fields, title=%q\n", i, len(l), utf8.RuneCountInString(l), len(strings.Fields(l)), strings.Title(strings.ToLower(l[:12])))
	}

	words := tokenize(text)
	fmt.Println("words:", len(words))
	counts := map[string]int{}
	var order []string
	for _, w := range words {
		if counts[w] == 0 {
			order = append(order, w)
		}
		counts[w]++
	}
	es := make([]entry, 0, len(order))
	for _, w := range order {
		es = append(es, entry{w, counts[w]})
	}
	sortEntries(es)
	for _, e := range es[:8] {
		fmt.Printf("%-8s %d\n", e.word, e.count)
	}
	var rare []string
	for _, e := range es {
		if e.count == 1 {
			rare = append(rare, e.word)
		}
	}
	fmt.Println("rare:", strings.Join(rare, ","))

	for _, l := range wrap(strings.Fields(strings.Join(lines, " ")), 30) {
		fmt.Printf("|%-30s|\n", l)
	}

	caps := 0
	for _, w := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	fmt.Println("capitalised:", caps)

	// hot: repeat the whole pipeline
	total := 0
	for i := 0; i < 300; i++ {
		ws := tokenize(lines[i%len(lines)])
		total += len(ws)
		for _, w := range ws {
			if strings.HasPrefix(w, "it") || strings.Contains(w, "é") {
				total++
			}
		}
		total += len(readLines(strings.NewReader(lines[i%len(lines)])))
	}
	fmt.Println("hot pipeline:", total)
}
