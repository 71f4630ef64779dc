-- wrk script: replays pre-signed webhook pushes (WebhookBench.java sign), each event once.
-- PUSHES=file PARTNER=id wrk -t2 -cN -dS --latency -s bench/inbound.lua https://localhost:9443
dofile("bench/wrk_report.lua")
local pushes = {}
local threads = {}
local next_thread = 1
local position = 0
accepted = 0
other = 0

function setup(thread)
  thread:set("index", next_thread)
  thread:set("count", 0)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  local path = "/api/v1/webhooks/" .. os.getenv("PARTNER")
  local threads_total = tonumber(os.getenv("THREADS") or "2")
  local line_number = 0
  -- Each thread takes every threads_total-th line, so no event is sent twice.
  for line in io.lines(os.getenv("PUSHES")) do
    line_number = line_number + 1
    if line_number % threads_total == index - 1 then
      local signature, body = line:match("([^\t]+)\t(.*)")
      pushes[#pushes + 1] = wrk.format("POST", path,
        {["Content-Type"] = "application/json", ["X-Signature"] = signature}, body)
    end
  end
end

function request()
  -- Past the end it starts over: those are replays (200), counted as "other", never as 202.
  position = position % #pushes + 1
  return pushes[position]
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  report(threads, summary, latency, "accepted", "accepted", "other")
end
