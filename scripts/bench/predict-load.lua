-- wrk script for scripts/bench/serve-load.sh: every request posts the same canvas PNG to
-- /api/predict, as the Draw page does while someone draws.
local path = os.getenv("DIGITS_BENCH_PNG")
local file = assert(io.open(path, "rb"), "DIGITS_BENCH_PNG must name a PNG file")
wrk.method = "POST"
wrk.path = "/api/predict?mode=" .. (os.getenv("DIGITS_BENCH_MODE") or "single")
wrk.body = file:read("*all")
file:close()
wrk.headers["Content-Type"] = "image/png"

-- Any answer but 200 is counted and reported: a benchmark of errors would be meaningless.
local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-200 %d, errors (connect/read/write/timeout) %d/%d/%d/%d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("throughput %.1f predictions/s\n", summary.requests / (summary.duration / 1e6)))
end
