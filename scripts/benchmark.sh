#!/usr/bin/env bash
# Drives a running Little Threads (`RATE_LIMITS_ENABLED=false ./run.sh` in another terminal:
# the gateway's per-client rate limit would otherwise refuse a load generator within
# seconds, since every request comes from one address) at a fixed request rate and
# prints throughput and latency percentiles for two catalog calls, directly against
# catalog-service and through the gateway. Needs `hey` (apt-get install hey).
#
#   scripts/benchmark.sh                 300 rps, 30 s per scenario, 40 s warm-up
#   RATE=500 DURATION=60s scripts/benchmark.sh
#
# Environment: GATEWAY_URL (http://127.0.0.1:8080), CATALOG_URL (http://127.0.0.1:8082),
# RATE (300), DURATION (30s), WARMUP (40s), WORKERS (20).
set -euo pipefail

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8082}"
RATE="${RATE:-300}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-40s}"
WORKERS="${WORKERS:-20}"

command -v hey >/dev/null || { echo "benchmark.sh: needs hey (apt-get install hey)" >&2; exit 1; }
for url in "$GATEWAY_URL" "$CATALOG_URL"; do
  curl -fsS -m 3 -o /dev/null "$url/api/catalog/categories" \
    || { echo "benchmark.sh: nothing answers at $url: start ./run.sh first" >&2; exit 1; }
done

LIST='/api/catalog/products?category=tops&size=4T&inStock=true&sort=price-asc&pageSize=24'
SLUG='/api/catalog/products/rainbow-stripe-tee'
per_worker=$(awk -v r="$RATE" -v w="$WORKERS" 'BEGIN { printf "%.2f", r / w }')

# One hey run; prints "rps p50 p99 errors" (latencies in ms).
run() {
  hey -z "$2" -c "$WORKERS" -q "$per_worker" -disable-compression "$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    /  50% in / { p50 = $3 * 1000 }
    /  99% in / { p99 = $3 * 1000 }
    /^  \[[0-9]+\]/ { code = substr($1, 2, 3); if (code !~ /^2/) errors += $2 }
    /^  \[[0-9]+\]/ { total += $2 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors + 0 }'
}

echo "Warming up for $WARMUP (the JIT needs it on 2 cores)..."
run "$GATEWAY_URL$LIST" "$WARMUP" >/dev/null
run "$CATALOG_URL$SLUG" 10s >/dev/null

printf '\nFixed rate %s rps for %s each, %s workers, on %s cores (%s)\n\n' "$RATE" "$DURATION" "$WORKERS" \
  "$(nproc)" "$(java -version 2>&1 | head -1)"
printf '%-28s %-9s %9s %9s %9s %7s\n' scenario path rps "p50 ms" "p99 ms" errors
for scenario in "list-with-filters|$LIST" "get-by-slug|$SLUG"; do
  IFS='|' read -r name path <<<"$scenario"
  for target in "direct|$CATALOG_URL" "gateway|$GATEWAY_URL"; do
    IFS='|' read -r via base <<<"$target"
    read -r rps p50 p99 errors < <(run "$base$path" "$DURATION")
    printf '%-28s %-9s %9s %9s %9s %7s\n' "$name" "$via" "$rps" "$p50" "$p99" "$errors"
  done
done
