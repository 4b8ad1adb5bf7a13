-- wrk script for scripts/bench-server: POSTs the same checkout body (BODY_FILE, made by the script) to
-- /api/checkout/verify with a new Idempotency-Key on every request, so each one is verified and recorded.
local body_file = os.getenv("BODY_FILE")
local file = assert(io.open(body_file, "rb"), "cannot read " .. tostring(body_file))
local body = file:read("*a")
file:close()

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local counter = 0
local run = os.getenv("RUN_ID") or "run"
function request()
  counter = counter + 1
  return wrk.format("POST", "/api/checkout/verify", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. counter,
  }, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end
