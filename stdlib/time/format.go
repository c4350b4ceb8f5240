package time

const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// The elements of a layout.
const (
	stdNone = iota
	stdLongMonth
	stdMonth
	stdNumMonth
	stdZeroMonth
	stdLongWeekDay
	stdWeekDay
	stdDay
	stdUnderDay
	stdZeroDay
	stdUnderYearDay
	stdZeroYearDay
	stdHour
	stdHour12
	stdZeroHour12
	stdMinute
	stdZeroMinute
	stdSecond
	stdZeroSecond
	stdLongYear
	stdYear
	stdPM
	stdpm
	stdTZ
	stdISO8601TZ
	stdISO8601SecondsTZ
	stdISO8601ShortTZ
	stdISO8601ColonTZ
	stdISO8601ColonSecondsTZ
	stdNumTZ
	stdNumSecondsTz
	stdNumShortTZ
	stdNumColonTZ
	stdNumColonSecondsTZ
	stdFracSecond0
	stdFracSecond9
)

func startsWith(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// startsWithLowerCase reports whether s[i] is a lower-case ASCII letter.
func startsWithLowerCase(s string, i int) bool {
	return i < len(s) && 'a' <= s[i] && s[i] <= 'z'
}

func isDigit(s string, i int) bool {
	return i < len(s) && '0' <= s[i] && s[i] <= '9'
}

// nextStd finds the first layout element in layout[i:]: its start, kind,
// length, and (fractional seconds) digits and separator.
func nextStd(layout string, i int) (start, std, n, digits int, sep byte) {
	for ; i < len(layout); i++ {
		switch c := layout[i]; c {
		case 'J':
			if startsWith(layout, i, "January") {
				return i, stdLongMonth, 7, 0, 0
			}
			// ("Jan" not followed by a lower-case letter: not in "Jane".)
			if startsWith(layout, i, "Jan") && !startsWithLowerCase(layout, i+3) {
				return i, stdMonth, 3, 0, 0
			}
		case 'M':
			if startsWith(layout, i, "Monday") {
				return i, stdLongWeekDay, 6, 0, 0
			}
			if startsWith(layout, i, "Mon") && !startsWithLowerCase(layout, i+3) {
				return i, stdWeekDay, 3, 0, 0
			}
			if startsWith(layout, i, "MST") {
				return i, stdTZ, 3, 0, 0
			}
		case '0':
			if i+1 < len(layout) && '1' <= layout[i+1] && layout[i+1] <= '6' {
				return i, []int{stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear}[layout[i+1]-'1'], 2, 0, 0
			}
			if startsWith(layout, i, "002") {
				return i, stdZeroYearDay, 3, 0, 0
			}
		case '1':
			if startsWith(layout, i, "15") {
				return i, stdHour, 2, 0, 0
			}
			return i, stdNumMonth, 1, 0, 0
		case '2':
			if startsWith(layout, i, "2006") {
				return i, stdLongYear, 4, 0, 0
			}
			return i, stdDay, 1, 0, 0
		case '_':
			if startsWith(layout, i, "_2") {
				if startsWith(layout, i+1, "2006") {
					// "_2006" is "_" and a year.
					return i + 1, stdLongYear, 4, 0, 0
				}
				return i, stdUnderDay, 2, 0, 0
			}
			if startsWith(layout, i, "__2") {
				return i, stdUnderYearDay, 3, 0, 0
			}
		case '3':
			return i, stdHour12, 1, 0, 0
		case '4':
			return i, stdMinute, 1, 0, 0
		case '5':
			return i, stdSecond, 1, 0, 0
		case 'P':
			if startsWith(layout, i, "PM") {
				return i, stdPM, 2, 0, 0
			}
		case 'p':
			if startsWith(layout, i, "pm") {
				return i, stdpm, 2, 0, 0
			}
		case '-':
			switch {
			case startsWith(layout, i, "-070000"):
				return i, stdNumSecondsTz, 7, 0, 0
			case startsWith(layout, i, "-07:00:00"):
				return i, stdNumColonSecondsTZ, 9, 0, 0
			case startsWith(layout, i, "-0700"):
				return i, stdNumTZ, 5, 0, 0
			case startsWith(layout, i, "-07:00"):
				return i, stdNumColonTZ, 6, 0, 0
			case startsWith(layout, i, "-07"):
				return i, stdNumShortTZ, 3, 0, 0
			}
		case 'Z':
			switch {
			case startsWith(layout, i, "Z070000"):
				return i, stdISO8601SecondsTZ, 7, 0, 0
			case startsWith(layout, i, "Z07:00:00"):
				return i, stdISO8601ColonSecondsTZ, 9, 0, 0
			case startsWith(layout, i, "Z0700"):
				return i, stdISO8601TZ, 5, 0, 0
			case startsWith(layout, i, "Z07:00"):
				return i, stdISO8601ColonTZ, 6, 0, 0
			case startsWith(layout, i, "Z07"):
				return i, stdISO8601ShortTZ, 3, 0, 0
			}
		case '.', ',':
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				ch := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == ch {
					j++
				}
				if !isDigit(layout, j) {
					std := stdFracSecond0
					if ch == '9' {
						std = stdFracSecond9
					}
					return i, std, j - i, j - (i + 1), c
				}
			}
		}
	}
	return len(layout), stdNone, 0, 0, 0
}

