"""The district console: web pages for the people who run the district (docs/console.md)."""
