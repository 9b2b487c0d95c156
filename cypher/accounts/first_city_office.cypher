// name: first_city_office :scalar
// The organisation the first admin works for: a city office (the KI in Herne), else any.
MATCH (a:Actor)
RETURN a.id AS id
ORDER BY CASE WHEN a.id = 'ki-herne' THEN 0 WHEN a.kind = 'city_office' THEN 1 ELSE 2 END, a.id
LIMIT 1
