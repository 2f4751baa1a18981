package surveycsv

// Respondents builds a map per respondent, about 1.2 KB for 20 answers;
// above this many rows it first clears what reading the file left behind.
// Import does not need the maps: it writes the answers straight from the
// preview's compact cells.
const leanGCAbove = 50_000 // rows
