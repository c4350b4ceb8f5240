// ChaCha8 (pgojit's standard library: written for pgojit, compiled by its
// front end like the program): Go's ChaCha8-based generator (Go's
// internal/chacha8rand, its generic block function), with the same
// block layout, output order and reseeding, so it gives Go's values.
package rand

import "errors"

// A ChaCha8 is a ChaCha8-based cryptographically strong random number
// generator.
type ChaCha8 struct {
	state chachaState

	// The bytes of a Uint64 a Read used in part: the last readLen of them
	// are unread.
	readBuf [8]byte
	readLen int // 0 <= readLen <= 8
}

// NewChaCha8 returns a new ChaCha8 seeded with the given seed.
func NewChaCha8(seed [32]byte) *ChaCha8 {
	c := new(ChaCha8)
	c.state.init(seed)
	return c
}

// Seed resets the ChaCha8 to behave the same way as NewChaCha8(seed).
func (c *ChaCha8) Seed(seed [32]byte) {
	c.state.init(seed)
	c.readLen = 0
	c.readBuf = [8]byte{}
}

// Uint64 returns a uniformly distributed random uint64 value.
func (c *ChaCha8) Uint64() uint64 {
	for {
		x, ok := c.state.next()
		if ok {
			return x
		}
		c.state.refill()
	}
}

// Read reads exactly len(p) bytes into p (the little-endian bytes of
// successive Uint64s; a part left over is kept for the next Read). It
// always returns len(p) and a nil error. Calls to Read and Uint64 may be
// interleaved.
func (c *ChaCha8) Read(p []byte) (n int, err error) {
	if c.readLen > 0 {
		n = copy(p, c.readBuf[len(c.readBuf)-c.readLen:])
		c.readLen -= n
		p = p[n:]
	}
	for len(p) >= 8 {
		putLE64(p, c.Uint64())
		p = p[8:]
		n += 8
	}
	if len(p) > 0 {
		putLE64(c.readBuf[:], c.Uint64())
		n += copy(p, c.readBuf[:])
		c.readLen = 8 - len(p)
	}
	return
}

// UnmarshalBinary sets c's state from MarshalBinary's bytes.
func (c *ChaCha8) UnmarshalBinary(data []byte) error {
	data, ok := cutPrefix(data, []byte("readbuf:"))
	if ok {
		var buf []byte
		buf, data, ok = readUint8LengthPrefixed(data)
		if !ok {
			return errors.New("invalid ChaCha8 Read buffer encoding")
		}
		c.readLen = copy(c.readBuf[len(c.readBuf)-len(buf):], buf)
	}
	return c.state.unmarshal(data)
}

