"""plainspeak: score, flag and rewrite public-service writing in plain English."""

__version__ = "0.1.0"
