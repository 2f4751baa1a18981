package review

import (
	"strings"
)

// The Tenant Satisfaction Measures catalogue.
//
// This follows the Regulator of Social Housing's "Tenant Satisfaction
// Measures: Technical requirements" published in September 2022, which
// landlords have used since 1 April 2023. Codes and the parts of a code
// ("RP02 (1)" for non-emergency repairs) are the regulator's; the short
// names are ours, and Counts restates the regulator's definition in plain
// words. The regulator has consulted on a revision (a draft to take effect
// in October 2026): when it is final, replace TSMEdition and the rows of
// tsmCatalogue, and nothing else needs to change, because every screen, the
// import and the report read the catalogue through TSMs and TSMByCode.

// TSMEdition names the edition of the regulator's requirements the
// catalogue follows, for the footnote of the report and `scrutiny measures`.
const TSMEdition = "Regulator of Social Housing, Tenant Satisfaction Measures: Technical requirements (September 2022, in force from April 2023)"

// TSMKind says where a Tenant Satisfaction Measure comes from.
type TSMKind string

const (
	// TSMPerception measures come from the landlord's tenant survey.
	TSMPerception TSMKind = "tenant perception"
	// TSMManagement measures come from the landlord's own records.
	TSMManagement TSMKind = "management information"
)

// TSM is one measure of the regulator's catalogue.
type TSM struct {
	Code      string // "TP01"
	Name      string // our short name: "Overall satisfaction"
	Counts    string // what it counts, in plain words
	Kind      TSMKind
	Unit      MeasureUnit
	Direction Direction
	// Parts are the separately reported parts of a code, numbered from
	// 1 as the regulator numbers them; empty for a code reported whole.
	Parts []TSMPart
}

// TSMPart is one separately reported part of a measure: RP02 (1) is
// non-emergency repairs, RP02 (2) emergency ones.
type TSMPart struct {
	Name   string // "Non-emergency repairs on time"
	Counts string
}

func tp(code, name, counts string) TSM {
	return TSM{Code: code, Name: name, Counts: counts, Kind: TSMPerception, Unit: UnitPct, Direction: HigherBetter}
}

func mi(code, name, counts string, unit MeasureUnit, dir Direction, parts ...TSMPart) TSM {
	return TSM{Code: code, Name: name, Counts: counts, Kind: TSMManagement, Unit: unit, Direction: dir, Parts: parts}
}

// tsmCatalogue is the data; see the note at the top of this file.
//
// NM01 and CH01 have no better direction here: the Housing Ombudsman has
// long said that more complaints can mean tenants trust the landlord to
// listen, and the same holds for reporting anti-social behaviour, so a
// rise is not read as worse, nor a fall as better. A panel that disagrees
// can track its own indicator with a direction.
var tsmCatalogue = []TSM{
	tp("TP01", "Overall satisfaction", "Tenants who say they are satisfied with the overall service from their landlord."),
	tp("TP02", "Satisfaction with repairs", "Tenants who had a repair in the last 12 months and are satisfied with the overall repairs service."),
	tp("TP03", "Time taken for the most recent repair", "Tenants who had a repair in the last 12 months and are satisfied with the time taken to complete their most recent repair."),
	tp("TP04", "Home is well maintained", "Tenants who are satisfied that their home is well maintained."),
	tp("TP05", "Home is safe", "Tenants who are satisfied that their home is safe."),
	tp("TP06", "Listens to views and acts on them", "Tenants who are satisfied that their landlord listens to tenant views and acts upon them."),
	tp("TP07", "Keeps tenants informed", "Tenants who are satisfied that their landlord keeps them informed about things that matter to them."),
	tp("TP08", "Treats tenants fairly and with respect", "Tenants who agree that their landlord treats them fairly and with respect."),
	tp("TP09", "Complaint handling", "Tenants who made a complaint in the last 12 months and are satisfied with their landlord's approach to complaints handling."),
	tp("TP10", "Communal areas clean and well maintained", "Tenants with communal areas who are satisfied that their landlord keeps them clean and well maintained."),
	tp("TP11", "Positive contribution to the neighbourhood", "Tenants who are satisfied that their landlord makes a positive contribution to their neighbourhood."),
	tp("TP12", "Anti-social behaviour handling", "Tenants who are satisfied with their landlord's approach to handling anti-social behaviour."),
	mi("BS01", "Gas safety checks", "Homes for which all required gas safety checks have been carried out.", UnitPct, HigherBetter),
	mi("BS02", "Fire safety checks", "Homes for which all required fire risk assessments have been carried out.", UnitPct, HigherBetter),
	mi("BS03", "Asbestos safety checks", "Homes for which all required asbestos management surveys or re-inspections have been carried out.", UnitPct, HigherBetter),
	mi("BS04", "Water safety checks", "Homes for which all required legionella risk assessments have been carried out.", UnitPct, HigherBetter),
	mi("BS05", "Lift safety checks", "Homes for which all required communal passenger lift safety checks have been carried out.", UnitPct, HigherBetter),
	mi("RP01", "Homes not meeting the Decent Homes Standard", "Homes that do not meet the Decent Homes Standard.", UnitPct, LowerBetter),
	mi("RP02", "Repairs completed on time", "Responsive repairs completed within the landlord's target timescale.", UnitPct, HigherBetter,
		TSMPart{"Non-emergency repairs on time", "Non-emergency responsive repairs completed within the landlord's target timescale."},
		TSMPart{"Emergency repairs on time", "Emergency responsive repairs completed within the landlord's target timescale."}),
	mi("NM01", "Anti-social behaviour cases", "Anti-social behaviour cases opened per 1,000 homes.", UnitPerThousand, NoDirection,
		TSMPart{"Anti-social behaviour cases", "Anti-social behaviour cases opened per 1,000 homes."},
		TSMPart{"Anti-social behaviour cases involving hate incidents", "Anti-social behaviour cases that involve hate incidents opened per 1,000 homes."}),
	mi("CH01", "Complaints received", "Complaints received per 1,000 homes.", UnitPerThousand, NoDirection,
		TSMPart{"Stage 1 complaints received", "Stage one complaints received per 1,000 homes."},
		TSMPart{"Stage 2 complaints received", "Stage two complaints received per 1,000 homes."}),
	mi("CH02", "Complaints answered in time", "Complaints responded to within the Housing Ombudsman's Complaint Handling Code timescales.", UnitPct, HigherBetter,
		TSMPart{"Stage 1 complaints answered in time", "Stage one complaints responded to within the Complaint Handling Code timescales."},
		TSMPart{"Stage 2 complaints answered in time", "Stage two complaints responded to within the Complaint Handling Code timescales."}),
}

