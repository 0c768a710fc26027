package text

import (
	"strconv"
	"strings"
)

// Ordinal returns the value of an ordinal token: "1st", "21st", "3rd",
// "first", "twenty-first", "thirtieth".
func Ordinal(t Token) (int, bool) {
	s := t.Norm
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' && len(s) > 2 {
		num, suf := s[:len(s)-2], s[len(s)-2:]
		if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
			return 0, false
		}
		v, err := strconv.Atoi(num)
		if err != nil || v < 0 {
			return 0, false
		}
		return v, true
	}
	if v, ok := ordinalOf.get(s); ok {
		return v, true
	}
	if i := strings.IndexByte(s, '-'); i > 0 {
		tens, ok1 := unitOf.get(s[:i])
		unit, ok2 := ordinalOf.get(s[i+1:])
		if ok1 && ok2 && tens >= 20 && tens%10 == 0 && unit < 10 {
			return int(tens) + unit, true
		}
	}
	return 0, false
}
