-- wrk script for bench/run: POSTs a prepared extension body with the extension's Authorization.
-- BODY_FILE names the body; AUTHORIZATION is the header value; when VARY_VERSION=1 the placeholder version 7777777 is
-- replaced per request (unique across threads), so every request gets a new PayPal-Request-Id (a new PayPal order).
local body = io.open(os.getenv("BODY_FILE")):read("*a")
local vary = os.getenv("VARY_VERSION") == "1"
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
function request()
  if not vary then
    return wrk.format()
  end
  counter = counter + 1
  local version = tostring(tid * 10000000 + counter)
  return wrk.format(nil, nil, nil, (body:gsub("7777777", version)))
end
