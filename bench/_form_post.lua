-- wrk script of bench/form_post.py; not a benchmark on its own. Settings come from the
-- environment (wrk passes script arguments to init() only, not to setup() or done()):
--   FORM_POST_MODE    "get": GET FORM_POST_PATH; "post": POST the pre-generated bodies
--   FORM_POST_PATH    the path requested
--   FORM_POST_STATUS  the status every response must have (200 for GET, 302 for POST)
--   FORM_POST_DIR     sessions.txt (one Cookie header value a line, one per client),
--                     bodies-<thread>.txt ("<session number>\t<urlencoded body>" a line);
--                     each thread writes acks-<thread>.txt: the submission key of every
--                     302's Location, one a line, as the answers arrive
--   FORM_POST_RESULT  where done() writes its JSON summary

local mode = os.getenv("FORM_POST_MODE")
local path = os.getenv("FORM_POST_PATH")
local expected = tonumber(os.getenv("FORM_POST_STATUS"))
local dir = os.getenv("FORM_POST_DIR")

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("id", thread_count)
   table.insert(threads, thread)
end

function init(args)
   sent = 0
   acked = 0
   wrapped = 0
   unexpected = {}
   if mode == "post" then
      cookies = {}
      for line in io.lines(dir .. "/sessions.txt") do
         cookies[#cookies + 1] = line
      end
      sessions, bodies = {}, {}
      for line in io.lines(dir .. "/bodies-" .. id .. ".txt") do
         local tab = line:find("\t", 1, true)
         sessions[#sessions + 1] = tonumber(line:sub(1, tab - 1))
         bodies[#bodies + 1] = line:sub(tab + 1)
      end
      acks = io.open(dir .. "/acks-" .. id .. ".txt", "w")
      acks:setvbuf("line") -- on disk as they arrive, whatever happens to wrk afterwards
      post_headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
   end
end

function request()
   sent = sent + 1
   if mode ~= "post" then
      return wrk.format("GET", path)
   end
   local i = (sent - 1) % #bodies + 1
   if sent > #bodies then
      wrapped = wrapped + 1 -- the list ran out: the same bodies again (retries, in effect)
   end
   post_headers["Cookie"] = cookies[sessions[i]]
   return wrk.format("POST", path, post_headers, bodies[i])
end

function response(status, headers, body)
   if status == expected then
      if mode ~= "post" then
         return
      end
      local location = headers["Location"] or headers["location"] or ""
      local key = location:match("/registrada/([%x%-]+)/$")
      if key then
         acked = acked + 1
         acks:write(key, "\n")
         return
      end
   end
   local name = tostring(status)
   unexpected[name] = (unexpected[name] or 0) + 1
end

function done(summary, latency, requests)
   local parts = {}
   for _, thread in ipairs(threads) do
      local counts = {}
      for status, count in pairs(thread:get("unexpected") or {}) do
         counts[#counts + 1] = string.format('"%s":%d', status, count)
      end
      parts[#parts + 1] = string.format(
         '{"id":%d,"sent":%d,"acked":%d,"wrapped":%d,"unexpected":{%s}}',
         thread:get("id"), thread:get("sent"), thread:get("acked"), thread:get("wrapped"),
         table.concat(counts, ",")
      )
   end
   local e = summary.errors
   local out = assert(io.open(os.getenv("FORM_POST_RESULT"), "w"))
   out:write(string.format(
      '{"requests":%d,"duration_us":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"p50":%.0f,"p95":%.0f,"p99":%.0f,"max":%.0f,"mean":%.0f},' ..
      '"threads":[%s]}\n',
      summary.requests, summary.duration,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(95), latency:percentile(99),
      latency.max, latency.mean,
      table.concat(parts, ",")
   ))
   out:close()
end
