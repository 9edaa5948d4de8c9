#!/usr/bin/env bash
# What the gateway costs per request, next to nginx. One upstream (nginx serving a 2 KB
# JSON file) is called in the same run:
#
#   direct           the upstream itself
#   nginx            an nginx reverse proxy with upstream keep-alive in front of it
#   gateway          this gateway as shipped (request id, security headers, CORS, size and
#                    rate limits, circuit breaker, Retry, load balancer, per-route timer,
#                    tracing, access log)
#   gateway-lean     the same jar with the per-route timer, tracing and the access log off
#                    (GATEWAY_ROUTE_METRICS_ENABLED, MANAGEMENT_TRACING_ENABLED and
#                    ACCESS_LOG_ENABLED all false)
#   gateway-minimal  the floor of this stack: the same jar with one bare route (no breaker,
#                    no Retry, no load balancer), rate limits and all telemetry off
#
# and, one filter group at a time on top of gateway-minimal (each switched by the setting
# that switches it in production, so the shipped jar is measured as it is):
#
#   minimal+routes       the shipped route list: breaker, Retry, load balancer
#   minimal+rate-limit   the rate limit (a bucket too large to run dry) and its token check
#   minimal+route-timer  the per-route request timer (spring.cloud.gateway.requests)
#   minimal+tracing      tracing: the server span and its traceparent to the service
#   minimal+access-log   the access log line
#
# VARIANTS=per-filter runs gateway-minimal, each of these and gateway, in one run. The
# WebFilters that cannot be switched off (request id, security headers, path
# normalisation, CORS, size checks, forwarded headers, compression check) are in every
# variant, gateway-minimal included.
#
# Each target gets wrk at a fixed 500 requests/s with Poisson arrivals (scripts/paced.lua:
# 20 connections, each waiting an exponentially distributed time before every request,
# so requests arrive spread out, never in bursts): p50 and p99. Then wrk saturates it (50
# connections, 2 threads, no pacing): requests/s, and the CPU time each gateway used per
# request meanwhile (from /proc: steadier than the throughput when the machine is busy,
# since the load generator and the upstream share its cores), and the heap it allocated
# per request (Micrometer's count, read after a full collection asked with the JDK's jcmd:
# the steadiest of the three, to compare builds by). The script starts nginx and every
# gateway variant on free loopback ports, warms each up, then measures them in ROUNDS rounds
# taking turns (all of them staying up; every other round in the reverse order), and stops
# them at the end. Within a round the gateways are saturated in SLICES slices of a few
# seconds, taking turns slice by slice, so that the machine's swings fall on all of them.
# A variant's figures are the medians of its rounds; its ratios to gateway-minimal, the
# medians of each round's ratio, which are printed too. The gateway's
# rate limit stays on where it ships on, with a bucket too large to run dry: every request
# comes from one address.
#
#   scripts/gateway-benchmark.sh
#   DURATION=60s WARMUP=60s scripts/gateway-benchmark.sh
#   VARIANTS=per-filter scripts/gateway-benchmark.sh
#   DURATION=5s WARMUP=5s WARMUP_LIMIT=0 ROUNDS=1 VARIANTS='gateway gateway-minimal' scripts/gateway-benchmark.sh  # a quick check
#
# Needs: wrk and nginx (apt-get install wrk nginx), Java 17; builds the gateway jar when
# it is missing. Environment: RATE (500), PACED_CONNECTIONS (20), CONNECTIONS (50),
# DURATION (30s), WARMUP (40s, the least warm-up), JIT_SETTLED (5: then 10 s rounds until the
# JIT compiled for less than this per cent of one core in a round), WARMUP_LIMIT (300 s of
# such rounds at most), ROUNDS (3), SLICES (5: the saturated DURATION of each gateway in a
# round, cut in this many slices; 1, one DURATION each in turn), GATEWAY_HEAP (256m),
# VARIANTS ("gateway gateway-lean gateway-minimal", or per-filter), GATEWAY_JAVA_OPTS
# (extra JVM options for each gateway, {variant} replaced by its name: all run at once, so
# -XX:StartFlightRecording=filename=/tmp/{variant}.jfr,settings=profile profiles each),
# GATEWAY_JAR (another build of the gateway to measure, used as it is: for instance a copy
# of the jar from before a change, run with the same nginx and load as the one after).
# The gateways log as Spring Boot is told to: plain text as run.sh logs unless
# LOGGING_STRUCTURED_FORMAT_CONSOLE is set, e.g. to the images' format,
# com.littlethreads.platform.core.logging.EcsLogFormatter (docs/benchmarks.md compares them).
# Compare ratios within one run: the load generator shares the cores with what it measures.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RATE="${RATE:-500}"
PACED_CONNECTIONS="${PACED_CONNECTIONS:-20}"
CONNECTIONS="${CONNECTIONS:-50}"
DURATION="${DURATION:-30s}"
VARIANTS="${VARIANTS:-gateway gateway-lean gateway-minimal}"
PER_FILTER="gateway-minimal minimal+routes minimal+rate-limit minimal+route-timer minimal+tracing minimal+access-log gateway"
[ "$VARIANTS" != per-filter ] || VARIANTS="$PER_FILTER"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-}"
WARMUP="${WARMUP:-40s}"
JIT_SETTLED="${JIT_SETTLED:-5}"
WARMUP_LIMIT="${WARMUP_LIMIT:-300}"
ROUNDS="${ROUNDS:-3}"
SLICES="${SLICES:-5}"
GATEWAY_HEAP="${GATEWAY_HEAP:-256m}"
JAR="${GATEWAY_JAR:-$ROOT/gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar}"
PATH_UNDER_TEST=/api/catalog/products

