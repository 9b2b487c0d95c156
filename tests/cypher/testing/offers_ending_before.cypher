// name: offers_ending_before :scalar
// End dates of offers that ended before a day, sorted (tests of date comparisons).
MATCH (o:Offer)
WHERE o.valid_until < $day
WITH o.valid_until AS day
ORDER BY day
RETURN collect(day) AS days
