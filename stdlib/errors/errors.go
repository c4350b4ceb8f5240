// Package errors: making, wrapping and inspecting errors, as Go's.
package errors

// New returns an error whose Error method returns text: a
// *errors.errorString, the runtime's (fmt.Errorf makes the same).
func New(text string) error

// typeComparable reports whether v's dynamic type has == (the runtime's).
func typeComparable(v any) bool

// ErrUnsupported indicates an operation that cannot be performed.
var ErrUnsupported = New("unsupported operation")

// Unwrap returns the error err wraps (its Unwrap() error), or nil.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's tree matches target: equal to
// it, or with an Is(error) bool method that says so.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, typeComparable(target))
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && typeComparable(err) && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err != nil && is(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// Join returns an error wrapping the non-nil errs (nil when there are
// none); its text is theirs, one per line.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error { return e.errs }

// checkTarget says whether target suits As: 0 yes, 1 it is no non-nil
// pointer, 2 it points to neither an interface nor an error type (the
// runtime's, which knows types).
func checkTarget(target any) int

// asTarget stores err in *target and reports true when err's dynamic
// type is assignable to *target's type (the runtime's).
func asTarget(err error, target any) bool

// As finds the first error in err's tree assignable to the type target
// points to (or whose As(any) bool method says so), stores it there and
// reports true.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	switch checkTarget(target) {
	case 1:
		panic("errors: target must be a non-nil pointer")
	case 2:
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if asTarget(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}
