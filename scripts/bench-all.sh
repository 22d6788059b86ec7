#!/usr/bin/env bash
# Runs every benchmark of the repository once, on one jar, and writes a Markdown report: the machine (cpus, memory,
# Java), the date, the git commit, and for each benchmark the command, its exit status, wall time, the load average
# before it, and its whole output (medians and ratios as each benchmark prints them).
#
# Usage: scripts/bench-all.sh [--out FILE] [--jar FILE] [--only a,b,...] [--skip a,b,...]
#   --out FILE   the report (default docs/benchmarks-generated.md)
#   --jar FILE   run this jar instead of building one (default: mvn -B -q -pl runtime -am package -DskipTests, once)
#   --only/--skip  benchmarks by name: journal cassandra backtest actors memory memory-bars latency book amm http
# Environment: BENCH_AMM_SECONDS (busy phase of bench-amm, default 20), BENCH_HTTP_SECONDS (default 10),
#   BENCH_HTTP_CONNECTIONS (default 32), BENCH_TIMEOUT (seconds per benchmark, default 900), BENCH_KEEP=1 keeps the
#   work directory (journals, logs).
# About 11 minutes on 2 quiet cores, the build included. Figures from a machine that is doing anything else are not
# figures: check the load averages in the report.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

OUT="docs/benchmarks-generated.md"
JAR=""
ONLY=""
SKIP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --only) ONLY=",$2,"; shift 2 ;;
    --skip) SKIP=",$2,"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench-all: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
AMM_SECONDS="${BENCH_AMM_SECONDS:-20}"
HTTP_SECONDS="${BENCH_HTTP_SECONDS:-10}"
HTTP_CONNECTIONS="${BENCH_HTTP_CONNECTIONS:-32}"
TIMEOUT="${BENCH_TIMEOUT:-900}"

WORK="$(mktemp -d /tmp/bench-all.XXXXXX)"
cleanup() { if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench-all: work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
STARTED=$(date +%s)
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "$JAR" ]; then
  echo "bench-all: building the jar once (mvn -B -q -pl runtime -am package -DskipTests) ..." >&2
  mvn -B -q -pl runtime -am package -DskipTests >&2
  JAR="runtime/target/swarm.jar"
fi
# Run a copy: a build started meanwhile (another shell, an IDE) cannot swap the jar under a running benchmark.
cp "$JAR" "$WORK/swarm.jar"
SWARM=(java -jar "$WORK/swarm.jar" --data-dir "$WORK/data")

wanted() { # NAME -> whether to run it
  { [ -z "$ONLY" ] || [[ "$ONLY" == *",$1,"* ]]; } && [[ "$SKIP" != *",$1,"* ]]
}

SECTIONS="$WORK/sections.md"
SUMMARY="$WORK/summary.md"
: > "$SECTIONS"
: > "$SUMMARY"

# bench NAME TITLE SHOWN SUMMARY_REGEX COMMAND...: runs COMMAND, appends its section and its headline lines.
# SHOWN is the command as a reader types it (`swarm` = java -jar runtime/target/swarm.jar).
bench() {
  local name="$1" title="$2" shown="$3" headline="$4"
  shift 4
  if ! wanted "$name"; then return 0; fi
  echo "bench-all: $name: $shown" >&2
  local load start end rc=0
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s)
  timeout --signal=TERM --kill-after=30 "$TIMEOUT" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || rc=$?
  end=$(date +%s)
  {
    echo "## $title"
    echo
    echo '```bash'
    echo "$shown"
    echo '```'
    echo
    echo "exit $rc, $((end - start)) s wall, load average before: $load"
    echo
    echo '```'
    cat "$WORK/$name.out"
    echo '```'
    if [ "$rc" != 0 ]; then
      echo
      echo "**FAILED (exit $rc$([ "$rc" = 124 ] && echo ", timed out after $TIMEOUT s")).** Last lines of its stderr:"
      echo
      echo '```'
      grep -v -e '^SLF4J' "$WORK/$name.err" | tail -n 20
      echo '```'
    fi
    echo
  } >> "$SECTIONS"
  {
    echo "**$title** ($([ "$rc" = 0 ] && echo ok || echo "FAILED, exit $rc"))"
    echo '```'
    grep -E -e "$headline" "$WORK/$name.out" || echo "(no figures)"
    echo '```'
    echo
  } >> "$SUMMARY"
}

# note NAME TITLE TEXT: a benchmark that could not run here, and why.
note() {
  if ! wanted "$1"; then return 0; fi
  echo "bench-all: $1: skipped: $3" >&2
  printf '## %s\n\nSkipped: %s\n\n' "$2" "$3" >> "$SECTIONS"
  printf '**%s**: skipped (%s)\n\n' "$2" "$3" >> "$SUMMARY"
}

bench journal "Journal: persisted events/s and recovery with and without snapshots (H2)" \
  "swarm bench-journal --bots 100 --events 1000 --snapshot-every 100 --recoveries 3" \
  '^(snapshots|off|every)' \
  "${SWARM[@]}" bench-journal --bots 100 --events 1000 --snapshot-every 100 --recoveries 3

