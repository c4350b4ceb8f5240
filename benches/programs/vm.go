package main

import "fmt"

// A stack-based bytecode virtual machine whose program is a slice of Instr
// values, each instruction type executing itself. A small assembler turns
// text with labels into instructions; the programs count primes with a
// sieve-free trial division, sum a Collatz table, and run nested loops.

// Limit is the argument each program is run with.
const Limit = 120000 // test: 600

type VM struct {
	stack  []int
	locals []int
	pc     int
	steps  int
	out    []int
	halted bool
}

func (vm *VM) push(v int) { vm.stack = append(vm.stack, v) }

func (vm *VM) pop() int {
	n := len(vm.stack) - 1
	v := vm.stack[n]
	vm.stack = vm.stack[:n]
	return v
}

type Instr interface {
	Exec(vm *VM)
}

type Push struct{ Value int }
type Load struct{ Slot int }
type Store struct{ Slot int }
type Add struct{}
type Sub struct{}
type Mul struct{}
type Div struct{}
type Mod struct{}
type Lt struct{}
type Eq struct{}
type Dup struct{}
type Pop struct{}
type Jmp struct{ Target int }
type JmpIfZero struct{ Target int }
type JmpIfNotZero struct{ Target int }
type Inc struct{ Slot int }
type Print struct{}
type Halt struct{}

func (i *Push) Exec(vm *VM)  { vm.push(i.Value); vm.pc++ }
func (i *Load) Exec(vm *VM)  { vm.push(vm.locals[i.Slot]); vm.pc++ }
func (i *Store) Exec(vm *VM) { vm.locals[i.Slot] = vm.pop(); vm.pc++ }
func (i *Inc) Exec(vm *VM)   { vm.locals[i.Slot]++; vm.pc++ }
func (i *Dup) Exec(vm *VM)   { vm.push(vm.stack[len(vm.stack)-1]); vm.pc++ }
func (i *Pop) Exec(vm *VM)   { vm.pop(); vm.pc++ }
func (i *Print) Exec(vm *VM) { vm.out = append(vm.out, vm.pop()); vm.pc++ }
func (i *Halt) Exec(vm *VM)  { vm.halted = true }
func (i *Jmp) Exec(vm *VM)   { vm.pc = i.Target }

func (i *Add) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	vm.push(a + b)
	vm.pc++
}

func (i *Sub) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	vm.push(a - b)
	vm.pc++
}

func (i *Mul) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	vm.push(a * b)
	vm.pc++
}

func (i *Div) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	vm.push(a / b)
	vm.pc++
}

func (i *Mod) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	vm.push(a % b)
	vm.pc++
}

func (i *Lt) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	if a < b {
		vm.push(1)
	} else {
		vm.push(0)
	}
	vm.pc++
}

func (i *Eq) Exec(vm *VM) {
	b, a := vm.pop(), vm.pop()
	if a == b {
		vm.push(1)
	} else {
		vm.push(0)
	}
	vm.pc++
}

func (i *JmpIfZero) Exec(vm *VM) {
	if vm.pop() == 0 {
		vm.pc = i.Target
	} else {
		vm.pc++
	}
}

func (i *JmpIfNotZero) Exec(vm *VM) {
	if vm.pop() != 0 {
		vm.pc = i.Target
	} else {
		vm.pc++
	}
}

// Run executes prog from its first instruction until Halt.
func (vm *VM) Run(prog []Instr) {
	vm.pc = 0
	vm.halted = false
	for !vm.halted {
		prog[vm.pc].Exec(vm)
		vm.steps++
	}
}

// Assembly: one instruction per line, `name:` defines a label, operands
// are numbers or labels.

