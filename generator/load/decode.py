"""Bytes to text: UTF-8 with or without BOM, and a precise error for everything else.

Clerks edit on Windows; Notepad and WPS save GBK ("ANSI") or UTF-16 ("Unicode")
unless told otherwise, so those two get their own message and fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.codes import CodeDef
from generator.load import codes

_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class DecodeError(Exception):
    code: CodeDef
    params: dict[str, object]


def decode(raw: bytes) -> str:
    """Text of a content file; raises :class:`DecodeError` naming the likely encoding."""
    if raw.startswith(_BOMS_UTF16) or _looks_utf16(raw):
        raise DecodeError(codes.UTF16, {})
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _is_gb18030_text(raw):
            raise DecodeError(codes.GBK, {}) from None
        raise DecodeError(codes.UNDECODABLE, {"byte": exc.start + 1}) from None
    if "\x00" in text:
        raise DecodeError(codes.UNDECODABLE, {"byte": text.index("\x00") + 1})
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without BOM: every other byte of ASCII-heavy text is NUL."""
    head = raw[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


def _is_gb18030_text(raw: bytes) -> bool:
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in text):
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
