package time

// A Month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoa(int(m)) + ")"
}

// A Weekday (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoa(int(d)) + ")"
}

func itoa(i int) string {
	var b [24]byte
	w := len(b)
	u := uint64(i)
	if i < 0 {
		u = uint64(-i)
	}
	for {
		w--
		b[w] = byte(u%10) + '0'
		u /= 10
		if u == 0 {
			break
		}
	}
	if i < 0 {
		w--
		b[w] = '-'
	}
	return string(b[w:])
}

// A Location is a time zone: UTC, Local, or a fixed offset.
type Location struct {
	name  string
	local bool
	// A fixed zone's offset east of UTC, in seconds.
	offset int
}

var utcLoc = Location{name: "UTC"}
var localLoc = Location{name: "Local", local: true}

// UTC and Local are the two zones every program has.
var UTC *Location = &utcLoc
var Local *Location = &localLoc

func (l *Location) String() string { return l.get().name }

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

// FixedZone is a zone always offset seconds east of UTC, named name.
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, offset: offset}
}

// lookup is the zone's name and offset at Unix time sec.
func (l *Location) lookup(sec int64) (name string, offset int) {
	l = l.get()
	if l.local {
		return localZone(sec)
	}
	return l.name, l.offset
}

// Seconds from January 1, year 1 to the Unix epoch.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// A Time is an instant with nanosecond precision, in a location; it may
// carry a monotonic clock reading (from Now) that Sub and Since use.
type Time struct {
	sec  int64 // since January 1, year 1, 00:00:00 UTC
	nsec int32 // [0, 1e9)
	mono int64 // monotonic nanoseconds + 1, or 0 for none
	loc  *Location
}

// Now is the current local time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec + unixToInternal, nsec, mono + 1, Local}
}

// Unix is the local Time of sec seconds and nsec nanoseconds since the
// Unix epoch.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec + unixToInternal, int32(nsec), 0, Local}
}

func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

func (t Time) Unix() int64      { return t.sec - unixToInternal }
func (t Time) UnixNano() int64  { return (t.sec-unixToInternal)*1e9 + int64(t.nsec) }
func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + int64(t.nsec)/1e6 }
func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1e6 + int64(t.nsec)/1e3 }
func (t Time) Nanosecond() int  { return int(t.nsec) }

// IsZero reports whether t is January 1, year 1, 00:00:00 UTC.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

func (t Time) Location() *Location { return t.loc.get() }

func (t Time) UTC() Time   { return Time{t.sec, t.nsec, t.mono, &utcLoc} }
func (t Time) Local() Time { return Time{t.sec, t.nsec, t.mono, Local} }

func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	return Time{t.sec, t.nsec, t.mono, loc}
}

// Round(0) and Truncate(0) drop the monotonic reading, as Go's.
func (t Time) Round(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	r := t.mod(d)
	if r+r < d {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	return t.Add(-t.mod(d))
}

// mod is t's time since the zero Time modulo d (d > 0).
func (t Time) mod(d Duration) Duration {
	if d%Second == 0 {
		d1 := int64(d / Second)
		return Duration(t.sec%d1)*Second + Duration(t.nsec)
	}
	// (Exact for durations that divide a second, and for small times.)
	total := uint64(t.sec)*1e9 + uint64(t.nsec)
	return Duration(total % uint64(d))
}

// Zone is t's zone's name and offset.
func (t Time) Zone() (name string, offset int) {
	return t.loc.lookup(t.sec - unixToInternal)
}

// abs is t's seconds since year 1 in its zone's local time.
func (t Time) abs() int64 {
	_, off := t.Zone()
	return t.sec + int64(off)
}

func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.mono != 0 {
		t.mono += int64(d)
	}
	return t
}

// Sub is t-u (by the monotonic readings when both have one), clamped to
// the Duration range.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

func Since(t Time) Duration { return Now().Sub(t) }

func Until(t Time) Duration { return t.Sub(Now()) }

func (t Time) After(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

func (t Time) Equal(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

// Days from civil date (proleptic Gregorian), counted from 1970-03-01
// shifted eras; see civil below.
func daysFromCivil(y int64, m int, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civil is the date of days since 1970-01-01.
func civil(z int64) (y int64, m int, d int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Date is the Time of the given date and clock in loc; values outside
// their ranges are normalized (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year += m / 12
	m %= 12
	if m < 0 {
		m += 12
		year--
	}
	s := int64(sec) + int64(nsec)/1e9
	ns := int64(nsec) % 1e9
	if ns < 0 {
		ns += 1e9
		s--
	}
	days := daysFromCivil(int64(year), m+1, 1) + int64(day-1)
	unix := days*86400 + int64(hour)*3600 + int64(min)*60 + s
	// The zone's offset at that local time (looked up twice for zones
	// whose offset changes).
	_, off := loc.lookup(unix)
	unix -= int64(off)
	if _, off2 := loc.lookup(unix); off2 != off {
		unix += int64(off) - int64(off2)
	}
	return Time{unix + unixToInternal, int32(ns), 0, loc}
}

// date is t's year, month, day and day of the year (1-based) in its zone.
func (t Time) date() (year int, month Month, day int, yday int) {
	days := floorDiv(t.abs()-unixToInternal, 86400)
	y, m, d := civil(days)
	yday = int(days-daysFromCivil(y, 1, 1)) + 1
	return int(y), Month(m), d, yday
}

func (t Time) Date() (year int, month Month, day int) {
	year, month, day, _ = t.date()
	return
}

func (t Time) Year() int {
	y, _, _, _ := t.date()
	return y
}

func (t Time) Month() Month {
	_, m, _, _ := t.date()
	return m
}

func (t Time) Day() int {
	_, _, d, _ := t.date()
	return d
}

func (t Time) YearDay() int {
	_, _, _, yd := t.date()
	return yd
}

func (t Time) Weekday() Weekday {
	days := floorDiv(t.abs()-unixToInternal, 86400)
	// 1970-01-01 was a Thursday.
	w := (days + 4) % 7
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

func (t Time) Clock() (hour, min, sec int) {
	s := (t.abs() - unixToInternal) % 86400
	if s < 0 {
		s += 86400
	}
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// AddDate adds years, months and days (normalized as Date does).
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// ISOWeek is t's ISO 8601 year and week.
func (t Time) ISOWeek() (year, week int) {
	// The Thursday of t's week decides its year.
	wd := int(t.Weekday()+6) % 7 // Monday = 0
	th := t.AddDate(0, 0, 3-wd)
	year = th.Year()
	week = (th.YearDay()-1)/7 + 1
	return
}
