"""The two-tier HTTP cache: parsed objects in memory, bytes on disk (never pickles)."""
