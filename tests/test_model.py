"""Model invariants: frozen values, validation, equality without spans."""

from __future__ import annotations

import attrs
import pytest

from vnplan import DocNumber, ModelError, Paragraph, PartialDate, PlaceDate, Section, SectionKind, Span


def test_nodes_are_frozen_and_evolve() -> None:
    """Nodes cannot be mutated; attrs.evolve makes a changed copy."""
    number = DocNumber(5, "KH-UBND")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        number.number = 6  # type: ignore[misc]
    assert attrs.evolve(number, number=6) == DocNumber(6, "KH-UBND")


def test_spans_do_not_take_part_in_equality() -> None:
    """Two nodes that differ only in where they came from are equal."""
    assert Paragraph("A.", span=Span(1, 1, 1, 3)) == Paragraph("A.", span=Span(9, 1, 9, 3))


@pytest.mark.parametrize(("year", "month", "day"), [(2020, 13, 1), (2021, 2, 29), (2020, 4, 31), (0, 1, 1)])
def test_impossible_dates_are_rejected(year: int, month: int, day: int) -> None:
    """A month of 13, 29 February in a common year, 31 April and year 0 are model errors."""
    with pytest.raises(ModelError):
        PartialDate(year, month, day)


def test_partial_dates() -> None:
    """Blank parts are allowed; to_date needs all three."""
    assert PartialDate(2022, 3, None).to_date() is None
    assert PartialDate(2020, 2, 29).to_date() is not None
    assert PlaceDate("Hà Nội", PartialDate()).date is None


def test_section_invariants() -> None:
    """Labels go with numbered kinds only; a child must be of a more minor kind."""
    with pytest.raises(ModelError):
        Section(SectionKind.DASH, "1", "x")
    with pytest.raises(ModelError):
        Section(SectionKind.ROMAN, "", "x")
    with pytest.raises(ModelError):
        Section(SectionKind.ARABIC, "1", "x", (Section(SectionKind.ROMAN, "I", "y"),))
    with pytest.raises(ModelError):
        Paragraph("   ")
