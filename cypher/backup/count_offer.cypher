// name: count_offer :scalar
// How many Offer nodes the graph holds.
MATCH (n:Offer)
RETURN count(n) AS n
