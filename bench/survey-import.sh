#!/bin/sh
# Whole-command survey import against the sqlite3 shell, paired round by
# round: `scrutiny survey import` of the 100,000-row benchmark file (read,
# check, import in one transaction, print every question's figures) into a
# file holding the example review, then `sqlite3 new.db ".import --csv"` of
# the same file. Each figure is /usr/bin/time -v's elapsed time and maximum
# resident set size.
#
# Usage: bench/survey-import.sh [ROUNDS]      (default 5)
#        BEFORE=/path/to/older/scrutiny bench/survey-import.sh
#               also runs that build in every round, for a before-and-after pair
set -eu
rounds=${1:-5}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scrutiny" .
SCRUTINY_BENCH_CSV="$dir/answers.csv" go test -count=1 -run '^TestWriteBenchCSV$' ./review/surveycsv/ >/dev/null
seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ print $(NF-1)*60 + $NF }'; }
mb() { echo $(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1") / 1024)); }
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
run() { # binary, db, timing file
	rm -f "$2" "$2-wal" "$2-shm"
	"$1" demo --db "$2" >/dev/null
	id=$("$1" list --db "$2" | cut -f1 | head -n 1)
	/usr/bin/time -v -o "$3" "$1" survey import --db "$2" --review "$id" --name Bench "$dir/answers.csv" >/dev/null
}
printf 'round  scrutiny_s  MB  sqlite3_s  MB  ratio'
[ -n "${BEFORE:-}" ] && printf '  before_s  MB  ratio'
printf '\n'
for i in $(seq "$rounds"); do
	run "$dir/scrutiny" "$dir/r.db" "$dir/t1"
	rm -f "$dir/s.db"
	/usr/bin/time -v -o "$dir/t2" sqlite3 "$dir/s.db" ".import --csv $dir/answers.csv answers"
	a=$(seconds "$dir/t1"); s=$(seconds "$dir/t2")
	printf '%5d  %10s  %2s  %9s  %2s  %5s' "$i" "$a" "$(mb "$dir/t1")" "$s" "$(mb "$dir/t2")" "$(ratio "$a" "$s")"
	if [ -n "${BEFORE:-}" ]; then
		run "$BEFORE" "$dir/b.db" "$dir/t3"
		b=$(seconds "$dir/t3")
		printf '  %8s  %3s  %5s' "$b" "$(mb "$dir/t3")" "$(ratio "$b" "$s")"
	fi
	printf '\n'
done
