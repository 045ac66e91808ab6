"""Generator of the five-good party branch site and its official-format PDF bulletins."""

__version__ = "0.1.0"
