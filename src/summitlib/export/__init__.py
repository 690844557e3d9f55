"""Exporters: JSON (the one converter, always available), pandas and Arrow (optional extras)."""
