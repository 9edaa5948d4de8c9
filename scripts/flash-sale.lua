-- wrk script for scripts/benchmark.sh: a flash sale. Exactly one guest checkout per
-- connection, all sent at once (run it with -c as the number of shoppers and -t1), each for
-- one unit of the same SKU, straight to payment-service.
--
--   wrk -t1 -c200 -d15s --timeout 14s -s scripts/flash-sale.lua PAYMENT_URL SKU SHOPPERS
--
-- Prints the answers by status, how many 409s were insufficient-stock, and the slowest
-- answer (every request starts at once, so that is when the last shopper heard back).
local sku, shoppers
local sent = 0
-- wrk calls request() once before any connection opens, to check the request it returns
-- parses; that call must not use up a shopper's turn.
local checked = false
statuses = {}
short = 0

function init(args)
  sku = args[1]
  shoppers = tonumber(args[2])
  run = tostring(math.random(1, 1e9)) .. tostring(os.time())
end

-- One request per connection: nothing more once every shopper has sent theirs.
function delay()
  if sent < shoppers then return 0 end
  return 3600000
end

local function checkout(shopper)
  local body = '{"lines":[{"sku":"' .. sku .. '","quantity":1}],"email":"shopper' .. shopper .. '@example.com",'
    .. '"shippingAddress":{"name":"Ada Lovelace","line1":"1 Test Street","city":"London",'
    .. '"postalCode":"N1 1AA","country":"GB"}}'
  return wrk.format("POST", "/api/checkout", { ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "flash-" .. run .. "-" .. shopper }, body)
end

function request()
  if not checked then
    checked = true
    return checkout(1)
  end
  sent = sent + 1
  if sent > shoppers then
    -- wrk sends again on a connection it had to reopen; that shopper has had their
    -- turn, so this asks something harmless whose 200 is not counted.
    return wrk.format("GET", "/actuator/health/liveness")
  end
  return checkout(sent)
end

function response(status, headers, body)
  if status == 200 then return end
  statuses[status] = (statuses[status] or 0) + 1
  if status == 409 and body:find("insufficient%-stock") then short = short + 1 end
end

local all = {}
function setup(thread)
  all[#all + 1] = thread
end

function done(summary, latency, requests)
  local counts, insufficient = {}, 0
  for _, thread in ipairs(all) do
    for status, count in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + count end
    insufficient = insufficient + thread:get("short")
  end
  local line = "flash sale:"
  for status, count in pairs(counts) do line = line .. " " .. status .. "=" .. count end
  print(line)
  print("insufficient-stock: " .. insufficient)
  print(string.format("slowest answer ms: %.0f", latency.max / 1000))
end