func cutPrefix(s, prefix []byte) (after []byte, found bool) {
	if len(s) < len(prefix) || string(s[:len(prefix)]) != string(prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func readUint8LengthPrefixed(b []byte) (buf, rest []byte, ok bool) {
	if len(b) == 0 || len(b) < int(1+b[0]) {
		return nil, nil, false
	}
	return b[1 : 1+b[0]], b[1+b[0]:], true
}

// AppendBinary appends c's state to b.
func (c *ChaCha8) AppendBinary(b []byte) ([]byte, error) {
	if c.readLen > 0 {
		b = append(b, "readbuf:"...)
		b = append(b, uint8(c.readLen))
		b = append(b, c.readBuf[len(c.readBuf)-c.readLen:]...)
	}
	return append(b, c.state.marshal()...), nil
}

// MarshalBinary returns c's state as AppendBinary writes it.
func (c *ChaCha8) MarshalBinary() ([]byte, error) {
	return c.AppendBinary(make([]byte, 0, 64))
}

/*
 * The generator (Go's internal/chacha8rand)
 */

const (
	ctrInc = 4  // the block counter's step between block calls
	ctrMax = 16 // reseed when the counter reaches ctrMax
	chunk  = 32 // uint64s a block call makes
	reseed = 4  // the words of a reseed
)

// chachaState is Go's chacha8rand.State: a buffer of generated words, the
// seed, and the position and block counter.
type chachaState struct {
	buf  [32]uint64
	seed [4]uint64
	i    uint32
	n    uint32
	c    uint32
}

// next returns the next word, or false when the buffer needs a refill.
func (s *chachaState) next() (uint64, bool) {
	i := s.i
	if i >= s.n {
		return 0, false
	}
	s.i = i + 1
	return s.buf[i&31], true
}

// init seeds s with the four little-endian words of seed.
func (s *chachaState) init(seed [32]byte) {
	s.init64([4]uint64{
		le64(seed[0*8:]),
		le64(seed[1*8:]),
		le64(seed[2*8:]),
		le64(seed[3*8:]),
	})
}

func (s *chachaState) init64(seed [4]uint64) {
	s.seed = seed
	chachaBlock(&s.seed, &s.buf, 0)
	s.c = 0
	s.i = 0
	s.n = chunk
}

// refill makes the next block; after the last block of a seed, whose last
// four words are held back, those words become the new seed.
func (s *chachaState) refill() {
	s.c += ctrInc
	if s.c == ctrMax {
		s.seed[0] = s.buf[len(s.buf)-reseed+0]
		s.seed[1] = s.buf[len(s.buf)-reseed+1]
		s.seed[2] = s.buf[len(s.buf)-reseed+2]
		s.seed[3] = s.buf[len(s.buf)-reseed+3]
		s.c = 0
	}
	chachaBlock(&s.seed, &s.buf, s.c)
	s.i = 0
	s.n = uint32(len(s.buf))
	if s.c == ctrMax-ctrInc {
		s.n = uint32(len(s.buf)) - reseed
	}
}

// marshal is Go's chacha8rand.Marshal: "chacha8:", the words used since
// the seed (big-endian), the seed (little-endian).
func (s *chachaState) marshal() []byte {
	data := make([]byte, 6*8)
	copy(data, "chacha8:")
	used := (s.c/ctrInc)*chunk + s.i
	putBE64(data[1*8:], uint64(used))
	for i, seed := range s.seed {
		putLE64(data[(2+i)*8:], seed)
	}
	return data
}

type errUnmarshalChaCha8 struct{}

func (*errUnmarshalChaCha8) Error() string {
	return "invalid ChaCha8 encoding"
}

// unmarshal is Go's chacha8rand.Unmarshal.
func (s *chachaState) unmarshal(data []byte) error {
	if len(data) != 6*8 || string(data[:8]) != "chacha8:" {
		return new(errUnmarshalChaCha8)
	}
	used := be64(data[1*8:])
	if used > (ctrMax/ctrInc)*chunk-reseed {
		return new(errUnmarshalChaCha8)
	}
	for i := range s.seed {
		s.seed[i] = le64(data[(2+i)*8:])
	}
	s.c = ctrInc * (uint32(used) / chunk)
	chachaBlock(&s.seed, &s.buf, s.c)
	s.i = uint32(used) % chunk
	s.n = chunk
	if s.c == ctrMax-ctrInc {
		s.n = chunk - reseed
	}
	return nil
}

// chachaBlock is Go's block_generic: four interleaved ChaCha8 blocks (the
// counters counter..counter+3) of the key seed, as 16 rows of 4 lanes of
// 32-bit words, lane l of row r being word 4r+l; buf holds those 64 words
// as little-endian pairs (word 2k is buf[k]'s low half). As Go's, the
// ChaCha constants and counter rows are not added back after the rounds
// (only the key rows are).
func chachaBlock(seed *[4]uint64, buf *[32]uint64, counter uint32) {
	var b [16][4]uint32

	// The rows: constants, key, counters, zeros (every lane alike but the
	// counter's).
	for l := 0; l < 4; l++ {
		b[0][l] = 0x61707865
		b[1][l] = 0x3320646e
		b[2][l] = 0x79622d32
		b[3][l] = 0x6b206574
		b[4][l] = uint32(seed[0])
		b[5][l] = uint32(seed[0] >> 32)
		b[6][l] = uint32(seed[1])
		b[7][l] = uint32(seed[1] >> 32)
		b[8][l] = uint32(seed[2])
		b[9][l] = uint32(seed[2] >> 32)
		b[10][l] = uint32(seed[3])
		b[11][l] = uint32(seed[3] >> 32)
		b[12][l] = counter + uint32(l)
	}

	for i := 0; i < 4; i++ {
		b0 := b[0][i]
		b1 := b[1][i]
		b2 := b[2][i]
		b3 := b[3][i]
		b4 := b[4][i]
		b5 := b[5][i]
		b6 := b[6][i]
		b7 := b[7][i]
		b8 := b[8][i]
		b9 := b[9][i]
		b10 := b[10][i]
		b11 := b[11][i]
		b12 := b[12][i]
		b13 := b[13][i]
		b14 := b[14][i]
		b15 := b[15][i]

		for round := 0; round < 4; round++ {
			b0, b4, b8, b12 = qr(b0, b4, b8, b12)
			b1, b5, b9, b13 = qr(b1, b5, b9, b13)
			b2, b6, b10, b14 = qr(b2, b6, b10, b14)
			b3, b7, b11, b15 = qr(b3, b7, b11, b15)

			b0, b5, b10, b15 = qr(b0, b5, b10, b15)
			b1, b6, b11, b12 = qr(b1, b6, b11, b12)
			b2, b7, b8, b13 = qr(b2, b7, b8, b13)
			b3, b4, b9, b14 = qr(b3, b4, b9, b14)
		}

		b[0][i] = b0
		b[1][i] = b1
		b[2][i] = b2
		b[3][i] = b3
		b[4][i] += b4
		b[5][i] += b5
		b[6][i] += b6
		b[7][i] += b7
		b[8][i] += b8
		b[9][i] += b9
		b[10][i] += b10
		b[11][i] += b11
		b[12][i] = b12
		b[13][i] = b13
		b[14][i] = b14
		b[15][i] = b15
	}

	for r := 0; r < 16; r++ {
		buf[2*r] = uint64(b[r][0]) | uint64(b[r][1])<<32
		buf[2*r+1] = uint64(b[r][2]) | uint64(b[r][3])<<32
	}
}

// qr is ChaCha's quarter round.
func qr(a, b, c, d uint32) (_a, _b, _c, _d uint32) {
	a += b
	d ^= a
	d = d<<16 | d>>16
	c += d
	b ^= c
	b = b<<12 | b>>20
	a += b
	d ^= a
	d = d<<8 | d>>24
	c += d
	b ^= c
	b = b<<7 | b>>25
	return a, b, c, d
}
