#!/usr/bin/env bash
# The path an outside check takes: a fresh hub (bin/hub start, embedded defaults), every <source>.ndjson of DIR
# POSTed to /api/v1/records/{source} in batches, GET /api/v1/crosswalk right after the last answer, and the
# crosswalk scored against DIR/truth.csv (source,sourceId,entityId): pairwise precision, recall, F1.
# Usage: bench/crosswalk.sh DIR [--port 18123] [--batch 500] [--log FILE]   (needs curl and python3;
#        --log keeps the hub's log, whose lines say how long its learning passes took)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(cd "$1" && pwd)"; shift
PORT=18123; BATCH=500; LOG=
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --log) LOG="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d)"
export HUB_DATA_DIR="$WORK/data"
cd "$ROOT"
bin/hub start --port "$PORT" > "$WORK/hub.log" 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null; wait $HUB 2>/dev/null || true; [ -z "$LOG" ] || cp "$WORK/hub.log" "$LOG"; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break; sleep 1; done
TOKEN="$(bin/hub token --role admin 2>/dev/null | tail -1)"
START=$(date +%s.%N)
for f in "$DIR"/*.ndjson; do
  source="$(basename "$f" .ndjson)"
  split -l "$BATCH" "$f" "$WORK/chunk-"
  for c in "$WORK"/chunk-*; do
    curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      --data-binary @"$c" "http://127.0.0.1:$PORT/api/v1/records/$source" > "$WORK/answer"
    rejected=$(grep -c '"rejected"' "$WORK/answer" || true)
    [ "$rejected" = 0 ] || echo "$source: $rejected lines rejected in one batch, e.g. $(grep -m1 rejected "$WORK/answer")"
    rm "$c"
  done
done
LOADED=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/crosswalk" > "$WORK/crosswalk.ndjson"
READ=$(date +%s.%N)
python3 - "$DIR/truth.csv" "$WORK/crosswalk.ndjson" "$START" "$LOADED" "$READ" <<'PY'
import csv, json, sys, itertools, collections
truth = {(r['source'], r['sourceId']): r['entityId'] for r in csv.DictReader(open(sys.argv[1]))}
cw = {}
for line in open(sys.argv[2]):
    r = json.loads(line); cw[(r['source'], r['sourceId'])] = r['profileId']
def pairs(groups):
    by = collections.defaultdict(list)
    for k, g in groups.items(): by[g].append(k)
    return {p for ks in by.values() for p in itertools.combinations(sorted(ks), 2)}
keys = truth.keys() & cw.keys()
t, p = pairs({k: truth[k] for k in keys}), pairs({k: cw[k] for k in keys})
tp = len(t & p); precision = tp / len(p) if p else 1.0; recall = tp / len(t) if t else 1.0
start, loaded, read = map(float, sys.argv[3:6])
print(f'records {len(keys):,} of {len(truth):,} in truth, {len(cw):,} in the crosswalk, {len(set(cw.values())):,} profiles')
print(f'loaded in {loaded - start:.1f} s; the crosswalk read took {read - loaded:.1f} s (a young hub learns first)')
print(f'precision {precision:.4f}  recall {recall:.4f}  F1 {2 * precision * recall / (precision + recall):.4f}')
PY
