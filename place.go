package sitrep

// Place is one entry of the gazetteer: a populated place, an administrative
// region, a country or a notable feature (border crossing, base, dam, camp).
type Place struct {
	ID          int64   `json:"geonameid"` // GeoNames id; curated supplement entries use ids ≥ 9e8
	Name        string  `json:"name"`
	Country     string  `json:"country"`      // ACLED's country name, e.g. "Syria"
	CountryCode string  `json:"country_code"` // ISO 3166-1 alpha-2
	Admin1      string  `json:"admin1"`
	Lat         float64 `json:"latitude"`
	Lon         float64 `json:"longitude"`
	Population  int     `json:"population"`
	Class       string  `json:"feature_class"` // GeoNames feature class: P populated, A admin, S spot, H water, T terrain, L area
	Code        string  `json:"feature_code"`  // GeoNames feature code: PPLA, ADM1, PCLI, …
}

// PlaceMention is a place name found in a text, resolved to the most likely
// place given the rest of the document. Start and End are byte offsets into
// the text that was geoparsed.
type PlaceMention struct {
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Place     Place   `json:"place"`
	Precision int     `json:"geo_precision"`      // 1 the place itself, 2 near it / part of a region, 3 only a region or country
	Modifier  string  `json:"modifier,omitempty"` // "near", "north of", "outskirts of", "province"…
	Score     float64 `json:"score"`              // confidence in 0..1
}

// GeoHint carries what the rest of a document says about where it is, to
// disambiguate place names.
type GeoHint struct {
	CountryCodes []string // ISO alpha-2 codes the document is about, strongest first
}

// Geoparser finds and resolves place mentions in text. It is safe for
// concurrent use.
type Geoparser interface {
	Geoparse(text string, hint GeoHint) []PlaceMention
}
