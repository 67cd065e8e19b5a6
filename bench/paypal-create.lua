-- wrk script for bench/run's create baseline: POSTs a PayPal order body (BODY_FILE) straight to the PayPal emulator's
-- /v2/checkout/orders with AUTHORIZATION, and a PayPal-Request-Id unique per request (across threads), so every
-- request creates a new order, as every createPayPalOrder through a connector does.
local body = io.open(os.getenv("BODY_FILE")):read("*a")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTHORIZATION")
wrk.body = body

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local run = tostring(os.time())
function request()
  counter = counter + 1
  -- wrk.format uses the given table instead of wrk.headers, so it carries all of them.
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["PayPal-Request-Id"] = "bench-" .. run .. "-" .. tid .. "-" .. counter
  return wrk.format(nil, nil, headers, nil)
end
