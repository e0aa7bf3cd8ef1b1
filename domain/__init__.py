"""The bank's rules in plain Python. Imports neither Qt, SQLAlchemy nor reportlab."""