func appendInt(b []byte, x int, width int) []byte {
	u := uint(x)
	if x < 0 {
		b = append(b, '-')
		u = uint(-x)
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 {
		i--
		buf[i] = byte(u%10) + '0'
		u /= 10
	}
	i--
	buf[i] = byte(u) + '0'
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

func appendNano(b []byte, nanosec int, digits int, trim bool, sep byte) []byte {
	u := nanosec
	var buf [9]byte
	for start := len(buf); start > 0; {
		start--
		buf[start] = byte(u%10) + '0'
		u /= 10
	}
	if digits > 9 {
		digits = 9
	}
	if trim {
		for digits > 0 && buf[digits-1] == '0' {
			digits--
		}
		if digits == 0 {
			return b
		}
	}
	b = append(b, sep)
	return append(b, buf[:digits]...)
}

// Format writes t by layout, Go's reference time "Mon Jan 2 15:04:05
// MST 2006" written as t should be.
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(nil, layout))
}

func (t Time) AppendFormat(b []byte, layout string) []byte {
	name, offset := t.Zone()
	year, month, day, yday := t.date()
	hour, min, sec := t.Clock()
	for layout != "" {
		start, std, n, digits, sep := nextStd(layout, 0)
		b = append(b, layout[:start]...)
		if std == stdNone {
			break
		}
		layout = layout[start+n:]
		switch std {
		case stdYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y%100, 2)
		case stdLongYear:
			b = appendInt(b, year, 4)
		case stdMonth:
			b = append(b, month.String()[:3]...)
		case stdLongMonth:
			b = append(b, month.String()...)
		case stdNumMonth:
			b = appendInt(b, int(month), 0)
		case stdZeroMonth:
			b = appendInt(b, int(month), 2)
		case stdWeekDay:
			b = append(b, t.Weekday().String()[:3]...)
		case stdLongWeekDay:
			b = append(b, t.Weekday().String()...)
		case stdDay:
			b = appendInt(b, day, 0)
		case stdUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendInt(b, day, 0)
		case stdZeroDay:
			b = appendInt(b, day, 2)
		case stdUnderYearDay:
			if yday < 100 {
				b = append(b, ' ')
				if yday < 10 {
					b = append(b, ' ')
				}
			}
			b = appendInt(b, yday, 0)
		case stdZeroYearDay:
			b = appendInt(b, yday, 3)
		case stdHour:
			b = appendInt(b, hour, 2)
		case stdHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			b = appendInt(b, hr, 0)
		case stdZeroHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			b = appendInt(b, hr, 2)
		case stdMinute:
			b = appendInt(b, min, 0)
		case stdZeroMinute:
			b = appendInt(b, min, 2)
		case stdSecond:
			b = appendInt(b, sec, 0)
		case stdZeroSecond:
			b = appendInt(b, sec, 2)
		case stdPM:
			if hour >= 12 {
				b = append(b, "PM"...)
			} else {
				b = append(b, "AM"...)
			}
		case stdpm:
			if hour >= 12 {
				b = append(b, "pm"...)
			} else {
				b = append(b, "am"...)
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecondsTZ, stdNumTZ, stdNumColonTZ, stdNumSecondsTz, stdNumShortTZ, stdNumColonSecondsTZ:
			if offset == 0 && (std == stdISO8601TZ || std == stdISO8601ColonTZ || std == stdISO8601SecondsTZ || std == stdISO8601ShortTZ || std == stdISO8601ColonSecondsTZ) {
				b = append(b, 'Z')
				break
			}
			zone := offset / 60
			absoffset := offset
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
				absoffset = -absoffset
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			if std == stdISO8601ColonTZ || std == stdNumColonTZ || std == stdISO8601ColonSecondsTZ || std == stdNumColonSecondsTZ {
				b = append(b, ':')
			}
			if std != stdNumShortTZ && std != stdISO8601ShortTZ {
				b = appendInt(b, zone%60, 2)
			}
			if std == stdISO8601SecondsTZ || std == stdNumSecondsTz || std == stdNumColonSecondsTZ || std == stdISO8601ColonSecondsTZ {
				if std == stdNumColonSecondsTZ || std == stdISO8601ColonSecondsTZ {
					b = append(b, ':')
				}
				b = appendInt(b, absoffset%60, 2)
			}
		case stdTZ:
			if name != "" {
				b = append(b, name...)
				break
			}
			zone := offset / 60
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			b = appendInt(b, zone%60, 2)
		case stdFracSecond0:
			b = appendNano(b, int(t.nsec), digits, false, sep)
		case stdFracSecond9:
			b = appendNano(b, int(t.nsec), digits, true, sep)
		}
	}
	return b
}

// String formats t as "2006-01-02 15:04:05.999999999 -0700 MST", with
// the monotonic reading as " m=±S.NNNNNNNNN" when t has one.
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		m := t.mono - 1
		sign := byte('+')
		if m < 0 {
			sign = '-'
			m = -m
		}
		b := []byte(" m=")
		b = append(b, sign)
		b = appendInt(b, int(m/1e9), 0)
		b = append(b, '.')
		b = appendInt(b, int(m%1e9), 9)
		s += string(b)
	}
	return s
}

// GoString is t as Go source would write it (time.Date(...)).
func (t Time) GoString() string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return "time.Date(" + itoa(year) + ", time." + month.String() + ", " + itoa(day) + ", " +
		itoa(hour) + ", " + itoa(min) + ", " + itoa(sec) + ", " + itoa(int(t.nsec)) + ", time." + t.Location().String() + ")"
}
