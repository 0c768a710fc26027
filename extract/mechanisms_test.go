package extract

import (
	"testing"

	"github.com/sitrep/sitrep"
)

// TestMechanisms checks the general rules that turn triggers into event
// types, each on an original sentence written for the purpose.
func TestMechanisms(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, text string
		typ, sub   string
		fatalities int // -1: not checked
	}{
		{"a protest about violence is a protest", "Hundreds of women marched in Lima to oppose sexual violence and demand justice for victims.", sitrep.Protests, "Peaceful protest", -1},
		{"a protest after an old clash is a protest", "Relatives protested outside the court on Monday, days after a clash between farmers and herders.", sitrep.Protests, "Peaceful protest", -1},
		{"stones thrown at a protest make a riot", "Students demonstrated in Dhaka over tuition fees. Some of them threw stones at police.", sitrep.Riots, "Violent demonstration", -1},
		{"a crowd beating a suspect is mob violence", "Angry residents beat a suspected thief to death in Kisumu on Sunday.", sitrep.Riots, "Mob violence", 1},
		{"villagers clashing is mob violence", "Villagers from two neighbouring communities clashed over farmland near Bauchi.", sitrep.Riots, "Mob violence", -1},
		{"an armed clash stays a battle", "An armed clash between two criminal groups left four dead in Culiacan.", sitrep.Battles, "Armed clash", 4},
		{"killing outranks abduction", "Bandits killed two farmers and abducted five others in Katsina state.", sitrep.ViolenceAgainstCivs, "Attack", 2},
		{"violence outranks an arrest operation", "Two suspects exchanged fire with police during an arrest operation in Recife.", sitrep.Battles, "Armed clash", -1},
		{"detention by a rebel group is abduction", "Al-Shabaab militants detained three elders in Jowhar on Friday.", sitrep.ViolenceAgainstCivs, "Abduction/forced disappearance", -1},
		{"air cover is support, not the event", "Government troops, supported by air strikes, clashed with rebels near Marib.", sitrep.Battles, "Armed clash", -1},
		{"a figure 'including' others is not summed", "Shelling killed 23 people, including three children, in the city.", sitrep.ExplosionsRemote, "Shelling/artillery/missile attack", 23},
		{"militants killed in a passive clause make a battle", "Three militants were killed by soldiers near Djibo.", sitrep.Battles, "Armed clash", 3},
		{"explosions heard as jets strike are an air strike", "Residents of Taiz heard several loud explosions on Friday night as coalition jets struck targets near the airport.", sitrep.ExplosionsRemote, "Air/drone strike", -1},
		{"bombs fired by rebels are shelling", "Four people were killed on Tuesday when bombs fired by the rebels landed on a camp for displaced people near Bunia.", sitrep.ExplosionsRemote, "Shelling/artillery/missile attack", 4},
		{"bombs dropped from the air are an air strike", "Bombs dropped on a village market near Kauda killed seven people on Monday.", sitrep.ExplosionsRemote, "Air/drone strike", 7},
		{"a roadside bomb stays an IED beside a drone", "A roadside bomb destroyed an army truck near Gao as a surveillance drone circled overhead.", sitrep.ExplosionsRemote, "Remote explosive/landmine/IED", -1},
		{"a blast alone stays an IED", "A blast tore through a bus station in Kirkuk on Sunday, killing three people.", sitrep.ExplosionsRemote, "Remote explosive/landmine/IED", 3},
		{"a crowd dispersing by itself is a peaceful protest", "Traders blocked the main road in Mombasa for two hours but dispersed without incident, police said.", sitrep.Protests, "Peaceful protest", -1},
		{"police dispersing a crowd is an intervention", "Traders blocked the main road in Mombasa until police dispersed them with batons.", sitrep.Protests, "Protest with intervention", -1},
		{"a fight fought with artillery is a clash", "Fierce fighting erupted on Sunday between the army and rebels near Kidal, with witnesses reporting mortar fire and air strikes.", sitrep.Battles, "Armed clash", -1},
		{"a clash and then a shelling verb keeps the first act", "Soldiers clashed with militants near Palma and shelled their camp on Monday.", sitrep.Battles, "Armed clash", -1},
		{"artillery fire alone is shelling", "Artillery fire hit a residential district of Kharkiv on Sunday, killing two people.", sitrep.ExplosionsRemote, "Shelling/artillery/missile attack", 2},
		{"captured soldiers are no captured territory", "Rebels ambushed an army column near Kalehe on Monday and captured 20 soldiers.", sitrep.Battles, "Armed clash", -1},
		{"a town captured in the passive is territory", "The town of Kalehe was captured by rebels on Monday after the army withdrew.", sitrep.Battles, "Non-state actor overtakes territory", -1},
		{"a captured town is territory", "Rebels captured the town of Kalehe on Monday after the army withdrew.", sitrep.Battles, "Non-state actor overtakes territory", -1},
		{"a death at a dispersed protest is excessive force", "Police fired tear gas at crowds protesting fuel prices in Kisumu on Tuesday, and a rights group said one man died of gunshot wounds.", sitrep.Protests, "Excessive force against protesters", 1},
		{"tear gas without deaths stays an intervention", "Police fired tear gas at crowds protesting fuel prices in Kisumu on Tuesday.", sitrep.Protests, "Protest with intervention", -1},
		{"'about' before a number is no protest topic", "About 40 traders blocked a highway outside Arequipa by setting tyres on fire.", sitrep.Riots, "Violent demonstration", -1},
		{"an attack on police without a protest stays an attack", "Gunmen attacked police at a checkpoint outside Kaduna on Friday.", sitrep.Battles, "Armed clash", -1},
		{"roads barricaded at a protest make a riot", "Hundreds of farmers protested in Punjab against the new tariffs and barricaded the highway with tractors and logs.", sitrep.Riots, "Violent demonstration", -1},
		{"a car set alight at a protest makes a riot", "Taxi drivers demonstrated outside the Durban city hall on Monday and set a municipal car alight.", sitrep.Riots, "Violent demonstration", -1},
		{"a car set alight without a protest is property destruction", "Unknown people set a municipal car alight in Durban overnight.", sitrep.StrategicDevelopment, "Looting/property destruction", -1},
		{"students beating a classmate are a mob", "Students at a boarding school in Kisii beat up a classmate they accused of theft on Tuesday.", sitrep.Riots, "Mob violence", -1},
		{"people captured and detained are an arrest", "Border police captured and detained 40 migrants near Edirne on Sunday.", sitrep.StrategicDevelopment, "Arrests", -1},
		{"seized grenades are disrupted weapons use", "Police seized 40 grenades and two rifles from a house in Mombasa on Friday.", sitrep.StrategicDevelopment, "Disrupted weapons use", -1},
		{"shells found in a forest are disrupted weapons use", "Dozens of mortar shells were found buried in a field outside Gulu on Monday.", sitrep.StrategicDevelopment, "Disrupted weapons use", -1},
		{"a bomb threat is no explosion", "Classes at a university in Atlanta were cancelled on Tuesday after a bomb threat.", sitrep.StrategicDevelopment, "Other", -1},
		{"an arrest before any protest is told is an arrest", "Police detained three activists in Harare on Monday. They had organised protests against fuel prices last year.", sitrep.StrategicDevelopment, "Arrests", -1},
		{"shelling and then clashing is a clash", "Government troops shelled rebel trenches and then clashed with the rebels near Marib on Thursday.", sitrep.Battles, "Armed clash", -1},
		{"a mine left from earlier clashes stays a mine", "A landmine left from earlier clashes exploded under a tractor near Idlib, killing two farmers.", sitrep.ExplosionsRemote, "Remote explosive/landmine/IED", 2},
		{"a crowd that gathered and beat someone is a mob", "Villagers gathered and beat a suspected cattle thief near Gulu on Saturday.", sitrep.Riots, "Mob violence", -1},
		{"a gathering after a killing stays a protest", "Relatives gathered outside the court in Gulu to demand the arrest of the men who shot and killed a trader.", sitrep.Protests, "Peaceful protest", -1},
		{"a victim the report names as a drug dealer makes a clash", "Two men on a motorcycle shot dead a man outside a bar in Culiacan on Friday. The victim was a known drug dealer, police said.", sitrep.Battles, "Armed clash", 1},
		{"a victim shot by a gang is still a civilian", "A man was shot dead outside a bar in Culiacan on Friday. The victim was shot by members of a local gang, police said.", sitrep.ViolenceAgainstCivs, "Attack", 1},
		{"an extortionist shot dead makes a clash", "A suspected extortionist was shot dead by unknown gunmen at a market in Tegucigalpa on Monday.", sitrep.Battles, "Armed clash", 1},
		{"two single victims in the object are two deaths", "Gunmen shot dead a trader and his wife near Kaduna on Monday.", sitrep.ViolenceAgainstCivs, "Attack", 2},
		{"a victim named as him and a figure joined to it add up", "Bandits attacked a herder outside Kaduna on Monday, killing him and two of his sons.", sitrep.ViolenceAgainstCivs, "Attack", 3},
		{"a victim and her children in the subject add up", "A teacher and her two daughters were shot dead in their home in Kaduna on Monday.", sitrep.ViolenceAgainstCivs, "Attack", 3},
		{"a death and an injury joined by and are not a pair", "Gunmen killed a man and injured his wife in Kaduna on Monday.", sitrep.ViolenceAgainstCivs, "Attack", 1},
		{"a victim who died at the scene is a death", "A gunman opened fire on a shopkeeper in Kaduna on Monday. The victim died at the scene.", sitrep.ViolenceAgainstCivs, "Attack", 1},
		{"a road blocked with rocks and tyres is a violent demonstration", "Residents blocked the main road into Tororo with rocks and burning tyres on Monday to protest against power cuts.", sitrep.Riots, "Violent demonstration", -1},
		{"a road blocked with lorries stays a protest", "Truck drivers blocked the highway near Lima with their lorries on Monday to protest fuel prices.", sitrep.Protests, "Peaceful protest", -1},
		{"materials used to barricade a road make a violent demonstration", "Villagers used logs and stones to barricade the road to the mine in Kasese on Tuesday, demanding compensation.", sitrep.Riots, "Violent demonstration", -1},
		{"a refinement inside the clause of its protest counts", "Police arrested dozens of party supporters, who were demonstrating violently, in Biratnagar on Monday.", sitrep.Riots, "Violent demonstration", -1},
		{"a refinement in a clause about others does not", "Relatives marched in Harare to demand the release of students who were arrested last week.", sitrep.Protests, "Peaceful protest", -1},
		{"several men beating a suspect are a mob", "Several men beat a suspected pickpocket at a bus stop in Puebla on Sunday.", sitrep.Riots, "Mob violence", -1},
		{"two men shooting a trader are no mob", "Two men shot a trader outside his shop in Puebla on Sunday.", sitrep.ViolenceAgainstCivs, "Attack", -1},
		{"a crowd's earlier act joined by and keeps it the subject of a beating", "Residents caught a suspected cattle thief near Gulu on Saturday and beat him.", sitrep.Riots, "Mob violence", -1},
		{"armed men named in a reported clause are no crowd", "Residents reported that gunmen stopped a bus near Gulu and beat the driver.", sitrep.ViolenceAgainstCivs, "Attack", -1},
		{"people displaced by fighting are a displacement, not a clash", "More than 2,000 villagers were displaced by fighting between the army and rebels near Loikaw on Monday.", sitrep.StrategicDevelopment, "Other", -1},
		{"a house sealed off by soldiers is property seized", "Soldiers sealed off the home of an opposition journalist in Yangon on Thursday.", sitrep.StrategicDevelopment, "Looting/property destruction", -1},
		{"houses set on fire in the passive are property destroyed", "More than 30 houses were set on fire by soldiers in a village near Pauk on Sunday.", sitrep.StrategicDevelopment, "Looting/property destruction", -1},
		{"a woman set on fire is attacked", "A woman was set on fire by her husband in Lahore on Sunday.", sitrep.ViolenceAgainstCivs, "Attack", -1},
		{"a violent word modifying a law is no event", "Hundreds of women gathered outside parliament in Quito on Tuesday in support of a new rape law.", sitrep.Protests, "Peaceful protest", -1},
		{"a violent word modifying victims is no event", "Relatives of kidnapping victims marched in Abuja on Monday.", sitrep.Protests, "Peaceful protest", -1},
		{"a verb takes such a noun as its object", "Police shot suspects fleeing a bank robbery in Lagos on Monday.", sitrep.ViolenceAgainstCivs, "Attack", -1},
		{"a former member of a force is a civilian", "A former member of the Afghan police was shot dead by unidentified gunmen in Herat on Sunday.", sitrep.ViolenceAgainstCivs, "Attack", 1},
		{"small arms that an act was done with are its instrument", "Soldiers fired at villagers with small arms near Kharkiv on Sunday, killing two civilians.", sitrep.ViolenceAgainstCivs, "Attack", 2},
		{"a phrase with a gap does not hide the words it skips", "Four armed men exchanged fire with soldiers outside Recife on Monday.", sitrep.Battles, "Armed clash", -1},
		{"livestock killed is property destroyed, not casualties", "Gunmen raided a farm near Rutshuru on Sunday and killed 25 cows.", sitrep.StrategicDevelopment, "Looting/property destruction", -1},
		{"villagers burning houses are a mob", "Villagers burnt down the houses of two suspected witches near Gulu on Sunday.", sitrep.Riots, "Mob violence", -1},
		{"soldiers burning houses destroy property", "Soldiers burned down 30 houses in a village near Pauk on Sunday.", sitrep.StrategicDevelopment, "Looting/property destruction", -1},
		{"a figure of wounded joined to the dead is not summed", "Fighting between two militias near Walikale on Sunday led to the death of 4 fighters and 2 civilians injured.", sitrep.Battles, "Armed clash", 4},
		{"figures of the dead joined by and are summed", "Fighting between two militias near Walikale on Sunday led to the death of 4 fighters and 2 civilians.", sitrep.Battles, "Armed clash", 6},
		{"a peaceful takeover is no battle", "Government forces took control peacefully of the town after the rebels withdrew.", sitrep.StrategicDevelopment, "Non-violent transfer of territory", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, "2022-03-04")
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			ev := evs[0]
			if ev.EventType != tt.typ || ev.SubEventType != tt.sub {
				t.Errorf("got %s / %s, want %s / %s", ev.EventType, ev.SubEventType, tt.typ, tt.sub)
			}
			if tt.fatalities >= 0 && deref(ev.Fatalities) != tt.fatalities {
				t.Errorf("fatalities: got %d, want %d", deref(ev.Fatalities), tt.fatalities)
			}
		})
	}
}

