-- wrk script: the seed's order mix. Three in four requests create an order (book or pen, so stock never runs
-- out and every answer is 201); one in four reads order 1 back (created by run.sh before the load starts).
local counter = 0

request = function()
  counter = counter + 1
  if counter % 4 == 0 then
    return wrk.format("GET", "/orders/1")
  end
  local item = (counter % 2 == 0) and "book" or "pen"
  local body = string.format('{"item":"%s","quantity":%d,"price":9.99}', item, (counter % 5) + 1)
  return wrk.format("POST", "/orders", { ["Content-Type"] = "application/json" }, body)
end
