#!/usr/bin/env bash
# Median wall time of `planner solve Scenarios/city.json` over RUNS runs (release build, model
# building and solving apart, from the plan's own timing), and the same model exported as MPS
# and solved by glpsol with default options, in the same run. Machines here are shared and
# noisy: compare the two columns of one run, not runs of different days.
#
#   bench/city.sh                 # 5 runs, 120 s limit per solve
#   RUNS=3 LIMIT=60 bench/city.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
LIMIT=${LIMIT:-120}
SCENARIO=${SCENARIO:-Scenarios/city.json}
OUT=bench/out
mkdir -p "$OUT"
scripts/setup
command -v glpsol >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq glpk-utils >/dev/null || true; }
swift build -c release --product planner >/dev/null
PLANNER=.build/release/planner

walls=(); builds=(); solves=(); statuses=(); gaps=()
for i in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    "$PLANNER" solve "$SCENARIO" --format json --time-limit "$LIMIT" -o "$OUT/plan.json" || true
    end=$(date +%s.%N)
    walls+=("$(echo "$end - $start" | bc)")
    read -r b s st g < <(python3 -c "import json;p=json.load(open('$OUT/plan.json'));t=p.get('timing',{});print(t.get('buildSeconds',0),t.get('solveSeconds',0),p['status'],p.get('gap','-'))")
    builds+=("$b"); solves+=("$s"); statuses+=("$st"); gaps+=("$g")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$PLANNER" export "$SCENARIO" --mps "$OUT/city.mps"
glpsol_status="not installed"; glpsol_wall="-"
if command -v glpsol >/dev/null; then
    start=$(date +%s.%N)
    timeout "$((LIMIT + 30))" glpsol --freemps "$OUT/city.mps" --max --tmlim "$LIMIT" > "$OUT/glpsol.log" 2>&1 || true
    end=$(date +%s.%N)
    glpsol_wall=$(echo "$end - $start" | bc)
    glpsol_status=$(grep -E "INTEGER OPTIMAL|TIME LIMIT|PROBLEM HAS NO|mip =" "$OUT/glpsol.log" | tail -1 | sed 's/^ *//')
fi

echo "| what | median wall s | median build s | median solve s | status (each run) | gap (each run) |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| planner solve $SCENARIO (limit ${LIMIT} s, $RUNS runs) | $(median "${walls[@]}") | $(median "${builds[@]}") | $(median "${solves[@]}") | ${statuses[*]} | ${gaps[*]} |"
echo "| glpsol --freemps (defaults, limit ${LIMIT} s) | $glpsol_wall | | | $glpsol_status | |"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), GLPK $("$PLANNER" solve Scenarios/tutorial.json | tail -1 | sed 's/.*GLPK \([0-9.]*\).*/\1/')"
