-- Shared by the wrk scripts: one RESULT line with the answers counted per thread and wrk's figures,
-- and the order create request.
-- Run wrk from the project root, so dofile finds this file.
function report(threads, summary, latency, ok_name, ok_var, other_var)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get(ok_var)
    bad = bad + thread:get(other_var)
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT %s=%d other=%d errors=%d rate=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    ok_name, ok, bad, errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

-- Order i of a tenant as a create request with its idempotency key; the same body SyncBench sends
-- for that key, so a second send is answered as a replay.
function order_create(tenant, i, headers)
  local order = "o-" .. i
  local body = '{"schemaVersion":2,"tenantId":"' .. tenant .. '","orderId":"' .. order
    .. '","version":1,"customerRef":"c-' .. (i % 1000) .. '","currency":"EUR",'
    .. '"lines":[{"sku":"SKU-1","quantity":2,"unitPriceMinor":1250,"lineTotalMinor":2500}],'
    .. '"totals":{"netMinor":2500,"taxMinor":475,"grossMinor":2975}}'
  headers["Idempotency-Key"] = "order:" .. tenant .. ":" .. order .. ":1"
  return wrk.format("POST", "/api/v1/erp/orders", headers, body)
end
