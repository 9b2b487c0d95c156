// name: for_report :many
// The unmet-search counts of a municipality for the months $month_from to $month_to (YYYY-MM).
MATCH (s:UnmetSearch {municipality_id: $municipality_id})
WHERE s.month >= $month_from AND s.month <= $month_to
RETURN s.topic AS topic, s.district AS district, s.language AS language, s.month AS month,
       s.reason AS reason, s.n AS n
