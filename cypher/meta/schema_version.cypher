// name: schema_version :scalar
// The schema version applied to this graph, or nothing if none was.
MATCH (m:Meta {id: 'schema'})
RETURN m.version AS version
