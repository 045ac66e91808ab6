"""Personal data that must never be published: ID numbers, mobile numbers, and names in cases.

Two jobs, both for every public output. :func:`scan` finds 18-digit national
ID numbers (GB 11643 checksum and a real birth date) and mainland mobile
numbers in any text a record carries (Markdown bodies and every string field:
topics, titles, summaries, descriptions…) and reports each as a content error
at its line; :func:`mask_name` turns a name into surname + 某某 for the
warning-education cases when ``site.privacy.mask_case_names`` is on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.load.decode import decode
from generator.load.digits import may_hold_number
from generator.load.source import SourceFile
from generator.models.corpus import At, BranchData, Corpus

E = Kind.ERROR

ID_NUMBER = define(
    "PRIV001", E, Severity.ERROR,
    title=("公开文字中有身份证号", "national ID number in published text"),
    message=("发现身份证号 {masked}，不得公开", "a national ID number ({masked}) must not be published"),
    hint=("删除身份证号；确需标识人员时用党员标识或案例编号", "remove it; refer to people by member id or case code"),
)
MOBILE = define(
    "PRIV002", E, Severity.ERROR,
    title=("公开文字中有手机号码", "mobile number in published text"),
    message=("发现手机号码 {masked}，不得公开", "a mobile number ({masked}) must not be published"),
    hint=("删除手机号码；需要联系方式的，写单位办公电话", "remove it; give an office telephone number if needed"),
)

_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def valid_id_number(number: str) -> bool:
    """GB 11643-1999: 17 digits, a birth date, and the ISO 7064 MOD 11-2 check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not 1900 <= born.year <= 2099:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17].upper()


def _halfwidth(text: str) -> str:
    """Full-width digits as ASCII, keeping every character's position."""
    return text.translate({code: code - 0xFEE0 for code in range(ord("０"), ord("９") + 1)})


def find(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked) of every ID number (``id``) and mobile number (``mobile``) in ``text``."""
    if not may_hold_number(text):
        return
    plain = _halfwidth(text)
    for match in _ID.finditer(plain):
        if valid_id_number(match.group()):
            number = match.group()
            yield match.start(), "id", f"{number[:6]}********{number[14:]}"
    for match in _MOBILE.finditer(plain):
        digits = re.sub(r"[ -]", "", match.group())
        yield match.start(), "mobile", f"{digits[:3]}****{digits[7:]}"


#: A file's name and what the scan found in it.
FileFindings = tuple[str, tuple[Diagnostic, ...]]


def scan(sources: dict[str, SourceFile], branch: str = "", unit: str = "") -> list[FileFindings]:
    """Every ID and mobile number in ``sources`` (all of one branch's files, or the province-wide ones), by file
    in name order; files with none are left out. Merging these lists by name gives the corpus in file order."""
    found: list[FileFindings] = []
    for name in sorted(sources):
        source = sources[name]
        hits = tuple(replace(d, branch=branch, unit=unit, records=(branch or source.stem,))
                     for d in scan_source(source))
        if hits:
            found.append((name, hits))
    return found


def scan_source(source: SourceFile) -> Iterator[Diagnostic]:
    """Numbers in the file's strings (noted by the loader, :mod:`generator.load.digits`), then in its body."""
    for path, text in source.digit_strings:
        for offset, kind, masked in find(text):
            yield make(ID_NUMBER if kind == "id" else MOBILE, _in_value(source, path, text, offset), masked=masked)
    for offset, kind, masked in find(source.body):
        before = source.body[:offset]
        line = source.body_line + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        yield make(ID_NUMBER if kind == "id" else MOBILE, Location(source.name, line, col, "正文"), masked=masked)


def _in_value(source: SourceFile, path: tuple[str | int, ...], text: str, offset: int) -> Location:
    """The line of a hit inside a YAML value; a block scalar (``|`` or ``>``) starts on the next line."""
    location = source.at(*path)
    if "\n" not in text.strip() or not location.line:
        return location
    lines = decode(source.path.read_bytes()).split("\n")
    head = lines[location.line - 1].rstrip() if location.line <= len(lines) else ""
    block = re.search(r"[|>][+-]?[0-9]?$", head) is not None
    return replace(location, line=location.line + int(block) + text.count("\n", 0, offset), col=0)


def province_sources(corpus: Corpus) -> dict[str, SourceFile]:
    """Every province-wide file (not in a branch's folder) that yielded a valid record, by name."""
    found: list[At[Any] | None] = [corpus.site, corpus.requirements, corpus.rubric, corpus.points_scheme]
    for group in (corpus.units, corpus.trainings, corpus.profiles, corpus.cases, corpus.contests, corpus.funds,
                  corpus.bulletins, corpus.pages):
        found.extend(group.values())
    return {at.source.name: at.source for at in found if at is not None}


def branch_sources(data: BranchData) -> dict[str, SourceFile]:
    """Every file of a branch that yielded a valid record, by name."""
    found: list[At[Any]] = [data.branch, *data.members[:1], *data.rectifications[:1]]
    found.extend(items[0] for items in data.activities.values() if items)
    found.extend(items[0] for items in data.points.values() if items)
    found.extend(data.assessments.values())
    found.extend(data.reports.values())
    return {at.source.name: at.source for at in found}


_COMPOUND = (
    "欧阳太史端木上官司马东方独孤南宫万俟闻人夏侯诸葛尉迟公羊赫连澹台皇甫宗政濮阳公冶太叔申屠公孙慕容仲孙钟离长孙宇文"
    "司徒鲜于司空闾丘子车亓官司寇巫马公西颛孙壤驷公良漆雕乐正宰父谷梁拓跋夹谷轩辕令狐段干百里呼延东郭南门羊舌微生"
    "公户公玉公仪梁丘公仲公上公门公山公坚左丘公伯西门公祖第五公乘贯丘公皙南荣东里东宫仲长子书子桑即墨达奚褚师"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))


def surname(name: str) -> str:
    """The surname: a compound one (欧阳, 司马, 诸葛…) when the name has at least three characters."""
    name = name.strip()
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def mask_name(name: str) -> str:
    """``张三丰`` → ``张某某``, ``欧阳修文`` → ``欧阳某某``; a name of other scripts keeps its first letter."""
    return surname(name) + "某某"


def mask_text(text: str, name: str) -> str:
    """``text`` with every occurrence of ``name`` masked (``张三丰同志`` → ``张某某同志``)."""
    name = name.strip()
    return text.replace(name, mask_name(name)) if name else text
