// name: rename_offer_and_themes :write
// Give one offer and every theme a new name (tests of what exports write).
MATCH (o:Offer {id: $offer_id})
SET o.name = $offer_name
WITH o
MATCH (th:Theme)
SET th.title = $theme_title
RETURN count(th) AS themes
