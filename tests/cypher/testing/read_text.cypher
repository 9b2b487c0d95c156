// name: read_text :scalar
// The text stored under a key (used by the tests of parameter handling).
MATCH (v:TestValue {key: $key})
RETURN v.text AS text
