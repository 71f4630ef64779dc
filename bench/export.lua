-- wrk script: the order export paged with its cursor over one connection, from the first page
-- (pages of 100). TOKEN=bearer wrk -t1 -c1 -d30s --latency -s bench/export.lua https://localhost:9443
dofile("bench/wrk_report.lua")
local threads = {}
local cursor = nil
pages = 0
other = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
end

function request()
  local path = "/api/v1/orders?limit=100"
  if cursor then path = path .. "&cursor=" .. cursor end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status ~= 200 then
    other = other + 1
    return
  end
  pages = pages + 1
  cursor = string.match(body, '"nextCursor":"([^"]+)"')
end

function done(summary, latency, requests)
  report(threads, summary, latency, "pages", "pages", "other")
end
