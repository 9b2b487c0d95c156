// name: purge_notifications :write
// Notifications about closed cases past retention go before the cases do: they name the pseudonym and may quote a partner's feedback.
MATCH (c:Case {municipality_id: $municipality_id, phase: 'closed'})<-[:CONCERNS]-(n:Notification)
WHERE c.closed_on < $cutoff
DETACH DELETE n
RETURN count(*) AS deleted
