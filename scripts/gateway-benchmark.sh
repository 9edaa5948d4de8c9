#!/usr/bin/env bash
# What the gateway costs per request, next to nginx. One upstream (nginx serving a 2 KB
# JSON file) is called in the same run:
#
#   direct         the upstream itself
#   nginx          an nginx reverse proxy with upstream keep-alive in front of it
#   gateway        this gateway, as shipped (per-route metrics, tracing observation, access log)
#   gateway-lean   the same jar with GATEWAY_ROUTE_METRICS_ENABLED, GATEWAY_OBSERVABILITY_ENABLED
#                  and ACCESS_LOG_ENABLED off (no traceparent, no per-route timer, no access line)
#
# Each target is driven by hey at a fixed 500 requests/s (p50, p99) and then saturated
# (50 connections, no rate cap: requests/s). The script starts nginx and the gateway itself
# on free loopback ports and stops them at the end. The gateway's rate limit stays on (its
# cost is part of the hop) with a bucket too large to run dry: every request comes from
# one address.
#
#   scripts/gateway-benchmark.sh
#   DURATION=60s WARMUP=60s scripts/gateway-benchmark.sh
#
# Needs: hey and nginx (apt-get install hey nginx), Java 17; builds the gateway jar when it
# is missing. Environment: RATE (500), WORKERS (20), CONNECTIONS (50), DURATION (30s),
# WARMUP (40s: on 2 cores the JIT needs it), GATEWAY_HEAP (256m).
# Compare ratios within one run: the load generator shares the cores with what it measures.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RATE="${RATE:-500}"
WORKERS="${WORKERS:-20}"
CONNECTIONS="${CONNECTIONS:-50}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-40s}"
GATEWAY_HEAP="${GATEWAY_HEAP:-256m}"
JAR="$ROOT/gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar"
PATH_UNDER_TEST=/api/catalog/products

fail() { printf 'gateway-benchmark.sh: %s\n' "$*" >&2; exit 1; }
command -v hey >/dev/null || fail "needs hey (apt-get install hey)"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || fail "needs nginx (apt-get install nginx)"
command -v java >/dev/null || fail "needs Java 17 or newer"

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/gateway-service/src/main" "$ROOT/gateway-service/pom.xml" -newer "$JAR" \
    -print -quit)" ]; then
  echo "Building the gateway jar..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package -pl gateway-service -am) \
    || fail "the build failed"
  touch "$JAR"
fi

WORK="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_for() {
  local url="$1" tries=0
  until curl -fs -m 2 -o /dev/null "$url"; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || fail "nothing answers at $url (logs in $WORK)"
    sleep 0.5
  done
}

UPSTREAM_PORT=$(free_port)
PROXY_PORT=$(free_port)
GATEWAY_PORT=$(free_port)

# A 2 KB product listing, the size of a small catalog page.
python3 - "$WORK/products.json" <<'EOF'
import json, sys
items = [{"slug": f"striped-tee-{i}", "name": f"Striped tee {i}", "size": "4T", "colour": "red",
          "price": {"amount": 1200 + i, "currency": "GBP"}, "inStock": True} for i in range(14)]
body = json.dumps({"items": items, "page": 0, "pageSize": 24, "total": len(items)})
body = body[:-1] + ', "padding": "' + "x" * max(0, 2048 - len(body) - 16) + '"}'
open(sys.argv[1], "w").write(body)
EOF

# nginx's workers drop root and must be able to read the file.
chmod 755 "$WORK"
chmod 644 "$WORK/products.json"

cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/client_body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / {
      default_type application/json;
      root $WORK;
      try_files /products.json =404;
    }
  }
  upstream backend {
    server 127.0.0.1:$UPSTREAM_PORT;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' >"$WORK/nginx.out" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"

gateway_pid=""
start_gateway() {
  local lean="$1"
  java -Xmx"$GATEWAY_HEAP" -jar "$JAR" --server.port="$GATEWAY_PORT" \
    --littlethreads.routes.catalog-uris="http://127.0.0.1:$UPSTREAM_PORT" \
    --littlethreads.rate-limits.client.capacity=1000000000 \
    --spring.cloud.gateway.server.webflux.metrics.enabled="$([ "$lean" = true ] && echo false || echo true)" \
    --spring.cloud.gateway.server.webflux.observability.enabled="$([ "$lean" = true ] && echo false || echo true)" \
    --littlethreads.access-log.enabled="$([ "$lean" = true ] && echo false || echo true)" \
    >"$WORK/gateway-$lean.log" 2>&1 &
  gateway_pid=$!
  pids+=("$gateway_pid")
  wait_for "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
}
stop_gateway() {
  kill "$gateway_pid" 2>/dev/null || true
  wait "$gateway_pid" 2>/dev/null || true
}

# "p50 p99 errors" (ms) at the fixed rate, or "rps errors" saturated.
fixed() {
  hey -z "$DURATION" -c "$WORKERS" -q "$(awk -v r="$RATE" -v w="$WORKERS" 'BEGIN { printf "%.2f", r / w }')" \
    -disable-compression "$1" | awk '
    /  50% in / { p50 = $3 * 1000 }
    /  99% in / { p99 = $3 * 1000 }
    /^  \[[0-9]+\]/ { if (substr($1, 2, 3) !~ /^2/) errors += $2 }
    END { printf "%.2f %.2f %d\n", p50, p99, errors + 0 }'
}
saturated() {
  hey -z "$DURATION" -c "$CONNECTIONS" -disable-compression "$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    /^  \[[0-9]+\]/ { if (substr($1, 2, 3) !~ /^2/) errors += $2 }
    END { printf "%.0f %d\n", rps, errors + 0 }'
}

declare -A P50 P99 RPS ERR RSS
measure() {
  local name="$1" url="$2" errors1 errors2
  read -r "P50[$name]" "P99[$name]" errors1 < <(fixed "$url")
  read -r "RPS[$name]" errors2 < <(saturated "$url")
  ERR[$name]=$((errors1 + errors2))
}

echo "Warming up nginx (10 s)..."
hey -z 10s -c "$CONNECTIONS" "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST" >/dev/null
measure direct "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
measure nginx "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"

for variant in gateway gateway-lean; do
  start_gateway "$([ "$variant" = gateway-lean ] && echo true || echo false)"
  echo "Warming up $variant for $WARMUP (the JIT needs it on 2 cores)..."
  hey -z "$WARMUP" -c "$CONNECTIONS" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" >/dev/null
  measure "$variant" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
  RSS[$variant]=$(ps -o rss= -p "$gateway_pid" | awk '{ printf "%d", $1 / 1024 }')
  stop_gateway
done

printf '\n%s, %s cores, %s; fixed %s rps for %s (%s workers), saturated %s connections for %s\n\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$RATE" "$DURATION" "$WORKERS" \
  "$CONNECTIONS" "$DURATION"
printf '| %-13s | %8s | %8s | %14s | %14s | %10s | %6s |\n' hop "p50 ms" "p99 ms" "added p50 ms" "added p99 ms" \
  "sat. rps" errors
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
for name in direct nginx gateway gateway-lean; do
  added50=$(awk -v a="${P50[$name]}" -v b="${P50[direct]}" 'BEGIN { printf "%.2f", a - b }')
  added99=$(awk -v a="${P99[$name]}" -v b="${P99[direct]}" 'BEGIN { printf "%.2f", a - b }')
  printf '| %-13s | %8s | %8s | %14s | %14s | %10s | %6s |\n' "$name" "${P50[$name]}" "${P99[$name]}" \
    "$added50" "$added99" "${RPS[$name]}" "${ERR[$name]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
echo
for name in gateway gateway-lean; do
  added50=$(awk -v a="${P50[$name]}" -v b="${P50[direct]}" 'BEGIN { print a - b }')
  added99=$(awk -v a="${P99[$name]}" -v b="${P99[direct]}" 'BEGIN { print a - b }')
  nginx50=$(awk -v a="${P50[nginx]}" -v b="${P50[direct]}" 'BEGIN { print a - b }')
  nginx99=$(awk -v a="${P99[nginx]}" -v b="${P99[direct]}" 'BEGIN { print a - b }')
  printf '%-13s added latency vs nginx: p50 %sx, p99 %sx (target <= 2); saturated rps vs nginx: %sx (target >= 0.5); RSS after load %s MB\n' \
    "$name" "$(ratio "$added50" "$nginx50")" "$(ratio "$added99" "$nginx99")" "$(ratio "${RPS[$name]}" "${RPS[nginx]}")" \
    "${RSS[$name]}"
done
