// name: store_text :write
// Store a text under a key (used by the tests of parameter handling).
CREATE (v:TestValue {key: $key, text: $text})
RETURN v.key AS key
