"""Rule sets: the code that reads, validates and compiles the YAML data in `rules/`."""
