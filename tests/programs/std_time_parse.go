package main

import (
	"errors"
	"fmt"
	"time"
)

// time.Parse and ParseInLocation over many layouts, fractional seconds,
// zones (UTC and fixed offsets only: the local zone is the machine's),
// and error cases, whose messages print as Go's.

func show(t time.Time, err error) {
	if err != nil {
		var pe *time.ParseError
		fmt.Printf("  error: %v (ParseError: %v)\n", err, errors.As(err, &pe))
		return
	}
	name, off := t.Zone()
	fmt.Printf("  %s | unix=%d ns=%d zone=%q %d | %s\n", t.Format(time.RFC3339Nano), t.Unix(), t.Nanosecond(), name, off, t.Weekday())
}

func main() {
	utc := []struct{ layout, value string }{
		{time.RFC3339, "2024-02-29T13:45:07Z"},
		{time.RFC3339, "2024-02-29T13:45:07.123456Z"},
		{time.RFC3339, "1999-12-31T23:59:59,5Z"},
		{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z"},
		{time.RFC3339Nano, "2006-01-02T15:04:05.1234567891234Z"},
		{time.RFC3339, "2024-02-30T13:45:07Z"},
		{time.RFC3339, "2024-13-01T00:00:00Z"},
		{time.RFC3339, "2024-01-01T24:00:00Z"},
		{time.RFC3339, "2024-01-01"},
		{time.RFC3339, "2024-01-01T10:00:00"},
		{time.RFC3339, "2024-01-01T10:00:00Zjunk"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC"},
		{time.RFC1123, "thu, 29 FEB 2024 01:02:03 UTC"},
		{time.RFC1123, "Thx, 29 Feb 2024 01:02:03 UTC"},
		{time.RFC1123, "Thu, 29 Fex 2024 01:02:03 UTC"},
		{time.RFC1123, "Thu, 29 Feb 2024 01:02:03 Utc"},
		{time.RFC1123Z, "Thu, 29 Feb 2024 01:02:03 +05x0"},
		{time.RFC822, "02 Jan 06 15:04 UTC"},
		{time.RFC822, "02 Jan 70 15:04 UTC"},
		{time.RFC822, "02 Jan 68 15:04 UTC"},
		{time.RFC850, "Monday, 02-Jan-06 15:04:05 UTC"},
		{time.ANSIC, "Mon Jan  2 15:04:05 2006"},
		{time.ANSIC, "Mon Jan 12 15:04:05 2006"},
		{time.UnixDate, "Sat Mar  7 11:06:39 UTC 2015"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:00AM"},
		{time.Kitchen, "12:30PM"},
		{time.Kitchen, "13:04PM"},
		{time.Kitchen, "3:04XM"},
		{time.Kitchen, "3:4PM"},
		{time.Kitchen, "3:60PM"},
		{time.DateTime, "2023-07-04 09:08:07"},
		{time.DateTime, "2023-07-04 09:08:07.25"},
		{time.DateTime, "2023-07-04  09:08:07"},
		{time.DateTime, "2023-7-04 09:08:07"},
		{time.DateTime, "2023-07-04 09:08:61"},
		{time.DateTime, "2023-02-29 09:08:07"},
		{time.DateTime, "2023-04-31 00:00:00"},
		{time.DateTime, "2023-07-04"},
		{time.DateTime, "2023-07-04 09:08:07 extra"},
		{time.DateOnly, "0000-01-01"},
		{time.DateOnly, "9999-12-31"},
		{time.DateOnly, "+999-12-31"},
		{time.DateOnly, "2024-00-10"},
		{time.DateOnly, "20x4-01-10"},
		{time.TimeOnly, "23:59:59"},
		{time.TimeOnly, "24:00:00"},
		{time.Stamp, "Jan  2 15:04:05"},
		{time.StampMilli, "Jan  2 15:04:05.123"},
		{time.StampMilli, "Jan  2 15:04:05.12"},
		{time.StampMicro, "Jan  2 15:04:05.123456"},
		{time.StampNano, "Jan  2 15:04:05.123456789"},
		{"2006-01-02 15:04:05.000", "2021-11-11 11:11:11.001"},
		{"2006-01-02 15:04:05.999", "2021-11-11 11:11:11"},
		{"2006-01-02 15:04:05.999", "2021-11-11 11:11:11.5"},
		{"2006-01-02 15:04:05.999", "2021-11-11 11:11:11.123456"},
		{"2006-01-02 15:04:05,000", "2021-11-11 11:11:11,001"},
		{"2006-01-02 15:04:05", "2021-11-11 11:11:11.-1"},
		{"January 2, 2006", "February 29, 2000"},
		{"January 2, 2006", "February 29, 1900"},
		{"January 2, 2006", "Febuary 2, 2000"},
		{"Monday, January 2 2006", "friday, march 3 2023"},
		{"02/01/06 3pm", "25/12/99 11pm"},
		{"02/01/06 3pm", "25/12/99 11PM"},
		{"03:04:05 PM", "12:00:00 AM"},
		{"03:04:05 PM", "00:00:00 AM"},
		{"2006.002", "2024.060"},
		{"2006.002", "2023.060"},
		{"2006.002", "2024.366"},
		{"2006.002", "2023.366"},
		{"2006.002", "2023.000"},
		{"2006 __2", "2023  45"},
		{"2006-01-02 002", "2024-03-01 061"},
		{"2006-01-02 002", "2024-03-02 061"},
		{"2006-01-02 002", "2024-04-01 061"},
		{"_2 Jan 2006", " 5 Mar 2010"},
		{"_2006", "_2023"},
		{"Jan _2", "Feb  3"},
		{"Month 2006", "Month 2019"},
		{"Jane 2006", "Jane 1984"},
		{"Mondays 2", "Mondays 7"},
		{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05+25:00"},
		{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05*07:00"},
		{"15:04:05 -0700", "10:00:00 -0761"},
		{"15:04:05 -070000", "10:00:00 -073061"},
		{"", ""},
		{"", "x"},
		{"2006", ""},
		{"2006\t01", "2006\t01"},
		{"06 01 02", "a\"b\\c\x01é"},
		{"Jan 2006", "Jan 2006 \xff"},
	}
	for _, c := range utc {
		fmt.Printf("Parse(%q, %q)\n", c.layout, c.value)
		show(time.Parse(c.layout, c.value))
	}

	// Zones: fixed offsets and abbreviations in a given location.
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+1800)
	locs := []*time.Location{time.UTC, est, ist}
	zoned := []struct{ layout, value string }{
		{time.RFC3339, "2024-06-01T12:00:00-05:00"},
		{time.RFC3339, "2024-06-01T12:00:00+05:30"},
		{time.RFC3339, "2024-06-01T12:00:00+00:00"},
		{time.RFC3339, "2024-06-01T12:00:00Z"},
		{time.RFC3339, "2024-06-01T12:00:00"},
		{time.RFC3339Nano, "2024-06-01T12:00:00.5-05:00"},
		{time.RFC1123, "Sat, 01 Jun 2024 12:00:00 EST"},
		{time.RFC1123, "Sat, 01 Jun 2024 12:00:00 IST"},
		{time.RFC1123, "Sat, 01 Jun 2024 12:00:00 UTC"},
		{time.RFC1123, "Sat, 01 Jun 2024 12:00:00 PDT"},
		{time.RFC1123Z, "Sat, 01 Jun 2024 12:00:00 -0500"},
		{time.RFC1123Z, "Sat, 01 Jun 2024 12:00:00 +0530"},
		{"2006-01-02 15:04 -07", "2024-06-01 12:00 -05"},
		{"2006-01-02 15:04 Z07", "2024-06-01 12:00 Z"},
		{"2006-01-02 15:04 Z0700", "2024-06-01 12:00 +0530"},
		{"2006-01-02 15:04 -07:00:00", "2024-06-01 12:00 +05:30:15"},
		{"2006-01-02 15:04 Z07:00:00", "2024-06-01 12:00 Z"},
		{"2006-01-02 15:04 -0700 MST", "2024-06-01 12:00 -0500 EST"},
		{"2006-01-02 15:04 -0700 MST", "2024-06-01 12:00 -0500 CDT"},
		{"2006-01-02 15:04 MST", "2024-06-01 12:00 -03"},
		{"2006-01-02 15:04 MST", "2024-06-01 12:00 ChST"},
		{"2006-01-02 15:04 MST", "2024-06-01 12:00 ACWST"},
		{"2006-01-02 15:04", "2024-06-01 12:00"},
		{time.RFC1123, "Thu, 29 Feb 2024 01:02:03 GMT"},
		{time.RFC1123, "Thu, 29 Feb 2024 01:02:03 GMT+3"},
		{time.RFC1123, "Thu, 29 Feb 2024 01:02:03 XYZ"},
		{time.RFC1123Z, "Thu, 29 Feb 2024 01:02:03 +0000"},
		{time.RubyDate, "Sat Mar 07 11:06:39 +0000 2015"},
	}
	for _, c := range zoned {
		for _, loc := range locs {
			fmt.Printf("ParseInLocation(%q, %q, %s)\n", c.layout, c.value, loc)
			t, err := time.ParseInLocation(c.layout, c.value, loc)
			show(t, err)
			if err == nil {
				fmt.Printf("  in UTC: %s; location %s\n", t.UTC().Format(time.DateTime), t.Location())
			}
		}
	}

	// Parse with a zone in the value: the instant does not depend on the
	// machine's zone.
	for _, v := range []string{"2024-06-01T12:00:00+05:30", "2024-06-01T12:00:00Z", "2024-06-01T12:00:00.25-03:00"} {
		t, err := time.Parse(time.RFC3339, v)
		fmt.Println(v, t.Unix(), t.UTC().Format(time.RFC3339Nano), err)
	}

	// Round trips through Format.
	ref := time.Date(2009, time.November, 10, 23, 4, 5, 120000000, time.FixedZone("", -7*3600))
	for _, layout := range []string{time.RFC3339Nano, time.RFC1123Z, time.RubyDate, time.DateTime + ".000 -07:00", "Monday 2 January 2006 3:04:05.999999 pm -0700"} {
		s := ref.Format(layout)
		t, err := time.Parse(layout, s)
		fmt.Printf("%s -> %q -> %v %v\n", layout, s, t.Equal(ref) || t.Format(layout) == s, err)
	}

	// The error value.
	_, err := time.Parse(time.DateOnly, "2024-1-05")
	if pe, ok := err.(*time.ParseError); ok {
		fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
	}
	_, err = time.Parse(time.DateOnly, "2024-02-31")
	if pe, ok := err.(*time.ParseError); ok {
		fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
	}
	fmt.Println(time.Parse(time.DateOnly, "2024-01-05"))
}
