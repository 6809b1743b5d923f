"""The rulebook: models, loading, validation, export."""
