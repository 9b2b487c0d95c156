// name: offers :many
// The municipality's offers with what the gap report weighs: topics, districts, languages, target groups, eligibility, capacity, waiting time and validity.
MATCH (o:Offer {municipality_id: $municipality_id})-[:PROVIDED_BY]->(a:Actor)
RETURN o {.id, .name, .category, .capacity, .waiting_days, .valid_from, .valid_until,
          .age_min, .age_max, .genders, .residence_statuses,
          actor: a.name,
          topics: [(o)-[:COVERS]->(t:Topic) | t.id],
          districts: [(o)-[:SERVES]->(d:District) | d.id],
          languages: [(o)-[:AVAILABLE_IN]->(l:Language) | l.id],
          target_groups: [(o)-[:FOR]->(g:TargetGroup) | g.id]} AS offer
