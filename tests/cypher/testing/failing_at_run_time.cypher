// name: failing_at_run_time :scalar
// A statement that parses but fails while running (used to test the error path).
RETURN substring($value, -1) AS value
