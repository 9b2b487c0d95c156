"""The Flask blueprints, forms and JSON API: thin, they call services/ and render templates/."""
