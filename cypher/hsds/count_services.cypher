// name: count_services :scalar
// How many offers the directory holds (HSDS services).
MATCH (o:Offer)
RETURN count(o) AS n
