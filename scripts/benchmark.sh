#!/usr/bin/env bash
# The catalog's browsing benchmark (docs/benchmarks.md). Drives a running Little Threads
# through the gateway at a fixed request rate with Poisson arrivals (scripts/paced.lua) while
# guest checkouts reserve stock alongside, then runs a flash sale straight to
# payment-service. Prints achieved rps, p50, p99 and errors per scenario.
#
# Start the shop on a generated catalog first, with rate limits off (one client address
# would hit them) and the JVM's full JIT, as production runs (./run.sh alone compiles with
# C1 only, which gives up throughput at saturation; docs/benchmarks.md):
#
#   scripts/generate-catalog.sh --products=10000 --data-dir=/tmp/lt-bench
#   LT_DATA_DIR=/tmp/lt-bench RATE_LIMITS_ENABLED=false ./run.sh --full-jit   # in one terminal
#   LT_DATA_DIR=/tmp/lt-bench scripts/benchmark.sh                   # in another
#
# Scenarios, each for DURATION at RATE after one WARMUP of the filter mix, all with
# CHECKOUT_RATE guest checkouts/s (one unit of an in-stock SKU each) running the whole time:
#   filter-mix    a category and, at random, a size, a colour, a gender, inStock=true, a price
#                 range, one of the sorts, page 0-2, pageSize=24
#   hot-listing   one listing URL
#   product       a product by slug or its availability, over 2,000 products
#   search        q with a word shoppers type, over the whole catalog
#   flash-sale    FLASH_SHOPPERS concurrent guest checkouts for one new variant with
#                 FLASH_UNITS units, straight to payment-service (no rate limit there)
#
# Needs wrk, jq and curl (apt-get install wrk jq curl). The flash sale creates its product
# through the admin API: ADMIN_EMAIL (admin@littlethreads.local) and ADMIN_PASSWORD (read
# from $LT_DATA_DIR/admin-password when unset).
#
# Environment: GATEWAY_URL (http://127.0.0.1:8080), PAYMENT_URL (http://127.0.0.1:8083),
# RATE (300), DURATION (60s), WARMUP (40s), CONNECTIONS (20), CHECKOUT_RATE (5),
# FLASH_SHOPPERS (200), FLASH_UNITS (10), SCENARIOS ("filter-mix hot-listing product search
# flash-sale"), LT_DATA_DIR (./data).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
PAYMENT_URL="${PAYMENT_URL:-http://127.0.0.1:8083}"
RATE="${RATE:-300}"
DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-40s}"
CONNECTIONS="${CONNECTIONS:-20}"
CHECKOUT_RATE="${CHECKOUT_RATE:-5}"
FLASH_SHOPPERS="${FLASH_SHOPPERS:-200}"
FLASH_UNITS="${FLASH_UNITS:-10}"
SCENARIOS="${SCENARIOS:-filter-mix hot-listing product search flash-sale}"
DATA_DIR="${LT_DATA_DIR:-$ROOT/data}"
ADMIN_EMAIL="${ADMIN_EMAIL:-admin@littlethreads.local}"

fail() { printf 'benchmark.sh: %s\n' "$*" >&2; exit 1; }
for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || fail "needs $tool (apt-get install wrk jq curl)"
done
# Reads for setting up, not measured. They retry: a catalog that computes a cold listing of
# 10,000 products from the store (the design before the in-memory one) can take longer than
# the gateway waits, and the benchmark must be able to measure that design too.
get() { curl -fsS -m 60 --retry 5 --retry-all-errors --retry-delay 2 "$@"; }
get -o /dev/null "$GATEWAY_URL/api/catalog/categories" \
  || fail "nothing answers at $GATEWAY_URL: start ./run.sh first"

