"""Entry point for ``python -m generator``.

A province build ends holding millions of objects; freeing them one by one at
interpreter exit took seconds after the work was done and every file was
written and synced. The process therefore leaves with ``os._exit`` once its
output streams are flushed: the kernel reclaims the memory at once.
"""

import os
import sys

from generator.cli import main

code = main()
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:
    pass
os._exit(code)
