package sitrep

// Modality says whether an event is reported as having happened. Only
// ModalityOccurred events are counted as things that happened; the others
// are kept, labelled, so an analyst can see what was threatened or planned.
type Modality string

const (
	ModalityOccurred   Modality = "occurred"
	ModalityPlanned    Modality = "planned"    // "imminent", "intend to", "will"
	ModalityThreatened Modality = "threatened" // "if they enter, we will fight them"
	ModalityDenied     Modality = "denied"     // "denied carrying out the strike"
	ModalityCumulative Modality = "cumulative" // tallies over many events: "at least 484 killed since 2014"
	ModalityReported   Modality = "reported"   // a claim attributed to a source, not confirmed
)

// Evidence is the sentence that proves an event, with byte offsets into the
// source document's Text: Text == doc.Text[Start:End].
type Evidence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is one coded conflict event, with field names following ACLED's
// codebook where ACLED has one. Unknown values are empty or nil, never
// invented.
type Event struct {
	ID         int64  `json:"id,omitempty"`
	DocID      string `json:"doc_id"`
	IncidentID int64  `json:"incident_id,omitempty"`

	EventType    string   `json:"event_type"`      // one of ACLED's 6 event types
	SubEventType string   `json:"sub_event_type"`  // one of ACLED's 25 sub-event types
	Plover       string   `json:"plover"`          // PLOVER root type, e.g. "ASSAULT"
	Cameo        string   `json:"cameo,omitempty"` // CAMEO root code, e.g. "19"
	Modality     Modality `json:"modality"`
	ReportedBy   string   `json:"reported_by,omitempty"` // who makes the claim, when the text says

	EventDate     string `json:"event_date"`     // YYYY-MM-DD, "" when unresolved
	EventDateEnd  string `json:"event_date_end"` // last day of the window the date stands for
	TimePrecision int    `json:"time_precision"` // ACLED: 1 day, 2 week, 3 month or coarser; 0 unknown
	DateText      string `json:"date_text"`      // the expression as written, e.g. "on Friday"

	Actor1      string `json:"actor1"`
	AssocActor1 string `json:"assoc_actor_1"`
	Inter1      int    `json:"inter1"` // ACLED actor category 1..8, 0 none
	Actor2      string `json:"actor2"`
	AssocActor2 string `json:"assoc_actor_2"`
	Inter2      int    `json:"inter2"`

	Country      string   `json:"country"`
	Admin1       string   `json:"admin1"`
	Location     string   `json:"location"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`
	GeoPrecision int      `json:"geo_precision"` // ACLED: 1 town, 2 near/part of region, 3 larger region; 0 unknown
	GeonameID    int64    `json:"geonameid,omitempty"`
	PlaceText    string   `json:"place_text,omitempty"` // the place mention as written

	Fatalities          *int   `json:"fatalities"` // best estimate (ACLED: lowest credible figure)
	FatalitiesMin       *int   `json:"fatalities_min"`
	FatalitiesMax       *int   `json:"fatalities_max"`
	FatalitiesQualifier string `json:"fatalities_qualifier,omitempty"` // "at least", "up to", "more than"…
	CivilianFatalities  *int   `json:"civilian_fatalities"`
	Injured             *int   `json:"injured"`

	Count     *int   `json:"count"`                // repeated actions: "21 strikes" → 21
	CountNoun string `json:"count_noun,omitempty"` // what was counted, e.g. "strikes", "leaflets"

	Evidence Evidence `json:"evidence"`
}

// Interaction returns ACLED's interaction code: the two actor categories
// combined, lower first (17 = state forces vs civilians); 10*inter when
// there is no second actor.
func (e *Event) Interaction() int {
	a, b := e.Inter1, e.Inter2
	if b != 0 && b < a {
		a, b = b, a
	}
	return a*10 + b
}

// Occurred reports whether the event is reported as having happened.
func (e *Event) Occurred() bool { return e.Modality == ModalityOccurred || e.Modality == "" }

// Extractor turns a document into events ordered by salience: the first is
// the document's main event. It returns an error only for a document it
// cannot read at all (EINVALID); a document with no events gives none.
type Extractor interface {
	Extract(doc *Document) ([]Event, error)
}

// ACLED event types.
const (
	Battles              = "Battles"
	ExplosionsRemote     = "Explosions/Remote violence"
	ViolenceAgainstCivs  = "Violence against civilians"
	Protests             = "Protests"
	Riots                = "Riots"
	StrategicDevelopment = "Strategic developments"
)

// SubEventTypes lists ACLED's sub-event types under each event type.
var SubEventTypes = map[string][]string{
	Battles:              {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	ExplosionsRemote:     {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	ViolenceAgainstCivs:  {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	Protests:             {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	Riots:                {"Violent demonstration", "Mob violence"},
	StrategicDevelopment: {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

// EventTypeOf returns the event type a sub-event type belongs to, or "".
func EventTypeOf(subEventType string) string {
	for t, subs := range SubEventTypes {
		for _, s := range subs {
			if s == subEventType {
				return t
			}
		}
	}
	return ""
}
