-- wrk script for scripts/benchmark.sh: one scenario of catalog reads at a fixed rate with
-- Poisson arrivals (the pacing of scripts/paced.lua).
--
--   wrk -t2 -c20 -d60s --latency -s scripts/catalog-load.lua BASE_URL MEAN_MS SCENARIO [SLUG_FILE]
--
-- SCENARIO is one of
--   filter-mix   a category and, each at random, a size, a colour, a gender, inStock=true, a
--                price range, one of the sorts, page 0-2, pageSize=24
--   hot-listing  one listing URL, always the same
--   product      a product by slug or its availability, for slugs drawn from SLUG_FILE
--   search       q with a word or phrase shoppers type (one matches nothing), a random sort
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "paced.lua")
local paced_init = init

local categories = { "tops", "bottoms", "dresses", "outerwear", "sleepwear", "swimwear", "accessories" }
local sizes = { "0-3M", "3-6M", "6-12M", "12-18M", "18-24M", "2T", "3T", "4T", "5Y", "6Y", "7Y", "8Y", "9Y",
  "10Y", "11Y", "12Y", "13Y", "14Y" }
local colours = { "red", "navy", "blue", "sky", "green", "sage", "yellow", "mustard", "orange", "pink",
  "dusty-pink", "lilac", "purple", "white", "cream", "grey", "charcoal", "black", "brown", "oatmeal", "teal",
  "coral", "mint" }
local genders = { "girls", "boys", "unisex" }
local sorts = { "newest", "price-asc", "price-desc", "name" }
local words = { "dinosaur", "stripe", "floral", "hoodie", "raincoat", "polka%20dot", "organic", "pyjama",
  "unicorn", "fleece", "rainbow", "dress", "glow%20in%20the%20dark", "socks", "pockets", "denim", "sun%20hat",
  "shark", "tie-dye", "kimono" }
local hot = "/api/catalog/products?category=tops&size=4T&inStock=true&sort=price-asc&pageSize=24"

local function pick(values)
  return values[math.random(#values)]
end

local function filter_mix()
  local path = "/api/catalog/products?category=" .. pick(categories)
  if math.random() < 0.5 then path = path .. "&size=" .. pick(sizes) end
  if math.random() < 0.5 then path = path .. "&colour=" .. pick(colours) end
  if math.random() < 0.5 then path = path .. "&gender=" .. pick(genders) end
  if math.random() < 0.5 then path = path .. "&inStock=true" end
  if math.random() < 0.5 then
    local low = 500 * math.random(0, 4)
    path = path .. "&minPrice=" .. low .. "&maxPrice=" .. (low + 1000 * math.random(1, 3))
  end
  return path .. "&sort=" .. pick(sorts) .. "&page=" .. math.random(0, 2) .. "&pageSize=24"
end

local slugs = {}

local paths = {
  ["filter-mix"] = filter_mix,
  ["hot-listing"] = function() return hot end,
  ["product"] = function()
    local slug = pick(slugs)
    if math.random() < 0.5 then return "/api/catalog/products/" .. slug end
    return "/api/catalog/products/" .. slug .. "/availability"
  end,
  ["search"] = function()
    return "/api/catalog/products?q=" .. pick(words) .. "&sort=" .. pick(sorts) .. "&pageSize=24"
  end,
}

function init(args)
  paced_init(args)
  scenario = paths[args[2]] or error("unknown scenario " .. tostring(args[2]))
  if args[3] then
    for line in io.lines(args[3]) do slugs[#slugs + 1] = line end
  end
end

function request()
  return wrk.format("GET", scenario())
end
