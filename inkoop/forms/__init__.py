"""Forms of the procurement process, one module per subject."""
