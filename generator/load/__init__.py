"""Stage 1, load: files under ``content/`` become raw records with source positions.

Nothing here knows what a branch or a case is; it turns bytes into plain Python
data, rejects what cannot be trusted (wrong encoding, duplicate keys, aliases,
oversized or too deeply nested input) and can point back at any value's line
and column when a later stage needs to report on it.
"""

from generator.load.discover import discover, stream
from generator.load.source import SourceFile, locate

__all__ = ["SourceFile", "discover", "locate", "stream"]
