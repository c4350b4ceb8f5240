package math

// Lgamma returns ln|Gamma(x)| and Gamma(x)'s sign (FreeBSD's e_lgamma_r.c):
// rational approximations around the minimum 1.4616... and on [2, 8), an
// asymptotic series above, the reflection formula for negative x.
func Lgamma(x float64) (lgamma float64, sign int) {
	const (
		ymin  = 1.461632144968362245
		two52 = 1 << 52
		two58 = 1 << 58
		tiny  = 1.0 / (1 << 70)
		tc    = 1.46163214496836224576e+00  // where Gamma is least
		tf    = -1.21486290535849611461e-01 // ln Gamma(tc) - tt
		tt    = -3.63867699703950536541e-18 // the rest of ln Gamma(tc)
	)
	sign = 1
	if IsNaN(x) || IsInf(x, 0) {
		return x, sign
	}
	if x == 0 {
		return Inf(1), sign
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if x < tiny {
		if neg {
			sign = -1
		}
		return -Log(x), sign
	}
	var reflect float64 // ln(Pi / |x sin(Pi x)|), for negative x
	if neg {
		if x >= two52 { // an integer: a pole
			return Inf(1), sign
		}
		t := sinPi(x)
		if t == 0 {
			return Inf(1), sign
		}
		reflect = Log(Pi / Abs(t*x))
		if t < 0 {
			sign = -1
		}
	}

	switch {
	case x == 1 || x == 2:
		return 0, sign
	case x < 2:
		// ln Gamma(x) = ln Gamma(x+1) - ln x, around 1, tc or 2.
		var y float64
		var piece int
		if x <= 0.9 {
			lgamma = -Log(x)
			if x >= ymin-1+0.27 {
				y, piece = 1-x, 0
			} else if x >= ymin-1-0.27 {
				y, piece = x-(tc-1), 1
			} else {
				y, piece = x, 2
			}
		} else {
			lgamma = 0
			if x >= ymin+0.27 {
				y, piece = 2-x, 0
			} else if x >= ymin-0.27 {
				y, piece = x-tc, 1
			} else {
				y, piece = x-1, 2
			}
		}
		switch piece {
		case 0:
			lgamma += lgammaNear2(y)
		case 1:
			lgamma += lgammaNearMin(y, tf, tt)
		default:
			lgamma += lgammaNear1(y)
		}
	case x < 8:
		lgamma = lgammaTo8(x)
	case x < two58:
		lgamma = lgammaLarge(x)
	default:
		lgamma = x * (Log(x) - 1)
	}
	if neg {
		lgamma = reflect - lgamma
	}
	return lgamma, sign
}

// lgammaNear2 is ln Gamma(2-y) (and of 1-y past the -ln x), for y in
// [0, 0.27).
func lgammaNear2(y float64) float64 {
	const (
		a0  = 7.72156649015328655494e-02 // 0x3FB3C467E37DB0C8
		a1  = 3.22467033424113591611e-01 // 0x3FD4A34CC4A60FAD
		a2  = 6.73523010531292681824e-02 // 0x3FB13E001A5562A7
		a3  = 2.05808084325167332806e-02 // 0x3F951322AC92547B
		a4  = 7.38555086081402883957e-03 // 0x3F7E404FB68FEFE8
		a5  = 2.89051383673415629091e-03 // 0x3F67ADD8CCB7926B
		a6  = 1.19270763183362067845e-03 // 0x3F538A94116F3F5D
		a7  = 5.10069792153511336608e-04 // 0x3F40B6C689B99C00
		a8  = 2.20862790713908385557e-04 // 0x3F2CF2ECED10E54D
		a9  = 1.08011567247583939954e-04 // 0x3F1C5088987DFB07
		a10 = 2.52144565451257326939e-05 // 0x3EFA7074428CFA52
		a11 = 4.48640949618915160150e-05 // 0x3F07858E90A45837
	)
	z := y * y
	even := a0 + z*(a2+z*(a4+z*(a6+z*(a8+z*a10))))
	odd := z * (a1 + z*(+a3+z*(a5+z*(a7+z*(a9+z*a11)))))
	p := y*even + odd
	return p - 0.5*y
}

// lgammaNearMin is ln Gamma(tc+y) for y in [-0.23, 0.27): three
// interleaved polynomials in y³.
func lgammaNearMin(y, tf, tt float64) float64 {
	const (
		t0  = 4.83836122723810047042e-01  // 0x3FDEF72BC8EE38A2
		t1  = -1.47587722994593911752e-01 // 0xBFC2E4278DC6C509
		t2  = 6.46249402391333854778e-02  // 0x3FB08B4294D5419B
		t3  = -3.27885410759859649565e-02 // 0xBFA0C9A8DF35B713
		t4  = 1.79706750811820387126e-02  // 0x3F9266E7970AF9EC
		t5  = -1.03142241298341437450e-02 // 0xBF851F9FBA91EC6A
		t6  = 6.10053870246291332635e-03  // 0x3F78FCE0E370E344
		t7  = -3.68452016781138256760e-03 // 0xBF6E2EFFB3E914D7
		t8  = 2.25964780900612472250e-03  // 0x3F6282D32E15C915
		t9  = -1.40346469989232843813e-03 // 0xBF56FE8EBF2D1AF1
		t10 = 8.81081882437654011382e-04  // 0x3F4CDF0CEF61A8E9
		t11 = -5.38595305356740546715e-04 // 0xBF41A6109C73E0EC
		t12 = 3.15632070903625950361e-04  // 0x3F34AF6D6C0EBBF7
		t13 = -3.12754168375120860518e-04 // 0xBF347F24ECC38C38
		t14 = 3.35529192635519073543e-04  // 0x3F35FD3EE8C2D3F4
	)
	z := y * y
	w := z * y
	p1 := t0 + w*(t3+w*(t6+w*(t9+w*t12)))
	p2 := t1 + w*(t4+w*(t7+w*(t10+w*t13)))
	p3 := t2 + w*(t5+w*(t8+w*(t11+w*t14)))
	p := z*p1 - (tt - w*(p2+y*p3))
	return tf + p
}

// lgammaNear1 is ln Gamma(1+y) for y in [-0.1, 0.2316).
func lgammaNear1(y float64) float64 {
	const (
		u0 = -7.72156649015328655494e-02 // 0xBFB3C467E37DB0C8
		u1 = 6.32827064025093366517e-01  // 0x3FE4401E8B005DFF
		u2 = 1.45492250137234768737e+00  // 0x3FF7475CD119BD6F
		u3 = 9.77717527963372745603e-01  // 0x3FEF497644EA8450
		u4 = 2.28963728064692451092e-01  // 0x3FCD4EAEF6010924
		u5 = 1.33810918536787660377e-02  // 0x3F8B678BBF2BAB09
		v1 = 2.45597793713041134822e+00  // 0x4003A5D7C2BD619C
		v2 = 2.12848976379893395361e+00  // 0x40010725A42B18F5
		v3 = 7.69285150456672783825e-01  // 0x3FE89DFBE45050AF
		v4 = 1.04222645593369134254e-01  // 0x3FBAAE55D6537C88
		v5 = 3.21709242282423911810e-03  // 0x3F6A5ABB57D0CF61
	)
	num := y * (u0 + y*(u1+y*(u2+y*(u3+y*(u4+y*u5)))))
	den := 1 + y*(v1+y*(v2+y*(v3+y*(v4+y*v5))))
	return -0.5*y + num/den
}

// lgammaTo8 is ln Gamma(x) for x in [2, 8): a rational function of
// x's fraction, plus the log of the product (y+2)...(y+i-1).
func lgammaTo8(x float64) float64 {
	const (
		s0 = -7.72156649015328655494e-02 // 0xBFB3C467E37DB0C8
		s1 = 2.14982415960608852501e-01  // 0x3FCB848B36E20878
		s2 = 3.25778796408930981787e-01  // 0x3FD4D98F4F139F59
		s3 = 1.46350472652464452805e-01  // 0x3FC2BB9CBEE5F2F7
		s4 = 2.66422703033638609560e-02  // 0x3F9B481C7E939961
		s5 = 1.84028451407337715652e-03  // 0x3F5E26B67368F239
		s6 = 3.19475326584100867617e-05  // 0x3F00BFECDD17E945
		r1 = 1.39200533467621045958e+00  // 0x3FF645A762C4AB74
		r2 = 7.21935547567138069525e-01  // 0x3FE71A1893D3DCDC
		r3 = 1.71933865632803078993e-01  // 0x3FC601EDCCFBDF27
		r4 = 1.86459191715652901344e-02  // 0x3F9317EA742ED475
		r5 = 7.77942496381893596434e-04  // 0x3F497DDACA41A95B
		r6 = 7.32668430744625636189e-06  // 0x3EDEBAF7A5B38140
	)
	i := int(x)
	y := x - float64(i)
	p := y * (s0 + y*(s1+y*(s2+y*(s3+y*(s4+y*(s5+y*s6))))))
	q := 1 + y*(r1+y*(r2+y*(r3+y*(r4+y*(r5+y*r6)))))
	lg := 0.5*y + p/q
	if i >= 3 {
		// The factors from the top one down, as Go multiplies them.
		z := 1.0
		for k := i - 1; k >= 2; k-- {
			z *= (y + float64(k))
		}
		lg += Log(z)
	}
	return lg
}

// lgammaLarge is ln Gamma(x) for x in [8, 2**58): Stirling's series.
func lgammaLarge(x float64) float64 {
	const (
		w0 = 4.18938533204672725052e-01  // 0x3FDACFE390C97D69
		w1 = 8.33333333333329678849e-02  // 0x3FB555555555553B
		w2 = -2.77777777728775536470e-03 // 0xBF66C16C16B02E5C
		w3 = 7.93650558643019558500e-04  // 0x3F4A019F98CF38B6
		w4 = -5.95187557450339963135e-04 // 0xBF4380CB8C0FE741
		w5 = 8.36339918996282139126e-04  // 0x3F4B67BA4CDAD5D1
		w6 = -1.63092934096575273989e-03 // 0xBF5AB89D0B9E43E4
	)
	t := Log(x)
	z := 1 / x
	y := z * z
	w := w0 + z*(w1+y*(w2+y*(w3+y*(w4+y*(w5+y*w6)))))
	return (x-0.5)*(t-1) + w
}

// sinPi returns -sin(Pi x) for x > 0, exactly 0 at integers.
func sinPi(x float64) float64 {
	const (
		two52 = 1 << 52
		two53 = 1 << 53
	)
	if x < 0.25 {
		return -Sin(Pi * x)
	}
	z := Floor(x)
	var n int
	if z != x {
		x = Mod(x, 2)
		n = int(x * 4)
	} else {
		// An integer: only its parity matters.
		if x >= two53 {
			x, n = 0, 0
		} else {
			if x < two52 {
				z = x + two52 // its last bit is x's parity
			}
			n = int(1 & Float64bits(z))
			x = float64(n)
			n <<= 2
		}
	}
	switch n {
	case 0:
		x = Sin(Pi * x)
	case 1, 2:
		x = Cos(Pi * (0.5 - x))
	case 3, 4:
		x = Sin(Pi * (1 - x))
	case 5, 6:
		x = -Cos(Pi * (x - 1.5))
	default:
		x = Sin(Pi * (x - 2))
	}
	return -x
}
