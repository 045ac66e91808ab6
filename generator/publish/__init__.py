"""Stage publish: a built site becomes an immutable release on the web server.

The last layer of ``load → models → rules → scoring → render → publish``. A
release is a directory ``releases/<sequence>-<content hash>`` with a
``SHA256SUMS`` manifest; readers see it only when the ``current`` symlink is
switched to it in one ``rename``, so no request ever meets a half-copied site.
Stores (a local directory, or rsync over ssh) are chosen from the target
string in :mod:`generator.publish.targets`.
"""

from generator.publish.errors import PublishError
from generator.publish.release import Outcome, publish, rollback

__all__ = ["Outcome", "PublishError", "publish", "rollback"]
