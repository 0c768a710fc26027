package incident

import "math"

// Distance radii by ACLED geo precision: how far apart two reports of one
// event may place it. Precision 1 names the town itself, so only the
// spread of a town's coordinates between gazetteers is tolerated;
// precision 2 ("near", "outskirts of", a district) allows a district; 3
// (only a region) allows a province, with the admin1 also required.
const (
	radiusPrecise   = 10.0
	radiusNear      = 40.0
	radiusRegion    = 150.0
	earthRadiusKM   = 6371.0
	unknownDistance = -1
)

// radius returns the distance tolerance for one geo precision; unknown
// precision counts as "near", since a coordinate without a stated precision
// is rarely exact.
func radius(precision int) float64 {
	switch precision {
	case 1:
		return radiusPrecise
	case 3:
		return radiusRegion
	default:
		return radiusNear
	}
}

// haversine returns the great-circle distance in km.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthRadiusKM * math.Asin(math.Min(1, math.Sqrt(h)))
}

// CountryKey is the form in which the linker compares countries: two
// events whose keys differ are never linked. Stores use it to partition
// linking work (one lock per key) without ever splitting an incident.
func CountryKey(country string) string { return fold(country) }
