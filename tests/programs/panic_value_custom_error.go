package main

import "fmt"

type ValidationError struct {
	Field string
	Value int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", e.Field, e.Value)
}

func validate(age int) {
	if age < 0 || age > 150 {
		panic(&ValidationError{"age", age})
	}
	fmt.Println("age ok:", age)
}

func main() {
	validate(42)
	validate(200)
}
