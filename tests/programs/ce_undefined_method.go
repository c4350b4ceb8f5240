package main

import "fmt"

type Account struct{ Balance int }

func (a *Account) Deposit(n int) { a.Balance += n }

func main() {
	a := &Account{}
	a.Deposit(5)
	a.Withdraw(2)
	fmt.Println(a.Balance)
}
