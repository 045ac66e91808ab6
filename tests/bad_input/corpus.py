"""The bad-input corpus: one entry per way a clerk (or an attacker) can break the content.

Each case overrides files of the minimal valid tree (``tests/conftest.py``)
and names the file the error message must point at and, where one code is the
point of the case, that code. Every case must end in exit 1 with that file in
the report, no traceback, and the previously built site untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.conftest import MINIMAL


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` (absolute, or relative to the link's folder)."""

    target: str


@dataclass(frozen=True)
class Sparse:
    """A file of ``size`` bytes that starts with ``head`` (sparse, so cheap to write)."""

    size: int
    head: bytes = b""


Content = str | bytes | Link | Sparse | None


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, Content]
    file: str
    code: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


UNIT = "units/fgw.yaml"
BRANCH = "branches/fgw-zhc/branch.yaml"
MEMBERS = "branches/fgw-zhc/members.yaml"
ACTIVITIES = "branches/fgw-zhc/activities/2024.yaml"
ASSESSMENT = "branches/fgw-zhc/assessments/2024.yaml"
POINTS = "branches/fgw-zhc/points/2024.yaml"
PAGE = "pages/about.md"
PROFILE = "secretaries/li.md"
CASE = "cases/2024-zhang.md"
UNIT_TEXT = "name: 四川省发展和改革委员会\nshort: 省发展改革委\n"