fail() { printf 'gateway-benchmark.sh: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null || fail "needs wrk (apt-get install wrk)"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || fail "needs nginx (apt-get install nginx)"
command -v java >/dev/null || fail "needs Java 17 or newer"

if [ -n "${GATEWAY_JAR:-}" ]; then
  [ -f "$JAR" ] || fail "no gateway jar at $JAR"
elif [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/gateway-service/src/main" "$ROOT/gateway-service/pom.xml" -newer "$JAR" \
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
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A port below the kernel's ephemeral range (32768 and up by default): a port in it may be
# the local end of one of the many connections wrk and the gateways hold open, which no
# connection attempt detects and on which a server then fails to listen.
EPHEMERAL_LOW=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
[ "${EPHEMERAL_LOW:-0}" -gt 11000 ] || EPHEMERAL_LOW=32768
free_port() {
  local port
  while :; do
    port=$((10000 + RANDOM % (EPHEMERAL_LOW - 10000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_for() {
  local url="$1" tries=0
  until curl -fs -m 2 -o /dev/null "$url"; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || { KEEP_WORK=1; fail "nothing answers at $url (logs in $WORK)"; }
    sleep 0.5
  done
}

UPSTREAM_PORT=$(free_port)
PROXY_PORT=$(free_port)

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

declare -A PID PORT MPORT
start_gateway() {
  local variant="$1" args=() routes=shipped rate_limit=true metrics=true tracing=true access_log=true
  case "$variant" in
    gateway) ;;
    gateway-lean) metrics=false tracing=false access_log=false ;;
    gateway-minimal | minimal+*)
      routes=bare rate_limit=false metrics=false tracing=false access_log=false
      case "$variant" in
        gateway-minimal) ;;
        minimal+routes) routes=shipped ;;
        minimal+rate-limit) rate_limit=true ;;
        minimal+route-timer) metrics=true ;;
        minimal+tracing) tracing=true ;;
        minimal+access-log) access_log=true ;;
        *) fail "unknown variant $variant" ;;
      esac
      ;;
    *) fail "unknown variant $variant (gateway, gateway-lean, gateway-minimal, minimal+routes, minimal+rate-limit, minimal+route-timer, minimal+tracing, minimal+access-log, or VARIANTS=per-filter)" ;;
  esac
  PORT[$variant]=$(free_port)
  MPORT[$variant]=$(free_port)
  args+=(--management.server.port="${MPORT[$variant]}" --littlethreads.routes.catalog-uris="http://127.0.0.1:$UPSTREAM_PORT"
    --littlethreads.rate-limits.client.capacity=1000000000
    --littlethreads.rate-limits.enabled="$rate_limit"
    --management.tracing.enabled="$tracing"
    --littlethreads.access-log.enabled="$access_log")
  # Off, the route timer is off by both switches: littlethreads.route-metrics (the gateway's
  # own RouteTimerFilter) and Gateway's, which jars before it used. On, neither is passed:
  # the timer as shipped, never both.
  if [ "$metrics" = false ]; then
    args+=(--littlethreads.route-metrics.enabled=false --spring.cloud.gateway.server.webflux.metrics.enabled=false)
  fi
  if [ "$routes" = bare ]; then
    # Replaces the whole route list: one plain route, no route filters, no load balancer.
    args+=(--spring.cloud.gateway.server.webflux.routes[0].id=catalog
      --spring.cloud.gateway.server.webflux.routes[0].uri="http://127.0.0.1:$UPSTREAM_PORT"
      --spring.cloud.gateway.server.webflux.routes[0].predicates[0]="Path=/api/catalog/**")
  fi
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of options
  java -Xmx"$GATEWAY_HEAP" ${GATEWAY_JAVA_OPTS//\{variant\}/$variant} -jar "$JAR" --server.port="${PORT[$variant]}" "${args[@]}" \
    >"$WORK/$variant.log" 2>&1 &
  PID[$variant]=$!
  pids+=("${PID[$variant]}")
  wait_for "$(url_of "$variant")"
}
url_of() { echo "http://127.0.0.1:${PORT[$1]}$PATH_UNDER_TEST"; }

