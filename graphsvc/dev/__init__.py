"""Development helpers: never imported by the app itself."""
