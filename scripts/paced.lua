-- wrk script: a fixed request rate with Poisson arrivals, for scripts/*benchmark.sh.
--
--   wrk -t2 -c20 -d30s --latency -s scripts/paced.lua URL MEAN_MS
--
-- Each connection waits an exponentially distributed time, MEAN_MS on average, before each
-- request, so the connections together send about connections * 1000 / MEAN_MS requests/s,
-- spread out as independent clients would send them. (hey -q instead paces each worker on
-- its own clock, all ticking together, so a fixed rate arrives as bursts.) The wait
-- follows the previous answer, so a slower target runs a little under the rate; wrk
-- prints the rate achieved.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  mean_ms = tonumber(args[1])
  math.randomseed(os.time() * 1000 + id)
end

function delay()
  return -math.log(1 - math.random()) * mean_ms
end