# "p50 p99 rps errors" (ms) at the fixed rate, "rps errors" saturated.
fixed() {
  local mean_ms
  mean_ms=$(awk -v r="$RATE" -v c="$PACED_CONNECTIONS" 'BEGIN { printf "%.3f", 1000 * c / r }')
  wrk -t2 -c"$PACED_CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/scripts/paced.lua" "$1" "$mean_ms" |
    awk -f "$ROOT/scripts/wrk-summary.awk"
}
# For DURATION, or for the duration given second.
saturated() {
  wrk -t2 -c"$CONNECTIONS" -d"${2:-$DURATION}" --latency "$1" | awk -f "$ROOT/scripts/wrk-summary.awk" |
    awk '{ print $3, $4 }'
}

# CPU time (user and system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# The same, for the JIT compiler threads alone: a gateway still compiling when the
# measurement starts (a short warm-up, a slow day) spends CPU that is not its filters'.
jit_ticks() {
  cat "/proc/$1"/task/*/stat 2>/dev/null | awk '/\(C[12] CompilerThre\)/ {
    n = split(substr($0, index($0, ")") + 2), f, " "); t += f[12] + f[13] } END { print t + 0 }'
}
TICKS_PER_SECOND=$(getconf CLK_TCK)
DURATION_SECONDS=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; if (d ~ /h$/) n *= 3600; print n }')
[ "$SLICES" -ge 1 ] 2>/dev/null || fail "SLICES must be 1 or more"
[ $((DURATION_SECONDS % SLICES)) -eq 0 ] || fail "DURATION ($DURATION_SECONDS s) is not a whole number of SLICES ($SLICES)"
SLICE_SECONDS=$((DURATION_SECONDS / SLICES))
# Microseconds of CPU per request: clock ticks used over a DURATION at this many rps.
us_per_request() {
  awk -v t="$1" -v hz="$TICKS_PER_SECOND" -v rps="$2" -v d="$DURATION_SECONDS" 'BEGIN { printf "%.0f", t / hz * 1e6 / (rps * d) }'
}

# Heap bytes a gateway has allocated so far, counted up to its last collection (Micrometer's
# jvm.gc.memory.allocated), read right after a full collection so that nothing is left out.
allocated() {
  jcmd "$1" GC.run >/dev/null 2>&1 || return 0
  curl -fs "http://127.0.0.1:$2/actuator/prometheus" |
    awk '/^jvm_gc_memory_allocated_bytes_total/ { printf "%.0f", $2 }'
}

# Saturates the gateway in 10 s rounds, after WARMUP, until its JIT compiler threads used
# under JIT_SETTLED per cent of one core in a round (or for WARMUP_LIMIT seconds at most).
# On two cores the hot code of a gateway is thousands of methods, and one C2 thread
# compiles them while the load runs: a gateway measured before that has finished runs
# partly in C1's profiling code and lends a core's share to the compiler, so its figures
# say how far the JIT had got, not what its filters cost. The more filters, the more
# code, the longer it takes: a fixed warm-up favoured the floor.
declare -A WARM
settle() {
  local name="$1" pid="$2" url="$3" waited=0 before used
  while :; do
    before=$(jit_ticks "$pid")
    wrk -t2 -c"$CONNECTIONS" -d10s "$url" >/dev/null
    waited=$((waited + 10))
    used=$(awk -v t="$(($(jit_ticks "$pid") - before))" -v hz="$TICKS_PER_SECOND" 'BEGIN { printf "%.0f", t / hz * 10 }')
    if [ "$used" -lt "$JIT_SETTLED" ] || [ "$waited" -ge "$WARMUP_LIMIT" ]; then
      WARM[$name]="$WARMUP + ${waited}s, the JIT at ${used} % of a core"
      echo "  ... ${waited}s more: the JIT compiled for ${used} % of a core in the last 10 s"
      return
    fi
  done
}

declare -A P50 P99 FIXED_RPS RPS ERR RSS CPU JIT ALLOCATED
# Latency at the fixed rate.
measure_latency() {
  local name="$1" url="$2" errors1
  read -r "P50[$name]" "P99[$name]" "FIXED_RPS[$name]" errors1 < <(fixed "$url")
  ERR[$name]=$errors1
}
# Latency, then saturated throughput for one DURATION: the upstream and nginx.
measure() {
  local name="$1" url="$2" errors2
  measure_latency "$name" "$url"
  read -r "RPS[$name]" errors2 < <(saturated "$url")
  ERR[$name]=$((${ERR[$name]} + errors2))
}

# The gateways' saturated throughput in a round, measured in turns: SLICES slices of
# DURATION/SLICES seconds each, the variants taking turns slice by slice (every other
# slice in the reverse order), each variant's figures summed over its slices. This
# machine's speed swings by a third from one quarter minute to the next
# (docs/benchmarks.md): one DURATION for each variant in turn compared two different
# quarter minutes, where in slices of a few seconds a swing falls on every variant alike.
# For each variant, over its slices:
# - the CPU it used per request while saturated: what its filters cost, whatever else the
#   machine runs (the throughput ratio moves with that; this does much less), and the
#   part of it its JIT compiler threads used;
# - the heap it allocated per request (between two full collections taken around all the
#   slices; an idle gateway allocates next to nothing meanwhile): steady from run to run
#   (within about 1 %), where the CPU figure moves by a fifth with whatever shares the
#   machine.
saturate_in_turns() {
  local round="$1" variant name rps errors ticks jit i slice
  shift
  local variants=("$@") reversed=() order=()
  for ((i = ${#variants[@]} - 1; i >= 0; i--)); do reversed+=("${variants[i]}"); done
  local -A requests=() cpu=() compiler=() bytes_before=()
  for variant in "${variants[@]}"; do
    requests[$variant]=0 cpu[$variant]=0 compiler[$variant]=0
    bytes_before[$variant]=$(allocated "${PID[$variant]}" "${MPORT[$variant]}")
  done
  for slice in $(seq "$SLICES"); do
    order=("${variants[@]}")
    [ $((slice % 2)) -eq 1 ] || order=("${reversed[@]}")
    for variant in "${order[@]}"; do
      name="$variant#$round"
      ticks=$(cpu_ticks "${PID[$variant]}") jit=$(jit_ticks "${PID[$variant]}")
      read -r rps errors < <(saturated "$(url_of "$variant")" "${SLICE_SECONDS}s")
      cpu[$variant]=$((${cpu[$variant]} + $(cpu_ticks "${PID[$variant]}") - ticks))
      compiler[$variant]=$((${compiler[$variant]} + $(jit_ticks "${PID[$variant]}") - jit))
      requests[$variant]=$((${requests[$variant]} + rps * SLICE_SECONDS))
      ERR[$name]=$((${ERR[$name]} + errors))
    done
  done
  for variant in "${variants[@]}"; do
    name="$variant#$round"
    RPS[$name]=$((${requests[$variant]} / DURATION_SECONDS))
    CPU[$name]=$(us_per_request "${cpu[$variant]}" "${RPS[$name]}")
    JIT[$name]=$(us_per_request "${compiler[$variant]}" "${RPS[$name]}")
    ALLOCATED[$name]="n/a"
    [ -z "${bytes_before[$variant]}" ] || ALLOCATED[$name]=$(awk -v a="${bytes_before[$variant]}" \
      -v b="$(allocated "${PID[$variant]}" "${MPORT[$variant]}")" -v rps="${RPS[$name]}" -v d="$DURATION_SECONDS" \
      'BEGIN { if (b == "") print "n/a"; else printf "%.1f", (b - a) / (rps * d) / 1024 }')
  done
}

echo "Warming up nginx (10 s)..."
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST" >/dev/null
measure direct "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
measure nginx "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST"

# Every variant is started and warmed up first, and all of them stay up; then they are
# measured in ROUNDS rounds, taking turns, so that each round compares them within a few
# minutes of each other. On a machine whose speed swings over minutes (docs/benchmarks.md)
# that is what keeps a ratio from measuring the machine instead of the gateways. An idle
# gateway costs the others next to nothing.
for variant in $VARIANTS; do
  start_gateway "$variant"
  echo "Warming up $variant for $WARMUP, then until the JIT has settled..."
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$(url_of "$variant")" >/dev/null
  settle "$variant" "${PID[$variant]}" "$(url_of "$variant")"
done
# Every other round in the reverse order, so that no variant is always measured first.
REVERSED=$(echo "$VARIANTS" | tr ' ' '\n' | grep -v '^$' | tac | tr '\n' ' ')
for round in $(seq "$ROUNDS"); do
  echo "Round $round of $ROUNDS..."
  order="$VARIANTS"
  [ $((round % 2)) -eq 1 ] || order="$REVERSED"
  for variant in $order; do measure_latency "$variant#$round" "$(url_of "$variant")"; done
  # shellcheck disable=SC2086 # the variants are words
  saturate_in_turns "$round" $order
done

# A variant's figures are the medians of its rounds (its errors, the sum).
# The median of the numbers on stdin, printed with the format given (n/a when none).
median() {
  tr ' ' '\n' | grep -E '^-?[0-9.]+$' | sort -g | awk -v f="$1" '{ v[NR] = $1 }
    END { if (NR == 0) print "n/a"; else printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rounds_of() {
  local -n figures="$1"
  local round values=""
  for round in $(seq "$ROUNDS"); do values+=" ${figures[$2#$round]}"; done
  echo "$values"
}
for variant in $VARIANTS; do
  for metric in P50:%.2f P99:%.2f FIXED_RPS:%.0f RPS:%.0f CPU:%.0f JIT:%.0f ALLOCATED:%.1f; do
    printf -v "${metric%%:*}[$variant]" '%s' "$(rounds_of "${metric%%:*}" "$variant" | median "${metric#*:}")"
  done
  ERR[$variant]=0
  for round in $(seq "$ROUNDS"); do ERR[$variant]=$((${ERR[$variant]} + ${ERR[$variant#$round]})); done
  RSS[$variant]=$(ps -o rss= -p "${PID[$variant]}" | awk '{ printf "%d", $1 / 1024 }')
done

printf '\n%s, %s cores, %s; fixed %s rps, Poisson arrivals, for %s (%s connections); saturated %s connections for %s\n\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$(java -version 2>&1 | head -1)" "$RATE" "$DURATION" "$PACED_CONNECTIONS" \
  "$CONNECTIONS" "$DURATION"
printf '| %-19s | %8s | %8s | %12s | %12s | %10s | %10s | %6s |\n' hop "p50 ms" "p99 ms" "added p50" "added p99" \
  "fixed rps" "sat. rps" errors
printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
declare -A ADDED50 ADDED99
for name in direct nginx $VARIANTS; do
  ADDED50[$name]=$(awk -v a="${P50[$name]}" -v b="${P50[direct]}" 'BEGIN { printf "%.2f", a - b }')
  ADDED99[$name]=$(awk -v a="${P99[$name]}" -v b="${P99[direct]}" 'BEGIN { printf "%.2f", a - b }')
  printf '| %-19s | %8s | %8s | %12s | %12s | %10s | %10s | %6s |\n' "$name" "${P50[$name]}" "${P99[$name]}" \
    "${ADDED50[$name]}" "${ADDED99[$name]}" "${FIXED_RPS[$name]}" "${RPS[$name]}" "${ERR[$name]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
echo
for name in $VARIANTS; do
  printf '%-19s added latency vs nginx: p50 %sx, p99 %sx (target <= 2); saturated rps vs nginx: %sx (target >= 0.5); RSS after load %s MB\n' \
    "$name" "$(ratio "${ADDED50[$name]}" "${ADDED50[nginx]}")" "$(ratio "${ADDED99[$name]}" "${ADDED99[nginx]}")" "$(ratio "${RPS[$name]}" "${RPS[nginx]}")" \
    "${RSS[$name]}"
done
echo
for name in $VARIANTS; do
  printf '%-19s warmed up for %s\n' "$name" "${WARM[$name]}"
done
# A variant's ratio to gateway-minimal in each round (for latencies, of the latency each
# adds to the upstream's).
round_ratios() {
  local metric="$1" name="$2" round a b ratios=""
  local -n figures="$metric"
  for round in $(seq "$ROUNDS"); do
    a=${figures[$name#$round]} b=${figures[gateway-minimal#$round]}
    if [ "$metric" = P50 ] || [ "$metric" = P99 ]; then
      a=$(awk -v a="$a" -v d="${figures[direct]}" 'BEGIN { print a - d }')
      b=$(awk -v b="$b" -v d="${figures[direct]}" 'BEGIN { print b - d }')
      # A variant that added nothing, or less than nothing, to the upstream's own latency
      # in a round measured the machine (the direct hop's figure moved), not the gateway.
      if awk -v a="$a" 'BEGIN { exit !(a <= 0) }'; then
        ratios+=" n/a"
        continue
      fi
    fi
    ratios+=" $(ratio "$a" "$b")"
  done
  echo "$ratios"
}
# The median of those ratios, with the rounds' own when there is more than one.
versus() {
  local ratios
  ratios=$(round_ratios "$1" "$2")
  if [ "$ROUNDS" -eq 1 ]; then echo "$(echo "$ratios" | median %.2f)x"; else echo "$(echo "$ratios" | median %.2f)x (rounds:$ratios)"; fi
}
# Issue 20's targets: the gateway next to its own framework's floor, from the same run.
if [[ " $VARIANTS " == *" gateway-minimal "* ]]; then
  echo
  for name in $VARIANTS; do
    [ "$name" != gateway-minimal ] || continue
    printf '%-19s vs gateway-minimal: added p50 %s, added p99 %s (target <= 1.2); saturated rps %s (target >= 0.85); CPU per request %s us vs %s us (of which the JIT compiling %s us vs %s us); heap allocated per request %s KB vs %s KB\n' \
      "$name" "$(versus P50 "$name")" "$(versus P99 "$name")" "$(versus RPS "$name")" \
      "${CPU[$name]}" "${CPU[gateway-minimal]}" "${JIT[$name]}" "${JIT[gateway-minimal]}" "${ALLOCATED[$name]}" "${ALLOCATED[gateway-minimal]}"
  done
fi
