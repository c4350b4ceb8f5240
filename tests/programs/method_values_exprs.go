package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a Account) Describe() string { return fmt.Sprintf("%s:%d", a.Owner, a.Balance) }
func (a *Account) Deposit(n int)   { a.Balance += n }
func (a Account) WithBonus(n int) int {
	return a.Balance + n
}

type Shape interface {
	Area() int
	Name() string
}

type Sq struct{ S int }

func (s Sq) Area() int    { return s.S * s.S }
func (s Sq) Name() string { return "sq" }
func (s *Sq) Grow(by int) { s.S += by }

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

func main() {
	acct := Account{"ann", 100}

	// a method value with a value receiver copies the receiver now
	desc := acct.Describe
	acct.Balance = 200
	fmt.Println(desc(), acct.Describe())

	// a method value with a pointer receiver binds &acct
	dep := acct.Deposit
	dep(5)
	dep(5)
	fmt.Println(acct.Balance)

	// through a pointer, a value-method value still copies *p at binding time
	p := &acct
	pdesc := p.Describe
	p.Balance = 1
	fmt.Println(pdesc(), p.Describe())

	// method expressions: the receiver becomes the first parameter
	fd := Account.Describe
	fdep := (*Account).Deposit
	fpd := (*Account).Describe // value method through the pointer type
	fb := Account.WithBonus
	fdep(&acct, 9)
	fmt.Println(fd(acct), fpd(&acct), fb(acct, 1000))
	fmt.Printf("%T\n%T\n%T\n", fd, fdep, fb)

	// interface method values and expressions
	var s Shape = Sq{3}
	area := s.Area
	s = Sq{10}
	fmt.Println(area(), s.Area())
	ia := Shape.Area
	in := Shape.Name
	fmt.Println(ia(Sq{4}), in(Sq{1}), ia(s))
	fmt.Printf("%T\n", ia)

	// method values stored in slices and passed around
	sq := &Sq{1}
	grow := sq.Grow
	steps := []func(int){grow, grow, sq.Grow}
	for i, st := range steps {
		st(i + 1)
	}
	fmt.Println(sq.S, sq.Area())

	// a slice of method values over different receivers
	shapes := []Sq{{1}, {2}, {3}}
	var areas []func() int
	for _, sh := range shapes {
		areas = append(areas, sh.Area)
	}
	for i := range shapes {
		areas = append(areas, shapes[i].Area)
	}
	shapes[0].S = 50
	for _, f := range areas {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// methods on function types
	double := Op(func(x int) int { return x * 2 })
	fmt.Println(double.Twice(3), Op.Twice(double, 5))
	tw := double.Twice
	fmt.Println(tw(1))

	// method value of an embedded-free struct held in an interface, via assertion
	if sqv, ok := s.(Sq); ok {
		f := sqv.Area
		sqv.S = 0
		fmt.Println(f(), sqv.Area())
	}

	// comparing results of method calls, and calling on composite literals
	fmt.Println(Sq{2}.Area() == Sq{2}.Area(), Account{"x", 1}.Describe())
	(&Sq{7}).Grow(1)
	fmt.Println((&Sq{7}).Area())
}