WORK="$(mktemp -d)"
checkouts_pid=""
cleanup() {
  [ -z "$checkouts_pid" ] || kill "$checkouts_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

seconds() { case "$1" in *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
mean_ms() { awk -v r="$1" -v c="$2" 'BEGIN { printf "%.3f", 1000 * c / r }'; }

# One wrk run of a read scenario at the fixed rate; prints "rps p50 p99 errors" (ms).
run() {
  wrk -t2 -c"$CONNECTIONS" -d"$2" --latency -s "$ROOT/scripts/catalog-load.lua" "$GATEWAY_URL" \
    "$(mean_ms "$RATE" "$CONNECTIONS")" "$1" "$WORK/slugs.txt" |
    awk -f "$ROOT/scripts/wrk-summary.awk" | awk '{ print $3, $1, $2, $4 }'
}

echo "Reading the catalog: products to ask for and in-stock SKUs to check out..."
for page in $(seq 0 19); do
  get "$GATEWAY_URL/api/catalog/products?sort=newest&pageSize=100&page=$page" | jq -r '.items[].slug'
done >"$WORK/slugs.txt"
[ -s "$WORK/slugs.txt" ] || fail "the catalog lists no products"
total=$(get "$GATEWAY_URL/api/catalog/products?pageSize=1" | jq '.total')
for slug in $(shuf -n 200 "$WORK/slugs.txt"); do
  get "$GATEWAY_URL/api/catalog/products/$slug" | jq -r '.variants[].sku'
done >"$WORK/candidates.txt"
: >"$WORK/skus.txt"
while read -r batch; do
  get "$GATEWAY_URL/api/catalog/variants?$batch" | jq -r '.items[] | select(.available >= 5) | .sku' \
    >>"$WORK/skus.txt"
done < <(awk '{ printf "%ssku=%s", (NR % 50 == 1 ? "" : "&"), $0 } NR % 50 == 0 { print "" } END { print "" }' \
  "$WORK/candidates.txt" | grep .)
[ -s "$WORK/skus.txt" ] || fail "found no SKU with 5 or more units to check out"

read_scenarios=$(for s in $SCENARIOS; do [ "$s" = flash-sale ] || printf '%s ' "$s"; done)
printf '\n%s active products; %s at %s rps (Poisson arrivals, %s connections) for %s each after a %s warm-up,\n' \
  "$total" "${read_scenarios:-no read scenario}" "$RATE" "$CONNECTIONS" "$DURATION" "$WARMUP"
printf 'through the gateway, with %s guest checkouts/s alongside; %s cores (%s); load average %s\n\n' \
  "$CHECKOUT_RATE" "$(nproc)" "$(java -version 2>&1 | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "$read_scenarios" ]; then
  count=$(wc -w <<<"$read_scenarios")
  checkout_seconds=$(($(seconds "$WARMUP") + count * $(seconds "$DURATION") + 5))
  wrk -t1 -c2 -d"${checkout_seconds}s" --latency -s "$ROOT/scripts/checkout-load.lua" "$GATEWAY_URL" \
    "$(mean_ms "$CHECKOUT_RATE" 2)" "$WORK/skus.txt" >"$WORK/checkouts.txt" 2>&1 &
  checkouts_pid=$!

  echo "Warming up for $WARMUP (the JIT needs it on 2 cores)..."
  run filter-mix "$WARMUP" >/dev/null
  printf '%-14s %9s %9s %9s %7s\n' scenario rps "p50 ms" "p99 ms" errors
  for scenario in $read_scenarios; do
    read -r rps p50 p99 errors < <(run "$scenario" "$DURATION")
    printf '%-14s %9s %9s %9s %7s\n' "$scenario" "$rps" "$p50" "$p99" "$errors"
  done
  wait "$checkouts_pid" || true
  checkouts_pid=""
  read -r p50 p99 rps errors < <(awk -f "$ROOT/scripts/wrk-summary.awk" "$WORK/checkouts.txt")
  printf '%-14s %9s %9s %9s %7s  (%s)\n' checkouts "$rps" "$p50" "$p99" "$errors" \
    "$(grep 'checkouts by status' "$WORK/checkouts.txt" || echo 'no statuses')"
fi

if grep -qw flash-sale <<<"$SCENARIOS"; then
  password="${ADMIN_PASSWORD:-$(head -n 1 "$DATA_DIR/admin-password" 2>/dev/null || true)}"
  [ -n "$password" ] || fail "set ADMIN_PASSWORD (or LT_DATA_DIR to the shop's data directory) for the flash sale"
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$ADMIN_EMAIL" --arg p "$password" '{email: $e, password: $p}')" \
    "$GATEWAY_URL/api/auth/login" | jq -r '.accessToken')
  stamp=$(date +%s)
  slug="flash-sale-tee-$stamp"
  sku="LT-FLASH-$stamp-RED-4T"
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"slug\":\"$slug\",\"name\":\"Flash Sale Tee\",\"description\":\"Only a few, for the benchmark.\",
      \"category\":\"tops\",\"gender\":\"unisex\",\"seasons\":[\"summer\"],\"material\":\"100% cotton\",
      \"care\":[],\"price\":{\"amount\":500,\"currency\":\"GBP\"},\"status\":\"active\",
      \"variants\":[{\"sku\":\"$sku\",\"size\":\"4T\",\"colour\":\"red\",\"stock\":$FLASH_UNITS}]}" \
    "$GATEWAY_URL/api/catalog/admin/products" || fail "could not create the flash-sale product"
  printf '\nFlash sale: %s shoppers at once for %s units of %s, straight to payment-service\n' \
    "$FLASH_SHOPPERS" "$FLASH_UNITS" "$sku"
  wrk -t1 -c"$FLASH_SHOPPERS" -d20s --timeout 19s -s "$ROOT/scripts/flash-sale.lua" "$PAYMENT_URL" \
    "$sku" "$FLASH_SHOPPERS" >"$WORK/flash.txt" 2>&1 || true
  grep -E '^(flash sale|insufficient-stock|slowest)' "$WORK/flash.txt" || cat "$WORK/flash.txt"
  printf 'units left afterwards: %s\n' \
    "$(get "$GATEWAY_URL/api/catalog/products/$slug/availability" | jq '.variants[0].available')"
fi
