# Reads wrk's output (run with --latency) and prints "p50_ms p99_ms requests_per_s errors",
# errors being non-2xx/3xx answers plus socket errors (connect, read, write, timeout).
# wrk prints latencies as 912.00us, 1.20ms or 1.02s.
function ms(v) {
  if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
  if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
  if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
  return v + 0
}
/ 50%/ { p50 = ms($2) }
/ 99%/ { p99 = ms($2) }
/Requests\/sec:/ { rps = $2 }
/Non-2xx or 3xx responses:/ { errors += $NF }
/Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
END { printf "%.2f %.2f %.0f %d\n", p50, p99, rps, errors + 0 }
