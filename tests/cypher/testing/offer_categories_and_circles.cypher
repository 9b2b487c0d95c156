// name: offer_categories_and_circles :many
// Offer counts per category and circle.
MATCH (o:Offer)
RETURN o.category AS category, o.circle AS circle, count(o) AS n
