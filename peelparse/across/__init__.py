"""across layer."""
