// Package os: the program's arguments, environment, exit, standard
// streams and files, as Go's os package for what programs commonly use.
// (pgojit's own implementation over the runtime's file calls.)
package os

import (
	"errors"
	"io"
)

// The runtime's: the program's arguments; an environment variable; the
// end of the program (no deferred calls run); and file calls returning
// an errno (0: none).
func runtimeArgs() []string
func getenv(key string) (value string, found bool)
func exit(code int)
func sysOpen(name string, flag int, perm uint32) (fd int, errno int)
func sysRead(fd int, b []byte) (n int, errno int)
func sysWrite(fd int, b []byte) (n int, errno int)
func sysClose(fd int) (errno int)
func sysSeek(fd int, offset int64, whence int) (off int64, errno int)
func sysRemove(name string) (errno int)
func sysMkdir(name string, perm uint32) (errno int)
func sysStat(name string) (size int64, mode uint32, modTime int64, errno int)

// Args holds the command-line arguments, the program's name first.
var Args []string = runtimeArgs()

// Exit ends the program with code; deferred functions do not run.
func Exit(code int) { exit(code) }

func Getenv(key string) string {
	v, _ := getenv(key)
	return v
}

func LookupEnv(key string) (string, bool) { return getenv(key) }

// Flags to OpenFile.
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

// A FileMode is a file's mode and permission bits.
type FileMode uint32

const (
	ModeDir  FileMode = 1 << 31
	ModePerm FileMode = 0777
)

func (m FileMode) IsDir() bool     { return m&ModeDir != 0 }
func (m FileMode) IsRegular() bool { return m&ModeDir == 0 }
func (m FileMode) Perm() FileMode  { return m & ModePerm }

func (m FileMode) String() string {
	const rwx = "rwxrwxrwx"
	buf := []byte("-")
	if m&ModeDir != 0 {
		buf[0] = 'd'
	}
	for i := 0; i < 9; i++ {
		if m&(1<<uint(8-i)) != 0 {
			buf = append(buf, rwx[i])
		} else {
			buf = append(buf, '-')
		}
	}
	return string(buf)
}

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// An Errno is a system error number (Go's syscall.Errno).
type Errno int

func (e Errno) Error() string {
	switch e {
	case 1:
		return "operation not permitted"
	case 2:
		return "no such file or directory"
	case 9:
		return "bad file descriptor"
	case 13:
		return "permission denied"
	case 17:
		return "file exists"
	case 20:
		return "not a directory"
	case 21:
		return "is a directory"
	case 22:
		return "invalid argument"
	case 28:
		return "no space left on device"
	case 39:
		return "directory not empty"
	}
	return "errno " + itoa(int(e))
}

func (e Errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 1 || e == 13
	case ErrExist:
		return e == 17 || e == 39
	case ErrNotExist:
		return e == 2
	}
	return false
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// A PathError records an error and the operation and path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// IsNotExist and friends look through a PathError.
func IsNotExist(err error) bool   { return underlyingIs(err, ErrNotExist) }
func IsExist(err error) bool      { return underlyingIs(err, ErrExist) }
func IsPermission(err error) bool { return underlyingIs(err, ErrPermission) }

func underlyingIs(err, target error) bool {
	if pe, ok := err.(*PathError); ok {
		err = pe.Err
	}
	if e, ok := err.(Errno); ok {
		return e.Is(target)
	}
	return err == target
}

// A File is an open file.
type File struct {
	fd     int
	name   string
	closed bool
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

func NewFile(fd uintptr, name string) *File { return &File{fd: int(fd), name: name} }

func (f *File) Name() string { return f.name }

func (f *File) Fd() uintptr { return uintptr(f.fd) }

func (f *File) check(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{op, f.name, ErrClosed}
	}
	return nil
}

func (f *File) Read(b []byte) (n int, err error) {
	if err := f.check("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	n, e := sysRead(f.fd, b)
	if e != 0 {
		return 0, &PathError{"read", f.name, Errno(e)}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (f *File) Write(b []byte) (n int, err error) {
	if err := f.check("write"); err != nil {
		return 0, err
	}
	n, e := sysWrite(f.fd, b)
	if e != 0 {
		return n, &PathError{"write", f.name, Errno(e)}
	}
	return n, nil
}

func (f *File) WriteString(s string) (n int, err error) { return f.Write([]byte(s)) }

func (f *File) Seek(offset int64, whence int) (int64, error) {
	if err := f.check("seek"); err != nil {
		return 0, err
	}
	off, e := sysSeek(f.fd, offset, whence)
	if e != 0 {
		return 0, &PathError{"seek", f.name, Errno(e)}
	}
	return off, nil
}

func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{"close", f.name, ErrClosed}
	}
	f.closed = true
	if e := sysClose(f.fd); e != 0 {
		return &PathError{"close", f.name, Errno(e)}
	}
	return nil
}

// Sync is a no-op here (the runtime does not buffer files).
func (f *File) Sync() error { return f.check("sync") }

// OpenFile opens name with flag (O_RDONLY...) and, when it creates the
// file, permission bits perm.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := sysOpen(name, flag, uint32(perm))
	if e != 0 {
		return nil, &PathError{"open", name, Errno(e)}
	}
	return &File{fd: fd, name: name}, nil
}

func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// ReadFile reads the whole file.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return b, err
}

// WriteFile writes data to name, creating it (perm) or truncating it.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

func Remove(name string) error {
	if e := sysRemove(name); e != 0 {
		return &PathError{"remove", name, Errno(e)}
	}
	return nil
}

func Mkdir(name string, perm FileMode) error {
	if e := sysMkdir(name, uint32(perm)); e != 0 {
		return &PathError{"mkdir", name, Errno(e)}
	}
	return nil
}

// TempDir is $TMPDIR, or /tmp.
func TempDir() string {
	if d := Getenv("TMPDIR"); d != "" {
		return d
	}
	return "/tmp"
}

// A FileInfo describes a file (Stat's result).
type FileInfo interface {
	Name() string
	Size() int64
	Mode() FileMode
	IsDir() bool
}

type fileStat struct {
	name string
	size int64
	mode FileMode
}

func (fs *fileStat) Name() string   { return fs.name }
func (fs *fileStat) Size() int64    { return fs.size }
func (fs *fileStat) Mode() FileMode { return fs.mode }
func (fs *fileStat) IsDir() bool    { return fs.mode.IsDir() }

func Stat(name string) (FileInfo, error) {
	size, mode, _, e := sysStat(name)
	if e != 0 {
		return nil, &PathError{"stat", name, Errno(e)}
	}
	base := name
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			base = name[i+1:]
			break
		}
	}
	return &fileStat{base, size, FileMode(mode)}, nil
}
