"""Codes of schema and reference errors: the record cannot be trusted as written."""

from generator.codes import define
from generator.diagnostics import Kind, Severity

E, S = Kind.ERROR, Severity.ERROR

MISSING = define(
    "SCHEMA001", E, S,
    title=("缺少必填字段", "required field missing"),
    message=("缺少必填字段“{key}”", "required field '{key}' is missing"),
    hint=("补上“{key}: …”（{description}）", "add '{key}: …' ({description})"),
)
UNKNOWN_KEY = define(
    "SCHEMA002", E, S,
    title=("不认识的字段", "unknown field"),
    message=("不认识的字段“{key}”", "unknown field '{key}'"),
    hint=("{suggestion_zh}可用的字段：{allowed}", "{suggestion_en}allowed fields: {allowed}"),
)
CHOICE = define(
    "SCHEMA003", E, S,
    title=("取值不在允许范围", "value not one of the choices"),
    message=("“{value}”不是允许的取值", "'{value}' is not one of the allowed values"),
    hint=("可选：{choices}", "choose one of: {choices}"),
)
DATE = define(
    "SCHEMA004", E, S,
    title=("日期格式不对", "not a date"),
    message=("“{value}”不是有效日期", "'{value}' is not a valid date"),
    hint=("{hint_zh}", "{hint_en}"),
)
NUMBER = define(
    "SCHEMA005", E, S,
    title=("不是数字", "not a number"),
    message=("“{value}”不是{expected_zh}", "'{value}' is not {expected_en}"),
    hint=("{hint_zh}", "{hint_en}"),
)
TYPE = define(
    "SCHEMA006", E, S,
    title=("类型不对", "wrong type"),
    message=("这里应为{expected_zh}，实际是{found_zh}", "expected {expected_en}, found {found_en}"),
    hint=("{hint_zh}", "{hint_en}"),
)
CONSTRAINT = define(
    "SCHEMA007", E, S,
    title=("取值超出范围", "value out of range"),
    message=("“{value}”不符合要求：{constraint_zh}", "'{value}' is invalid: {constraint_en}"),
    hint=("按要求修改这个值", "change the value to meet the constraint"),
)
EMPTY = define(
    "SCHEMA009", E, S,
    title=("必填字段还没有填写", "required field left blank"),
    message=("“{key}”还没有填写", "'{key}' is not filled in yet"),
    hint=("{hint_zh}", "{hint_en}"),
)
REFERENCE = define(
    "REF001", E, S,
    title=("引用不存在", "unresolved reference"),
    message=("找不到{what_zh}“{id}”", "no {what_en} '{id}' exists"),
    hint=("{suggestion_zh}", "{suggestion_en}"),
)
DUPLICATE_ID = define(
    "REF002", E, S,
    title=("标识重复", "duplicate id"),
    message=("{what_zh}标识“{id}”重复（另见 {other}）", "duplicate {what_en} id '{id}' (also in {other})"),
    hint=("每个标识只能用一次，改成不同的标识", "give each record its own id"),
)
MISSING_FILE = define(
    "REF003", E, S,
    title=("缺少必需的文件", "required file missing"),
    message=("缺少文件 {file}", "file {file} is missing"),
    hint=("按 content/README.md 的示例创建它，或运行 python -m generator new {kind}",
          "create it from the example in content/README.md, or run python -m generator new {kind}"),
)
YEAR_FILE = define(
    "SCHEMA008", E, S,
    title=("文件名应是年份", "file name must be a year"),
    message=("文件名“{stem}”不是年份", "file name '{stem}' is not a year"),
    hint=("按年份命名，例如 2024.yaml", "name the file after its year, e.g. 2024.yaml"),
)
