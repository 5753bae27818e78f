"""Real Secret Service for tests: PLACEHOLDER, implemented with the credentials layer."""
