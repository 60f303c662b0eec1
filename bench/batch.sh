#!/usr/bin/env bash
# Issue 25's closing batch, in one go, for a quiet machine (≤ 15 minutes): load 300 × 2 with 30 posts in flight
# and at 100 deliveries/s, Bigan and the SDK's LarkChannel peer alternating, each twice; start-up and idle memory
# (--runs 3); the resume after a killed worker; a full draft sequential against parallel. Every bench inserts its
# own rows into BENCHMARKS.md (date, load average, machine, the batch id in the note); this script adds the
# batch's log: nproc, CPU model, Node, and each step's start, end, load averages and exit code.
#
#   npm run bench:batch
#   BATCH_EVENTS=20 BATCH_STARTUP_RUNS=1 BATCH_RECOVERY_ROUNDS=1 BATCH_DRAFTING=configured npm run bench:batch   # dry run
set -u
cd "$(dirname "$0")/.."

EVENTS=${BATCH_EVENTS:-300}
STREAM_MS=${BATCH_STREAM_MS:-3000}
STARTUP_RUNS=${BATCH_STARTUP_RUNS:-3}
RECOVERY_ROUNDS=${BATCH_RECOVERY_ROUNDS:-3}
DRAFTING=${BATCH_DRAFTING:-sequential,configured}
# 15 minutes less the slack for the last kill and the log.
BUDGET_S=${BATCH_BUDGET_S:-860}
ID="batch $(date -u +%Y-%m-%dT%H:%MZ)"
T0=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
LOG=""

echo "$ID: nproc $(nproc), load $LOAD0" >&2
if awk -v l="${LOAD0%% *}" 'BEGIN { exit !(l > 1.0) }'; then
  echo "warning: 1-minute load average ${LOAD0%% *} > 1: figures will say more about the machine than about the bots" >&2
fi

# step NAME LIMIT_S CMD…: run under a time limit cut to what is left of the batch's budget (so the batch ends within
# it); a step that would get less than a third of its limit is skipped and logged as such. Logs load and exit code.
step() {
  local name=$1 limit=$2
  shift 2
  local before start rc left
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date -u +%H:%M:%S)
  left=$((BUDGET_S - ($(date +%s) - T0)))
  if ((left * 3 < limit)); then
    LOG+="| $name | $start | – | $before | – | skipped: ${left} s left of the ${BUDGET_S} s budget |"$'\n'
    echo "== $name: skipped (budget)" >&2
    return
  fi
  ((left < limit)) && limit=$left
  echo "== $name ($start, load $before, limit ${limit} s)" >&2
  timeout --kill-after=15 "$limit" "$@"
  rc=$?
  LOG+="| $name | $start | $(date -u +%H:%M:%S) | $before | $(cut -d' ' -f1-3 /proc/loadavg) | $([ $rc -eq 124 ] && echo "timed out after ${limit} s" || echo "$rc") |"$'\n'
}

step "build" 180 npm run build --silent

LOAD=(npx tsx bench/load.ts --events "$EVENTS" --stream "$STREAM_MS" --note "$ID")
# Alternating, and the order flipped in the second round, so a drift of the machine's load touches both bots.
for round in 1 2; do
  for shape in "--concurrency 30" "--rate 100"; do
    label="${EVENTS}×2 ${shape#--}, round $round"
    # shellcheck disable=SC2086
    if [ "$round" = 1 ]; then
      step "load bigan, $label" 240 "${LOAD[@]}" $shape
      step "load peer, $label" 240 "${LOAD[@]}" --bot channel $shape
    else
      step "load peer, $label" 240 "${LOAD[@]}" --bot channel $shape
      step "load bigan, $label" 240 "${LOAD[@]}" $shape
    fi
  done
done

step "startup --runs $STARTUP_RUNS" 300 npx tsx bench/startup.ts --runs "$STARTUP_RUNS" --note "$ID"
step "recovery, $RECOVERY_ROUNDS rounds" 240 env BENCH_NOTE="$ID" npx tsx bench/recovery.ts "$RECOVERY_ROUNDS"
step "drafting ($DRAFTING)" 300 env BENCH_ONLY="$DRAFTING" npx tsx bench/drafting.ts

MINUTES=$(awk -v s="$(($(date +%s) - T0))" 'BEGIN { printf "%.1f", s / 60 }')
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
SECTION="#### $ID: nproc $(nproc), ${CPU:-unknown CPU}, Node $(node --version); load $LOAD0 → $(cut -d' ' -f1-3 /proc/loadavg); ${MINUTES} min

| step | start (UTC) | end | load avg before | load avg after | exit |
|---|---|---|---|---|---|
${LOG}"
BATCH_SECTION="$SECTION" node -e '
const fs = require("node:fs");
const MARK = "<!-- bench:batch inserts batch logs above this line -->";
const doc = fs.readFileSync("BENCHMARKS.md", "utf8");
const section = process.env.BATCH_SECTION + "\n";
fs.writeFileSync("BENCHMARKS.md", doc.includes(MARK) ? doc.replace(MARK, section + MARK) : doc + "\n" + section);
'
echo "$ID done in ${MINUTES} min; rows and the batch log are in BENCHMARKS.md" >&2
