package extract

// class is one of the word lists the rules ask about word after word
// ("is this an auxiliary?", "a report verb?"), as a bit of the engine's
// classes table, which is indexed by vocabulary id like the tries: the
// id every word gets once per document answers each question with one
// load instead of hashing the word again per list and per question.
type class uint32

const (
	passiveAuxClass class = 1 << iota
	formerClass
	sponsorClass
	reportClass
	negatorClass
	topicClass
	locativeClass
	updateVerbClass
	putVerbClass
	notPeopleClass
	labelClass
	armedRoleClass
	victimHeadClass
	blockMaterialClass
	issueClass
	clauseClass
	seizureClass
	accompanimentClass
	propertyClass
	animalClass
	causeClass
	cordonClass
	peopleClass
	accordingClass
	tollStopClass
	tollSubjectClass
	containerClass
	areaClass
	statementNounClass
	claimClass
	singleClass
)

// classLists are the lists behind the classes. The maps stay the
// definition; the classes are an index of them.
var classLists = []struct {
	c     class
	words map[string]bool
}{
	{passiveAuxClass, passiveAux},
	{formerClass, formerWords},
	{sponsorClass, sponsorWords},
	{reportClass, reportWordList},
	{negatorClass, negators},
	{topicClass, topicWords},
	{locativeClass, locative},
	{updateVerbClass, updateVerbs},
	{putVerbClass, putVerbs},
	{notPeopleClass, notPeople},
	{labelClass, labelWords},
	{armedRoleClass, armedRoleWords},
	{victimHeadClass, victimHeads},
	{blockMaterialClass, blockMaterials},
	{issueClass, issueNouns},
	{clauseClass, clauseWords},
	{seizureClass, seizureWords},
	{accompanimentClass, accompanimentWords},
	{propertyClass, propertyWords},
	{animalClass, animalWords},
	{causeClass, causeWords},
	{cordonClass, cordonWords},
	{peopleClass, peopleWords},
	{accordingClass, accordingWord},
	{tollStopClass, tollStop},
	{tollSubjectClass, tollSubject},
	{containerClass, containerWords},
	{areaClass, areaWords},
	{statementNounClass, statementNouns},
	{claimClass, claimWords},
	{singleClass, singleWords},
}

// addClasses interns the words of every class list and returns the
// classes by vocabulary id. Call it after the tries are finished: the
// ids it adds are beyond their tables, so no phrase starts with them.
func addClasses(v vocab) []class {
	for _, l := range classLists {
		for w, ok := range l.words {
			if ok {
				v.intern(w)
			}
		}
	}
	cls := make([]class, len(v)+1)
	for _, l := range classLists {
		for w, ok := range l.words {
			if ok {
				cls[v[w]] |= l.c
			}
		}
	}
	return cls
}

// is reports whether word k belongs to class c.
func (a *analysis) is(k int, c class) bool { return a.classes[a.ws[k].id]&c != 0 }
