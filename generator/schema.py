"""JSON Schema per record type, so editors autocomplete and flag mistakes while typing."""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import RECORD_TYPES


def schema_for(kind: str) -> dict[str, object]:
    schema = RECORD_TYPES[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.schema.json"
    return schema


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in sorted(RECORD_TYPES):
        path = out / f"{kind}.schema.json"
        text = json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
