#!/usr/bin/env bash
# A sweep of 5 values (parallel, and warm-started one after another) against 5 separate
# `planner solve` runs of the same variants, in one run:
# wall time of each, and whether every row equals its separate solve.
#
#   bench/sweep.sh                                    # Scenarios/city.json, women's share 0.15 to 0.25
#   SET=policy.moves.maxShare=0.15...0.35/0.05 LIMIT=300 bench/sweep.sh
#   SCENARIO=Scenarios/tutorial.json bench/sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO=${SCENARIO:-Scenarios/city.json}
SET=${SET:-policy.women.minShare=0.15...0.25/0.025}
LIMIT=${LIMIT:-600}
OUT=bench/out/sweep
rm -rf "$OUT" && mkdir -p "$OUT"
swift build -c release --product planner >/dev/null
PLANNER=$PWD/.build/release/planner
path=${SET%%=*}

start=$(date +%s.%N)
"$PLANNER" sweep "$SCENARIO" --set "$SET" --time-limit "$LIMIT" --format json -o "$OUT/sweep.json" || true
sweep_wall=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
"$PLANNER" sweep "$SCENARIO" --set "$SET" --time-limit "$LIMIT" --warm-start --format json -o "$OUT/sweep-warm.json" || true
warm_wall=$(echo "$(date +%s.%N) - $start" | bc)

values=$(python3 -c "import json;print(' '.join(r['values'][0] for r in json.load(open('$OUT/sweep.json'))['rows']))")
base=$(realpath "$SCENARIO")
start=$(date +%s.%N)
for value in $values; do
    printf '{"variantOf": "%s", "changes": [{"set": "%s", "to": %s}]}\n' "$base" "$path" "$value" > "$OUT/v-$value.json"
    "$PLANNER" solve "$OUT/v-$value.json" --time-limit "$LIMIT" --format json -o "$OUT/plan-$value.json" || true
done
separate_wall=$(echo "$(date +%s.%N) - $start" | bc)

python3 - "$OUT" "$sweep_wall" "$separate_wall" "$warm_wall" <<'PY'
import json, sys
out, sweep_wall, separate_wall, warm_wall = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
warm = json.load(open(f"{out}/sweep-warm.json"))["rows"]
rows = json.load(open(f"{out}/sweep.json"))["rows"]
def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))
same = all(close(json.load(open(f"{out}/plan-{r['values'][0]}.json"))["objective"], r["objective"]) for r in rows)
print("| what | wall s | rows |")
print("| --- | --- | --- |")
print(f"| planner sweep, {len(rows)} values, parallel | {sweep_wall:.1f} | " + ", ".join(f"{r['values'][0]}: {r['status']} {r['objective']:.2f}" for r in rows if r.get("objective") is not None) + " |")
warm_same = all(close(a["objective"], b["objective"]) for a, b in zip(warm, rows))
solving = lambda rs: sum(r.get("solveSeconds") or 0 for r in rs)
print(f"| planner sweep --warm-start, one after another from the previous plan | {warm_wall:.1f} | same objectives: {'yes' if warm_same else 'NO'} |")
print(f"| {len(rows)} separate planner solve runs, one after another | {separate_wall:.1f} | same objectives: {'yes' if same else 'NO'} |")
print(f"\nsweep / separate: {sweep_wall / separate_wall:.2f}; warm-started sweep / separate: {warm_wall / separate_wall:.2f}")
print(f"seconds of solving, summed over the values: cold {solving(rows):.1f}, warm-started {solving(warm):.1f}")
PY
