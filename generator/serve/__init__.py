"""Local preview (``python -m generator serve``): build, serve on 127.0.0.1, rebuild on change, reload the browser.

Not a publishing stage: it builds into a private temporary directory with the
normal atomic build, serves it with a small threaded HTTP server, watches
``content/`` and ``templates/`` with watchfiles, and tells open pages to reload
through Server-Sent Events. The reload script and the error overlay are added
to HTML as it is served, never to the built files. Content errors do not stop
the server: pages keep showing the last good build under an overlay that lists
the errors in Chinese.
"""

from generator.serve.preview import Preview
from generator.serve.server import PreviewServer

__all__ = ["Preview", "PreviewServer"]
