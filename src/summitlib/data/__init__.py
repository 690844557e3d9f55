"""Bundled data files (lexica, gazetteers), loaded lazily through importlib.resources."""
