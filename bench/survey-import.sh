#!/bin/sh
# Whole-command survey import against the sqlite3 shell, paired round by
# round: `scrutiny survey import` of the 100,000-row benchmark file (read,
# check, import in one transaction, print every question's figures) into a
# file holding the example review, then `sqlite3 new.db ".import --csv"` of
# the same file. Each figure is /usr/bin/time -v's elapsed time and maximum
# resident set size. Usage: bench/survey-import.sh [ROUNDS]   (default 5)
set -eu
rounds=${1:-5}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scrutiny" .
SCRUTINY_BENCH_CSV="$dir/answers.csv" go test -count=1 -run '^TestWriteBenchCSV$' ./review/surveycsv/ >/dev/null
seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ print $(NF-1)*60 + $NF }'; }
rss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
printf 'round  scrutiny_s  scrutiny_MB  sqlite3_s  sqlite3_MB  ratio\n'
for i in $(seq "$rounds"); do
	rm -f "$dir"/r.db* "$dir"/s.db*
	"$dir/scrutiny" demo --db "$dir/r.db" >/dev/null
	id=$("$dir/scrutiny" list --db "$dir/r.db" | cut -f1 | head -n 1)
	/usr/bin/time -v -o "$dir/t1" "$dir/scrutiny" survey import --db "$dir/r.db" --review "$id" --name Bench "$dir/answers.csv" >/dev/null
	/usr/bin/time -v -o "$dir/t2" sqlite3 "$dir/s.db" ".import --csv $dir/answers.csv answers"
	a=$(seconds "$dir/t1"); b=$(seconds "$dir/t2")
	printf '%5d  %10.2f  %11.1f  %9.2f  %10.1f  %5.2f\n' "$i" "$a" "$(($(rss "$dir/t1") / 1024))" "$b" "$(($(rss "$dir/t2") / 1024))" "$(echo "$a $b" | awk '{ print $1 / $2 }')"
done