// TSMs returns the catalogue in the regulator's order. The slice is a copy:
// a caller cannot change the catalogue.
func TSMs() []TSM {
	out := make([]TSM, len(tsmCatalogue))
	copy(out, tsmCatalogue)
	return out
}

// TSMByCode finds a catalogue entry by its code ("TP01", any case).
func TSMByCode(code string) (TSM, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, t := range tsmCatalogue {
		if t.Code == code {
			return t, true
		}
	}
	return TSM{}, false
}

// Lines are what a panel tracks: one per code, or one per part for codes
// reported in parts. Each comes as a Measure with no ID and no results, so
// a panel can start tracking it.
func (t TSM) Lines() []Measure {
	if len(t.Parts) == 0 {
		return []Measure{{Code: t.Code, Name: t.Name, Counts: t.Counts, Unit: t.Unit, Direction: t.Direction}}
	}
	out := make([]Measure, len(t.Parts))
	for i, p := range t.Parts {
		out[i] = Measure{Code: PartCode(t.Code, i+1), Name: p.Name, Counts: p.Counts, Unit: t.Unit, Direction: t.Direction}
	}
	return out
}

// PartCode is how the regulator writes part n of a code: "RP02 (1)".
func PartCode(code string, n int) string { return code + " (" + itoa(n) + ")" }

// TSMLines returns every line of the catalogue: 26 (the 22 codes, with
// RP02, NM01, CH01 and CH02 in two parts each).
func TSMLines() []Measure {
	var out []Measure
	for _, t := range tsmCatalogue {
		out = append(out, t.Lines()...)
	}
	return out
}

// ReadMeasureCode reads a code as panels and landlords write it and gives
// its canonical form: "tp01" is "TP01"; "RP02(1)", "RP02 (1)", "RP02.1",
// "RP02-1" and "RP02a" are all "RP02 (1)". A code that is not a TSM is
// returned trimmed and upper-cased, with ok false, for the caller to look
// up among the panel's own indicators. A TSM code that needs a part and has
// none, or names a part it does not have, gives a message saying which
// parts there are.
func ReadMeasureCode(s string) (code string, isTSM bool, problem string) {
	c := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(c) < 4 {
		return c, false, ""
	}
	t, ok := TSMByCode(c[:4])
	if !ok {
		return c, false, ""
	}
	rest := c[4:]
	switch {
	case rest == "":
		if len(t.Parts) == 0 {
			return t.Code, true, ""
		}
		return t.Code, true, t.Code + " is reported in parts: write " + partChoices(t)
	case len(t.Parts) == 0:
		return c, true, t.Code + " is reported whole, without parts: write " + t.Code
	}
	rest = strings.TrimSuffix(strings.TrimPrefix(strings.TrimLeft(rest, ".-_/"), "("), ")")
	n := 0
	switch {
	case len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9':
		n = int(rest[0] - '0')
	case len(rest) == 1 && rest[0] >= 'A' && rest[0] <= 'I':
		n = int(rest[0]-'A') + 1
	}
	if n < 1 || n > len(t.Parts) {
		return c, true, t.Code + " has no part " + strings.ToLower(rest) + ": write " + partChoices(t)
	}
	return PartCode(t.Code, n), true, ""
}

func partChoices(t TSM) string {
	var s []string
	for i, p := range t.Parts {
		s = append(s, PartCode(t.Code, i+1)+" for "+strings.ToLower(p.Name[:1])+p.Name[1:])
	}
	return strings.Join(s, " or ")
}

// IsPerception reports whether code (any line's code, "TP01") is a tenant
// perception measure, worked out from a survey of a sample of tenants, so
// its results carry a margin of error.
func IsPerception(code string) bool {
	if len(code) < 4 {
		return false
	}
	t, ok := TSMByCode(code[:4])
	return ok && t.Kind == TSMPerception && len(code) == 4
}
