-- wrk script for scripts/benchmark.sh: guest checkouts at a fixed rate with Poisson arrivals,
-- each for one unit of a SKU drawn from SKU_FILE, so that every one reserves stock.
--
--   wrk -t1 -c2 -d300s -s scripts/checkout-load.lua GATEWAY_URL MEAN_MS SKU_FILE
--
-- Prints the answers by status when it ends.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "paced.lua")
local paced_init = init
local skus = {}
local sent = 0
statuses = {}

function init(args)
  paced_init(args)
  for line in io.lines(args[2]) do skus[#skus + 1] = line end
  run = tostring(math.random(1, 1e9))
end

function request()
  sent = sent + 1
  local body = '{"lines":[{"sku":"' .. skus[math.random(#skus)] .. '","quantity":1}],'
    .. '"email":"benchmark@example.com","shippingAddress":{"name":"Ada Lovelace","line1":"1 Test Street",'
    .. '"city":"London","postalCode":"N1 1AA","country":"GB"}}'
  return wrk.format("POST", "/api/checkout", { ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "benchmark-" .. run .. "-" .. id .. "-" .. sent }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

local all = {}
local paced_setup = setup
function setup(thread)
  paced_setup(thread)
  all[#all + 1] = thread
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(all) do
    for status, count in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + count end
  end
  local line = "checkouts by status:"
  for status, count in pairs(counts) do line = line .. " " .. status .. "=" .. count end
  print(line)
end
