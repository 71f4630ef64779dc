-- wrk script: order creates with fresh idempotency keys at a fixed arrival rate (open loop).
-- Request i is due at start + i/RATE; each wrk thread holds one keep-alive connection and sends
-- every CONNECTIONS-th request when it is due (or as soon as its connection is free, if late).
-- Latency counts from the due time, so a server that falls behind is charged for the wait.
-- TOKEN=bearer TENANT=t RATE=300 CONNECTIONS=32 \
--   wrk -t32 -c32 -d70s -s bench/creates.lua https://localhost:9443   (stops after DURATION s)
dofile("bench/wrk_report.lua")
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } b2b_timespec;
int clock_gettime(int clock, b2b_timespec *time);
]]
local clock = ffi.new("b2b_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC: the same clock in every thread
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local index = 0

function setup(thread)
  if index == 0 then start = now_ms() + 500 end
  thread:set("slot", index)
  thread:set("start", start)
  index = index + 1
  table.insert(threads, thread)
end

function init(args)
  rate = tonumber(os.getenv("RATE") or "300")
  connections = tonumber(os.getenv("CONNECTIONS") or "32")
  total = rate * tonumber(os.getenv("DURATION") or "60")
  tenant = os.getenv("TENANT")
  headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }
  sent = 0
  due = 0
  latencies = {}
  dues = {}
  failures = 0
  failure = ""
end

local function request_number()
  return slot + sent * connections
end

function delay()
  local i = request_number()
  if i >= total then return 3600000 end -- this connection's share is done: idle until wrk stops
  due = start + i * 1000 / rate
  return math.max(0, math.floor(due - now_ms()))
end

function request()
  local i = request_number()
  sent = sent + 1
  return order_create(tenant, i, headers)
end

function response(status, headers, body)
  latencies[#latencies + 1] = now_ms() - due
  dues[#dues + 1] = due - start
  if status ~= 201 then
    failures = failures + 1
    failure = status .. " " .. string.sub(body or "", 1, 200)
  end
end

local function percentile(sorted, q)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(q * #sorted))]
end

function done(summary, latency, requests)
  local all, windows, failed, last = {}, {}, 0, ""
  for _, thread in ipairs(threads) do
    local l, d = thread:get("latencies"), thread:get("dues")
    for k = 1, #l do
      all[#all + 1] = l[k]
      local w = math.floor(d[k] / 5000) + 1
      windows[w] = windows[w] or {}
      table.insert(windows[w], l[k])
    end
    failed = failed + thread:get("failures")
    if thread:get("failure") ~= "" then last = thread:get("failure") end
  end
  table.sort(all)
  local timeline = {}
  for w = 1, #windows do
    local window = windows[w] or {}
    table.sort(window)
    timeline[#timeline + 1] = string.format("%.0f/%.0f", percentile(window, 0.5), percentile(window, 1.0))
  end
  io.write(string.format(
    "RESULT created=%d failed=%d errors=%d rate=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    #all - failed, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    #all / (tonumber(os.getenv("DURATION") or "60")),
    percentile(all, 0.5), percentile(all, 0.95), percentile(all, 0.99), percentile(all, 1.0)))
  io.write("TIMELINE by 5 s of arrivals, p50/max ms: " .. table.concat(timeline, " ") .. "\n")
  if last ~= "" then io.write("LAST FAILURE " .. last .. "\n") end
end
