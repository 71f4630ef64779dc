-- wrk script: order creates with KEYS idempotency keys, over and over: the first pass creates the
-- orders, every later request is a replay (answered with Idempotent-Replayed: true).
-- TOKEN=bearer TENANT=t KEYS=n wrk -t2 -cN -dS --latency -s bench/replays.lua https://localhost:9443
dofile("bench/wrk_report.lua")
local requests = {}
local threads = {}
local position = 0
replayed = 0
other = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local tenant = os.getenv("TENANT")
  local headers = {
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json"
  }
  for i = 0, tonumber(os.getenv("KEYS")) - 1 do
    requests[#requests + 1] = order_create(tenant, i, headers)
  end
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  local marker = headers["Idempotent-Replayed"] or headers["idempotent-replayed"]
  if marker == "true" then replayed = replayed + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  report(threads, summary, latency, "replayed", "replayed", "other")
end