func fields(line string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(line); i++ {
		if i == len(line) || line[i] == ' ' || line[i] == '\t' {
			if start >= 0 {
				out = append(out, line[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func lines(src string) []string {
	var out []string
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			out = append(out, src[start:i])
			start = i + 1
		}
	}
	return append(out, src[start:])
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

type label struct {
	name string
	pc   int
}

func assemble(src string) []Instr {
	var labels []label
	var code [][]string
	for _, l := range lines(src) {
		f := fields(l)
		if len(f) == 0 || f[0][0] == ';' {
			continue
		}
		if name := f[0]; name[len(name)-1] == ':' {
			labels = append(labels, label{name[:len(name)-1], len(code)})
			continue
		}
		code = append(code, f)
	}
	operand := func(f []string) int {
		if len(f) < 2 {
			panic("missing operand for " + f[0])
		}
		if n, ok := atoi(f[1]); ok {
			return n
		}
		for _, l := range labels {
			if l.name == f[1] {
				return l.pc
			}
		}
		panic("unknown label " + f[1])
	}
	prog := make([]Instr, 0, len(code))
	for _, f := range code {
		var in Instr
		switch f[0] {
		case "push":
			in = &Push{operand(f)}
		case "load":
			in = &Load{operand(f)}
		case "store":
			in = &Store{operand(f)}
		case "inc":
			in = &Inc{operand(f)}
		case "add":
			in = &Add{}
		case "sub":
			in = &Sub{}
		case "mul":
			in = &Mul{}
		case "div":
			in = &Div{}
		case "mod":
			in = &Mod{}
		case "lt":
			in = &Lt{}
		case "eq":
			in = &Eq{}
		case "dup":
			in = &Dup{}
		case "pop":
			in = &Pop{}
		case "jmp":
			in = &Jmp{operand(f)}
		case "jz":
			in = &JmpIfZero{operand(f)}
		case "jnz":
			in = &JmpIfNotZero{operand(f)}
		case "print":
			in = &Print{}
		case "halt":
			in = &Halt{}
		default:
			panic("unknown instruction " + f[0])
		}
		prog = append(prog, in)
	}
	return prog
}

// primes counts the primes below locals[0] by trial division.
// locals: 0 limit, 1 n, 2 d, 3 count
const primes = `
	push 2
	store 1
	push 0
	store 3
outer:
	load 1
	load 0
	lt
	jz done
	push 2
	store 2
inner:
	load 2
	load 2
	mul
	load 1
	lt
	load 2
	load 2
	mul
	load 1
	eq
	add
	jz prime
	load 1
	load 2
	mod
	jz composite
	inc 2
	jmp inner
prime:
	inc 3
composite:
	inc 1
	jmp outer
done:
	load 3
	print
	halt
`

// collatz sums the Collatz stopping times of 1..locals[0]-1.
// locals: 0 limit, 1 n, 2 x, 3 total
const collatz = `
	push 1
	store 1
	push 0
	store 3
next:
	load 1
	load 0
	lt
	jz done
	load 1
	store 2
step:
	load 2
	push 1
	eq
	jnz stop
	inc 3
	load 2
	push 2
	mod
	jz even
	load 2
	push 3
	mul
	push 1
	add
	store 2
	jmp step
even:
	load 2
	push 2
	div
	store 2
	jmp step
stop:
	inc 1
	jmp next
done:
	load 3
	print
	halt
`

// triangle computes sum over i < limit/64, j < i of (i*j) % 7.
// locals: 0 limit, 1 i, 2 j, 3 total, 4 rows
const triangle = `
	load 0
	push 64
	div
	store 4
	push 0
	store 1
	push 0
	store 3
rows:
	load 1
	load 4
	lt
	jz done
	push 0
	store 2
cols:
	load 2
	load 1
	lt
	jz endrow
	load 3
	load 1
	load 2
	mul
	push 7
	mod
	add
	store 3
	inc 2
	jmp cols
endrow:
	inc 1
	jmp rows
done:
	load 3
	print
	halt
`

func main() {
	names := []string{"primes", "collatz", "triangle"}
	sources := []string{primes, collatz, triangle}
	total := 0
	steps := 0
	for k, src := range sources {
		prog := assemble(src)
		vm := &VM{locals: make([]int, 8), stack: make([]int, 0, 16)}
		vm.locals[0] = Limit
		vm.Run(prog)
		fmt.Println(names[k], len(prog), "instructions:", vm.out, "in", vm.steps, "steps")
		for _, v := range vm.out {
			total = total*31 + v
		}
		steps += vm.steps
	}
	fmt.Println("steps:", steps)
	fmt.Println("checksum:", total)
}
