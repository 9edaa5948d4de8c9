#!/usr/bin/env bash
# How fast the local stack starts, and how much memory it holds once up: five cold starts
# of ./run.sh with the jars already built, everything stopped between starts.
#
# For each start: seconds from launching run.sh until every service answers UP on its
# readiness endpoint (200; the gateway's on its management port) and the storefront
# answers 200 at the gateway (and when each of them did, in that order), and the resident
# memory (RSS, from /proc) of every process run.sh started, once all are ready and again
# SETTLE seconds later. Then the median of the starts. The checks are asked every 0.2 s,
# all in one curl, and each start prints the CPU time that polling took ("polling"), which
# the stack did not get.
#
# One start comes first and is not counted: it builds what is missing, loads the sample
# catalog into a fresh data directory and lets run.sh prepare what it keeps between starts
# (the start-up archives). Its time is printed as "first start".
#
#   scripts/startup-benchmark.sh
#   RUNS=3 PORT_BASE=25000 scripts/startup-benchmark.sh
#   scripts/startup-benchmark.sh --root=/tmp/main-checkout     another checkout's run.sh
#   scripts/startup-benchmark.sh --root=/tmp/before --root=.   a before/after comparison:
#                     the checkouts take turns, start by start, so that both see the same
#                     load on a shared machine; each has its own data directory
#   scripts/startup-benchmark.sh --args=--full-jit --root=.
#                     --args gives run.sh options to the --root before it (with none
#                     before, this checkout): here the full JIT and the development
#                     launch of the same checkout, taking turns
#
# Environment: RUNS (5), PORT_BASE (28000: the gateway on it, its management port +1,
# user +2, catalog +3, payment +4, the Stripe emulator +5), INSTANCES (1; a second
# instance listens 10 above the first), LT_DATA_DIR (a new temporary directory, removed at
# the end, unless given), STARTUP_TIMEOUT seconds (180 a start), SETTLE seconds (10).
# Needs curl. Compare numbers from one period on one machine: the five JVMs share the
# cores with whatever else runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
roots=()
run_args=()
for arg in "$@"; do
  case "$arg" in
    --root=*) roots+=("$(cd "${arg#--root=}" && pwd)"); run_args+=("") ;;
    --args=*)
      [ ${#roots[@]} -gt 0 ] || { roots+=("$here"); run_args+=(""); }
      run_args[-1]="${arg#--args=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) printf 'startup-benchmark.sh: unknown option %s (try --help)\n' "$arg" >&2; exit 1 ;;
  esac
done
RUNS="${RUNS:-5}"
PORT_BASE="${PORT_BASE:-28000}"
INSTANCES="${INSTANCES:-1}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-180}"
SETTLE="${SETTLE:-10}"

fail() { printf 'startup-benchmark.sh: %s\n' "$*" >&2; exit 1; }
[ ${#roots[@]} -gt 0 ] || { roots=("$here"); run_args=(""); }
for root in "${roots[@]}"; do [ -f "$root/run.sh" ] || fail "no run.sh in $root"; done
# What each start is called in the report: its checkout, and run.sh's options if any.
labels=()
for r in "${!roots[@]}"; do labels+=("${roots[$r]}${run_args[$r]:+ ${run_args[$r]}}"); done
command -v curl >/dev/null || fail "needs curl"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive number"

export GATEWAY_PORT=$PORT_BASE
export GATEWAY_MANAGEMENT_PORT=$((PORT_BASE + 1))
export USER_PORT=$((PORT_BASE + 2))
export CATALOG_PORT=$((PORT_BASE + 3))
export PAYMENT_PORT=$((PORT_BASE + 4))
export STRIPE_EMULATOR_PORT=$((PORT_BASE + 5))
export INSTANCES
export LT_INSTANCE_PORT_STEP=10
export LT_STARTUP_TIMEOUT=$STARTUP_TIMEOUT
unset STRIPE_SECRET_KEY STRIPE_WEBHOOK_SECRET ADMIN_PASSWORD

WORK="$(mktemp -d)"
# With one checkout, LT_DATA_DIR may name the data to start on (kept); otherwise each
# checkout gets a new one.
given_data="${LT_DATA_DIR:-}"
[ ${#roots[@]} -eq 1 ] || given_data=""
export LT_RUN_DIR="$WORK/run"

# name and the port its readiness is asked on; the storefront last.
checks=("gateway-service|$GATEWAY_MANAGEMENT_PORT" "stripe-emulator|$STRIPE_EMULATOR_PORT")
for k in $(seq 0 $((INSTANCES - 1))); do
  suffix=""; [ "$k" -gt 0 ] && suffix="-$((k + 1))"
  checks+=("user-service$suffix|$((USER_PORT + k * 10))" "catalog-service$suffix|$((CATALOG_PORT + k * 10))"
    "payment-service$suffix|$((PAYMENT_PORT + k * 10))")
done

run_pid=""
stop_stack() {
  [ -n "$run_pid" ] || return 0
  # run.sh stops what it started on TERM; anything left in its process group after that
  # (it should be nothing) is ended too, so that the next start is cold.
  kill -TERM "$run_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$run_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  run_pid=""
}
cleanup() {
  stop_stack
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'printf "startup-benchmark.sh: stopped by a failing command at line %s\n" "$LINENO" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
# CHILDREN_CPU: CPU seconds this script's finished children (curl, sleep, date, awk) have
# used so far, which its polling takes from the stack it times. Called as is, not in $( ):
# a subshell's children would be its own.
CHILDREN_CPU=0
children_cpu() {
  times >"$WORK/times"
  CHILDREN_CPU=$(awk 'END { split($0, f, /[ ms]+/); printf "%.2f", f[1] * 60 + f[2] + f[3] * 60 + f[4] }' "$WORK/times")
}

# RSS in MiB of each java process in run.sh's process group, as "name=MiB" words, named
# by the port on its command line; and the sum.
rss_report() {
  local total=0 line="" pid kib port name entry
  for pid in $(pgrep -g "$run_pid" java || true); do
    kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$kib" ] || kib=0
    name="java($pid)"
    port=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^--server.port=//p' | head -n 1)
    for entry in "${checks[@]}"; do
      IFS='|' read -r n p <<<"$entry"
      [ "$n" = gateway-service ] && p=$GATEWAY_PORT
      [ "$p" = "$port" ] && name=$n
    done
    [ -z "$port" ] && grep -q StandaloneStore "/proc/$pid/cmdline" 2>/dev/null && name=stores
    total=$((total + kib))
    line+=" $name=$((kib / 1024))"
  done
  printf '%s|%s' "$((total / 1024))" "${line# }"
}

# One start of the checkout with index $1: sets RESULT to "seconds|rss total MiB|per
# process|seconds at which each turned ready|settled rss total MiB|per process".
RESULT=""
POLL_CPU=""
start_once() {
  local log="$WORK/run-$1-$2.txt" t0 deadline pending entry n p t_all order="" cpu0 answer
  local -a urls codes
  if [ -n "$given_data" ]; then export LT_DATA_DIR="$given_data"; else export LT_DATA_DIR="$WORK/data-$1"; fi
  t0=$(now)
  # shellcheck disable=SC2086 # run.sh's options are words on purpose
  setsid bash "${roots[$1]}/run.sh" ${run_args[$1]} >"$log" 2>&1 &
  run_pid=$!
  deadline=$((SECONDS + STARTUP_TIMEOUT))
  children_cpu
  cpu0=$CHILDREN_CPU
  pending=("${checks[@]}" "storefront|")
  while [ ${#pending[@]} -gt 0 ]; do
    kill -0 "$run_pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "run.sh ended before the stack was ready (above)"; }
    [ $SECONDS -lt $deadline ] || { tail -n 30 "$log" >&2; fail "not ready within ${STARTUP_TIMEOUT}s: ${pending[*]}"; }
    # Every check still pending asked by one curl, one status line each (000: no answer).
    # A curl per check and round took 1.1 CPU s of a 9 s start from the stack it timed;
    # this takes about 0.4 s.
    urls=()
    for entry in "${pending[@]}"; do
      IFS='|' read -r n p <<<"$entry"
      if [ "$n" = storefront ]; then urls+=(-o /dev/null "http://127.0.0.1:$GATEWAY_PORT/")
      else urls+=(-o /dev/null "http://127.0.0.1:$p/actuator/health/readiness"); fi
    done
    answer=$(curl -s -m 1 -w "%{http_code}\n" "${urls[@]}" 2>/dev/null || true)
    mapfile -t codes <<<"$answer"
    local still=() k=0
    for entry in "${pending[@]}"; do
      IFS='|' read -r n p <<<"$entry"
      if [ "${codes[$k]:-}" = 200 ]; then
        # When each turned ready, in that order: which one the stack waits for.
        order+=" $n=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')"
      else
        still+=("$entry")
      fi
      k=$((k + 1))
    done
    pending=("${still[@]+"${still[@]}"}")
    [ ${#pending[@]} -eq 0 ] || sleep 0.2
  done
  t_all=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  children_cpu
  POLL_CPU=$(awk -v a="$cpu0" -v b="$CHILDREN_CPU" 'BEGIN { printf "%.1f", b - a }')
  RESULT="$t_all|$(rss_report)|${order# }"
  # And once settled: right after the start the JIT compilers still work through a queue
  # of hundreds of methods, and their scratch memory (tens of MB a process) is given back
  # within seconds.
  sleep "$SETTLE"
  RESULT+="|$(rss_report)"
  stop_stack
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf 'Start-up, %s cold start(s) each, INSTANCES=%s\n' "$RUNS" "$INSTANCES"
printf 'Load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times=() totals=() settled_totals=()
for r in "${!roots[@]}"; do
  start_once "$r" 0
  IFS='|' read -r secs rss per <<<"$RESULT"
  printf '%s: first start (builds if needed, loads the sample catalog, prepares what run.sh keeps): %s s, RSS %s MiB\n' \
    "${labels[$r]}" "$secs" "$rss"
  # Which java run.sh chose (a run.sh from before it said so ran the one on the PATH).
  printf '%s: %s\n' "${labels[$r]}" "$(grep -m 1 '^The services run on Java' "$WORK/run-$r-0.txt" \
    || printf 'the java on the PATH, %s' "$(java -version 2>&1 | head -n 1)")"
done
for i in $(seq 1 "$RUNS"); do
  for r in "${!roots[@]}"; do
    sleep 2
    start_once "$r" "$i"
    IFS='|' read -r secs rss per order settled settled_per <<<"$RESULT"
    times[$r]+="$secs "
    totals[$r]+="$rss "
    settled_totals[$r]+="$settled "
    printf '%s: start %s: every service ready and the storefront answering in %s s (%s; polling %s CPU s); RSS %s MiB (%s); %s s later %s MiB (%s)\n' \
      "${labels[$r]}" "$i" "$secs" "$order" "$POLL_CPU" "$rss" "$per" "$SETTLE" "$settled" "$settled_per"
  done
done
for r in "${!roots[@]}"; do
  printf '%s: median of %s: %s s to ready, RSS %s MiB, %s s later %s MiB\n' "${labels[$r]}" "$RUNS" \
    "$(printf '%s\n' ${times[$r]} | median)" "$(printf '%s\n' ${totals[$r]} | median)" "$SETTLE" \
    "$(printf '%s\n' ${settled_totals[$r]} | median)"
done
printf 'Load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
