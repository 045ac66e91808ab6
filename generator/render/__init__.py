"""Render stage: turns checked records into output values (HTML pages, PDF bytes).

Rendering never reads content files and never writes to disk; the publish
stage writes what this stage returns, so renders can be tested and compared
as plain values.
"""
