"""Errors: typed, located, rendered with carets that line up under CJK text, picklable."""

from __future__ import annotations

import pickle

import pytest

import indicatorkit
from indicatorkit import IndicatorkitError, parse_target
from indicatorkit.errors import (
    DimensionMismatchError,
    InvalidTargetError,
    TargetSyntaxError,
    UnknownUnitError,
    caret_line,
    display_width,
)


def test_all_errors_are_value_errors_exported_by_the_errors_module() -> None:
    for cls in (TargetSyntaxError, UnknownUnitError, InvalidTargetError, DimensionMismatchError):
        assert issubclass(cls, IndicatorkitError)
        assert issubclass(cls, ValueError)
        assert getattr(indicatorkit.errors, cls.__name__) is cls


def test_caret_is_under_the_offending_text_by_display_width() -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_target("不低于95嗯")
    text_line, caret = str(caught.value).splitlines()[1:3]
    assert text_line == "  不低于95嗯"
    # 不低于 is six columns wide, 95 two: the caret starts at column 8 after the indent
    assert caret == "  " + " " * 8 + "^^"


def test_caret_maps_back_through_normalisation() -> None:
    # full-width characters are normalised before parsing; the caret still points into the
    # text as given
    with pytest.raises(TargetSyntaxError) as caught:
        parse_target("＞＝９５％％")
    assert caught.value.position == 5
    assert caught.value.text == "＞＝９５％％"


def test_display_width_and_caret_line() -> None:
    assert display_width("≥95%") == 4
    assert display_width("１２") == 4
    assert caret_line("万元x", 2) == "  万元x\n      ^"


def test_errors_survive_pickling() -> None:
    for text in ("≥95%%", "≥200xx", "13月底前"):
        with pytest.raises(IndicatorkitError) as caught:
            parse_target(text)
        copy = pickle.loads(pickle.dumps(caught.value))
        assert type(copy) is type(caught.value)
        assert str(copy) == str(caught.value)
    mismatch = DimensionMismatchError("件", "人")
    assert str(pickle.loads(pickle.dumps(mismatch))) == str(mismatch)


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_target(95)  # type: ignore[call-overload]
