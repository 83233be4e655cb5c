"""Views of the procurement process, one module per subject (urls_proces.py wires them)."""
