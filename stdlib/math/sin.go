package math

import "math/bits"

// Sine, cosine and tangent (Cephes' sin.c and tan.c): reduce x to
// z in [-Pi/4, Pi/4] and an octant j, then a polynomial in z².

// Pi/4 in three parts, the first two with few enough bits that y×part is
// exact for the y below reduceThreshold.
const (
	pi4a = 7.85398125648498535156e-1  // 0x3fe921fb40000000
	pi4b = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4c = 2.69515142907905952645e-15 // 0x3ce8469898cc5170
)

// Above this, x - y×pi4a loses bits: reduce by Payne and Hanek instead.
const reduceThreshold = 1 << 29

// octant reduces x >= 0: j (0, 2, 4 or 6 for arguments below the
// threshold) and z = x - j×Pi/4.
func octant(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 { // round up to the even octant: z in [-Pi/4, Pi/4]
		j++
		y++
	}
	j &= 7
	z = ((x - y*pi4a) - y*pi4b) - y*pi4c
	return j, z
}

// sinPoly and cosPoly approximate sin(z) and cos(z) on [-Pi/4, Pi/4],
// zz being z².
func sinPoly(z, zz float64) float64 {
	const (
		s0 = 1.58962301576546568060e-10 // 0x3de5d8fd1fd19ccd
		s1 = -2.50507477628578072866e-8 // 0xbe5ae5e5a9291f5d
		s2 = 2.75573136213857245213e-6  // 0x3ec71de3567d48a1
		s3 = -1.98412698295895385996e-4 // 0xbf2a01a019bfdf03
		s4 = 8.33333333332211858878e-3  // 0x3f8111111110f7d0
		s5 = -1.66666666666666307295e-1 // 0xbfc5555555555548
	)
	return z + z*zz*((((((s0*zz)+s1)*zz+s2)*zz+s3)*zz+s4)*zz+s5)
}

func cosPoly(zz float64) float64 {
	const (
		c0 = -1.13585365213876817300e-11 // 0xbda8fa49a0861a9b
		c1 = 2.08757008419747316778e-9   // 0x3e21ee9d7b4e3f05
		c2 = -2.75573141792967388112e-7  // 0xbe927e4f7eac4bc6
		c3 = 2.48015872888517045348e-5   // 0x3efa01a019c844f5
		c4 = -1.38888888888730564116e-3  // 0xbf56c16c16c14f91
		c5 = 4.16666666666665929218e-2   // 0x3fa555555555554b
	)
	return 1.0 - 0.5*zz + zz*zz*((((((c0*zz)+c1)*zz+c2)*zz+c3)*zz+c4)*zz+c5)
}

// Sin returns the sine of the radian argument x.
func Sin(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := x < 0
	if neg {
		x = -x
	}
	j, z := octant(x)
	if j > 3 { // sin(x+Pi) = -sin(x)
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Cos returns the cosine of the radian argument x.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	neg := false
	j, z := octant(Abs(x))
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) {
	if x == 0 {
		return x, 1
	}
	if IsNaN(x) || IsInf(x, 0) {
		return NaN(), NaN()
	}
	sinNeg, cosNeg := false, false
	if x < 0 {
		x = -x
		sinNeg = true
	}
	j, z := octant(x)
	if j > 3 {
		j -= 4
		sinNeg, cosNeg = !sinNeg, !cosNeg
	}
	if j > 1 {
		cosNeg = !cosNeg
	}
	zz := z * z
	cos = cosPoly(zz)
	sin = sinPoly(z, zz)
	if j == 1 || j == 2 {
		sin, cos = cos, sin
	}
	if cosNeg {
		cos = -cos
	}
	if sinNeg {
		sin = -sin
	}
	return
}

// Tan returns the tangent of the radian argument x.
func Tan(x float64) float64 {
	const (
		p0 = -1.30936939181383777646e4 // 0xc0c992d8d24f3f38
		p1 = 1.15351664838587416140e6  // 0x413199eca5fc9ddd
		p2 = -1.79565251976484877988e7 // 0xc1711fead3299176
		q1 = 1.36812963470692954678e4  // 0x40cab8a5eeb36572
		q2 = -1.32089234440210967447e6 // 0xc13427bc582abc96
		q3 = 2.50083801823357915839e7  // 0x4177d98fc2ead8ef
		q4 = -5.38695755929454629881e7 // 0xc189afe03cbe5a31
	)
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := x < 0
	if neg {
		x = -x
	}
	j, z := octant(x)
	zz := z * z
	y := z
	if zz > 1e-14 {
		y = z + z*(zz*(((p0*zz)+p1)*zz+p2)/((((zz+q1)*zz+q2)*zz+q3)*zz+q4))
	}
	if j&2 == 2 { // tan(x+Pi/2) = -1/tan(x)
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// 4/Pi in binary, 64 bits a word, from bit -64 on (the first word holds
// the integer part, 1).
var fourOverPi = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}

// trigReduce reduces a large x (>= reduceThreshold) by Payne and Hanek's
// method: multiply x's 53-bit mantissa by the 192 bits of 4/Pi that
// matter for its exponent; the integer part (mod 8) is the octant, the
// fraction (times Pi/4) z.
func trigReduce(x float64) (j uint64, z float64) {
	const pi4 = Pi / 4
	if x < pi4 {
		return 0, x
	}
	m := Float64bits(x)
	exp := int(m>>expShift&expMask) - expBias - expShift
	m = m&^(expMask<<expShift) | 1<<expShift
	// The 192 bits of 4/Pi from bit exp+61 on.
	w, sh := uint(exp+61)/64, uint(exp+61)%64
	z0 := fourOverPi[w]<<sh | fourOverPi[w+1]>>(64-sh)
	z1 := fourOverPi[w+1]<<sh | fourOverPi[w+2]>>(64-sh)
	z2 := fourOverPi[w+2]<<sh | fourOverPi[w+3]>>(64-sh)
	// m × z0:z1:z2, its top 128 bits.
	z2hi, _ := bits.Mul64(z2, m)
	z1hi, z1lo := bits.Mul64(z1, m)
	lo, carry := bits.Add64(z1lo, z2hi, 0)
	hi, _ := bits.Add64(z0*m, z1hi, carry)
	// Three bits of octant, the rest a fraction to normalize.
	j = hi >> 61
	hi = hi<<3 | lo>>61
	lz := uint(bits.LeadingZeros64(hi))
	e := uint64(expBias - (lz + 1))
	hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
	hi >>= 64 - expShift
	hi |= e << expShift
	z = Float64frombits(hi)
	if j&1 == 1 { // to the even octant above
		j++
		j &= 7
		z--
	}
	return j, z * pi4
}
