package sitrep

import "context"

// Incident groups the events that several reports give of one real-world
// occurrence: one air strike reported by ten outlets is one incident with
// ten events and every casualty claim kept. Its ID is the smallest id of
// its events, so it is stable while reports are added and changes only
// when two incidents turn out to be one (the smaller id survives).
type Incident struct {
	ID           int64    `json:"id"`
	EventType    string   `json:"event_type"`
	SubEventType string   `json:"sub_event_type"`
	StartDate    string   `json:"start_date"`
	EndDate      string   `json:"end_date"`
	Country      string   `json:"country"`
	Admin1       string   `json:"admin1"`
	Location     string   `json:"location"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`
	Actor1       string   `json:"actor1"`
	Actor2       string   `json:"actor2"`

	FatalitiesMin  *int   `json:"fatalities_min"`
	FatalitiesMax  *int   `json:"fatalities_max"`
	FatalitiesBest *int   `json:"fatalities_best"`
	Grade          string `json:"grade"` // how well the casualty figures are sourced; see package incident
	Sources        int    `json:"sources"`

	EventIDs []int64        `json:"event_ids,omitempty"`
	Denials  []int64        `json:"denials,omitempty"` // ids of events denying it; see package incident
	Claims   []Claim        `json:"claims,omitempty"`
	Links    []IncidentLink `json:"links,omitempty"`
	Events   []*Event       `json:"events,omitempty"` // filled by FindIncidentByID
}

// IncidentLink explains why two events were put in one incident, so an
// analyst can check every merge.
type IncidentLink struct {
	From        int64   `json:"from"` // the smaller event id
	To          int64   `json:"to"`
	DistanceKM  float64 `json:"distance_km"` // -1 when a side has no coordinates
	PlaceMatch  string  `json:"place_match"` // "distance", "location" or "admin1"
	DateGapDays int     `json:"date_gap_days"`
	ActorMatch  string  `json:"actor_match"` // "same", "unknown" or "different"
	TypeScore   float64 `json:"type_score"`  // 1 same sub-event type, 0.7 compatible sub-type, 0.5 compatible type
	Similarity  float64 `json:"similarity"`  // cosine of the evidence words
	Score       float64 `json:"score"`       // 0..1, weighted sum of the above
}

// Claim is one source's casualty claim about an incident, kept as reported.
type Claim struct {
	EventID            int64    `json:"event_id"`
	DocID              string   `json:"doc_id"`
	Source             string   `json:"source"`
	Published          string   `json:"published,omitempty"`
	Fatalities         *int     `json:"fatalities"`
	FatalitiesMin      *int     `json:"fatalities_min"`
	FatalitiesMax      *int     `json:"fatalities_max"`
	Qualifier          string   `json:"qualifier,omitempty"`
	CivilianFatalities *int     `json:"civilian_fatalities"`
	Injured            *int     `json:"injured"`
	Evidence           Evidence `json:"evidence"`
}

// IncidentFilter selects incidents. Nil fields are unset.
type IncidentFilter struct {
	Country   *string `json:"country,omitempty"`
	EventType *string `json:"event_type,omitempty"`
	From      *string `json:"from,omitempty"` // YYYY-MM-DD inclusive
	To        *string `json:"to,omitempty"`
	Cursor    string  `json:"cursor,omitempty"`
	Limit     int     `json:"limit,omitempty"`
}

// IncidentService reads incidents.
type IncidentService interface {
	// FindIncidents returns incidents matching filter and a cursor for the
	// next page ("" at the end).
	FindIncidents(ctx context.Context, filter IncidentFilter) ([]*Incident, string, error)

	// FindIncidentByID returns the incident with its events' claims, or
	// ENOTFOUND.
	FindIncidentByID(ctx context.Context, id int64) (*Incident, error)
}
