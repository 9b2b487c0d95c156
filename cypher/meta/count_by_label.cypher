// name: count_by_label :many
// How many nodes each label of the model has (one row per label, zero included).
OPTIONAL MATCH (n:Municipality) RETURN 'Municipality' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:District) RETURN 'District' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:Actor) RETURN 'Actor' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:Offer) RETURN 'Offer' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:Topic) RETURN 'Topic' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:TargetGroup) RETURN 'TargetGroup' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:Language) RETURN 'Language' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:WorkingGroup) RETURN 'WorkingGroup' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:User) RETURN 'User' AS label, count(n) AS n
UNION ALL OPTIONAL MATCH (n:Case) RETURN 'Case' AS label, count(n) AS n
