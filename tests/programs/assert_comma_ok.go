package main

import "fmt"

type Animal interface{ Sound() string }
type Walker interface{ Walk() string }
type WalkingAnimal interface {
	Animal
	Walker
}

type Dog struct{ Name string }
type Fish struct{ Name string }
type Robot struct{ ID int }

func (d Dog) Sound() string   { return d.Name + " says woof" }
func (d Dog) Walk() string    { return d.Name + " walks" }
func (f *Fish) Sound() string { return f.Name + " says blub" }
func (r Robot) Walk() string  { return fmt.Sprint("robot ", r.ID, " rolls") }

func main() {
	var a Animal = Dog{"rex"}

	// to a concrete type
	d, ok := a.(Dog)
	fmt.Println(d, ok, d.Name)
	f, ok := a.(*Fish)
	fmt.Println(f, ok, f == nil)

	// to an interface type: checks the dynamic type's method set
	w, ok := a.(Walker)
	fmt.Println(ok, w.Walk())
	wa, ok := a.(WalkingAnimal)
	fmt.Println(ok, wa.Sound(), wa.Walk())

	a = &Fish{"nemo"}
	w, ok = a.(Walker)
	fmt.Println(ok, w == nil)
	fish, ok := a.(*Fish)
	fmt.Println(ok, fish.Name)
	_, ok = a.(Dog)
	fmt.Println(ok)

	// failed assertions give zero values
	var x any = 3.5
	i, ok := x.(int)
	s, ok2 := x.(string)
	dg, ok3 := x.(Dog)
	fmt.Printf("%d %v %q %v %+v %v\n", i, ok, s, ok2, dg, ok3)
	fl, ok := x.(float64)
	fmt.Println(fl, ok)

	// on a nil interface every assertion fails
	var none any
	_, ok = none.(int)
	_, ok2 = none.(any)
	_, ok3 = none.(Animal)
	fmt.Println(ok, ok2, ok3)

	// named types are distinct from their underlying types
	type Meters int
	var m any = Meters(5)
	_, isInt := m.(int)
	mv, isMeters := m.(Meters)
	fmt.Println(isInt, isMeters, mv)

	// asserting to any always succeeds for non-nil values
	anyv, ok := x.(any)
	fmt.Println(anyv, ok)

	// typed nil pointer inside an interface: assertion succeeds
	var nilFish *Fish
	a = nilFish
	nf, ok := a.(*Fish)
	fmt.Println(nf == nil, ok, a != nil)

	// value vs pointer dynamic types are different
	var w2 Walker = &Dog{"ptr"}
	_, isVal := w2.(Dog)
	pd, isPtr := w2.(*Dog)
	fmt.Println(isVal, isPtr, pd.Name)
	// *Dog also has Sound, so it is an Animal too
	an, ok := w2.(Animal)
	fmt.Println(ok, an.Sound())

	// single-result assertion in an expression, on success
	var r Walker = Robot{7}
	fmt.Println(r.(Robot).ID, r.(Walker).Walk())

	// assertion in if/else chains with init
	things := []any{Dog{"a"}, &Fish{"b"}, Robot{3}, 42, "s"}
	for _, t := range things {
		if an, ok := t.(Animal); ok {
			fmt.Println("animal:", an.Sound())
		} else if wk, ok := t.(Walker); ok {
			fmt.Println("walker:", wk.Walk())
		} else if n, ok := t.(int); ok && n > 40 {
			fmt.Println("big int", n)
		} else {
			fmt.Printf("other %T\n", t)
		}
	}

	// comma-ok into existing variables and blank
	var cnt int
	for _, t := range things {
		if _, ok = t.(Walker); ok {
			cnt++
		}
	}
	fmt.Println("walkers:", cnt)
}
