// name: set_schema_version :write
// Record which schema version has been applied to this graph.
MERGE (m:Meta {id: 'schema'})
SET m.version = $version
RETURN m.version AS version