func TestConditionsAreNotEvents(t *testing.T) {
	evs := extractText(t, mustEngine(t), "The rebels said they would accept talks if the army stops shelling their villages.", "")
	for _, ev := range evs {
		if ev.Occurred() && ev.EventType == sitrep.ExplosionsRemote {
			t.Fatalf("conditional shelling reported as occurred: %+v", ev)
		}
	}
}

func TestCountsAreActsNotPeople(t *testing.T) {
	evs := extractText(t, mustEngine(t), "Police arrested 40 protesters after a march in Harare on Friday.", "2022-03-04")
	for _, ev := range evs {
		if ev.Count != nil {
			t.Fatalf("got count %d %q, want none: protesters are not repeated acts", *ev.Count, ev.CountNoun)
		}
	}
	evs = extractText(t, mustEngine(t), "Coalition jets carried out 14 air strikes near Hajjah overnight.", "2022-03-04")
	if len(evs) == 0 || deref(evs[0].Count) != 14 {
		t.Fatalf("got %+v, want count 14", evs)
	}
}

func TestHeadlineMergesWithLead(t *testing.T) {
	txt := "Gunmen kill nine in Zamfara village raid\n\nGunmen on motorcycles attacked the village of Bakura in Zamfara state on Tuesday, killing nine people, police said.\n"
	evs := extractText(t, mustEngine(t), txt, "2022-03-04")
	if len(evs) != 1 {
		t.Fatalf("got %d events, want the headline and lead as one", len(evs))
	}
	if evs[0].EventDate != "2022-03-01" || deref(evs[0].Fatalities) != 9 || evs[0].ReportedBy != "police" {
		t.Fatalf("got %+v", evs[0])
	}
}

