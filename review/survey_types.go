package review

// Standard is a service promise with a target and the actual performance.
// Whether it is met is worked out by Met when target and actual are both
// numbers in comparable units, and otherwise taken from the panel's Verdict.
type Standard struct {
	ID       string
	Promise  string   // "Calls answered within 4 minutes"
	Target   string   // as typed: "at least 80%", "within 4 working hours", "higher than 7.4"
	Actual   string   // as typed: "70%", "14 minutes", "7.1"
	Period   string   // "end of February 2019"
	Source   string   // "Business Intelligence team"
	Verdict  MetState // the panel's own call, used when Met cannot be computed
	Evidence string   // optional evidence ID this came from
	// Measure is the ID of a measure the standard follows: its latest
	// result becomes the actual figure (see FollowMeasures).
	Measure string
}

// MetState says whether a standard was met.
type MetState int

const (
	MetUnknown MetState = iota
	MetYes
	MetNo
)

// Channel is how a survey was sent.
type Channel string

const (
	ChannelText     Channel = "text"
	ChannelEmail    Channel = "email"
	ChannelPhone    Channel = "phone"
	ChannelPaper    Channel = "paper"
	ChannelOnline   Channel = "online"
	ChannelInPerson Channel = "in person"
)

// Channels lists every survey channel.
var Channels = []Channel{ChannelText, ChannelEmail, ChannelPhone, ChannelPaper, ChannelOnline, ChannelInPerson}

// QuestionKind is the kind of answer a question takes.
type QuestionKind string

const (
	QuestionScale    QuestionKind = "scale"
	QuestionYesNo    QuestionKind = "yes/no"
	QuestionChoice   QuestionKind = "choice"
	QuestionFreeText QuestionKind = "free text"
)

// QuestionKinds lists every kind of question.
var QuestionKinds = []QuestionKind{QuestionScale, QuestionYesNo, QuestionChoice, QuestionFreeText}

// Survey is a set of questions sent to customers or staff, with the answers.
type Survey struct {
	ID       string
	Name     string
	Date     Date
	Channel  Channel
	Sent     int    // how many were sent; 0 when not known
	Evidence string // optional evidence ID this survey belongs to
	// Thresholds for "% at or above" and "% at or below"; zero means the
	// defaults (6 and 3 on a 1-10 scale, scaled for other scales).
	High, Low   int
	Questions   []Question
	Respondents Respondents
}

// Question is one question of a survey.
type Question struct {
	ID       string
	Text     string
	Kind     QuestionKind
	Min, Max int      // scale range, e.g. 1-10, 0-10, 1-5
	Labels   []string // scale labels from Min upwards ("Very dissatisfied"...), or the choices
	// Tally holds counts entered by hand when only a summary exists, keyed by
	// answer value ("7", "yes", a choice). They add to the respondents' answers.
	Tally map[string]int
	// TallyExcluded counts hand-entered "Don't know" / "N/A" answers.
	TallyExcluded int
	// Measure marks a five-point "satisfied" question as asking a Tenant
	// Satisfaction Measure ("TP01"): its % satisfied is that measure's
	// result for the survey's financial year (see SurveyResults).
	Measure string
	// Population is how many homes the survey was drawn from, for the
	// margin of error; 0 when not known.
	Population int
}

// Excluded is the stored answer for "Don't know", "N/A" and the like: counted,
// but left out of the statistics.
const Excluded = "n/a"

// Respondent is one person's answers, as one value: how a person is typed
// in, and how formats that write a person at a time see them. A survey keeps
// its respondents in columns (Respondents).
type Respondent struct {
	ID string
	// Attrs carries respondent attributes such as "contact method": "phone".
	Attrs map[string]string
	// Answers maps question ID to the answer: a scale point as a number
	// ("7"), "yes"/"no", a choice, free text, or Excluded. Missing = no answer.
	Answers map[string]string
}

// RespondentRows hands a survey's respondents to the store one at a time,
// so a large file never needs a map per respondent: the answers are encoded
// straight from the caller's values into the stored JSON.
type RespondentRows struct {
	N int // how many respondents
	// AttrKeys names the attributes ("contact method"), AnswerKeys the
	// question IDs, in the order Row fills them. Each list's names must be
	// distinct.
	AttrKeys, AnswerKeys []string
	// Row puts respondent i's values into attrs and answers (one per key,
	// in key order); "" means no value. The slices are reused.
	Row func(i int, attrs, answers []string)
	// IDs, when it has N entries, gives the respondents' IDs; empty entries
	// are filled with new ones. When nil, new IDs are made and not kept.
	IDs []string
}
