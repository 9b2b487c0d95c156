// name: store_dates :write
// Create one test offer per end date (tests of date comparisons).
UNWIND $dates AS day
CREATE (o:Offer {id: 'test-' + day, valid_until: day})
RETURN count(o) AS created
