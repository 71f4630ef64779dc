-- Shared by the wrk scripts: one RESULT line with the answers counted per thread and wrk's figures.
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
