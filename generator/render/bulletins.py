"""Bulletins (通报): staff-written body plus lists generated from the records, as one value.

The same :class:`BulletinView` feeds the PDF (official format) and the HTML
reading version, so the two can never disagree. The generated part replaces a
line ``{{名单}}`` in the body, or follows the body when there is no such line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from generator.labels import zh
from generator.models.base import BulletinKind
from generator.models.campaign import Bulletin, Case
from generator.models.corpus import At, Corpus
from generator.privacy import mask_text
from generator.render.markdown import MarkdownRenderer
from generator.render.pdf import BulletinDoc, chinese_date
from generator.scoring.results import Scores

MARKER = "{{名单}}"
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class BulletinView:
    id: str
    number: str
    title: str
    title_lines: tuple[str, ...]
    kind: str
    kind_name: str
    date: dt.date
    date_text: str
    addressee: str
    body_html: str
    attachments: tuple[str, ...]
    signature: str
    cc: tuple[str, ...]
    issued_by: str
    issued: dt.date
    issued_text: str
    source: str
    path: Path
    pdf: str


def document_number(prefix: str, year: int, number: int) -> str:
    """``川直工委〔2024〕12号``: hexagonal brackets, no 第, no leading zero."""
    return f"{prefix}〔{year}〕{number}号"


def bulletin_views(corpus: Corpus, scores: Scores, renderer: MarkdownRenderer) -> list[BulletinView]:
    assert corpus.site is not None
    site = corpus.site.value
    views = []
    for bulletin_id, at in sorted(corpus.bulletins.items()):
        b = at.value
        before, _, after = at.source.body.partition(MARKER)
        if not _:
            before, after = at.source.body, ""
        folder = "bulletins"
        body = (
            renderer.render(before, folder=folder, root="../../")
            + _generated(corpus, scores, b, renderer)
            + renderer.render(after, folder=folder, root="../../")
        )
        views.append(BulletinView(
            id=bulletin_id,
            number=document_number(site.doc_prefix, b.year, b.number),
            title=b.title_text,
            title_lines=b.title_lines,
            kind=b.kind.value,
            kind_name=zh(b.kind),
            date=b.date,
            date_text=chinese_date(b.date),
            addressee=b.addressee,
            body_html=body,
            attachments=b.attachments,
            signature=site.organ,
            cc=b.cc,
            issued_by=b.issued_by,
            issued=b.issued,
            issued_text=chinese_date(b.issued),
            source=at.source.name,
            path=at.source.path,
            pdf=f"bulletins/{bulletin_id}.pdf",
        ))
    return views


def pdf_document(view: BulletinView, organ_mark: str) -> BulletinDoc:
    return BulletinDoc(
        organ_mark=organ_mark,
        number=view.number,
        title=view.title,
        title_lines=view.title_lines,
        addressee=view.addressee,
        body_html=view.body_html,
        attachments=view.attachments,
        signature=view.signature,
        date=view.date,
        cc=view.cc,
        printed_by=view.issued_by,
        printed_on=view.issued,
        source=view.source,
        author=view.signature,
        subject=view.kind_name,
    )


def _generated(corpus: Corpus, scores: Scores, bulletin: Bulletin, renderer: MarkdownRenderer) -> str:
    match bulletin.kind:
        case BulletinKind.SECRETARIES:
            return _secretaries(corpus, bulletin.covers.year or bulletin.year)
        case BulletinKind.CASES:
            return _cases(corpus, [corpus.cases[c] for c in bulletin.covers.cases if c in corpus.cases], renderer)
        case BulletinKind.CONTEST:
            return _contest(corpus, scores, bulletin.covers.edition or "")
    return ""


def _secretaries(corpus: Corpus, year: int) -> str:
    rows = []
    for profile_id in sorted(corpus.profiles):
        profile = corpus.profiles[profile_id].value
        if profile.year != year or profile.member not in corpus.members:
            continue
        branch = corpus.branches[profile.branch].branch.value
        unit = corpus.units[branch.unit].value.name
        name = corpus.members[profile.member][1].value.name
        rows.append(f"<tr><td>{len(rows) + 1}</td><td>{escape(name)}</td>"
                    f"<td>{escape(unit)}{escape(branch.name)}书记</td></tr>")
    if not rows:
        return ""
    return ('<table><thead><tr><th scope="col">序号</th><th scope="col">姓名</th>'
            f'<th scope="col">单位及职务</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _cases(corpus: Corpus, cases: list[At[Case]], renderer: MarkdownRenderer) -> str:
    masked = corpus.site is None or corpus.site.value.privacy.mask_case_names
    parts = []
    for i, at in enumerate(sorted(cases, key=lambda c: (c.value.date, c.source.stem))):
        case = at.value
        unit = _unit_name(corpus, case.unit)
        name = mask_text(case.person.name, case.person.name) if masked else case.person.name
        story = renderer.render(mask_text(at.source.body, case.person.name) if masked else at.source.body,
                                folder="cases", root="../../")
        outcome = _outcome(case, name)
        numeral = _NUMERALS[i] if i < len(_NUMERALS) else str(i + 1)
        parts.append(f"<h3>（{numeral}）{escape(unit)}{escape(case.person.position)}{escape(name)}"
                     f"{escape(case.title)}。</h3>{story}<p>{escape(outcome)}</p>")
    return "".join(parts)


def _outcome(case: Case, name: str) -> str:
    results = []
    if case.party_sanction:
        results.append(f"党纪{zh(case.party_sanction)}处分")
    if case.government_sanction:
        results.append(f"政务{zh(case.government_sanction)}处分")
    results.extend(zh(h) for h in case.handling)
    return f"{name}受到{'、'.join(results)}。" if results else ""


def _contest(corpus: Corpus, scores: Scores, edition: str) -> str:
    result = scores.contests.get(edition)
    if result is None:
        return ""
    parts = []
    for item in result.items:
        rows = [
            f"<tr><td>{escape(e.award_name)}</td><td>{escape(e.name)}</td><td>{escape(_unit_name(corpus, e.unit))}</td>"
            f"<td>{e.score}</td></tr>"
            for e in item.entries if e.award
        ]
        if rows:
            parts.append(
                f"<h3>{escape(item.group_name)}·{escape(item.item_name)}</h3>"
                '<table><thead><tr><th scope="col">奖项</th><th scope="col">姓名</th>'
                f'<th scope="col">单位</th><th scope="col">得分</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            )
    return "".join(parts)


def _unit_name(corpus: Corpus, unit: str) -> str:
    return corpus.units[unit].value.name if unit in corpus.units else unit
