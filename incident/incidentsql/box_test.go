package incidentsql

import (
	"fmt"
	"math"
	"testing"
)

// destination returns the point d km from (lat, lon) on bearing deg.
func destination(lat, lon, deg, d float64) (float64, float64) {
	const rad = math.Pi / 180
	const earthKM = 6371.0
	φ1, λ1, θ, δ := lat*rad, lon*rad, deg*rad, d/earthKM
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(δ) + math.Cos(φ1)*math.Sin(δ)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(δ)*math.Cos(φ1), math.Cos(δ)-math.Sin(φ1)*math.Sin(φ2))
	return φ2 / rad, λ2 / rad
}

// A candidate outside the box is never read, so every place a linkable
// report can be (150 km, the widest radius) must be inside it.
func TestLinkBoxHoldsEveryLinkablePoint(t *testing.T) {
	for _, c := range []struct{ lat, lon float64 }{
		{36.2, 37.1}, {-4.3, 15.3}, {0, 0}, {60.0, 30.0}, {-33.9, 18.4}, {78.0, 15.6}, {15.5, 178.0},
	} {
		t.Run(fmt.Sprintf("%.1f,%.1f", c.lat, c.lon), func(t *testing.T) {
			minLat, maxLat, minLon, maxLon, ok := linkBox(c.lat, c.lon)
			if !ok {
				if math.Abs(c.lon) < 170 && math.Abs(c.lat) < 75 {
					t.Fatalf("no box for an ordinary place")
				}
				return // no box: every candidate is read
			}
			for deg := 0.0; deg < 360; deg += 7.5 {
				lat, lon := destination(c.lat, c.lon, deg, 150)
				if lat < minLat || lat > maxLat || lon < minLon || lon > maxLon {
					t.Errorf("point at 150 km bearing %.1f° (%.4f, %.4f) outside box [%.4f..%.4f] × [%.4f..%.4f]",
						deg, lat, lon, minLat, maxLat, minLon, maxLon)
				}
			}
			if maxLat-minLat > 3 {
				t.Errorf("box %.2f° of latitude high: too loose to help", maxLat-minLat)
			}
		})
	}
}