# The Cassandra journal: a real Cassandra 5 started by scripts/cassandra.sh (its own data directory), bench-journal
# on the cassandra profile (scratch keyspace) beside a raw CQL insert of the same rows in the same run (docs/cassandra.md).
if wanted cassandra; then
  CASS_DIR="$(mktemp -d)"
  if scripts/cassandra.sh start --dir "$CASS_DIR" --commitlog-sync periodic >&2; then
    bench cassandra "Journal on Cassandra: persisted events/s vs a raw CQL insert (same run)" \
      "scripts/cassandra.sh start --commitlog-sync periodic; SWARM_PERSISTENCE_PROFILE=cassandra SWARM_CASSANDRA_DEV_AUTOCREATE=true swarm bench-journal --bots 100 --events 1000 --snapshot-every 100 --recoveries 3" \
      '^(snapshots|off|every|raw|rows/statement|1 |10 )' \
      env SWARM_PERSISTENCE_PROFILE=cassandra SWARM_CASSANDRA_DEV_AUTOCREATE=true \
      "${SWARM[@]}" bench-journal --bots 100 --events 1000 --snapshot-every 100 --recoveries 3
    scripts/cassandra.sh stop --dir "$CASS_DIR" >&2 || true
  else
    note cassandra "Journal on Cassandra" "scripts/cassandra.sh could not start a server"
  fi
  rm -rf "$CASS_DIR"
fi

bench backtest "Backtest: bot-bars/s of the swarm path beside ta4j's BarSeriesManager" \
  "swarm bench-backtest --runs 3" \
  'bot-bars/s|default swarm|one bot|ta4j|trades per run' \
  "${SWARM[@]}" bench-backtest --runs 3

bench actors "Ceiling: Pekko typed messages between local actors" \
  "swarm bench-actors --round-trips 500000 --pairs 4 --workers 100 --messages 10000 --steps 2000 --warmups 2 --runs 5" \
  '^shape|ping-pong|fan-out|lockstep|dispatcher' \
  "${SWARM[@]}" bench-actors --round-trips 500000 --pairs 4 --workers 100 --messages 10000 --steps 2000 --warmups 2 --runs 5

bench memory "Memory: heap per bot, 10,000 sharded bots configured and funded" \
  "swarm bench-memory --bots 10000 --warmup-bots 200" \
  'bytes per bot' \
  "${SWARM[@]}" bench-memory --bots 10000 --warmup-bots 200

bench memory-bars "Memory: heap per bot with a full market memory (500 bars each)" \
  "swarm bench-memory --bots 1000 --warmup-bots 200 --bars 500" \
  'bytes per bot' \
  "${SWARM[@]}" bench-memory --bots 1000 --warmup-bots 200 --bars 500

bench latency "Paper mode: market event to order decision (HdrHistogram)" \
  "swarm bench-latency --bots 1,50 --warmup-bots 50" \
  'bots?:|p50 ms|decision|on bars that traded|commit:|step:|goal' \
  "${SWARM[@]}" bench-latency --bots 1,50 --warmup-bots 50

if [ -d ../shared/data/benchmark/binance_l2_btcusdt_spot ]; then
  bench book "Order book: L2 replay of the Binance capture" \
    "swarm bench-book --runs 10" \
    'median of|data points/s|messages/s|rejects|gaps|agree' \
    "${SWARM[@]}" bench-book --runs 10
else
  note book "Order book: L2 replay of the Binance capture" "../shared/data/benchmark/binance_l2_btcusdt_spot/ is not on this machine"
fi

if command -v node >/dev/null && command -v npm >/dev/null; then
  bench amm "AMM diamond on a local chain (short busy phase: ${AMM_SECONDS} s)" \
    "swarm bench-amm --bots 50 --seconds $AMM_SECONDS --quiet-gaps 8" \
    'busy phase|transactions mined|decisions \(ms\)|total \(our own time\)|plan|sign|journal the signed|exactly|formula|P&L' \
    "${SWARM[@]}" bench-amm --bots 50 --seconds "$AMM_SECONDS" --quiet-gaps 8
else
  note amm "AMM diamond on a local chain" "node/npm are missing (the local chain's anvil comes from the npm package in evm/)"
fi

if command -v wrk >/dev/null; then
  bench http "HTTP API: requests/s and latency under wrk" \
    "scripts/bench-http.sh $HTTP_SECONDS $HTTP_CONNECTIONS" \
    'requests/s|load:' \
    env SWARM_JAR="$WORK/swarm.jar" scripts/bench-http.sh "$HTTP_SECONDS" "$HTTP_CONNECTIONS"
else
  note http "HTTP API: requests/s and latency under wrk" "wrk is not installed (apt-get install -y wrk)"
fi

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
{
  echo "# Benchmarks (generated)"
  echo
  echo "Written by \`scripts/bench-all.sh\`; every figure below is the output of the command shown above it, from one"
  echo "run of the script. How each benchmark works and what its figures mean: [benchmarks.md](benchmarks.md)."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| git commit | $COMMIT |"
  echo "| cpus | $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')) |"
  echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) |"
  echo "| java | $(java -version 2>&1 | head -n 1) |"
  echo "| os | $(uname -sr) |"
  echo "| jar | \`swarm\` below is \`java -jar\` on a copy of runtime/target/swarm.jar; data directories are fresh temporary ones |"
  echo "| load average | $START_LOAD at the start (1, 5 and 15 min averages: above the cpu count, the machine was busy) |"
  echo "| wall time | $(( $(date +%s) - STARTED )) s for the whole script, build included |"
  echo
  echo "## Headline figures"
  echo
  cat "$SUMMARY"
  echo
  cat "$SECTIONS"
} > "$OUT"
echo "bench-all: wrote $OUT" >&2
