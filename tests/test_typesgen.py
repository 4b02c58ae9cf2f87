"""The TypedDict emitter is generic: any schema the spec gains becomes a type, with no edit
to the emitter (scripts/typesgen.py); request bodies also get their Input / Params forms."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _typesgen():
    spec = importlib.util.spec_from_file_location("_typesgen_for_test", ROOT / "scripts" / "typesgen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_new_schema_and_body_become_types(tmp_path):
    spec = yaml.safe_load((ROOT / "openapi" / "cekura-metrics.yaml").read_text())
    spec["components"]["schemas"]["Widget"] = {
        "type": "object",
        "description": "A thing the spec did not have yesterday.",
        "properties": {
            "id": {"type": "integer", "readOnly": True},
            "name": {"type": "string", "description": "What it is called."},
            "eval_type": {"$ref": "#/components/schemas/EvalType"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "parent": {"anyOf": [{"$ref": "#/components/schemas/Metric"}, {"type": "null"}]},
            "kind": {"type": "string", "enum": ["a", "b"]},
        },
        "required": ["id", "name"],
    }
    spec["paths"]["/widgets/"] = {
        "post": {
            "operationId": "widgets_create",
            "tags": ["widgets"],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}}},
            "responses": {"201": {"description": "ok"}},
        }
    }
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    text = _typesgen().emit(path)
    namespace: dict = {}
    exec(compile(text.replace("from .._typing import", "from cekura._typing import"), "types", "exec", dont_inherit=True), namespace)
    widget = namespace["Widget"]
    assert widget.__required_keys__ == {"id", "name"}
    assert set(widget.__optional_keys__) == {"eval_type", "tags", "parent", "kind"}
    assert 'parent: NotRequired["Metric | None"]' in text and 'kind: NotRequired[Literal["a", "b"]]' in text
    assert '"""What it is called."""' in text
    widget_input = namespace["WidgetInput"]
    assert "id" not in widget_input.__annotations__  # read-only: never sent
    assert "EvalTypeInput" in str(widget_input.__annotations__["eval_type"])  # documented spellings too
    params = namespace["WidgetParams"]
    assert {"name", "extra_body", "timeout", "max_retries"} <= set(params.__optional_keys__)
    assert {"Widget", "WidgetInput", "WidgetParams"} <= set(namespace["__all__"])


def test_the_emitted_module_matches_the_spec_and_the_vocabulary():
    import cekura.types as types
    from cekura._vocabulary import VALUE_ALIASES

    assert set(VALUE_ALIASES["eval_type"]) <= set(types.EvalTypeInput.__args__)
    assert set(VALUE_ALIASES["type"]) <= set(types.MetricTypeInput.__args__)
    assert "code" in types.MetricWriteInput.__annotations__  # FIELD_ALIASES: code -> custom_code
    assert types.JobStarted.__required_keys__ == {"progress_id", "job_id"}  # JOB_ID_NAMES
