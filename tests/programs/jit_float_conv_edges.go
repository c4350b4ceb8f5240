package main

import "fmt"

// Float conversions at their edges, in functions hot enough to be
// compiled: float64 to every integer type for NaN, infinities and values
// out of range (what Go does on amd64), uint64 <-> float64 above 2^63
// (with rounding ties), int64 -> float64 rounding, and -0.0 through
// arithmetic, comparison, conversion and printing.

func toI64(x float64) int64   { return int64(x) }
func toInt(x float64) int     { return int(x) }
func toI32(x float64) int32   { return int32(x) }
func toI16(x float64) int16   { return int16(x) }
func toI8(x float64) int8     { return int8(x) }
func toU64(x float64) uint64  { return uint64(x) }
func toUint(x float64) uint   { return uint(x) }
func toU32(x float64) uint32  { return uint32(x) }
func toU16(x float64) uint16  { return uint16(x) }
func toU8(x float64) uint8    { return uint8(x) }
func fromU64(u uint64) float64 { return float64(u) }
func fromI64(i int64) float64  { return float64(i) }
func fromU32(u uint32) float64 { return float64(u) }
func fromI8(i int8) float64    { return float64(i) }

func show(x float64) {
	fmt.Println(x, "->", toI64(x), toInt(x), toI32(x), toI16(x), toI8(x), toU64(x), toUint(x), toU32(x), toU16(x), toU8(x))
}

func main() {
	zero := 0.0
	nan := zero / zero
	inf := 1 / zero
	two63 := 9223372036854775808.0
	two64 := 18446744073709551616.0
	vals := []float64{
		0, -zero, 0.5, -0.5, 1.5, -1.5, 127.9, 128.5, -128.9, -129.5, 255.9, 256.5, 300.7, -300.7,
		32767.5, 32768.5, -32769.5, 65535.9, 65536.5, 70000.7, -70000.7,
		2147483647.5, 2147483648.5, -2147483648.9, -2147483649.5, 3e9, -3e9, 4294967295.5, 4294967296.5, 5e9,
		1e15, -1e15, 9007199254740993, two63 - 1024, two63, -two63, -two63 - 2048, two63 * 1.5, two64 - 2048, two64, 1e19, -1e19, 1e300, -1e300,
		inf, -inf, nan, -nan,
	}
	// warm the converters (compiled under --tier=auto)
	var h uint64
	for r := 0; r < 2000; r++ {
		for _, v := range vals {
			h = h*31 + uint64(toI64(v)) + toU64(v) + uint64(toI32(v)) + uint64(toU32(v)) + uint64(toI8(v)) + uint64(toU16(v))
		}
	}
	fmt.Println("hash", h)
	for _, v := range vals {
		show(v)
	}

	us := []uint64{0, 1, 1<<53 + 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, 1<<63 + 1024, 1<<63 + 1025, 1<<63 + 3072, 1<<64 - 1025, 1<<64 - 1024, 1<<64 - 1, 0xdeadbeefcafebabe}
	var fsum float64
	for r := 0; r < 3000; r++ {
		for _, u := range us {
			fsum += fromU64(u) / 1e10
		}
	}
	fmt.Println("fsum", fsum)
	for _, u := range us {
		f := fromU64(u)
		fmt.Println(u, f, toU64(f), toI64(f), f == two63, f == two64)
	}
	is := []int64{-1 << 63, -1<<63 + 1, -1 << 53, 1<<53 + 1, 1<<53 + 3, 1<<62 + 513, 1<<63 - 1, -1}
	for _, i := range is {
		f := fromI64(i)
		fmt.Println(i, f, toI64(f), toU64(f))
	}
	fmt.Println(fromU32(4294967295), fromI8(-128))

	// negative zero
	nz := -zero
	fmt.Println(nz, -nz, zero-zero, nz+nz, nz+zero, nz*5, nz*-5, nz/1, 1/nz, 1/(nz+0), nz == zero, nz < zero, nz*nz)
	fmt.Println(toI64(nz), toU64(nz), fmt.Sprintf("%f %.2f %v %5.1f", nz, nz, nz, nz))
	negs := 0
	var last float64
	for i := 0; i < 100000; i++ {
		x := float64(i%5-2) * zero // +0 or -0 depending on sign
		if 1/x < 0 {
			negs++
		}
		last = -x
	}
	fmt.Println("negzeros", negs, last, 1/last)

	// NaN in comparisons and conversions inside a hot loop
	cnt := [6]int{}
	for i := 0; i < 60000; i++ {
		x := vals[i%len(vals)]
		if x < 0 {
			cnt[0]++
		}
		if x >= 0 {
			cnt[1]++
		}
		if x != x {
			cnt[2]++
		}
		if !(x < 0) && !(x >= 0) {
			cnt[3]++
		}
		if x == x+1 {
			cnt[4]++
		}
		if toI64(x) == -1<<63 {
			cnt[5]++
		}
	}
	fmt.Println("cmp", cnt)
}
