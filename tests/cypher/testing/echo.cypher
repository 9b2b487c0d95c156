// name: echo :scalar
// Return the parameter as it arrived (used by the tests of parameter handling).
RETURN $value AS value
