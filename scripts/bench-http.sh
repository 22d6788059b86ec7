#!/usr/bin/env bash
# Requests/s and latency of the API under load, with wrk (Debian package) on loopback:
#   GET /api/bots/{id} and GET /api/swarm with a valid token, while the swarm paper-trades.
# Usage: scripts/bench-http.sh [duration-seconds] [connections]     (env: BENCH_PORT, SWARM_JAR)
# Starts `swarm run` on a fresh temporary data directory (rate limit raised for the measurement), waits until it is
# ready, runs wrk against each endpoint, prints the figures, stops the service with SIGTERM.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
THREADS=2
PORT="${BENCH_PORT:-18480}"
command -v wrk >/dev/null || { echo "bench-http: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
# SWARM_JAR: a jar built already (scripts/bench-all.sh passes its copy); otherwise ./swarm builds the jar when stale.
JAR="${SWARM_JAR:-runtime/target/swarm.jar}"
[ -n "${SWARM_JAR:-}" ] || ./swarm --help >/dev/null
DATA="$(mktemp -d)"
PID=""
trap 'if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT
java -Dswarm.http.auth.rate-limit.per-second=1000000 -Dswarm.http.auth.rate-limit.burst=1000000 \
  -jar "$JAR" --data-dir "$DATA" run --speed 60x --port "$PORT" \
  > "$DATA/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/api/ready" >/dev/null || { echo "bench-http: the service did not get ready" >&2; cat "$DATA/service.log" >&2; exit 1; }
TOKEN="$(cat "$DATA/http/admin.token")"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}')"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, token in the Authorization header; the swarm paper-trades at 60x meanwhile"
for path in /api/bots/long-07 /api/swarm; do
  URL="http://127.0.0.1:$PORT$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null   # warm-up
  OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL")"
  RPS="$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')"
  P50="$(echo "$OUT" | awk '$1=="50%" {print $2}')"
  P99="$(echo "$OUT" | awk '$1=="99%" {print $2}')"
  NON2XX="$(echo "$OUT" | awk '/Non-2xx/ {print $NF}')"
  printf '%-22s requests/s %10s   p50 %8s   p99 %8s   non-2xx %s\n' "GET $path" "$RPS" "$P50" "$P99" "${NON2XX:-0}"
done
