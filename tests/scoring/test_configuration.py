"""rubric.yaml and points.yaml are data: mistakes in them are content errors that name the fix."""

from __future__ import annotations

import copy
from typing import Any

from generator.codes import texts
from generator.scoring import Scores
from tests.scoring.corpora import CONFIG, perfect, run, world


def _with(rubric: dict[str, Any] | None = None, points: dict[str, Any] | None = None) -> Scores:
    files = world(perfect())
    if rubric is not None:
        files["rubric.yaml"] = rubric
    if points is not None:
        files["points.yaml"] = points
    return run(files)


def _rubric() -> dict[str, Any]:
    return copy.deepcopy(CONFIG["rubric.yaml"])


def test_an_unknown_metric_is_reported_with_a_suggestion_and_nothing_is_scored() -> None:
    rubric = _rubric()
    rubric["dimensions"][1]["indicators"][0]["metric"] = "frequncy"
    scores = _with(rubric)
    (error,) = scores.diagnostics
    assert error.code == "RUBRIC001"
    assert error.location.field == "dimensions[2].indicators[1].metric"
    assert texts(error, "zh")[1].startswith("是不是“frequency”？")
    assert scores.branches == {}
    assert scores.points["b"], "the points scheme is independent of the rubric"


def test_bad_metric_parameters_are_reported() -> None:
    rubric = _rubric()
    rubric["dimensions"][1]["indicators"][0]["params"] = {"types": ["branch_assembly"], "pre": "month"}
    rubric["dimensions"][4]["indicators"][0]["params"] = {"types": ["tea_party"]}
    errors = _with(rubric).diagnostics
    assert [e.code for e in errors] == ["RUBRIC002", "RUBRIC002"]
    assert "pre" in errors[0].params["problem"] and "types" in errors[0].params["allowed"]


def test_weights_must_add_up() -> None:
    rubric = _rubric()
    rubric["dimensions"][0]["weight"] = 25
    codes = sorted((e.code, e.location.field) for e in _with(rubric).diagnostics)
    assert codes == [("RUBRIC003", "dimensions"), ("RUBRIC003", "dimensions[1].weight")]


def test_bands_must_fall_and_end_at_zero() -> None:
    rubric = _rubric()
    rubric["bands"][2]["min_total"] = 85
    rubric["bands"][3]["min_total"] = 10
    rubric["exemplary_min_band"] = "best"
    assert [e.code for e in _with(rubric).diagnostics] == ["RUBRIC004"] * 3


def test_duplicate_keys_are_reported() -> None:
    rubric = _rubric()
    rubric["dimensions"][1]["indicators"][1]["key"] = "assembly"
    (error,) = _with(rubric).diagnostics
    assert (error.code, error.params["key"]) == ("RUBRIC005", "assembly")


def test_points_items_are_checked() -> None:
    points = copy.deepcopy(CONFIG["points.yaml"])
    points["items"][0]["metric"] = "atendance"
    points["items"][1]["params"] = {"x": 1}
    points["items"][6]["min"] = 9
    scores = _with(points=points)
    assert [(e.code, e.location.field) for e in scores.diagnostics] == [
        ("POINTS001", "items[1].metric"), ("POINTS001", "items[2].params"), ("POINTS001", "items[7].min"),
    ]
    assert scores.points == {} and scores.branches["b"]
