#!/bin/sh
# Whole-command survey import against the sqlite3 shell, paired round by
# round: `scrutiny survey import` of the 100,000-row benchmark file (read,
# check, import in one transaction, print every question's figures) into a
# file holding the example review, then `sqlite3 new.db ".import --csv"` of
# the same file. Each figure is /usr/bin/time -v's elapsed time, processor
# time (user + system) and maximum resident set size; the ratios are of the
# elapsed times, then of the processor times (steadier on a busy machine).
#
# Usage: .ci/bench-survey-import.sh [ROUNDS]      (default 5)
#        BEFORE=/path/to/older/scrutiny .ci/bench-survey-import.sh
#               also runs that build in every round, for a before-and-after pair
set -eu
rounds=${1:-5}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scrutiny" .
SCRUTINY_BENCH_CSV="$dir/answers.csv" go test -count=1 -run '^TestWriteBenchCSV$' ./review/surveycsv/ >/dev/null
seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ print $(NF-1)*60 + $NF }'; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }
mb() { echo $(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1") / 1024)); }
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
run() { # binary, db, timing file
	rm -f "$2" "$2-wal" "$2-shm"
	"$1" demo --db "$2" >/dev/null
	id=$("$1" list --db "$2" | cut -f1 | head -n 1)
	/usr/bin/time -v -o "$3" "$1" survey import --db "$2" --review "$id" --name Bench "$dir/answers.csv" >/dev/null
}
printf 'round  scrutiny_s cpu_s MB  sqlite3_s cpu_s MB  ratio cpu_ratio'
[ -n "${BEFORE:-}" ] && printf '  before_s cpu_s  MB  ratio cpu_ratio'
printf '\n'
for i in $(seq "$rounds"); do
	run "$dir/scrutiny" "$dir/r.db" "$dir/t1"
	rm -f "$dir/s.db"
	/usr/bin/time -v -o "$dir/t2" sqlite3 "$dir/s.db" ".import --csv $dir/answers.csv answers"
	a=$(seconds "$dir/t1"); s=$(seconds "$dir/t2")
	printf '%5d  %10s %5s %2s  %9s %5s %2s  %5s %9s' "$i" "$a" "$(cpu "$dir/t1")" "$(mb "$dir/t1")" "$s" "$(cpu "$dir/t2")" "$(mb "$dir/t2")" \
		"$(ratio "$a" "$s")" "$(ratio "$(cpu "$dir/t1")" "$(cpu "$dir/t2")")"
	if [ -n "${BEFORE:-}" ]; then
		run "$BEFORE" "$dir/b.db" "$dir/t3"
		b=$(seconds "$dir/t3")
		printf '  %8s %5s %3s  %5s %9s' "$b" "$(cpu "$dir/t3")" "$(mb "$dir/t3")" "$(ratio "$b" "$s")" "$(ratio "$(cpu "$dir/t3")" "$(cpu "$dir/t2")")"
	fi
	printf '\n'
done
