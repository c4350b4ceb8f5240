package main

import (
	"errors"
	"fmt"
)

// A bank ledger: accounts with pointer receivers, typed errors, sentinel
// errors, a transaction log replayed through an interface, and a report.

type Cents int64

func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, int64(c/100), int64(c%100))
}

var (
	ErrNoAccount = errors.New("no such account")
	ErrFrozen    = errors.New("account frozen")
	ErrBadAmount = errors.New("amount must be positive")
)

type InsufficientFunds struct {
	Account string
	Need    Cents
	Have    Cents
}

func (e *InsufficientFunds) Error() string {
	return fmt.Sprintf("insufficient funds in %s: need %v, have %v", e.Account, e.Need, e.Have)
}

type LimitExceeded struct {
	Limit Cents
}

func (e LimitExceeded) Error() string { return "daily limit " + e.Limit.String() + " exceeded" }

type Account struct {
	ID        string
	Owner     string
	Balance   Cents
	Frozen    bool
	Withdrawn Cents
	Limit     Cents
}

func (a *Account) Deposit(amt Cents) error {
	if amt <= 0 {
		return ErrBadAmount
	}
	if a.Frozen {
		return ErrFrozen
	}
	a.Balance += amt
	return nil
}

func (a *Account) Withdraw(amt Cents) error {
	switch {
	case amt <= 0:
		return ErrBadAmount
	case a.Frozen:
		return ErrFrozen
	case a.Limit > 0 && a.Withdrawn+amt > a.Limit:
		return LimitExceeded{a.Limit}
	case amt > a.Balance:
		return &InsufficientFunds{a.ID, amt, a.Balance}
	}
	a.Balance -= amt
	a.Withdrawn += amt
	return nil
}

type Bank struct {
	accounts []*Account
	log      []Tx
	failures int
}

func (b *Bank) Open(id, owner string, limit Cents) *Account {
	a := &Account{ID: id, Owner: owner, Limit: limit}
	b.accounts = append(b.accounts, a)
	return a
}

func (b *Bank) Find(id string) (*Account, error) {
	for _, a := range b.accounts {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, fmt.Errorf("find %q: %v", id, ErrNoAccount)
}

type Tx interface {
	Apply(b *Bank) error
	Describe() string
}

type Deposit struct {
	To  string
	Amt Cents
}

type Withdrawal struct {
	From string
	Amt  Cents
}

type Transfer struct {
	From, To string
	Amt      Cents
}

type Freeze struct{ ID string }

func (d Deposit) Apply(b *Bank) error {
	a, err := b.Find(d.To)
	if err != nil {
		return err
	}
	return a.Deposit(d.Amt)
}
func (d Deposit) Describe() string { return fmt.Sprintf("deposit %v to %s", d.Amt, d.To) }

func (w Withdrawal) Apply(b *Bank) error {
	a, err := b.Find(w.From)
	if err != nil {
		return err
	}
	return a.Withdraw(w.Amt)
}
func (w Withdrawal) Describe() string { return fmt.Sprintf("withdraw %v from %s", w.Amt, w.From) }

func (t *Transfer) Apply(b *Bank) error {
	from, err := b.Find(t.From)
	if err != nil {
		return err
	}
	to, err := b.Find(t.To)
	if err != nil {
		return err
	}
	if err := from.Withdraw(t.Amt); err != nil {
		return fmt.Errorf("transfer %s->%s: %v", t.From, t.To, err)
	}
	if err := to.Deposit(t.Amt); err != nil {
		from.Balance += t.Amt // roll back
		from.Withdrawn -= t.Amt
		return fmt.Errorf("transfer %s->%s rolled back: %v", t.From, t.To, err)
	}
	return nil
}
func (t *Transfer) Describe() string { return fmt.Sprintf("transfer %v %s->%s", t.Amt, t.From, t.To) }

func (f Freeze) Apply(b *Bank) error {
	a, err := b.Find(f.ID)
	if err == nil {
		a.Frozen = true
	}
	return err
}
func (f Freeze) Describe() string { return "freeze " + f.ID }

func (b *Bank) Run(txs []Tx) {
	for i, tx := range txs {
		err := tx.Apply(b)
		b.log = append(b.log, tx)
		status := "ok"
		if err != nil {
			b.failures++
			status = "FAILED: " + err.Error()
			switch e := err.(type) {
			case *InsufficientFunds:
				status += fmt.Sprintf(" [short by %v]", e.Need-e.Have)
			case LimitExceeded:
				status += " [limit]"
			}
			if err == ErrFrozen {
				status += " [frozen]"
			}
		}
		fmt.Printf("%2d %-32s %s\n", i+1, tx.Describe(), status)
	}
}

func main() {
	bank := &Bank{}
	bank.Open("A-1", "alice", 0)
	bank.Open("B-2", "bob", 50000)
	bank.Open("C-3", "carol", 0)

	bank.Run([]Tx{
		Deposit{"A-1", 100000},
		Deposit{"B-2", 25050},
		Withdrawal{"A-1", 2599},
		&Transfer{"A-1", "C-3", 30001},
		Withdrawal{"C-3", 40000},
		Withdrawal{"B-2", 20000},
		Withdrawal{"B-2", 5000},
		Deposit{"B-2", 60000},
		Withdrawal{"B-2", 35000},
		Deposit{"Z-9", 100},
		Deposit{"A-1", -5},
		Freeze{"C-3"},
		&Transfer{"A-1", "C-3", 1000},
		Withdrawal{"C-3", 1},
		&Transfer{"B-2", "A-1", 60000},
	})

	fmt.Println("failures:", bank.failures, "log:", len(bank.log))
	var total Cents
	for _, a := range bank.accounts {
		total += a.Balance
		fmt.Printf("%-4s %-6s %12v frozen=%-5t withdrawn=%v\n", a.ID, a.Owner, a.Balance, a.Frozen, a.Withdrawn)
	}
	fmt.Println("total:", total, Cents(-1234), Cents(5))

	// count transaction kinds in the log with a type switch
	var deps, wds, xfers, other int
	for _, tx := range bank.log {
		switch tx.(type) {
		case Deposit:
			deps++
		case Withdrawal:
			wds++
		case *Transfer:
			xfers++
		default:
			other++
		}
	}
	fmt.Println(deps, wds, xfers, other)
	_, err := bank.Find("nobody")
	fmt.Println(err)
	fmt.Printf("%v\n", bank.accounts[1])
}
