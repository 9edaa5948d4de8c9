#!/usr/bin/env bash
# Drives a running Little Threads (`RATE_LIMITS_ENABLED=false ./run.sh` in another terminal:
# the gateway's per-client rate limit would otherwise refuse a load generator within
# seconds, since every request comes from one address) at a fixed request rate and
# prints throughput and latency percentiles for two catalog calls, directly against
# catalog-service and through the gateway. Needs `wrk` (apt-get install wrk). The rate is
# held with Poisson arrivals (scripts/paced.lua): requests arrive spread out, not in bursts.
#
#   scripts/benchmark.sh                 300 rps, 30 s per scenario, 40 s warm-up
#   RATE=500 DURATION=60s scripts/benchmark.sh
#
# Environment: GATEWAY_URL (http://127.0.0.1:8080), CATALOG_URL (http://127.0.0.1:8082),
# RATE (300), DURATION (30s), WARMUP (40s), CONNECTIONS (20).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8082}"
RATE="${RATE:-300}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-40s}"
CONNECTIONS="${CONNECTIONS:-20}"

command -v wrk >/dev/null || { echo "benchmark.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
for url in "$GATEWAY_URL" "$CATALOG_URL"; do
  curl -fsS -m 3 -o /dev/null "$url/api/catalog/categories" \
    || { echo "benchmark.sh: nothing answers at $url: start ./run.sh first" >&2; exit 1; }
done

LIST='/api/catalog/products?category=tops&size=4T&inStock=true&sort=price-asc&pageSize=24'
SLUG='/api/catalog/products/rainbow-stripe-tee'
mean_ms=$(awk -v r="$RATE" -v c="$CONNECTIONS" 'BEGIN { printf "%.3f", 1000 * c / r }')

# One wrk run at the fixed rate; prints "rps p50 p99 errors" (latencies in ms).
run() {
  wrk -t2 -c"$CONNECTIONS" -d"$2" --latency -s "$ROOT/scripts/paced.lua" "$1" "$mean_ms" |
    awk -f "$ROOT/scripts/wrk-summary.awk" | awk '{ print $3, $1, $2, $4 }'
}

echo "Warming up for $WARMUP (the JIT needs it on 2 cores)..."
run "$GATEWAY_URL$LIST" "$WARMUP" >/dev/null
run "$CATALOG_URL$SLUG" 10s >/dev/null

printf '\nFixed rate %s rps (Poisson arrivals) for %s each, %s connections, on %s cores (%s)\n\n' "$RATE" \
  "$DURATION" "$CONNECTIONS" "$(nproc)" "$(java -version 2>&1 | head -1)"
printf '%-28s %-9s %9s %9s %9s %7s\n' scenario path rps "p50 ms" "p99 ms" errors
for scenario in "list-with-filters|$LIST" "get-by-slug|$SLUG"; do
  IFS='|' read -r name path <<<"$scenario"
  for target in "direct|$CATALOG_URL" "gateway|$GATEWAY_URL"; do
    IFS='|' read -r via base <<<"$target"
    read -r rps p50 p99 errors < <(run "$base$path" "$DURATION")
    printf '%-28s %-9s %9s %9s %9s %7s\n' "$name" "$via" "$rps" "$p50" "$p99" "$errors"
  done
done
