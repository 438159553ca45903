"""backskills: a command-line companion for self-managing non-specific low back pain."""

__version__ = "0.1.0"
