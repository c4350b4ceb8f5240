package main

import "fmt"

type Config struct{ Level int }

type App struct{ cfg *Config }

func (a *App) SetLevel(l int) { a.cfg.Level = l }

func main() {
	ok := &App{cfg: &Config{}}
	ok.SetLevel(3)
	fmt.Println("level", ok.cfg.Level)
	broken := &App{}
	broken.SetLevel(4)
	fmt.Println("unreachable")
}
