-- wrk script: POSTs the JSON file named by BENCH_BODY (the GraphQL queries of bench/graphql) on every request.
local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
