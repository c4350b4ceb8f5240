package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// os: Args, Getenv/LookupEnv, files in os.TempDir() (WriteFile, ReadFile,
// Open, Create, OpenFile flags, Read, Write, Seek, Close, Stat, Remove),
// the errors (PathError text, errors.Is with ErrNotExist/ErrExist/
// ErrClosed), FileMode strings, and os.Exit with a code: the deferred call
// does not run.

var dir, path string

// clean hides the temporary directory and the file's unique suffix.
func clean(v any) string {
	s := fmt.Sprint(v)
	if path != "" {
		s = strings.ReplaceAll(s, path, "<tmp>/file")
	}
	return strings.ReplaceAll(s, dir, "<tmp>")
}

func check(what string, err error) {
	if err != nil {
		fmt.Println(what, "error:", clean(err))
	}
}

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("args:", len(os.Args), len(os.Args[0]) > 0)
	fmt.Printf("unset: %q\n", os.Getenv("PGOJIT_STD_OS_SURELY_UNSET_VAR"))
	v, ok := os.LookupEnv("PGOJIT_STD_OS_SURELY_UNSET_VAR")
	fmt.Printf("lookup: %q %v\n", v, ok)
	_, ok = os.LookupEnv("PATH")
	fmt.Println("PATH set:", ok)

	dir = os.TempDir()
	// The name is fixed but for a suffix that keeps concurrent runs apart.
	path = dir + "/pgojit_std_os_" + strconv.FormatInt(time.Now().UnixNano(), 36) + ".txt"

	_, err := os.ReadFile(path)
	fmt.Println("read missing:", clean(err), errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	var pe *os.PathError
	pe, ok = err.(*os.PathError)
	fmt.Println("PathError:", ok, pe.Op, clean(pe.Path), pe.Err, errors.Unwrap(err) == pe.Err)
	_, err = os.Stat(path)
	fmt.Println("stat missing:", clean(err), errors.Is(err, os.ErrNotExist))
	err = os.Remove(path)
	fmt.Println("remove missing:", clean(err), errors.Is(err, os.ErrNotExist))
	_, err = os.Open(path)
	fmt.Println("open missing:", clean(err), os.IsExist(err))
	err = os.WriteFile("/pgojit_no_such_dir_q7/x.txt", []byte("x"), 0644)
	fmt.Println("write into missing dir:", err, errors.Is(err, os.ErrNotExist))

	check("WriteFile", os.WriteFile(path, []byte("hello, file\nsecond line\n"), 0644))
	data, err := os.ReadFile(path)
	fmt.Printf("ReadFile: %q %v\n", data, err)
	fi, err := os.Stat(path)
	check("Stat", err)
	fmt.Println("stat:", strings.HasPrefix(fi.Name(), "pgojit_std_os_"), strings.HasSuffix(path, "/"+fi.Name()), fi.Size(), fi.IsDir(), fi.Mode().IsRegular())
	di, err := os.Stat(dir)
	fmt.Println("stat dir:", di.IsDir(), err)
	_, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0644)
	fmt.Println("O_EXCL:", clean(err), errors.Is(err, os.ErrExist), os.IsExist(err))
	err = os.Mkdir(dir, 0755)
	fmt.Println("mkdir existing:", clean(err), errors.Is(err, os.ErrExist))

	f, err := os.Open(path)
	check("Open", err)
	buf := make([]byte, 5)
	n, err := f.Read(buf)
	fmt.Printf("read %d %q %v\n", n, buf[:n], err)
	off, err := f.Seek(7, io.SeekStart)
	fmt.Println("seek", off, err)
	n, err = f.Read(buf)
	fmt.Printf("read %d %q %v\n", n, buf[:n], err)
	off, err = f.Seek(-4, io.SeekEnd)
	fmt.Println("seek end", off, err)
	rest, err := io.ReadAll(f)
	fmt.Printf("rest %q %v\n", rest, err)
	n, err = f.Read(buf)
	fmt.Println("at EOF:", n, err, err == io.EOF)
	n, err = f.Read(buf[:0])
	fmt.Println("empty read:", n, err)
	n, err = f.Write([]byte("no"))
	fmt.Println("write read-only:", n, clean(err))
	_, err = f.Seek(0, 9)
	fmt.Println("bad whence:", clean(err), errors.Is(err, os.ErrInvalid))
	check("Close", f.Close())
	err = f.Close()
	fmt.Println("close twice:", clean(err), errors.Is(err, os.ErrClosed))
	_, err = f.Read(buf)
	fmt.Println("read closed:", clean(err), errors.Is(err, os.ErrClosed))
	_, err = f.Write(buf)
	fmt.Println("write closed:", clean(err))

	// Create truncates; many small writes, then random-access reads.
	g, err := os.Create(path)
	check("Create", err)
	fmt.Println("name ok:", g.Name() == path)
	total := 0
	for i := 0; i < 2000; i++ {
		k, err := g.Write([]byte{byte('a' + i%26)})
		if err != nil {
			fmt.Println("write error", err)
			break
		}
		total += k
	}
	k, _ := g.WriteString("|end")
	total += k
	fmt.Println("wrote", total)
	sum := 0
	one := make([]byte, 1)
	for i := 0; i < 2000; i += 3 {
		if _, err := g.Seek(int64(i), io.SeekStart); err != nil {
			fmt.Println("seek error", err)
			break
		}
		if _, err := g.Read(one); err != nil {
			fmt.Println("read error", err)
			break
		}
		sum += int(one[0]-'a') * i
	}
	pos, _ := g.Seek(0, io.SeekCurrent)
	end, _ := g.Seek(0, io.SeekEnd)
	fmt.Println("checksum", sum, pos, end)
	check("Close", g.Close())

	a, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	check("OpenFile append", err)
	fmt.Fprintf(a, "+%d", 42)
	a.Close()
	data, _ = os.ReadFile(path)
	fmt.Printf("len %d tail %q\n", len(data), data[len(data)-10:])

	d, err := os.Open(dir)
	check("Open dir", err)
	_, err = d.Read(buf)
	fmt.Println("read dir:", clean(err))
	d.Close()

	check("Remove", os.Remove(path))
	_, err = os.Stat(path)
	fmt.Println("after remove:", os.IsNotExist(err))
	path = ""

	fmt.Println(os.FileMode(0644), os.ModeDir|0755, os.FileMode(0), (os.ModeDir | 0700).IsDir(), os.FileMode(0640).Perm())
	fmt.Println(os.ErrNotExist, os.ErrExist, os.ErrClosed, os.ErrInvalid, os.ErrPermission)
	var nf *os.File
	fmt.Println("nil file:", nf.Close(), nf.Close() == os.ErrInvalid)
	fmt.Fprintln(os.Stderr, "exiting with 3")
	os.Exit(3)
}
