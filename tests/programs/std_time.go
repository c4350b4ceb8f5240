package main

import (
	"fmt"
	"time"
)

// time: Duration String/Round/Truncate/Hours/Minutes/Seconds,
// ParseDuration with its errors, Date normalization, Format with every
// layout constant and custom layouts in UTC and fixed zones, AddDate,
// Sub, comparisons, Unix/UnixMilli, Weekday/YearDay/ISOWeek; and the
// clock only through properties (Since >= 0), Sleep, After in a select,
// a stopped Timer and a Ticker.

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
	time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen,
	time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, time.DateTime,
	time.DateOnly, time.TimeOnly,
	"Monday January 2 2006 3:4:5 pm", "06/1/2 _2 002 __2 .000 ,999 .9 Z0700 Z07 Z07:00:00 -07 -07:00:00 MST",
	"15h04m05.000000s PM", "2006-01-02T15:04:05.999999999-07:00 Mon Jan", "Jan January 1 01 Mon Monday",
	"literal: yes 2006 (year) 05s .00 ,0000", "",
}

func main() {
	durs := []time.Duration{0, 1, 999, 1000, 1001, 1500, time.Microsecond + 1, 999999, time.Millisecond,
		1234567890, -1234567890, time.Second, 61 * time.Second, time.Hour, 100*time.Hour + 59*time.Second + 1,
		-time.Nanosecond, -90 * time.Minute, 1<<63 - 1, -1 << 63, 2*time.Hour + 30*time.Minute + 500*time.Millisecond}
	for _, d := range durs {
		fmt.Printf("%d %v %s | %.6f %.4f %.9f | %v %v %v %v | %d %d %v\n", int64(d), d, d.String(),
			d.Hours(), d.Minutes(), d.Seconds(), d.Round(time.Millisecond), d.Truncate(time.Second),
			d.Round(time.Hour), d.Truncate(0), d.Milliseconds(), d.Microseconds(), d.Abs())
	}
	fmt.Println(time.Duration(1500).Round(1000), time.Duration(-1500).Round(1000), time.Duration(2500).Round(1000),
		(1<<63 - 1 - time.Duration(1)).Round(time.Hour), time.Duration(-1<<63).Round(time.Hour), time.Duration(7).Round(-1))

	pds := []string{"0", "1h", "1h30m", "-1.5h", "+2m3.5s", "300ms", "1.000000001s", "1us", "1µs", "1μs",
		"2ns", ".5s", "1.s", "1h2m3s4ms5us6ns", "9223372036854775807ns", "9223372036854775808ns",
		"2562047h47m16.854775807s", "2562048h", "-9223372036854775808ns", "", "1", "h", "1x", "1.2.3s", "-", ".s",
		"1hh", "3000000h", "0.0000000001s", "1e3s", " 1s"}
	for _, s := range pds {
		d, err := time.ParseDuration(s)
		fmt.Printf("ParseDuration(%q) = %v %v\n", s, d, err)
	}

	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("", 5*3600+1800)
	odd := time.FixedZone("ODD", -(3*3600 + 25*60 + 7))
	dates := []time.Time{
		time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC),
		time.Date(1999, time.December, 31, 23, 59, 59, 999999999, est),
		time.Date(2000, time.January, 1, 0, 0, 0, 0, ist),
		time.Date(1970, time.January, 1, 0, 0, 0, 1000, odd),
		time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC),
		time.Date(12345, time.July, 4, 9, 8, 7, 6, time.UTC),
		time.Date(-44, time.March, 15, 11, 0, 0, 0, time.UTC),
	}
	for i, t := range dates {
		fmt.Println("date", i, t, t.Unix(), t.UnixMilli(), t.UnixNano()%1000000000)
		for _, l := range layouts {
			fmt.Printf("  %q\n", t.Format(l))
		}
		y, w := t.ISOWeek()
		name, off := t.Zone()
		fmt.Println("  ", t.Weekday(), t.YearDay(), y, w, name, off, t.Location(), t.UTC(), t.In(est).Format(time.RFC3339Nano))
	}

	// Normalization: month 13, day 0, negative fields, Feb 29 on non-leap years.
	norm := [][6]int{{2023, 13, 1, 0, 0, 0}, {2024, 3, 0, 0, 0, 0}, {2023, 2, 29, 0, 0, 0}, {2020, 1, 1, -1, 0, 0},
		{2020, 1, 1, 24, 60, 60}, {2020, 0, 0, 0, 0, -1}, {2019, -11, 400, 0, 0, 0}, {1900, 2, 29, 0, 0, 0}}
	for _, n := range norm {
		t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], -1, time.UTC)
		fmt.Println("Date", n, "=", t.Format(time.RFC3339Nano))
	}

	base := time.Date(2024, time.January, 31, 10, 0, 0, 0, time.UTC)
	for _, ad := range [][3]int{{0, 1, 0}, {1, 1, 0}, {0, 0, 366}, {-1, -1, -31}, {0, 13, 0}, {4, 0, 29}} {
		fmt.Println("AddDate", ad, base.AddDate(ad[0], ad[1], ad[2]).Format(time.DateOnly))
	}
	a, b := dates[1], dates[2]
	fmt.Println(a.Sub(b), b.Sub(a), a.Before(b), a.After(b), a.Equal(b), a.Compare(b),
		b.Equal(time.Date(1999, time.December, 31, 18, 30, 0, 0, time.UTC)), b.Add(-time.Hour).Format(time.Kitchen))
	fmt.Println(dates[4].Sub(dates[5]), dates[0].Truncate(time.Hour).Format(time.RFC3339Nano), dates[0].Round(time.Second).Format(time.RFC3339Nano))
	u := time.Unix(1700000000, 5).UTC()
	fmt.Println(u, time.UnixMilli(-1500).UTC(), time.Unix(0, 0).UTC().IsZero(), time.Time{}.IsZero(), time.Time{})
	for m := time.January; m <= time.December+1; m++ {
		fmt.Print(m.String(), " ")
	}
	for d := time.Sunday; d <= time.Saturday+1; d++ {
		fmt.Print(d, " ")
	}
	fmt.Println()

	// A hot loop: walk days over several years, accumulate calendar facts.
	t := time.Date(1996, time.January, 1, 6, 0, 0, 0, time.UTC)
	var acc, weeks int
	for i := 0; i < 4000; i++ {
		t = t.Add(24 * time.Hour)
		y, m, d := t.Date()
		acc += y*3 + int(m)*5 + d + t.YearDay() + int(t.Weekday())
		_, w := t.ISOWeek()
		weeks += w
	}
	fmt.Println("walk", t.Format(time.RFC1123Z), acc, weeks)
	var dsum time.Duration
	for i := 0; i < 3000; i++ {
		d := time.Duration(i*i*7919) * time.Microsecond
		s := d.String()
		back, err := time.ParseDuration(s)
		if err != nil || back != d {
			fmt.Println("round trip failed", s, back, err)
		}
		dsum += d.Round(time.Millisecond) - d.Truncate(time.Millisecond)
	}
	fmt.Println("dsum", dsum)

	// The clock: properties only.
	start := time.Now()
	time.Sleep(3 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("slept enough:", el >= 3*time.Millisecond, time.Until(start) < 0, time.Now().After(start))
	c := make(chan int)
	select {
	case <-c:
		fmt.Println("unexpected")
	case v := <-time.After(2 * time.Millisecond):
		fmt.Println("After fired:", !v.Before(start))
	}
	tm := time.NewTimer(time.Hour)
	fmt.Println("Stop:", tm.Stop(), tm.Stop())
	t2 := time.NewTimer(time.Millisecond)
	<-t2.C
	fmt.Println("fired Stop:", t2.Stop())
	tk := time.NewTicker(2 * time.Millisecond)
	prev := start
	for i := 0; i < 3; i++ {
		tt := <-tk.C
		fmt.Println("tick", i, !tt.Before(prev))
		prev = tt
	}
	tk.Stop()
	fmt.Println("elapsed ok:", time.Since(start) >= 9*time.Millisecond)
}