func TestCaseSensitiveAcronyms(t *testing.T) {
	tests := []struct {
		phrase string
		want   bool
	}{
		{"IS", true}, {"US", true}, {"LeT", true}, {"JeM", true}, {"AA", true},
		{"Hamas", false}, {"police", false}, {"Islamic State", false}, {"ISWAP", false},
	}
	for _, tt := range tests {
		if got := caseSensitive(tt.phrase); got != tt.want {
			t.Errorf("caseSensitive(%q) = %v, want %v", tt.phrase, got, tt.want)
		}
	}
	evs := extractText(t, mustEngine(t), "A second strike hit a school in nearby Let Yet Kone, wounding seven students.", "")
	for _, ev := range evs {
		if ev.Actor1 == "Lashkar-e-Taiba" || ev.Actor2 == "Lashkar-e-Taiba" {
			t.Fatalf("the place name %q matched the acronym LeT", "Let Yet Kone")
		}
	}
}

// TestDefiniteNounRefersBack checks that "the fighting" in a later
// sentence with nothing new is the event already told, not another one.
func TestDefiniteNounRefersBack(t *testing.T) {
	evs := extractText(t, mustEngine(t), "Soldiers clashed with al-Shabaab militants near Balcad on Monday, killing 12 of them, the army said. "+
		"Residents of Balcad, about 30 km north of Mogadishu, said the fighting lasted several hours.", "2022-03-04")
	n := 0
	for _, ev := range evs {
		if ev.Occurred() {
			n++
		}
	}
	if n != 1 || evs[0].SubEventType != "Armed clash" {
		t.Errorf("got %d events that occurred (first %s), want the one clash", n, evs[0].SubEventType)
	}
}

// TestCordonIsNoSeizure checks that an area sealed off after an attack
// is a cordon, not property seized.
func TestCordonIsNoSeizure(t *testing.T) {
	evs := extractText(t, mustEngine(t), "A bomb exploded at a bus station in Kirkuk on Sunday, killing three people. Police sealed off the area.", "2022-03-04")
	for _, ev := range evs {
		if ev.SubEventType == "Looting/property destruction" {
			t.Fatalf("a cordon read as property seized: %+v", ev)
		}
	}
}
