"""A report as tables of cells, each cell knowing the cases behind it, and the one way a cell and
a row are written out (window, command line, workbook, PDF) (docs/statistics.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .periods import Period


@dataclass(frozen=True)
class Cell:
    value: int | Decimal | str | None     # None: not defined (a rate over no cases); str: a listing's text
    case_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    key: str          # e.g. outcome.success; a table's cells are "<table>.<row>.<column>" for --explain
    label: str
    cells: tuple[Cell, ...]
    unit: str = "件"
    level: int = 0    # 1: a part of the row above it


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    column_keys: tuple[str, ...] = ()
    row_heading: str = ""     # the first column's heading; "项目" when empty

    @property
    def first_heading(self) -> str:
        return self.row_heading or "项目"


@dataclass
class Report:
    period: Period
    basis: str                       # received / closed
    stations: tuple[str, ...]        # the station codes counted (empty: none had cases)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def basis_label(self) -> str:
        return "按收案日期统计" if self.basis == "received" else "按结案日期统计"

    def cell(self, ref: str) -> Cell:
        """A cell by its reference ``<table>.<row>.<column>`` (``summary.outcome.success.current``,
        ``type.02.received``), as ``--explain`` takes it."""
        for table in self.tables:
            prefix = table.key + "."
            if not ref.startswith(prefix):
                continue
            rest = ref[len(prefix):]
            for row in table.rows:
                if rest.startswith(row.key + "."):
                    column = rest[len(row.key) + 1:]
                    keys = table.column_keys or table.columns
                    if column in keys:
                        return row.cells[keys.index(column)]
        raise KeyError(ref)

    def references(self) -> list[str]:
        return [f"{t.key}.{r.key}.{c}" for t in self.tables for r in t.rows for c in (t.column_keys or t.columns)]


def column_unit(table: Table, row: Row, column: int) -> str:
    """The unit of a cell: a summary row's own; elsewhere by the column (``rate``/``*_rate`` in
    percent, ``amount`` in 万元, ``score`` in points, ``*_days`` in days, counts otherwise)."""
    if table.key == "summary":
        return row.unit
    key = table.column_keys[column]
    if key == "rate" or key.endswith("_rate"):
        return "%"
    return {"amount": "万元", "score": "分"}.get(key, "天" if key.endswith("_days") else "件")


def cell_text(table: Table, row: Row, column: int, *, thousands: bool = False) -> str:
    """A cell as a person reads it, wherever a report is shown: "—" for no value, rates with
    "%", the summary's 环比/同比 with a sign (percent for counts and amounts, points for rates and
    days). ``column`` indexes ``row.cells``."""
    value = row.cells[column].value
    if value is None:
        return "—"
    summary = table.key == "summary"
    unit = column_unit(table, row, column)
    if summary and table.column_keys[column] in ("mom", "yoy"):
        return f"{value:+}" + ("" if unit in ("%", "天") else "%")
    if unit == "%":
        return f"{value}%"
    return f"{value:,}" if thousands and isinstance(value, int) else str(value)


def row_label(table: Table, row: Row, names: dict[str, str] | None = None) -> str:
    """A row's label: a station's name where known, the unit after a summary row's label."""
    label = (names or {}).get(row.key, row.label) if table.key in ("station", "overdue", "assessment") else row.label
    return label + (f"（{row.unit}）" if table.key == "summary" else "")


def text_lines(result: "Report", names: dict[str, str] | None = None) -> list[str]:
    """The report as tab-separated text, one table after the other, then its counting rules."""
    lines = []
    for table in result.tables:
        lines += [f"# {table.title}", "\t".join((table.first_heading, *table.columns))]
        lines += ["\t".join(("　" * row.level + row_label(table, row, names),
                             *(cell_text(table, row, i) for i in range(len(row.cells))))) for row in table.rows]
        lines.append("")
    return lines + [f"注：{note}" for note in result.notes]
