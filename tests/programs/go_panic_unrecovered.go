package main

import "fmt"

// A panic in a non-main goroutine that is not recovered kills the whole
// program (exit status 2), even though main is blocked elsewhere.

type Task struct {
	ID   int
	Data []int
}

func process(t Task, out chan<- int) {
	sum := 0
	for i := 0; i <= len(t.Data); i++ {
		if i == len(t.Data) && t.ID == 3 {
			panic(fmt.Sprintf("task %d: bad data", t.ID))
		}
		if i < len(t.Data) {
			sum += t.Data[i]
		}
	}
	out <- sum
}

func worker(tasks <-chan Task, out chan<- int) {
	for t := range tasks {
		process(t, out)
	}
}

func main() {
	tasks := make(chan Task)
	out := make(chan int)
	go worker(tasks, out)
	for id := 1; id <= 5; id++ {
		tasks <- Task{id, []int{id, id * 2, id * 3}}
		fmt.Println("task", id, "sum", <-out)
	}
	fmt.Println("never printed")
}