def _id_number(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


ID_NUMBER = _id_number("51010719800101123")


def activity(topic: str, date: str = "2024-03-05", kind: str = "theme_day") -> str:
    return f"activities:\n  - type: {kind}\n    date: {date}\n    topic: {topic}\n"


def assessment(score: str) -> str:
    return f"business_score: {score}\n"


def page(body: str, title: str = "关于本站") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


def profile(photo: str) -> str:
    return (f"---\nmember: fgw-zhc-01\nbranch: fgw-zhc\nyear: 2024\ntitle: 李明华同志事迹\nphoto: {photo}\n---\n\n"
            "李明华同志担任支部书记以来……\n")


def case(body: str) -> str:
    return ("---\ntitle: 某处长违规收受礼品案\ndate: 2024-05-10\nunit: fgw\nperson: {name: 张三, position: 处长}\n"
            f"disciplines: [integrity]\neight_rules: true\nparty_sanction: warning\n---\n\n{body}\n")


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\nname: x\nshort: y\n"


def _deep_block(levels: int) -> str:
    return "name: x\nshort: y\n" + "".join(f"{'  ' * i}k{i}:\n" for i in range(levels)) + "  " * levels + "v: 1\n"


CASES: tuple[Case, ...] = (
    # Malformed YAML, as Notepad users write it.
    Case("tab_indentation", {UNIT: "name: 发改委\n\tshort: 发改委\n"}, UNIT, "LOAD004"),
    Case("fullwidth_colon", {UNIT: "name： 发改委\nshort: 发改委\n"}, UNIT, "LOAD004"),
    Case("unclosed_double_quote", {UNIT: 'name: "发改委\nshort: 发改委\n'}, UNIT, "LOAD004"),
    Case("unclosed_flow_list", {BRANCH: MINIMAL[BRANCH].replace("committees:\n", "groups: [\ncommittees:\n")},
         BRANCH, "LOAD004"),
    Case("unclosed_flow_mapping", {UNIT: "name: {a: 1\nshort: x\n"}, UNIT, "LOAD004"),
    Case("sibling_indented_deeper", {UNIT: "name: 发改委\n  short: 发改委\n"}, UNIT, "LOAD004"),
    Case("unquoted_colon_in_value", {ACTIVITIES: "activities:\n  - type: theme_day\n    date: 2024-03-05\n"
                                                 "    topic: 学习: 二十大: 精神\n"}, ACTIVITIES, "LOAD004"),
    Case("value_starting_with_at", {UNIT: "name: @发改委\nshort: x\n"}, UNIT, "LOAD004"),
    Case("backtick_value", {UNIT: "name: `发改委`\nshort: x\n"}, UNIT, "LOAD004"),
    Case("invalid_escape", {UNIT: 'name: "发改\\q委"\nshort: x\n'}, UNIT, "LOAD004"),
    Case("two_documents", {UNIT: UNIT_TEXT + "---\nname: 另一个\n"}, UNIT, "LOAD004"),
    Case("fullwidth_space_indentation", {UNIT: "name: 发改委\n\u3000short: 发改委\n"}, UNIT, "SCHEMA002"),
    Case("missing_colon", {UNIT: "name: 发改委\nshort 发改委\n"}, UNIT, "LOAD004"),
    Case("top_level_list", {MEMBERS: "- id: fgw-zhc-01\n  name: 李明华\n"}, MEMBERS, "LOAD012"),
    Case("top_level_scalar", {UNIT: "四川省发展和改革委员会\n"}, UNIT, "LOAD012"),
    Case("python_object_tag", {UNIT: "name: !!python/object/apply:os.system ['touch /tmp/pwned']\nshort: x\n"},
         UNIT, "LOAD004"),
    Case("unknown_local_tag", {UNIT: "name: !custom 发改委\nshort: x\n"}, UNIT, "LOAD004"),
    Case("complex_mapping_key", {UNIT: "? [a, b]\n: x\n" + UNIT_TEXT}, UNIT, "LOAD004"),
    Case("duplicate_key", {UNIT: "name: 发改委\nname: 发展改革委\nshort: x\n"}, UNIT, "LOAD005"),
    Case("duplicate_key_in_list_item",
         {MEMBERS: MINIMAL[MEMBERS].replace("name: 李明华,", "name: 李明华, name: 李华,")}, MEMBERS, "LOAD005"),
    Case("anchor_and_alias", {UNIT: "name: &n 发改委\nshort: *n\n"}, UNIT, "LOAD006"),
    Case("merge_key", {UNIT: "base: &b {name: 发改委}\n<<: *b\nshort: x\n"}, UNIT, "LOAD006"),
    Case("alias_bomb", {UNIT: _alias_bomb()}, UNIT, "LOAD006"),
    # Encodings from Windows editors.
    Case("gbk_yaml", {UNIT: UNIT_TEXT.encode("gbk")}, UNIT, "LOAD001"),
    Case("gb18030_markdown", {PAGE: page("本站介绍省直机关“五好党支部”创建工作。").encode("gb18030")}, PAGE, "LOAD001"),
    Case("utf16_le_with_bom", {UNIT: UNIT_TEXT.encode("utf-16")}, UNIT, "LOAD002"),
    Case("utf16_be_with_bom", {UNIT: b"\xfe\xff" + UNIT_TEXT.encode("utf-16-be")}, UNIT, "LOAD002"),
    Case("utf16_without_bom", {UNIT: "name: fgw\nshort: fgw\n".encode("utf-16-le")}, UNIT, "LOAD002"),
    Case("latin1_text", {UNIT: "name: caf\xe9\nshort: x\n".encode("latin-1")}, UNIT, "LOAD003"),
    Case("binary_garbage", {UNIT: bytes(range(128, 256)) * 4}, UNIT, "LOAD003"),
    Case("nul_byte", {UNIT: b"name: \xe5\x8f\x91\x00\nshort: x\n"}, UNIT, "LOAD003"),
    # Size, depth and count limits.
    Case("huge_file", {UNIT: Sparse(5 * 1024 * 1024, b"name: x\nshort: y\n# ")}, UNIT, "LOAD008"),
    Case("huge_attachment", {"cases/files/scan.pdf": Sparse(17 * 1024 * 1024, b"%PDF-1.4\n")},
         "cases/files/scan.pdf", "LOAD008"),
    Case("deep_flow_nesting", {UNIT: "name: x\nshort: y\nk: " + "[" * 200 + "]" * 200 + "\n"}, UNIT, "LOAD007"),
    Case("deep_block_nesting", {UNIT: _deep_block(40)}, UNIT, "LOAD007"),
    Case("too_many_records", {POINTS: "events:\n" + "  - {member: fgw-zhc-01, item: x, date: 2024-01-01}\n" * 10_001},
         POINTS, "LOAD013"),
    # Files in the wrong shape or place.
    Case("markdown_without_front_matter", {PAGE: "# 关于本站\n\n正文\n"}, PAGE, "LOAD010"),
    Case("front_matter_not_closed", {PAGE: "---\ntitle: 关于本站\n\n正文\n"}, PAGE, "LOAD010"),
    Case("empty_record_file", {UNIT: ""}, UNIT, "SCHEMA001"),
    Case("misplaced_folder", {"branch/fgw-zhc/branch.yaml": MINIMAL[BRANCH]}, "branch/fgw-zhc/branch.yaml", "LOAD011"),
    Case("wrong_extension", {"units/tjj.yml": UNIT_TEXT}, "units/tjj.yml", "LOAD011"),
    Case("year_file_not_a_year", {"branches/fgw-zhc/activities/2024年.yaml": activity("学习")},
         "branches/fgw-zhc/activities/2024年.yaml", "SCHEMA008"),
    Case("file_name_is_a_windows_copy", {"units/fgw - 副本.yaml": UNIT_TEXT}, "units/fgw - 副本.yaml", "LOAD016"),
    Case("file_name_in_chinese", {"cases/张三案.md": case("正文")}, "cases/张三案.md", "LOAD016"),
    Case("branch_folder_in_chinese", {"branches/综合处/branch.yaml": MINIMAL[BRANCH]}, "branches/综合处", "LOAD016"),
    Case("part_without_branch", {"branches/ghost/members.yaml": MINIMAL[MEMBERS]}, "branches/ghost/members.yaml",
         "REF003"),
    Case("missing_site_yaml", {"site.yaml": None}, "site.yaml", "REF003"),
    # Wrong types and values.
    Case("unknown_key", {UNIT: UNIT_TEXT + "nmae: 发改委\n"}, UNIT, "SCHEMA002"),
    Case("missing_required_field", {UNIT: "name: 四川省发展和改革委员会\n"}, UNIT, "SCHEMA001"),
    Case("enum_in_chinese", {MEMBERS: MINIMAL[MEMBERS].replace("status: full", "status: 正式", 1)}, MEMBERS,
         "SCHEMA003"),
    Case("slash_date", {ACTIVITIES: activity("学习", date="2024/3/5")}, ACTIVITIES, "SCHEMA004"),
    Case("impossible_date", {ACTIVITIES: activity("学习", date="2024-02-30")}, ACTIVITIES, "SCHEMA004"),
    Case("fullwidth_digits_date", {ACTIVITIES: activity("学习", date="２０２４-０３-０５")}, ACTIVITIES, "SCHEMA004"),
    Case("blank_date", {ACTIVITIES: activity("学习", date="")}, ACTIVITIES, "SCHEMA009"),
    Case("blank_number", {ASSESSMENT: assessment("")}, ASSESSMENT, "SCHEMA009"),
    Case("blank_choice", {ACTIVITIES: activity("学习", kind="")}, ACTIVITIES, "SCHEMA009"),
    Case("number_with_unit", {ASSESSMENT: assessment("18分")}, ASSESSMENT, "SCHEMA005"),
    Case("score_out_of_range", {ASSESSMENT: assessment("25")}, ASSESSMENT, "SCHEMA007"),
    Case("not_a_number", {ASSESSMENT: assessment(".nan")}, ASSESSMENT, "SCHEMA007"),
    Case("infinity", {ASSESSMENT: assessment(".inf")}, ASSESSMENT, "SCHEMA007"),
    Case("boolean_in_chinese", {BRANCH: MINIMAL[BRANCH].replace("secretary_is_head: true", "secretary_is_head: 是")},
         BRANCH, "SCHEMA006"),
    Case("scalar_for_list", {BRANCH: MINIMAL[BRANCH].split("committees:")[0] + "committees: 综合处\n"}, BRANCH,
         "SCHEMA006"),
    Case("fraction_where_whole_number", {UNIT: UNIT_TEXT + "order: 1.5\n"}, UNIT, "SCHEMA005"),
    Case("non_breaking_space_after_colon", {UNIT: UNIT_TEXT + "order:\u00a01\n"}, UNIT, "LOAD004"),
    Case("uppercase_id", {MEMBERS: MINIMAL[MEMBERS].replace("id: fgw-zhc-03", "id: FGW-ZHC-03")}, MEMBERS,
         "SCHEMA007"),
    Case("text_too_long", {UNIT: f"name: {'很长' * 150}\nshort: x\n"}, UNIT, "SCHEMA007"),
    # References that lead nowhere.
    Case("unknown_unit", {BRANCH: MINIMAL[BRANCH].replace("unit: fgw", "unit: fgw2")}, BRANCH, "REF001"),
    Case("unknown_committee_member", {BRANCH: MINIMAL[BRANCH].replace("member: fgw-zhc-01", "member: fgw-zhc-99")},
         BRANCH, "REF001"),
    Case("member_id_in_two_branches", {
        "branches/fgw-gh/branch.yaml": MINIMAL[BRANCH].replace("综合处", "规划处"),
        "branches/fgw-gh/members.yaml": MINIMAL[MEMBERS]}, "branches/fgw-gh/members.yaml", "REF002"),
    Case("photo_missing", {PROFILE: profile("secretaries/photos/none.jpg")}, PROFILE, "REF001"),
    # Paths and links out of content/.
    Case("photo_path_traversal", {PROFILE: profile("../../etc/passwd")}, PROFILE, "REF004"),
    Case("photo_absolute_path", {PROFILE: profile("/etc/passwd")}, PROFILE, "REF004"),
    Case("markdown_image_traversal", {PAGE: page("![章程](../../../etc/passwd)")}, PAGE, "REF004"),
    Case("markdown_link_file_url", {PAGE: page("[下载](file:///etc/shadow)")}, PAGE, "REF004"),
    Case("html_image_traversal", {PAGE: page('<img src="../../secret.png">')}, PAGE, "REF004"),
    Case("reference_link_windows_path", {PAGE: page("[附件][1]\n\n[1]: C:\\Users\\clerk\\附件.pdf")}, PAGE, "REF004"),
    Case("symlink_record_out_of_content", {UNIT: Link("/etc/passwd")}, UNIT, "LOAD009"),
    Case("symlink_attachment_out_of_content", {"cases/files/x.pdf": Link("/usr/share/doc/nginx-light/copyright")},
         "cases/files/x.pdf", "LOAD009"),
    Case("symlink_folder_out_of_content", {"branches/evil": Link("/etc")}, "branches/evil", "LOAD009"),
    Case("symlink_folder_named_like_record", {"units/tjj.yaml": Link("../branches")}, "units/tjj.yaml", "LOAD014"),
    Case("dangling_symlink", {"units/tjj.yaml": Link("missing.yaml")}, "units/tjj.yaml", "LOAD014"),
    Case("symlink_loop", {"units/a.yaml": Link("b.yaml"), "units/b.yaml": Link("a.yaml")}, "units/a.yaml", "LOAD014"),
    # Personal data that must never be published.
    Case("id_number_in_topic", {ACTIVITIES: activity(f"为党员{ID_NUMBER}办理组织关系转接")}, ACTIVITIES, "PRIV001"),
    Case("mobile_in_topic", {ACTIVITIES: activity("联系人李明华，电话13812345678")}, ACTIVITIES, "PRIV002"),
    Case("mobile_with_spaces_in_position",
         {MEMBERS: MINIMAL[MEMBERS].replace("position: 处长", "position: 处长 138 1234 5678")}, MEMBERS, "PRIV002"),
    Case("id_number_in_page_body", {PAGE: page(f"咨询请提供身份证号，例如 {ID_NUMBER}。")}, PAGE, "PRIV001"),
    Case("mobile_in_case_body", {CASE: case("张某某，手机 15900001111，收受礼品……")}, CASE, "PRIV002"),
)
