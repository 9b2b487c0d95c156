"""Use cases, one module each: what the web pages, the API and the commands call."""
