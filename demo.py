# SPDX-License-Identifier: MIT
"""Watch one neuron learn: the lessons of logreg.py, run in the terminal.

Its jobs, a command each:

    python3 demo.py                     the tour: every lesson, on two made-up
                                        clouds of points
    python3 demo.py --lesson training   one lesson, by name or number
    python3 demo.py --csv data.csv      the tour on your own data; the label is
                                        the last column, or --label COLUMN
    python3 demo.py --svg out.svg       the tour, and its pictures for a browser
    python3 demo.py --list              the lessons, by number and name
    python3 demo.py --exercises DIR     a teacher's kit: DIR/logreg.py and
                                        DIR/exercises.ipynb, the lecture with its
                                        functions left to write (--only NAMES)
    python3 demo.py --check FILE        grade a student's .py or .ipynb, an
                                        exercise a line (--json for Gradescope,
                                        --only NAMES, --timeout SECONDS)

Which options go with which job is the table JOBS, in part 6.  The tour and
--exercises need logreg.py beside this file; --check needs only this file.
It needs nothing else but Python.  Each lesson computes its numbers in one
function and prints them in another.

The file's parts, each under a banner, each using only those above it:

    1. The screen  paragraphs, numbers and charts, 79 columns wide
    2. Your data  the made-up clouds, a CSV file read, split and standardized
    3. The tour  the lessons, in the lecture's order, and the work they share
    4. The SVG  the tour's pictures, for a browser
    5. The teaching kit  exercises blanked from logreg.py, as a file and a
                         notebook, and their grader
    6. The command line  which options go with which job, and main
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import csv
import functools
import html
import io
import itertools
import math
import operator
import os
import random
import re
import sys
import textwrap
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

if sys.version_info < (3, 9):       # one line, not the traceback of list[float] below
    print("demo.py needs Python 3.9 or newer", file=sys.stderr)
    sys.exit(2)

Rows = list[list[float]]        # examples, one list of features each
Lines = list[str]               # what a lesson prints
Fit = tuple[list[float], float, list[float]]    # (w, b, costs), as logreg.train returns
WIDTH = 79                      # columns (a console 80 wide wraps a full line); 30 lines a lesson
TOLERANCE = 1e-6                # the training lesson stops after a step that gains less
SUBSET = 1000                   # examples for the costlier experiments on big data


class NoLibrary(Exception):
    """logreg.py cannot be imported; the message says why, in one line."""


def import_logreg() -> Any:
    """The logreg module, or NoLibrary saying why not (absent, not compiling, or raising)."""
    try:
        import logreg as module
    except ModuleNotFoundError as e:
        if e.name != "logreg":
            raise NoLibrary(f"importing logreg.py needs {e.name}, which is not installed") from None
        raise NoLibrary("the lessons need logreg.py, in the folder of demo.py or installed") from None
    except SyntaxError as e:
        raise NoLibrary(f"{e.filename}: it does not compile: line {e.lineno}: {e.msg}") from None
    except Exception as e:
        raise NoLibrary(f"importing logreg.py raised {type(e).__name__}: {e}") from None
    globals()["logreg"] = module
    return module


if TYPE_CHECKING:
    import logreg
else:
    class _Later:
        """logreg, imported where it is first used, so that the kit's grader runs without it."""

        def __getattr__(self, name: str) -> Any:
            return getattr(import_logreg(), name)

    logreg = _Later()


# #############################################################################
# Part 1. The screen
# #############################################################################
#
# Everything the lessons print passes through here: paragraphs wrapped to the
# screen, in characters the console can show, and charts drawn in text.

# Characters that a console may not print (Windows writes cp1252 when output is
# redirected), and plain stand-ins for them.
PLAIN = str.maketrans({"σ": "sigma", "α": "alpha", "λ": "lambda", "ε": "eps", "½": "1/2",
                       "¼": "1/4", "·": "*", "−": "-", "‖": "||", "√": "sqrt", "×": "x",
                       "±": "+/-", "≈": "~", "…": "...", "—": "-", "²": "^2", "̃": "~", "ᵀ": "'",
                       "▲": "^", "Σ": "sum"})


class _PlainWriter:
    """A text stream that turns characters its console lacks into plain ones."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        encoding = getattr(self.stream, "encoding", None) or "ascii"
        text = text.translate(PLAIN).encode(encoding, "replace").decode(encoding)
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()


def _console_safe() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            "σα½·−‖√×λε¼▲".encode(getattr(stream, "encoding", None) or "ascii")
        except (UnicodeEncodeError, LookupError):
            setattr(sys, name, _PlainWriter(stream))


def screen(lines: Lines) -> Lines:
    """Lines as the console will show them: plain characters where it lacks others, and
    lines that grew past the screen's width wrapped again."""
    if not isinstance(sys.stdout, _PlainWriter):
        return lines
    out: Lines = []
    for line in (line.translate(PLAIN) for line in lines):
        indent = " " * (len(line) - len(line.lstrip()))
        out += para(line.strip(), indent) if len(line) > WIDTH else [line]
    return out


def para(text: str, indent: str = "") -> Lines:
    """text wrapped to the screen's width, never inside "p = 0.5", "± 5%" or a
    sum or difference such as "a(1 − a)", in the characters that the console can show.

    >>> para("one two three", indent="  ")
    ['  one two three']
    >>> para("x " * 37 + "p = 0.5")[1]
    'p = 0.5'
    >>> para("x " * 37 + "a(1 − a)")[1]
    'a(1 − a)'
    """
    if isinstance(sys.stdout, _PlainWriter):            # wrap what the console will show
        text = text.translate(PLAIN)
    glued = text                                        # \0 is no space to textwrap
    for spaced in (" = ", " − ", " + ", " - "):
        glued = glued.replace(spaced, f"\0{spaced.strip()}\0")
    glued = glued.replace("± ", "±\0")
    # Some tools measure a line in bytes: keep σ, −, √ and the like from
    # pushing one past 80 of them.
    for width in range(WIDTH, 40, -1):
        lines = textwrap.wrap(glued, width, initial_indent=indent, subsequent_indent=indent,
                              break_on_hyphens=False)
        if all(len(line.encode("utf-8")) <= WIDTH + 1 for line in lines):
            break
    return [line.replace("\0", " ") for line in lines] or [""]


def short(text: str, k: int) -> str:
    """text, cut to at most k characters, with … at the cut.

    >>> short("petal length", 8), short("age", 8)
    ('petal l…', 'age')
    """
    return text if len(text) <= k else text[:k - 1] + "…"


def _steps(k: int) -> str:
    """k steps, in words.

    >>> _steps(1), _steps(12)
    ('1 step', '12 steps')
    """
    return f"{k:,} step" if k == 1 else f"{k:,} steps"


def counted(k: int, noun: str) -> str:
    """k and a noun, plural unless k is 1.

    >>> counted(1, "feature"), counted(15000, "training example")
    ('1 feature', '15,000 training examples')
    """
    return f"{k:,} {noun}" if k == 1 else f"{k:,} {noun}s"


def text_chart(curves: Sequence[tuple[str, str, Sequence[float]]], top: float,
               width: int = 60, height: int = 12) -> Lines:
    """Cost curves as characters: each curve is (mark, label, costs), costs[k] after k steps.

    >>> text_chart([("*", "flat", [1.0, 1.0])], top=2.0, width=4, height=3)[:4]
    ['   2.00 |    ', '   1.00 |****', '   0.00 |    ', '        +----']
    """
    grid = [[" "] * width for _ in range(height)]
    above = False
    for mark, _, costs in curves:
        last = len(costs) - 1
        for col in range(width):
            c = costs[round(col * last / (width - 1))]
            r = round((1 - min(c, top) / top) * (height - 1))
            grid[r][col] = "^" if c > top else mark
            above = above or c > top
    labelled = {0, (height - 1) // 2, height - 1}
    lines = []
    for r, cells in enumerate(grid):
        value = top * (1 - r / (height - 1))
        label = f"{value:6.2f}" if r in labelled else " " * 6
        lines.append(f" {label} |" + "".join(cells))
    n = max(len(costs) for _, _, costs in curves) - 1
    lines.append("        +" + "-" * width)
    lines.append(f"         0{'steps':^{width - 1 - len(f'{n:,}')}}{n:,}")
    lines += [f"         {mark} {label}" for mark, label, _ in curves]
    if above:
        lines.append("         ^ marks a cost above the top of the chart")
    return lines


def _extent(values: Sequence[float]) -> tuple[float, float]:
    """The plotted range of some values, with a margin, never of zero width.

    >>> _extent([0.0, 0.0])
    (-1.0, 1.0)
    """
    low, high = min(values), max(values)
    pad = 0.05 * (high - low) or 1.0
    return low - pad, high + pad


def text_scatter(S: Rows, Y: Sequence[int], w: Sequence[float], b: float,
                 width: int = 60, height: int = 16) -> Lines:
    """The examples as o (y = 0) and + (y = 1), and the line w·x + b = 0 as dots."""
    (x_lo, x_hi), (y_lo, y_hi) = _extent([x[0] for x in S]), _extent([x[1] for x in S])

    def z(col: float, row: float) -> float:
        x1 = x_lo + (col + 0.5) / width * (x_hi - x_lo)
        x2 = y_hi - (row + 0.5) / height * (y_hi - y_lo)
        return w[0] * x1 + w[1] * x2 + b

    grid = [[" "] * width for _ in range(height)]
    for r in range(height):
        for c in range(width):
            here = z(c, r) >= 0
            if (c + 1 < width and (z(c + 1, r) >= 0) != here) or \
               (r + 1 < height and (z(c, r + 1) >= 0) != here):
                grid[r][c] = "."
    for x, y in zip(S, Y):
        c = min(width - 1, int((x[0] - x_lo) / (x_hi - x_lo) * width))
        r = min(height - 1, int((y_hi - x[1]) / (y_hi - y_lo) * height))
        mark = "+" if y else "o"
        grid[r][c] = mark if grid[r][c] in (" ", ".", mark) else "@"
    return ["  |" + "".join(row) for row in grid] + ["  +" + "-" * width]


# #############################################################################
# Part 2. Your data
# #############################################################################
#
# The examples the tour trains on: two made-up clouds of points, or a CSV
# file; either is split into a training and a test part and standardized.

class DataError(Exception):
    """A problem with the user's data file, told in one line."""


@dataclass(frozen=True, eq=False)   # eq=False: hashed by identity, so shared work is cached per data
class Data:
    """The examples, split into a training and a test part, standardized, and notes on them."""
    names: list[str]
    X_train: Rows                   # raw features of the training part
    S_train: Rows                   # standardized with the training part's means and deviations
    Y_train: list[int]
    S_test: Rows
    Y_test: list[int]
    means: list[float]
    deviations: list[float]
    notes: list[str] = field(default_factory=list)     # what reading the file found
    label_note: str = ""
    rows_read: int = 0

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def m(self) -> int:
        return len(self.S_train)


def make_clouds(seed: int, m: int = 200) -> tuple[Rows, list[int], list[str]]:
    """Two overlapping clouds of two-feature points, half of each class."""
    rnd = random.Random(seed)
    X, Y = [], []
    for i in range(m):
        y = i % 2
        centre = (1.0, 0.6) if y else (-0.6, -0.8)
        X.append([rnd.gauss(centre[0], 1.0), rnd.gauss(centre[1], 1.0)])
        Y.append(y)
    return X, Y, ["x1", "x2"]


def split(X: Rows, Y: list[int], seed: int,
          test_share: float = 0.25) -> tuple[list[int], list[int]]:
    """Shuffle the indexes, and keep a quarter of them aside for testing: (train, test).

    >>> train, test = split([[float(i)] for i in range(8)], [0, 1] * 4, seed=0)
    >>> len(train), len(test), sorted(train + test) == list(range(8))
    (6, 2, True)
    """
    order = list(range(len(X)))
    random.Random(seed).shuffle(order)
    n_test = max(1, round(len(X) * test_share))
    return order[n_test:], order[:n_test]


def prepare(X: Rows, Y: list[int], names: list[str], seed: int, *, notes: Sequence[str] = (),
            label_note: str = "", rows_read: int = 0, lines: Sequence[int] | None = None,
            columns: Sequence[int] | None = None) -> Data:
    """Split the examples, and standardize both parts with the training part's scaling."""
    train, test = split(X, Y, seed)
    X_train = [X[i] for i in train]
    Y_train, Y_test = [Y[i] for i in train], [Y[i] for i in test]
    if len(set(Y_train)) < 2:
        raise DataError("after keeping a quarter aside for testing, the training part holds one "
                        "class only; more examples of each class are needed")
    means, deviations = logreg.fit_scaling(X_train)
    for j, s in enumerate(deviations):
        if math.isinf(s):
            raise DataError(f"column {columns[j] if columns else j + 1}: the values are too "
                            "spread out to standardize as floats")

    def scaled(indexes: list[int]) -> Rows:
        out = []
        for i in indexes:
            try:
                out.append(logreg.standardize([X[i]], means, deviations)[0])
            except ValueError:
                j = next(j for j in range(len(names)) if not _standardizes(X[i][j], means[j], deviations[j]))
                column = columns[j] if columns else j + 1
                where = f"line {lines[i]}, column {column}" if lines else f"example {i}"
                raise DataError(f"{where}: {X[i][j]!r} is too many deviations from the training "
                                "mean to standardize as a float") from None
        return out

    return Data(names=names, X_train=X_train, S_train=scaled(train), Y_train=Y_train,
                S_test=scaled(test), Y_test=Y_test, means=means, deviations=deviations,
                notes=list(notes), label_note=label_note, rows_read=rows_read)


def _standardizes(value: float, mean: float, deviation: float) -> bool:
    try:
        logreg.standardize([[value]], [mean], [deviation])
    except ValueError:
        return False
    return True


# === Reading a CSV file ======================================================
#
# A chain of small steps, in one pass over the file: the first row (with a
# look at the next few, and past '#' lines if the file opens with one) gives the
# header, the label's column and the skipped ones; each row after it has its
# cells read and described column by column, its label checked, and a chance
# to be in the sample.  Then the columns are judged whole (pandas' index, an
# empty column, text, an ID), and the table and its notes are made from the
# sample.

MISSING = {"", "na", "n/a", "nan", "?", "null"}      # how files write a missing value
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars", " ": "spaces"}
VALUES = 10                         # a text column of at most this many values becomes features
ID_ROWS = 20                        # rows enough for a column of distinct whole numbers to look like an ID
MARKS = [(b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),     # byte-order marks
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")]
BINARY = [(b"PK\x03\x04", "a ZIP archive, as an Excel .xlsx or .ods workbook is: save the sheet as CSV"),
          (b"\xd0\xcf\x11\xe0", "an Office file, as an Excel .xls workbook is: save the sheet as CSV"),
          (b"\x1f\x8b", "compressed with gzip: unpack it first (gunzip FILE)"),
          (b"PAR1", "a Parquet file: write it as CSV (pandas: df.to_csv(FILE))"),
          (b"\x93NUMPY", "a NumPy .npy file: write it as CSV (np.savetxt(FILE, X, delimiter=','))")]


class Table(NamedTuple):
    """What read_csv found in a file."""
    X: Rows
    Y: list[int]
    names: list[str]
    lines: list[int]                # each row's line in the file
    columns: list[int]              # each feature's column in the file, from 1
    rows_read: int                  # rows of data, before sampling
    notes: list[str]
    label_note: str


SAMPLE = 20_000                     # rows of a CSV file that the tour uses, at most


class Reading(NamedTuple):
    """What the command line asks of the CSV reader."""
    label: str | None = None        # the label's column, by header name or number from 1
    skip: tuple[str, ...] = ()      # columns to leave out, the same way
    one: str | None = None          # the label value taken as 1
    drop_missing: bool = False
    sample: int = SAMPLE
    seed: int = 1


def read_csv(path: str, *, label: str | None = None, skip: Sequence[str] = (),
             one: str | None = None, drop_missing: bool = False, sample: int = SAMPLE,
             seed: int = 1) -> Table:
    """Features, 0/1 labels, names and notes from a CSV file.

    The label is the last column, or the one that ``label`` names (by its
    header or its number from 1); it may hold any two distinct values, and
    ``one`` says which is taken as 1 (else the larger).  ``skip`` names
    columns to leave out, the same way.  The first row may be a header; blank
    lines are skipped; the separator may be a comma, semicolon, tab, bar or
    space.  A text column of a few values becomes 0/1 features; the row
    indexes of pandas and R and empty unnamed columns are left out.  Every
    row is checked, but at most ``sample`` of them, chosen at random, are kept.
    """
    o = Reading(label=label, skip=tuple(skip), one=one, drop_missing=drop_missing, sample=sample,
                seed=seed)
    try:
        encoding, notes = _encoding(path)
        try:
            return _read_table(path, encoding, notes, o)
        except UnicodeDecodeError:
            if encoding != "utf-8-sig":
                raise
        line, byte, encoding = _not_utf8(path)
        notes = [f"Line {line} is not UTF-8 (it has byte 0x{byte:02x}), so the file was read as "
                 f"{encoding}.  Save it as UTF-8 to be sure of its text."]
        return _read_table(path, encoding, notes, o)
    except (OSError, UnicodeError) as e:
        raise DataError(f"cannot read it: {getattr(e, 'strerror', None) or e}") from None


def _encoding(path: str) -> tuple[str, list[str]]:
    """The encoding that the file's byte-order mark names, and a note; else UTF-8."""
    with open(path, "rb") as f:
        start = f.read(1 << 16)
    for mark, name in MARKS:                # UTF-32's little-endian mark begins as UTF-16's
        if start.startswith(mark):
            return name.lower(), [f"The file is {name}; it was read as such."]
    for mark, what in BINARY:
        if start.startswith(mark):
            raise DataError(f"it is not text but {what}")
    if b"\x00" in start:
        raise DataError("it holds zero bytes: it is not text, or it is UTF-16 or UTF-32 without "
                        "a byte-order mark; save it as UTF-8 text")
    return "utf-8-sig", []


def _not_utf8(path: str) -> tuple[int, int, str]:
    """The first line that is not UTF-8, its bad byte, and an encoding that reads the file."""
    found, fits_cp1252 = (0, 0), True
    with open(path, "rb") as f:             # lines end in \n, \r\n or, as old Macs wrote, \r
        lines = (raw for chunk in f for raw in chunk.splitlines())
        for k, raw in enumerate(lines, 1):
            if not found[0]:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    found = (k, raw[e.start])
            if fits_cp1252:
                try:
                    raw.decode("cp1252")
                except UnicodeDecodeError:
                    fits_cp1252 = False
    return found[0], found[1], "cp1252 (Windows)" if fits_cp1252 else "latin-1"


def _read_table(path: str, encoding: str, notes: list[str], o: Reading) -> Table:
    python_encoding = encoding.split(" ")[0]
    with open(path, newline="", encoding=python_encoding) as f:
        start = f.read(1 << 16)
    excel = re.match(r"sep=([,;\t|])\r?\n", start)         # Excel's line that names the separator
    separator = excel[1] if excel else _separator(start)
    if excel:
        notes = [*notes, f"Line 1 is {excel[0].strip()!r}, the line that tells Excel the "
                 "separator; it was followed, and not read as data."]
    with open(path, newline="", encoding=python_encoding) as f:
        try:
            if excel:
                f.readline()
            reader = csv.reader(itertools.chain(f, [QUOTE]), delimiter=separator,
                                skipinitialspace=separator == " ")
            return _csv_rows(reader, separator, list(notes), o, first_line=2 if excel else 1)
        except csv.Error as e:
            raise DataError(f"cannot read line {reader.line_num + bool(excel)}: {e}") from None


def _separator(text: str) -> str:
    """The separator that splits the first rows of text into rows of equal length, the most cells.

    Ties go to tab, then semicolon: a file split by semicolons often has
    decimal commas, as in 1,5;2,3.

    >>> _separator("a;b;c\\n1,5;2;x\\n"), _separator("a,b\\n1,2\\n"), _separator("a\\tb\\n1\\t2\\n")
    (';', ',', '\\t')
    """
    lines = text.splitlines(keepends=True)[:50]
    if len(text) >= 1 << 16:
        lines = lines[:-1]                  # maybe cut short
    if lines and lines[0].startswith("#"):  # comments, as np.savetxt writes them
        lines = [line for line in lines if not line.startswith("#")] or lines
    best, cells = ",", 1
    for separator in "\t;,|":
        if _width(lines, separator) > cells:
            best, cells = separator, _width(lines, separator)
    if cells > 1:
        return best
    if _width(lines, " ") > 1:              # as np.savetxt and R's write.table write by default
        return " "
    first = next((line for line in lines if line.strip()), "")
    return max("\t;,|", key=lambda separator: (first.count(separator), separator == ","))


def _width(lines: list[str], separator: str) -> int:
    """The cells in each row that separator splits lines into, or 0 if they differ.  The first
    row may have one cell fewer, as a header over row names that R's write.table writes.

    >>> _width(["a,b\\n", "1,2\\n"], ","), _width(["a,b\\n", "1,2,3\\n"], ","), _width(["a\\n", "1,2,3\\n"], ",")
    (2, 3, 0)
    """
    try:
        widths = [len(row) for row in csv.reader(lines, delimiter=separator,
                                                 skipinitialspace=separator == " ")
                  if any(cell.strip() for cell in row)]
    except csv.Error:
        return 0
    rest = set(widths[1:]) or set(widths)
    return min(rest) if len(rest) == 1 and 0 <= min(rest) - widths[0] <= 1 else 0


def _cell_number(cell: str, decimal_comma: bool = False) -> float | None:
    """The finite number in a cell, or None.

    >>> _cell_number(" 2.5 "), _cell_number("inf"), _cell_number("1,5"), _cell_number("1,5", decimal_comma=True)
    (2.5, None, None, 1.5)
    """
    text = cell.strip()
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _label_key(cell: str) -> tuple[int, float, str]:
    """Labels that are the same number written differently ("1", "1.0") share a key."""
    value = _cell_number(cell)
    return (0, value, "") if value is not None else (1, 0.0, cell)


# --- the chain ---------------------------------------------------------------

Row = tuple[int, list[str]]         # a row's first line in the file, and its cells
LabelKey = tuple[int, float, str]


def _csv_rows(reader: Any, separator: str, notes: list[str], o: Reading, first_line: int = 1) -> Table:
    """The table in a CSV file, in steps: rows, layout, scan, roles, the rows kept, X, Y, notes."""
    rows = iter(_uncommented(_lines(reader, first_line), notes, separator == " "))
    first = next(rows, None)
    if first is None:
        raise DataError("the file has no data: it is empty or blank" if first_line == 1 else
                        "the file has no data after its sep= line")
    ahead = list(itertools.islice(rows, 20))        # to tell a header of numbers from data
    first = _over_row_names(first, ahead, notes)
    layout = _layout(first, ahead, separator, o)
    s = _scan(itertools.chain([first] if layout.header is None else [], ahead, rows), layout, o)
    roles = _roles(s, layout)
    kept = _complete(s, layout, roles, o)
    X, names, columns = _features(kept, layout, roles, s)
    Y, label_note = _zero_one(kept, s, layout, o)
    return Table(X=X, Y=Y, names=names, lines=[row.line for row in kept], columns=columns,
                 rows_read=s.count, notes=notes + _notes(layout, roles, s), label_note=label_note)


def _over_row_names(first: Row, ahead: list[Row], notes: list[str]) -> Row:
    """The first row, with an empty name put in front if it is a header one cell short of the
    rows below it, as R's write.table writes a header over its row names; or at the end, if
    each of those rows ends in an empty cell (a separator that ends each line)."""
    line, cells = first
    if not ahead or any(len(row) != len(cells) + 1 for _, row in ahead) or not _is_header(cells):
        return first
    if all(not row[-1].strip() for _, row in ahead):
        return line, [*cells, ""]
    notes.append(f"Line {line} names one column fewer than the rows below it hold, as R's "
                 "write.table writes a header over row names: column 1 was taken to have no name.")
    return line, ["", *cells]


QUOTE = '"\n'                       # read after the file: a blank row, or the close of an open quote


def _lines(reader: Any, first_line: int = 1) -> Iterable[Row]:
    """The rows that are not blank, each with the line it starts on, as an editor counts.

    The reader's last line is QUOTE, which reads as a blank row unless a
    quote was left open in the file; then it closes that, and ends its row.
    """
    end, held = first_line - 1, None
    for row in reader:
        line, end = end + 1, reader.line_num + first_line - 1
        if held:
            yield held
        held = (line, row) if any(cell.strip() for cell in row) else None
    if held:
        raise DataError(f"the row that begins on line {held[0]} has a quote (\") that is never "
                        "closed, so its cell runs to the end of the file")


def _uncommented(rows: Iterable[Row], notes: list[str], spaced: bool) -> Iterator[Row]:
    """The rows but those that begin with '#', if the first does, as np.savetxt writes comments
    and a header; the last such row before the data is the header if it names each column.

    Once the rows are read, notes holds one more, saying so.
    """
    rows = iter(rows)
    comments: list[Row] = []
    data = next(rows, None)
    while data is not None and _comment(data, spaced):
        comments.append(data)
        data = next(rows, None)
    if comments and data is None:
        raise DataError("the file has no data: each of its lines that is not blank begins with '#'")
    if comments:
        line, cells = comments[-1]
        named = cells[1:] if cells[0].strip() == "#" else [cells[0].lstrip()[1:].strip(), *cells[1:]]
        header = data is not None and len(named) == len(data[1]) and _is_header(named)
        yield from [(line, named)] if header else []
    yield from [data] if data else []
    later = 0
    for row in rows:
        if comments and _comment(row, spaced):
            later += 1
        else:
            yield row
    if comments:
        notes.append(_comment_note(comments, header, later))


def _comment(row: Row, spaced: bool) -> bool:
    cell = row[1][0].strip()            # a column headed '#' is no comment, but split at spaces
    return cell.startswith("#") and (cell != "#" or len(row[1]) == 1 or spaced)


def _comment_note(comments: list[Row], header: bool, later: int) -> str:
    """The note on the rows that begin with '#'."""
    left = len(comments) - header + later
    lines = "1 line that begins" if left == 1 else f"{left:,} lines that begin"
    said = f"{lines} with '#' {'was' if left == 1 else 'were'} left out, as comments"
    if not header:
        return f"{_capital(said)}."
    line = comments[-1][0]
    first = f"Line {line} begins with '#', as np.savetxt writes a header: it was read as the header"
    return f"{first}, without the '#'" + (f"; {said}." if left else ".")


# --- step 1: the header, the label's column and the skipped ones --------------

class Layout(NamedTuple):
    """The columns' parts, as the first row shows them."""
    width: int                      # cells in a row
    first_line: int
    header: list[str] | None        # the first row's cells, if it names the columns
    label_at: int                   # the label's column, from 0
    skipped: list[int]              # the columns that --skip leaves out
    features: list[int]             # the others, each a feature unless judged otherwise
    unnamed: frozenset[int]         # features without a name, maybe empty on every line
    split_at: str                   # the separator, said in words
    decimal_comma: bool             # whether 1,5 may be 1.5
    numbered: bool                  # whether the header has numbers for names
    data_names: bool                # without a header, whether the first row has names too


def _layout(first: Row, ahead: list[Row], separator: str, o: Reading) -> Layout:
    """The header, the label's column and the skipped ones, from the first row."""
    line, row = first
    split_at = SEPARATORS[separator]
    if len(row) < 2:
        raise DataError(f"line {line} has 1 cell, split at {split_at}; each row needs at least "
                        "one feature and a label")
    below = [cells for _, cells in ahead]
    label_at, header = _label_column(o.label, row, below, separator != ",")
    skipped = _skipped(o, row, header, label_at)
    features = [j for j in range(len(row)) if j != label_at and j not in skipped]
    if not features:
        raise DataError(f"--skip {','.join(o.skip)} leaves no feature; only the label is left")
    unnamed = frozenset(j for j in features      # without a header, empty in the first row
                        if (_unnamed(header[j]) if header is not None else not row[j].strip()))
    return Layout(width=len(row), first_line=line, header=header, label_at=label_at,
                  skipped=sorted(skipped), features=features, unnamed=unnamed,
                  split_at=split_at, decimal_comma=separator != ",",
                  numbered=header is not None and not _is_header(header, separator != ",")
                  and _numbered(header, label_at, below, separator != ","),
                  data_names=header is None and any(_name(cell.strip(), separator != ",")
                                                    for cell in row if cell.strip()))


def _is_header(cells: list[str], decimal_comma: bool = False) -> bool:
    """Whether a first row names the columns: its cells are names or empty, one at least a name.

    A name is not a number (finite or not), nor a missing value as files
    write it (NA, n/a, ?, null); "Na", sodium, is a name.

    >>> _is_header(["", "age", "Na"]), _is_header(["NA", "y"]), _is_header(["x", "-inf", "y"])
    (True, False, False)
    """
    written = [cell.strip() for cell in cells if cell.strip()]
    return bool(written) and all(_name(cell, decimal_comma) for cell in written)


def _name(cell: str, decimal_comma: bool = False) -> bool:
    """Whether a cell reads as a name: not a number, nor a missing value's marker."""
    number = cell.replace(",", ".", 1) if decimal_comma else cell
    marker = cell.lower() in MISSING and cell in (cell.lower(), cell.upper())
    return not (_is_number(number) or marker)


def _numbered(cells: list[str], at: int, ahead: list[list[str]], decimal_comma: bool) -> bool:
    """Whether a first row of names and whole numbers is a header: its label cell a name over
    labels that are numbers, as in pixels 0, 1, ..., 63 and then 'target', or years.

    >>> _numbered(["0", "1", "target"], 2, [["5", "3", "1"], ["2", "0", "0"]], False)
    True
    >>> _numbered(["5.1", "3.5", "setosa"], 2, [["4.9", "3", "setosa"]], False)
    False
    """
    numbers = [cell for cell in cells if cell and not _name(cell, decimal_comma)]
    below = [row[at].strip() for row in ahead if len(row) == len(cells)]
    below = [cell for cell in below if cell.lower() not in MISSING]
    return (bool(numbers) and all(cell.isascii() and cell.isdigit() for cell in numbers)
            and len(set(numbers)) == len(numbers) and _name(cells[at], decimal_comma)
            and bool(below) and all(_cell_number(cell, decimal_comma) is not None for cell in below))


def _numbered_at(label: str | None, cells: list[str], ahead: list[list[str]],
                 decimal_comma: bool) -> int | None:
    """The label's column, if the first row is a header of numbers over it (see _numbered):
    the last named column by default; for --label N, the column named N, else column N."""
    if label is None:
        places = [max([j for j, cell in enumerate(cells) if not _unnamed(cell)] or [len(cells) - 1])]
    elif label.strip().isdigit():
        places = [j for j, cell in enumerate(cells) if cell == label.strip()] + [int(label) - 1]
    else:
        places = _named(label, cells)
    return next((at for at in places if 0 <= at < len(cells)
                 and _numbered(cells, at, ahead, decimal_comma)), None)


def _unnamed(cell: str) -> bool:
    """Whether a header cell is empty, or the name pandas gives a column that has none.

    >>> _unnamed(" "), _unnamed("Unnamed: 0"), _unnamed("Unnamed: 0.1"), _unnamed("Unnamed: x")
    (True, True, True, False)
    """
    text = cell.strip()
    rest = text.removeprefix("Unnamed: ")
    return not text or (rest != text and rest.replace(".", "", 1).isdigit())


def _label_column(label: str | None, row: list[str], ahead: list[list[str]],
                  decimal_comma: bool = False) -> tuple[int, list[str] | None]:
    """The label's column (from 0) and the header, if this first row is one.

    By default the label is the last column, but for unnamed columns at the
    end (a separator that ends each line).
    """
    cells = [" ".join(cell.split()) for cell in row]        # a tab or line break in a name, a space
    header = cells if _is_header(cells, decimal_comma) else None
    at = None if header else _numbered_at(label, cells, ahead, decimal_comma)
    if at is not None:
        return at, cells
    if label is None:
        named = [j for j, cell in enumerate(cells) if not _unnamed(cell)] if header else []
        return (named[-1] if named else len(row) - 1), header
    named = _named(label, cells if header is not None or not label.strip().isdigit() else None)
    if len(named) == 1:
        return named[0], cells
    if label.strip().isdigit():
        at = int(label) - 1
        if not 0 <= at < len(row):
            raise DataError(f"--label {label}: there is no column {label}; the file has "
                            f"{len(row)} columns")
        return at, header
    if header is None:
        raise DataError(f"--label {short(label, 20)!r}: the file has no header to find that "
                        "name in; give the column's number")
    what = f"{len(named)} columns have" if named else "no column has"
    raise DataError(f"--label {short(label, 20)!r}: {what} that name{_headers(cells)}")


def _skipped(o: Reading, row: list[str], header: list[str] | None, label_at: int) -> set[int]:
    """The columns (from 0) that --skip names, by header name or number from 1."""
    out: set[int] = set()
    for name in o.skip:
        columns = _named(name, header)
        if not columns and name.strip().isdigit():
            columns = [int(name) - 1]
            if not 0 <= columns[0] < len(row):
                raise DataError(f"--skip {name}: there is no column {name}; the file has "
                                f"{len(row)} columns")
        if not columns:
            raise DataError(f"--skip {short(name, 20)!r}: " + (
                "the file has no header to find that name in; give the column's number"
                if header is None else f"no column has that name{_headers(header)}"))
        if label_at in columns:
            which = "" if o.label is not None else " (the last column, unless --label names another)"
            raise DataError(f"--skip {short(name, 20)!r}: {_column(label_at, header)} is the "
                            f"label{which}")
        out.update(columns)
    return out


def _word(text: str) -> bool:
    """Whether text can stand on a command line as it is, unquoted, in any shell.

    >>> _word("Sex"), _word("Größe"), _word("petal length"), _word("a,b"), _word("")
    (True, True, False, False, False)
    """
    return bool(text) and all(c.isalnum() or c in "_.-+" for c in text)


def _named(name: str, header: list[str] | None) -> list[int]:
    """The columns (from 0) that a header names so: exactly, else but for case."""
    cells = header or []
    return [j for j, cell in enumerate(cells) if cell == name.strip()] or \
        [j for j, cell in enumerate(cells) if cell.lower() == name.strip().lower()]


def _headers(cells: list[str]) -> str:
    """Every column's name, for a message: in brackets, or on lines of their own if many.

    >>> _headers(["a", "b"])
    ' (a, b)'
    >>> print(_headers([f"column number {k}" for k in range(1, 6)]))
    ; the 5 columns are:
      column number 1, column number 2, column number 3, column number 4,
      column number 5
    """
    names = [short(cell, 30) or "''" for cell in cells]
    if len(", ".join(names)) <= 60:
        return f" ({', '.join(names)})"
    lines = [""]
    for k, name in enumerate(names):
        item = name + ("," if k < len(names) - 1 else "")
        if lines[-1] and len(lines[-1]) + len(item) + 3 > WIDTH:
            lines.append("")
        lines[-1] += (" " if lines[-1] else "") + item
    return f"; the {len(cells):,} columns are:\n" + "\n".join("  " + line for line in lines)


# --- step 2: every row, its cells described by column, and a sample -----------

@dataclass(eq=False)
class _Column:
    """What a feature column holds, gathered row by row."""
    j: int                          # its place, from 0
    numbers: int = 0                # cells that hold a number
    first: list[float] = field(default_factory=list)            # its first three numbers
    wholes: set[float] | None = field(default_factory=set)      # its numbers, while each is whole
    in_order: bool = True           # each number is its row's count from 0: 0, 1, 2, ...
    whole: bool = True              # each number is whole
    rising: bool = True
    last: float = -math.inf
    texts: dict[str, int] = field(default_factory=dict)         # up to VALUES + 1 texts, at lines
    first_text: tuple[int, int, str] | None = None              # (line, column, text)
    first_missing: tuple[int, int, str] | None = None           # (line, column, cell)
    missing: int = 0                # cells without a value

    def number(self, value: float, k: int) -> None:
        """Take in row k's number (k from 0)."""
        self.numbers += 1
        if len(self.first) < 3:
            self.first.append(value)
        self.in_order = self.in_order and value == k
        self.whole = self.whole and value.is_integer()
        self.rising, self.last = self.rising and value > self.last, value
        if self.wholes is not None:         # and each different from the others
            if value.is_integer() and value not in self.wholes:
                self.wholes.add(value)
            else:
                self.wholes = None

    def text(self, text: str, line: int) -> None:
        if self.first_text is None:
            self.first_text = (line, self.j, text)
        if len(self.texts) <= VALUES:
            self.texts.setdefault(text, line)


class _Kept(NamedTuple):
    """A row in the sample."""
    line: int
    values: list[float | str]       # its feature cells read, in the order of Layout.features
    label: LabelKey
    gaps: int                       # a bit for each unnamed column it has no value in


@dataclass(eq=False)
class _Scan:
    """What one pass over the rows found."""
    columns: dict[int, _Column]
    rows: int = 0                   # rows of data
    count: int = 0                  # rows with every value, but maybe in unnamed columns
    dropped: int = 0                # rows that miss a value
    kept: list[_Kept] = field(default_factory=list)             # a random sample of the counted
    gaps: dict[int, int] = field(default_factory=dict)          # counted rows, by their gaps
    spellings: dict[LabelKey, tuple[str, int]] = field(default_factory=dict)  # as first written, where
    first_missing: tuple[int, int, str] | None = None           # outside unnamed columns
    label_gaps: int = 0             # rows without a label
    comma: bool = False             # whether a decimal comma was read


def _scan(rows: Iterable[Row], layout: Layout, o: Reading) -> _Scan:
    """Every row checked, its cells read and described by column, and a random sample kept."""
    s = _Scan(columns={j: _Column(j=j) for j in layout.features})
    rnd = random.Random(o.seed)
    for line, row in rows:
        if len(row) != layout.width:
            what = "the header names" if layout.header is not None else f"line {layout.first_line} has"
            raise DataError(f"line {line} has {len(row)} cells but {what} {layout.width} "
                            f"(split at {layout.split_at})")
        s.rows += 1
        s.label_gaps += row[layout.label_at].strip().lower() in MISSING
        values, gaps = _cells(line, row, layout, s)
        named = [j for j in gaps if j not in layout.unnamed]
        label = None if named else _row_label(line, row, layout, s, o)
        if named or label is None:
            j = named[0] if named else layout.label_at
            s.first_missing = s.first_missing or (line, j, row[j])
            s.dropped += 1
            continue
        bits = sum(1 << j for j in gaps)
        s.gaps[bits] = s.gaps.get(bits, 0) + 1
        _sample(s, _Kept(line=line, values=values, label=label, gaps=bits), rnd, o.sample)
    return s


def _cells(line: int, row: list[str], layout: Layout, s: _Scan) -> tuple[list[float | str], list[int]]:
    """A row's feature cells read (a number, a text, or "" where missing), and where one is missing."""
    values: list[float | str] = []
    gaps = []
    for j in layout.features:
        cell, column = row[j], s.columns[j]
        value = _cell_number(cell, layout.decimal_comma)
        if value is not None:
            s.comma = s.comma or (layout.decimal_comma and "," in cell)
            column.number(value, s.rows - 1)
            values.append(value)
        elif cell.strip().lower() in MISSING:
            column.first_missing = column.first_missing or (line, j, cell)
            column.missing += 1
            gaps.append(j)
            values.append("")
        elif _is_number(cell):
            raise DataError(f"line {line}, {_column(j, layout.header)}: {short(cell.strip(), 30)!r} "
                            "is not a finite number")
        else:
            column.text(cell.strip(), line)
            values.append(cell.strip())
    return values, gaps


def _row_label(line: int, row: list[str], layout: Layout, s: _Scan, o: Reading) -> LabelKey | None:
    """The row's label as a key, or None where it is missing; a third value is refused here."""
    text = row[layout.label_at].strip()
    if text.lower() in MISSING:
        return None
    key = _label_key(text)
    if key not in s.spellings:
        if len(s.spellings) == 2:
            raise DataError(_third_label(line, text, s.spellings,
                                         _column(layout.label_at, layout.header), o.label is None,
                                         layout.first_line if layout.data_names else 0))
        s.spellings[key] = (text, line)
    return key


def _sample(s: _Scan, row: _Kept, rnd: random.Random, size: int) -> None:
    """Keep the row with the chance that leaves a uniform random sample of size rows."""
    if s.count < size:
        s.kept.append(row)
    else:
        k = rnd.randrange(s.count + 1)
        if k < size:
            s.kept[k] = row
    s.count += 1
    if s.count % 500_000 == 0:
        print(f"  ... {s.count:,} rows read", flush=True)


# --- step 3: each column judged whole -----------------------------------------

USED = ("number", "text")           # the roles of columns that give features


def _roles(s: _Scan, layout: Layout) -> dict[int, str]:
    """Each feature column's role: number, text, index, empty, one text, or refused (text)."""
    header = layout.header or [""] * layout.width
    roles: dict[int, str] = {}
    for j, c in s.columns.items():
        index_like = _index_name(header, j)
        if c.texts:
            roles[j] = "refused" if c.numbers or len(c.texts) > VALUES else \
                "text" if len(c.texts) > 1 else "one text"
        elif j in layout.unnamed and not c.numbers:
            roles[j] = "empty"
        elif index_like and layout.header and c.wholes is not None and c.numbers == s.rows >= 2:
            roles[j] = "index"
        else:
            roles[j] = "number"
    if not any(role in USED for role in roles.values()):     # an index alone stays a feature
        roles = {j: "number" if role == "index" else role for j, role in roles.items()}
    return roles


RESET = ("index", "level_0")        # the names reset_index() gives pandas' index, made a column


def _index_name(header: list[str], j: int) -> bool:
    """Whether column j's name is one that pandas gives an index it writes: none, first;
    'Unnamed: N', anywhere; 'index' or 'level_0' among the first columns.

    >>> [_index_name(["", "Unnamed: 0", "index", "a", "index", ""], j) for j in range(6)]
    [True, True, True, False, False, False]
    """
    if not header[j]:
        return j == 0
    return _unnamed(header[j]) or header[j] in RESET and all(
        _unnamed(name) or name in RESET for name in header[:j])


def _complete(s: _Scan, layout: Layout, roles: dict[int, str], o: Reading) -> list[_Kept]:
    """The sampled rows that have every value, in file order, once the whole file passes."""
    if not s.rows:
        raise DataError(f"line {layout.first_line} is a header, and no rows of data follow it")
    if s.label_gaps == s.rows:
        raise DataError(_no_label(layout))
    refused = [j for j, role in roles.items() if role == "refused"]
    if refused:
        raise DataError(_refusal(refused, s, layout, o))
    if not any(role in USED for role in roles.values()):
        raise DataError("no feature is left: the columns but the label are empty on every line "
                        "or hold one text only")
    unnamed = [j for j in layout.unnamed if roles[j] in USED]      # not empty after all
    misses = [m for m in [s.first_missing, *(s.columns[j].first_missing for j in unnamed)] if m]
    if misses and not o.drop_missing:
        line, j, cell = min(misses)
        column = _column(j, layout.header)
        raise DataError(_missing(line, f"the label, {column}," if j == layout.label_at else column, cell))
    bad = sum(1 << j for j in unnamed)
    lost = sum(rows for gaps, rows in s.gaps.items() if gaps & bad)
    s.count, s.dropped = s.count - lost, s.dropped + lost
    kept = sorted((row for row in s.kept if not row.gaps & bad), key=lambda row: row.line)
    if not kept:
        raise DataError("its one row has a missing value" if s.dropped == 1 else
                        f"every one of its {s.dropped:,} rows has a missing value")
    return kept


def _no_label(layout: Layout) -> str:
    """The message for a label column that is empty on every line."""
    at = layout.label_at
    first = f"the label, {_column(at, layout.header)}, is empty on every line"
    if at == layout.width - 1 and at - 1 in layout.features:
        return f"{first}, as when each line ends in a separator; --label {at} takes column {at}"
    return f"{first}; --label COLUMN picks another"


def _refusal(refused: list[int], s: _Scan, layout: Layout, o: Reading) -> str:
    """The message for text columns that cannot become features, with the way forward."""
    header = layout.header
    line, j, cell = min(s.columns[k].first_text or (0, k, "") for k in refused)
    first = f"line {line}, {_column(j, header)}: {short(cell, 30)!r} is not a number"
    group, point, marks = (r"\.", ",", "points") if layout.decimal_comma else (",", r"\.", "commas")
    if re.fullmatch(rf"[-+]?\d{{1,3}}({group}\d{{3}})+({point}\d*)?", cell):      # 1,234.5
        first += f" (write it without the {marks} that group its thousands)"
    many = [k for k in refused if len(s.columns[k].texts) > VALUES]
    why = f"text of more than {VALUES} values" if many else "numbers and text"
    if many and len(many) < len(refused):
        why += ", or numbers and text"
    refs = ",".join([*o.skip, *(_ref(k, header) for k in refused)])
    label = "" if o.label is not None else (
        f"; the label is {_column(layout.label_at, header)}"
        + (", the last" if layout.label_at == layout.width - 1 else "")
        + ": --label COLUMN picks another")
    mend = "" if many else ", or write every cell as a number"
    if len(refused) == 1:
        return f"{first}; the column holds {why}.  --skip {refs} leaves it out{mend}{label}"
    shown = [f"{k + 1} ({short(header[k], 15)!r})" if header and header[k] and len(refused) <= 3
             else str(k + 1) for k in refused]
    return f"{first}; columns {_listed(shown)} hold {why}.  --skip {refs} leaves them out{mend}{label}"


def _ref(j: int, header: list[str] | None) -> str:
    """Column j (from 0) as --skip may name it: by its header, if that is a plain word."""
    if header and _word(header[j]) and len(_named(header[j], header)) == 1:
        return header[j]
    return str(j + 1)


# --- step 4: the features, the labels and the notes ---------------------------

def _features(kept: list[_Kept], layout: Layout, roles: dict[int, str],
              s: _Scan) -> tuple[Rows, list[str], list[int]]:
    """The sample's features: numbers as they are, a text column as 0/1 columns (one per value
    but the first, in sorted order, as pandas.get_dummies(drop_first=True) makes them)."""
    plan: list[tuple[int, str | None]] = []     # (place in a row's values, the text that gives 1)
    names: list[str] = []
    columns: list[int] = []
    for k, j in enumerate(layout.features):
        name = (layout.header[j].strip() if layout.header else "") or f"x{j + 1}"
        if roles[j] == "number":
            plan.append((k, None))
            names.append(name)
        elif roles[j] == "text":
            values = sorted(s.columns[j].texts)[1:]
            plan += [(k, value) for value in values]
            names += [f"{name}_{value}" for value in values]
        columns += [j + 1] * (len(names) - len(columns))
    X = [[float(row.values[k]) if value is None else float(row.values[k] == value)
          for k, value in plan] for row in kept]
    return X, names, columns


def _zero_one(kept: list[_Kept], s: _Scan, layout: Layout, o: Reading) -> tuple[list[int], str]:
    """Each kept row's label as 0 or 1, and the note that says which value is which."""
    label_name = _column(layout.label_at, layout.header)
    if len(s.spellings) < 2:
        raise DataError(f"every label in {label_name} is {next(iter(s.spellings.values()))[0]!r}; "
                        "it needs two different values")
    zero, one = sorted(s.spellings)         # numbers by value, before text in text order
    if o.one is not None:
        chosen = _chosen(o.one, s.spellings, label_name)
        zero, one = (one, zero) if chosen == zero else (zero, one)
    one_text, zero_text = s.spellings[one][0], s.spellings[zero][0]
    note = f"{label_name}; {one_text!r} is taken as 1 and {zero_text!r} as 0"
    if o.one is not None:
        note += " (--one)"
    elif {zero, one} != {(0, 0.0, ""), (0, 1.0, "")}:
        note += f" (--one {zero_text if _word(zero_text) else 'VALUE'} swaps them)"
    return [int(row.label == one) for row in kept], note


def _chosen(one: str, spellings: dict[LabelKey, tuple[str, int]], label_name: str) -> LabelKey:
    """The label that --one names: as written, else but for case."""
    key = _label_key(one.strip())
    alike = [k for k, (text, _) in spellings.items() if text.casefold() == one.strip().casefold()]
    if key in spellings or alike:
        return key if key in spellings else alike[0]
    a, b = (spellings[k][0] for k in sorted(spellings))
    raise DataError(f"--one {short(one, 20)!r}: {label_name} holds {a!r} and {b!r}, not that value")


def _notes(layout: Layout, roles: dict[int, str], s: _Scan) -> list[str]:
    """What reading found, a sentence each, in the order of the steps."""
    header = layout.header
    notes = [] if layout.split_at == "commas" else [f"Its cells are split at {layout.split_at}."]
    if layout.numbered:
        notes.append(_numbered_note(layout))
    if s.comma:
        notes.append("Numbers with a decimal comma, such as 1,5, were read as 1.5.")
    if layout.skipped:
        notes.append("Left out, as --skip asks: " + ", ".join(_column(j, header) for j in layout.skipped)
                     + ".")
    index = [j for j, role in roles.items() if role == "index"]
    if index:
        notes.append(_index_note(index, layout, s))
    empty = [j for j, role in roles.items() if role == "empty"]
    if empty:
        has, left = ("has", "it was") if len(empty) == 1 else ("have", "they were")
        notes.append(f"{_numbers(empty)} {has} no value on any line, and no name (as when a "
                     f"separator ends each line): {left} left out.")
    notes += [_text_note(j, sorted(s.columns[j].texts), header) for j, role in roles.items()
              if role in ("text", "one text")]
    notes += [f"{_capital(_column(j, header))} holds a different whole number on every row, as "
              f"an ID does: if it is one, --skip {_ref(j, header)} leaves it out."
              for j, role in roles.items() if role == "number" and _an_id(s.columns[j], s, header)]
    if _repeated_index(s, roles, header):
        notes.append("Column 1 has no name and holds whole numbers, some more than once, as a row "
                     "index does after pd.concat: if it is one, --skip 1 leaves it out.")
    if s.dropped:
        notes.append(_dropped_note(s, layout, roles))
    return notes


def _repeated_index(s: _Scan, roles: dict[int, str], header: list[str] | None) -> bool:
    """Whether a feature first, without a name, holds whole numbers on every row, some repeated."""
    c = s.columns.get(0)
    return bool(c and roles[0] == "number" and header and not header[0] and c.whole
                and c.wholes is None and c.numbers == s.rows)


def _dropped_note(s: _Scan, layout: Layout, roles: dict[int, str]) -> str:
    """The note on the rows skipped for a missing value, with the cells missing in each column."""
    rows = "1 row with a missing value was" if s.dropped == 1 else \
        f"{s.dropped:,} rows with a missing value were"
    counts = {j: c.missing for j, c in s.columns.items() if c.missing and roles[j] in USED}
    if s.label_gaps:
        counts[layout.label_at] = s.label_gaps
    where = [f"{counts[j]:,} in {'the label, ' if j == layout.label_at else ''}"
             f"{_column(j, layout.header)}" for j in sorted(counts)]
    cells = "the cell missing is" if sum(counts.values()) == 1 else "the cells missing are"
    return f"{rows} skipped (--drop-missing); {cells} {_listed(where)}."


def _numbered_note(layout: Layout) -> str:
    """The note on a header whose names are partly numbers."""
    header = layout.header or []
    numbers = [cell for cell in header if cell and not _name(cell, layout.decimal_comma)]
    shown = ", ".join(numbers[:3]) + (", ..." if len(numbers) > 3 else "")
    its = f"its number {shown} as a name" if len(numbers) == 1 else f"its numbers ({shown}) as names"
    return (f"Line {layout.first_line} was taken for the header, {its}: its label cell, "
            f"{short(header[layout.label_at], 30)!r}, is not a number, and the labels below it are.  "
            "--skip reads a number as a name first.")


def _an_id(c: _Column, s: _Scan, header: list[str] | None) -> bool:
    """Whether a named column holds a different whole number on each of many rows."""
    named = header is not None and not _unnamed(header[c.j])
    return named and c.wholes is not None and c.numbers == s.rows >= ID_ROWS


def _index_note(index: list[int], layout: Layout, s: _Scan) -> str:
    """The note on the columns taken for pandas' row index."""
    header = layout.header or [""] * layout.width

    def holds(j: int) -> str:
        c = s.columns[j]
        named = f"is headed {header[j]!r}" if header[j] else "has no name"
        if header[j] in RESET:
            named += " (by reset_index())"
        first = ", ".join(f"{v:.0f}" for v in c.first) + (", ..." if s.rows > 3 else "")
        if c.in_order:
            return f"{named} and holds " + (first if s.rows > 3 else _listed(first.split(", ")))
        if c.wholes and min(c.wholes) == 0 and max(c.wholes) == s.rows - 1:
            return f"{named} and holds each of 0 to {s.rows - 1:,} once, in shuffled order"
        if c.rising:
            return f"{named} and holds whole numbers that only increase ({first})"
        return f"{named} and holds different whole numbers, in shuffled order ({first})"

    if len(index) == 1:
        return (f"Column {index[0] + 1} {holds(index[0])}: it was taken for a row index, as "
                "pandas and R write one, and skipped.")
    return (f"{_numbers(index)} were taken for row indexes, as pandas writes them (one more each "
            "time a file is read and written again, or reset_index() is called), and skipped ("
            + "; ".join(f"column {j + 1} {holds(j)}" for j in index) + ").")


def _text_note(j: int, values: list[str], header: list[str] | None) -> str:
    """The note on a text column made into 0/1 features, or left out for one value only."""
    column = _capital(_column(j, header))
    name = (header[j] if header else "") or f"x{j + 1}"
    shown = _listed([repr(short(value, 20)) for value in values], "or")
    if len(values) == 1:
        return (f"{column} holds one text only, {shown}, which cannot tell the classes apart: it "
                "was left out.")
    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(value.casefold(), []).append(repr(short(value, 20)))
    alike = "; ".join(_listed(group) for group in groups.values() if len(group) > 1)
    case = f"  Values that differ only in case were taken for different values: {alike}." if alike else ""
    if len(values) == 2:
        return (f"{column} holds text, {shown}: it became the feature {name}_{values[1]}, 1 for "
                f"{values[1]!r} and 0 for {values[0]!r}.{case}")
    both = "both" if len(values) == 3 else f"all {len(values) - 1}"
    return (f"{column} holds text, {shown}: it became {len(values) - 1} features, "
            f"{_listed([f'{name}_{value}' for value in values[1:]])}, each 1 for its own value; "
            f"{values[0]!r} is the baseline, where {both} are 0.{case}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _numbers(columns: list[int]) -> str:
    """ "Column 3", or "Columns 1 and 2", for a note."""
    return (f"Column {columns[0] + 1}" if len(columns) == 1 else
            "Columns " + _listed([str(j + 1) for j in columns]))


def _listed(items: list[str], last: str = "and") -> str:
    """Items as a sentence lists them.

    >>> _listed(["1"]), _listed(["1", "2"]), _listed(["'a'", "'b'", "'c'"], "or")
    ('1', '1 and 2', "'a', 'b' or 'c'")
    """
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _third_label(line: int, text: str, spellings: dict[LabelKey, tuple[str, int]],
                 column: str, default: bool, data_first: int = 0) -> str:
    """The message for a label that is neither of the two seen before it."""
    (a, a_line), (b, b_line) = spellings.values()
    like = [(seen, at) for seen, at in ((a, a_line), (b, b_line)) if seen.casefold() == text.casefold()]
    if like:
        seen, at = like[0]
        return (f"line {line}: label {short(text, 20)!r} differs only in case from {seen!r} (line "
                f"{at}); {column} must hold two values, each written one way: write {text!r} and "
                f"{seen!r} alike")
    hint = "; --label COLUMN picks another column" if default else ""
    if a_line == data_first:
        hint += (f"; line {a_line} was read as data, not as a header, as it holds numbers or "
                 "missing values")
    return (f"line {line}: label {short(text, 20)!r} is a third value; {column} must hold exactly "
            f"two ({a!r} and {b!r}){hint}")


def _column(j: int, header: list[str] | None) -> str:
    """Column j (from 0) for a message, with its header name if it has one."""
    name = header[j] if header else ""
    return f"column {j + 1} ({short(name, 30)!r})" if name else f"column {j + 1}"


def _missing(line: int, column: str, cell: str) -> str:
    shown = "empty" if not cell.strip() else repr(cell.strip())
    return (f"line {line}: {column} has no value (the cell is {shown}); --drop-missing "
            "skips the rows that miss one")


# #############################################################################
# Part 3. The tour
# #############################################################################
#
# A lesson is a record, a function that computes it, and a function that
# prints it, registered by name with @lesson in the lecture's order.

class CannotFinish(Exception):
    """A lesson cannot run on this data; the message says why, and the tour goes on."""


@dataclass(frozen=True)
class Settings:
    """The command line's choices for the training lesson."""
    learning_rate: float = 1.0
    iterations: int = 400
    seed: int = 1


class Lesson(NamedTuple):
    """A lesson: its name for --lesson, its title, and its two halves."""
    name: str
    title: str
    compute: Callable[[Data, Settings], Any]
    show: Callable[[Any], Lines]


LESSONS: list[Lesson] = []
R = TypeVar("R")


def lesson(name: str, title: str, compute: Callable[[Data, Settings], R],
           ) -> Callable[[Callable[[R], Lines]], Callable[[R], Lines]]:
    """Register a lesson, in the order of the file: the decorated function prints what compute returns."""
    def register(show: Callable[[R], Lines]) -> Callable[[R], Lines]:
        LESSONS.append(Lesson(name, title, compute, show))
        return show
    return register


# === 1. The data =============================================================

class DataSummary(NamedTuple):
    """What the data lesson tells: the parts, the labels, and what reading found."""
    names: list[str]
    m: int                          # training examples
    m_test: int
    ones: int                       # training examples with y = 1
    rows_read: int                  # rows in the file, if it was sampled
    notes: list[str]
    label_note: str
    constant: list[str]             # features constant in the training part


def data_summary(d: Data, s: Settings) -> DataSummary:
    """The data lesson's numbers: the examples, their parts and labels."""
    constant = [name for name, column in zip(d.names, zip(*d.X_train)) if min(column) == max(column)]
    return DataSummary(names=d.names, m=d.m, m_test=len(d.S_test), ones=sum(d.Y_train),
                       rows_read=d.rows_read, notes=d.notes, label_note=d.label_note,
                       constant=constant)


@lesson("data", "The data", data_summary)
def show_data(r: DataSummary) -> Lines:
    """The data lesson, printed."""
    names = [short(name, 20) for name in r.names]
    shown = ", ".join(names) if len(names) <= 6 else ", ".join(names[:5]) + f" and {len(names) - 5} more"
    total = r.m + r.m_test
    out: Lines = []
    for note in r.notes:
        out += para(note)
    if r.rows_read > total:
        out += para(f"{r.rows_read:,} rows; the tour uses a random {total:,} (--sample N to change).")
    out += para(f"{counted(total, 'example')} with {counted(len(names), 'feature')} ({shown}):")
    out += para(f"{r.m:,} to train on, {r.m_test:,} kept aside to test.")
    if r.label_note:
        out += para(f"The labels: {r.label_note}.")
    out += para(f"Training examples with y = 1: {r.ones:,}; with y = 0: {r.m - r.ones:,}.")
    out += para("Each feature is standardized: less its mean in the training part, divided by "
                "its standard deviation there.")
    if r.constant:
        out += para("Constant in the training part, so standardized to 0: "
                    + ", ".join(short(name, 20) for name in r.constant[:5])
                    + (f" and {len(r.constant) - 5} more." if len(r.constant) > 5 else "."))
    return out


# === 2. One example through the graph ========================================

class Graph(NamedTuple):
    """One example's forward and backward pass, at w = 0 and b = 0."""
    x: list[float]                  # the first training example, standardized, to 2 decimals
    y: int
    z: float
    a: float
    L: float
    da: float
    dz: float
    dw: list[float]
    db: float
    m: int                          # the training examples whose shares make the gradient


def graph(d: Data, s: Settings) -> Graph:
    """Forward and backward propagation of the first training example, from zeros."""
    # Rounded, so that x·dz can be multiplied out by hand: dz is ±½ here,
    # so each product has at most 3 decimals, and is exact in the float too.
    x, y = [round(v, 2) for v in d.S_train[0]], d.Y_train[0]
    J, dw, db = logreg.propagate([0.0] * d.n, 0.0, [x], [y])
    a = logreg.sigmoid(0.0)                 # z = w·x + b = 0 at w = 0, b = 0
    return Graph(x=x, y=y, z=0.0, a=a, L=J, da=logreg.loss_derivative(a, y), dz=a - y, dw=dw,
                 db=db, m=d.m)


@lesson("graph", "One example through the graph", graph)
def show_graph(r: Graph) -> Lines:
    """The graph lesson, printed as the lecture's computation graph."""
    n, k = len(r.x), min(len(r.x), 3)
    xs = ", ".join(f"{v:.2f}" for v in r.x[:k]) + (", …" if n > k else "")
    out = para(f"The first training example, its standardized features rounded to 2 decimals: "
               f"x = ({xs}), y = {r.y}.")
    out += ["Start at w = 0, b = 0.",
            f"Forward:   z = w·x + b = {r.z:g}",
            f"           a = σ(z) = {r.a:g}",
            f"           L = −(y·log a + (1 − y)·log(1 − a)) = log 2 = {r.L:.6f}",
            f"Backward:  da = −y/a + (1 − y)/(1 − a) = {r.da:+g}",
            f"           dz = da·a(1 − a) = a − y = {r.dz:+g}"]
    out += [f"           dw{j + 1} = x{j + 1}·dz = {r.x[j]:.2f}·({r.dz:+g}) = {r.dw[j] + 0.0:+g}"
            for j in range(k)]                  # + 0.0: a product of 0 shows as +0, not -0
    if n > k:
        out.append(f"           … and so on to dw{n} = x{n}·dz")
    out.append(f"           db = dz = {r.db:+g}")
    out += para(f"These are one example's share of the gradient.  Gradient descent steps by "
                f"the mean of the shares of all m = {r.m:,} training examples: dw = (1/m)·Σ x·dz "
                "and db = (1/m)·Σ dz.")
    return out


# === 3. The derivative as a slope ============================================

class Slope(NamedTuple):
    """A nudge of w1 against dw1, and gradient_check against a planted bug."""
    J: float                        # at every weight 0.5, b = 0.1
    j: int                          # the weight nudged: the first of a feature not constant
    dw1: float                      # its derivative, dwj
    epsilon: float
    moved: float                    # J(w1 + ε) − J(w1)
    examples: int                   # what the gradient check used, of m
    features: int                   # and of n
    m: int
    n: int
    constant: int                   # features constant in the training part, left out of both
    check: float                    # gradient_check of propagate's gradient
    buggy: float                    # and of a db not divided by m


CHECK_EPSILON = 1e-6                # gradient_check's nudge, said in the lesson


def slope(d: Data, s: Settings) -> Slope:
    """Nudge w1 and compare with dw1; check propagate's gradient, and a wrong one."""
    w, b, eps = [0.5] * d.n, 0.1, 1e-3
    J, dw, db = logreg.propagate(w, b, d.S_train, d.Y_train)
    # A constant feature's weight moves nothing (a constant pixel, say): nudge
    # and check the others.
    varied = [j for j, column in enumerate(zip(*d.S_train)) if min(column) != max(column)]
    j = varied[0] if varied else 0
    moved = logreg.cost(w[:j] + [w[j] + eps] + w[j + 1:], b, d.S_train, d.Y_train) - J
    # The check costs two passes over the data per parameter, so on big data
    # it looks at a corner of it.
    kept = (varied or list(range(d.n)))[:10]
    S, Y, k = [[x[i] for i in kept] for x in d.S_train[:500]], d.Y_train[:500], len(kept)
    _, dw_k, db_k = logreg.propagate(w[:k], b, S, Y)
    check = logreg.gradient_check(w[:k], b, S, Y, dw_k, db_k, epsilon=CHECK_EPSILON)
    buggy = logreg.gradient_check(w[:k], b, S, Y, dw_k, db_k * len(S), epsilon=CHECK_EPSILON)
    return Slope(J=J, j=j, dw1=dw[j], epsilon=eps, moved=moved, examples=len(S), features=k,
                 m=d.m, n=d.n, constant=d.n - len(varied) if varied else 0, check=check,
                 buggy=buggy)


@lesson("slope", "The derivative as a slope", slope)
def show_slope(r: Slope) -> Lines:
    """The slope lesson, printed."""
    w = f"w = ({', '.join(['0.5'] * r.n)})" if r.n <= 3 else f"each of the {r.n:,} weights 0.5"
    wj, dwj = f"w{r.j + 1}", f"dw{r.j + 1}"
    out = para(f"At {w} and b = 0.1: J = {r.J:.6f} and {dwj} = {r.dw1:+.6f}.")
    if r.j:
        which, whose = ("x1 is", "its weight") if r.j == 1 else (f"x1 to x{r.j} are", "their weights")
        out += para(f"(Not w1: {which} constant in the training part, standardized to 0, so J "
                    f"does not move with {whose}.)")
    out += [f"Nudge {wj} by ε = {r.epsilon:g}: J moves by {r.moved:+.6e}; "
            f"{dwj}·ε = {r.dw1 * r.epsilon:+.6e}."]
    out += para("A derivative is a slope: the change in J is about the derivative times the "
                "nudge.  gradient_check compares each derivative with a central difference: "
                f"for {wj}, (J({wj} + ε) − J({wj} − ε))/2ε with ε = {CHECK_EPSILON:g}, and "
                "likewise for the other weights and b.")
    out += _checked_on(r)
    out += para("Away from a minimum, about 1e-7 or less means right, above about 1e-3 a bug.  "
                "Near one, both gradients fall below the central difference's rounding error, "
                "and the check gives a small number whether the gradient is right or wrong: "
                "judge a gradient where it is large, such as at w = 0.")
    out += [f"gradient_check of propagate's (dw, db):  {r.check:.1e}",
            f"and of a db that forgot to divide by m:   {r.buggy:.1e}"]
    if r.buggy <= 1e-3:
        out += para("Here db is too small, beside dw or the central difference's rounding "
                    "error, for m·db to stand out: the check cannot see this bug at this point.")
    return out


def _checked_on(r: Slope) -> Lines:
    """Which examples and features the gradient check used, if not all of them."""
    if r.examples == r.m and r.features == r.n:
        return []
    which = counted(r.features, "feature") + (" not constant in the training part" if r.constant else "")
    cut = r.examples < r.m or r.features < r.n - r.constant
    if r.features < r.n - r.constant:
        which = "the first " + which
    said = ("That takes two passes over the data per parameter, so here it uses" if cut else
            "Here the check uses")
    return para(f"{said} {counted(r.examples, 'example')} and {which}.")


# === 4. Why log loss =========================================================

class LogLoss(NamedTuple):
    """Both losses' slopes at a confidently wrong start, and where descent goes."""
    w: float                        # the start: one example, x = 1 and y = 1
    squared_dw: float               # d/dw of ½(a − y)² there
    entropy_dw: float               # d/dw of L(a, y) there
    after: list[tuple[int, float, float]]   # (steps, squared error's w, cross-entropy's w), α = 1


def log_loss(d: Data, s: Settings) -> LogLoss:
    """Squared error against cross-entropy, from w = −6 for one example with y = 1."""
    w_se = w_ce = -6.0
    after = []
    for step in range(1, 51):
        w_se -= squared_error_gradient(w_se, 1.0, 1)
        w_ce -= logreg.propagate([w_ce], 0.0, [[1.0]], [1])[1][0]
        if step in (1, 10, 50):
            after.append((step, w_se, w_ce))
    return LogLoss(w=-6.0, squared_dw=squared_error_gradient(-6.0, 1.0, 1),
                   entropy_dw=logreg.propagate([-6.0], 0.0, [[1.0]], [1])[1][0], after=after)


def squared_error_gradient(w: float, x: float, y: int) -> float:
    """d/dw of ½(σ(w·x) − y)², the squared error of one example: (a − y)·a(1 − a)·x.

    >>> squared_error_gradient(0.0, 1.0, 1)     # a = ½: (−½)·¼·1
    -0.125
    """
    a = logreg.sigmoid(w * x)
    return (a - y) * logreg.sigmoid_derivative(w * x) * x


@lesson("log-loss", "Why log loss", log_loss)
def show_log_loss(r: LogLoss) -> Lines:
    """The log-loss lesson, printed."""
    a = logreg.sigmoid(r.w)
    out = [f"One example, x = 1 and y = 1; b stays at 0, so z = w·x + b = w.  From a",
           f"confidently wrong start, w = {r.w:g}: a = σ({r.w:g}) = {a:.4f}.  Each loss's slope:",
           f"  squared error ½(a − y)²:  dw = (a − y)·a(1 − a)·x = {r.squared_dw:+.5f}",
           f"  cross-entropy L(a, y):     dw = (a − y)·x          = {r.entropy_dw:+.5f}",
           "Gradient descent with α = 1 from there:",
           "  steps    squared error: w, a      cross-entropy: w, a"]
    out += [f"  {k:5d}    {w_se:+13.3f}  {logreg.sigmoid(w_se):.3f}"
            f"      {w_ce:+13.3f}  {logreg.sigmoid(w_ce):.3f}" for k, w_se, w_ce in r.after]
    out += ["Squared error's slope carries a(1 − a), nearly 0 at a wrong and sure start:",
            "a plateau.  Cross-entropy's dz = a − y is as large as the error: it pushes",
            "hard."]
    return out


# === 5. Training, and when to stop ===========================================

class Training(NamedTuple):
    """The training lesson's run, its accuracy and baseline, and the weights."""
    learning_rate: float
    iterations: int                 # steps at most: asked, or fewer on big data
    asked: int                      # the command line's
    shown: list[tuple[int, float]]  # (steps, J) along the way
    steps: int                      # steps taken: len(costs) − 1
    J: float                        # after them
    rises: int                      # steps that raised J
    highest: float                  # the largest J on the way
    start: float                    # J at w = 0, b = 0
    train_accuracy: float
    test_accuracy: float
    m: int
    m_test: int
    n: int
    majority: int                   # the training part's more common label (0 on a tie)
    tie: bool
    majority_train: float           # the accuracy of always answering it
    majority_test: float
    error: float                    # one standard error of the test accuracy
    error_bound: bool               # True: error is its largest value, as p is 0 or 1
    w: list[float]
    b: float
    raw: tuple[list[float], float] | None   # w and b in the original units, if floats hold them
    names: list[str]


def training(d: Data, s: Settings) -> Training:
    """Gradient descent from zeros with the command line's α and steps, judged."""
    w, b, costs = trained(d, s)
    steps, allowed = len(costs) - 1, training_steps(d, s)
    every = _nice(allowed / 8)
    shown = [(k, costs[k]) for k in range(0, steps + 1, every)]
    if shown[-1][0] != steps:
        shown.append((steps, costs[-1]))
    ones, k = sum(d.Y_train), len(d.Y_test)
    majority, tie = int(2 * ones > d.m), 2 * ones == d.m
    test = measured_accuracy(d, s)
    error, bound = accuracy_error(test, k)
    try:
        raw: tuple[list[float], float] | None = logreg.unstandardize(w, b, d.means, d.deviations)
    except ValueError:                  # a deviation so small that w/σ overflows
        raw = None
    return Training(
        learning_rate=s.learning_rate, iterations=allowed, asked=s.iterations, shown=shown,
        steps=steps, J=costs[-1], rises=rises(costs), highest=max(costs), start=costs[0],
        train_accuracy=logreg.accuracy(d.Y_train, logreg.predict(w, b, d.S_train)),
        test_accuracy=test, m=d.m, m_test=k, n=d.n, majority=majority, tie=tie,
        majority_train=logreg.accuracy(d.Y_train, [majority] * d.m),
        majority_test=logreg.accuracy(d.Y_test, [majority] * k), error=error, error_bound=bound,
        w=w, b=b, raw=raw, names=d.names)


def rises(costs: Sequence[float]) -> int:
    """How many steps raise the cost by more than rounding could (a millionth of a millionth).

    >>> rises([0.7, 0.9, 0.5, 0.52, 0.3, 0.3 + 1e-17])    # up 0.2, then up 0.02
    2
    """
    return sum(1 for earlier, later in zip(costs, costs[1:]) if later > earlier * (1 + 1e-12))


def largest_rise(costs: Sequence[float]) -> float:
    """The most that one step raised the cost (0 if none did).

    >>> largest_rise([0.5, 0.75, 0.25, 0.375]), largest_rise([0.75, 0.5])
    (0.25, 0.0)
    """
    return max([0.0] + [later - earlier for earlier, later in zip(costs, costs[1:])])


def accuracy_error(p: float, k: int) -> tuple[float, bool]:
    """One standard error of an accuracy p measured on k examples, √(p(1 − p)/k); and
    whether it is the largest value instead, at p = ½, because p is 0 or 1 (where
    the formula's 0 would claim a certainty that k examples cannot give).

    >>> [round(v, 3) for v in (accuracy_error(0.8, 50)[0], accuracy_error(1.0, 25)[0])]
    [0.057, 0.1]
    """
    bound = p in (0.0, 1.0)
    return standard_error(0.5 if bound else p, k), bound


def standard_error(p: float, k: int) -> float:
    """One standard error of an accuracy p measured on k test examples: √(p(1 − p)/k).

    >>> round(standard_error(0.8, 50), 3)
    0.057
    """
    return math.sqrt(p * (1 - p) / k)


def _nice(x: float) -> int:
    """The least of 1, 2, 5, 10, 20, 50, ... that is at least x.

    >>> _nice(50.0), _nice(51.0), _nice(0.3)
    (50, 100, 1)
    """
    k = 1
    while True:
        for f in (1, 2, 5):
            if f * k >= x:
                return f * k
        k *= 10


@lesson("training", "Training, and when to stop", training)
def show_training(r: Training) -> Lines:
    """The training lesson, printed: J on the way, the stop, the scores, the weights."""
    out = para(f"Gradient descent from w = 0, b = 0, with α = {r.learning_rate:g}, for at most "
               f"{_steps(r.iterations)}, stopping after a step that lowers J by less than {TOLERANCE:g}:")
    if r.iterations < r.asked:
        out += para(f"(Not {r.asked:,}: each step passes over {r.m:,} examples × {r.n + 1:,} numbers, "
                    "so on data this size the demo allows fewer; --sample N takes fewer rows.)")
    out += _columns("steps", [f"{k:,}" for k, _ in r.shown], "J", [_num(J) for _, J in r.shown])
    if r.steps < r.iterations:
        out.append(f"It stopped after {_steps(r.steps)}, at J = {r.J:.6g}.")
    else:
        out.append(f"It ran all {r.steps:,} steps, to J = {r.J:.6g}." if r.steps > 1 else
                   f"It ran its one step, to J = {r.J:.6g}.")
    if r.rises or r.J > r.start:
        rose = (f"J rose at {r.rises:,} of the {r.steps:,} steps" if r.steps > 1 else
                "J rose at its one step") + f", to {r.highest:.3g} at most"
        end = ", and ended higher than it started" if r.J > r.start else ""
        out += para(f"{rose}{end}: α = {r.learning_rate:g} is too large for this data "
                    "(see the lesson learning-rates).")
    error = f"± at most {r.error:.1%}" if r.error_bound else f"± {r.error:.1%}"
    out += para(f"Accuracy: {r.train_accuracy:.1%} on the {counted(r.m, 'training example')}, "
                f"{r.test_accuracy:.1%} {error} on the {counted(r.m_test, 'test one')} (one "
                "standard error).")
    common = ("the classes are equally common in the training part" if r.tie else
              "the training part's more common label")
    out += para(f"Always answering {r.majority} ({common}) scores {r.majority_train:.1%} on the "
                f"training part and {r.majority_test:.1%} on the test part.")
    return out + show_weights(r.w, r.b, r.raw, r.names)


def _num(v: float) -> str:
    """A number in at most 8 characters.

    >>> _num(0.69314718), _num(31.8), _num(123456789.0)
    ('0.6931', '31.8', '1.23e+08')
    """
    text = f"{v:.4g}"
    return text if len(text) <= 8 else f"{v:.2e}"


def _columns(name1: str, row1: list[str], name2: str, row2: list[str]) -> Lines:
    """Two labelled rows of right-aligned cells; middle columns are left out until they fit."""
    keep = list(range(len(row1)))
    while True:
        width = max(len(c) for c in [*row1, *row2]) + 2
        if 7 + width * len(keep) <= WIDTH or len(keep) <= 2:
            break
        keep = keep[:-1:2] + keep[-1:]          # every other one, and the last
    return [f"{name1:>7}" + "".join(f"{row1[i]:>{width}}" for i in keep),
            f"{name2:>7}" + "".join(f"{row2[i]:>{width}}" for i in keep)]


def show_weights(w: Sequence[float], b: float, raw: tuple[list[float], float] | None,
                 names: Sequence[str]) -> Lines:
    """The learned weights, as equations for a few features, else the largest in a table."""
    out = [] if raw else para("In the original units the weights are too large for a float, "
                              "so here they are on standardized features only.")
    if len(names) <= 4:
        lines = ([f"Learned, in the original units:  {equation(raw[0], raw[1], names)}",
                  f"and on standardized features:    {equation(w, b, names)}"] if raw else
                 [f"Learned: {equation(w, b, names)}"])
        if all(len(line) <= WIDTH for line in lines):
            return out + lines
    k = min(6, len(names))
    which = "The weights" if k == len(names) else f"The {k} largest weights"
    out += para(f"{which}, on standardized features (per standard deviation)"
                + (", and in the original units:" if raw is not None else ":"))
    for j in sorted(range(len(names)), key=lambda j: -abs(w[j]))[:k]:
        out.append(f"  {short(names[j], 28):28} {w[j]:+10.4g}" + (f" {raw[0][j]:+12.4g}" if raw else ""))
    bias = "b (the bias)" if "b" in names else "b"      # not to be taken for a feature b
    out.append(f"  {bias:28} {b:+10.4g}" + (f" {raw[1]:+12.4g}" if raw else ""))
    return out


def equation(w: Sequence[float], b: float, names: Sequence[str]) -> str:
    """z = w1·x1 + ... + b, written out with signs.

    >>> equation([1.5, -2.0], 0.25, ["x1", "x2"])
    'z = 1.5·x1 - 2·x2 + 0.25'
    """
    terms = [f"{wj:.4g}·{name}" for wj, name in zip(w, names)] + [f"{b:.4g}"]
    return "z = " + " ".join(t if k == 0 else ("- " + t[1:] if t[0] == "-" else "+ " + t)
                             for k, t in enumerate(terms))


# === 6. Learning rates =======================================================

class Curve(NamedTuple):
    """One learning rate's cost curve."""
    mark: str                       # for the terminal chart
    multiple: float                 # α·h
    rate: float                     # α
    costs: list[float]


class RateCurves(NamedTuple):
    """The curvature h, the rates tried, and the three curves to show."""
    h: float                        # J's largest curvature, at the start
    examples: int                   # the examples it and the curves were measured on
    m: int
    steps: int
    tried: list[float]              # multiples of 1/h tried, from 2, until J rose visibly
    first_rise: float | None        # the least that raised J at some step, within the steps
    least_rise: float               # by at most this much
    visible: float | None           # the least that raised J by more than VISIBLE
    curves: list[Curve]             # 0.1/h, 1/h, and visible/h (or the largest tried)
    learning_rate: float            # the training lesson's α


MULTIPLES = [2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 128.0]
VISIBLE = 0.01                      # a rise in J that the chart shows


@functools.lru_cache(maxsize=8)
def rate_curves(d: Data, s: Settings, steps: int = 40) -> RateCurves:
    """Cost curves for a small, a middling and the first too-large multiple of 1/h (lesson 6, the SVG)."""
    # up to 14 runs of 40 steps, and the passes that find h
    e = head(d, min(SUBSET, affordable(d, 600)))
    h, S, Y = curvature(e), e.S_train, e.Y_train

    def run(multiple: float) -> list[float]:
        return quiet_train(S, Y, learning_rate=multiple / h, iterations=steps)[2]

    first, least, visible, tried, big = None, 0.0, None, [], None
    for multiple in MULTIPLES:
        tried.append(multiple)
        try:
            costs = run(multiple)
        except ValueError:              # J overflowed a float: it rose, but there is no curve
            first, visible = first or multiple, multiple
            break
        big = Curve(mark="#", multiple=multiple, rate=multiple / h, costs=costs)
        if first is None and rises(costs):
            first, least = multiple, largest_rise(costs)
        if largest_rise(costs) > VISIBLE:
            visible = multiple
            break
    curves = [Curve(mark=mark, multiple=c, rate=c / h, costs=run(c))
              for mark, c in [("o", 0.1), ("*", 1.0)]]
    if big is not None:
        curves.append(big)
    return RateCurves(h=h, examples=len(S), m=d.m, steps=steps, tried=tried, first_rise=first,
                      least_rise=least, visible=visible, curves=curves, learning_rate=s.learning_rate)


@functools.lru_cache(maxsize=8)
def curvature(d: Data) -> float:
    """h, J's largest curvature at the start, on d's training examples (shared)."""
    return steepest_curvature(d.S_train)


def steepest_curvature(X: Rows) -> float:
    """The largest curvature h of J at the start (w = 0, b = 0), its largest anywhere.

    There every a is ½, so J's Hessian is H = ¼·(1/m)·X̃ᵀX̃, where X̃'s rows are
    x̃ = (x1..xn, 1); elsewhere a(1 − a) is less than ¼, so J curves less.  h is
    H's largest eigenvalue, and also that of the m × m matrix ¼·(1/m)·X̃X̃ᵀ,
    which has the same nonzero ones; the smaller of the two is used, and
    neither is formed: a product with one costs two passes over X̃.

    >>> round(steepest_curvature([[1.0], [-1.0]]), 12)     # ¼ of the identity: h = ¼
    0.25
    >>> round(steepest_curvature([[1.0, -1.0], [-1.0, 1.0]]), 12)   # ¼·2 along (1, −1)
    0.5
    >>> round(steepest_curvature([[2.0, 0.0, 0.0], [-2.0, 0.0, 0.0]]), 12)   # ⅛·[[5, −3], [−3, 5]]
    1.0
    """
    m = len(X)
    rows = [[*x, 1.0] for x in X]
    columns = [list(column) for column in zip(*rows)]

    def times(A: Rows, v: list[float]) -> list[float]:
        return [dot(a, v) for a in A]

    if m < len(columns):                # X̃(X̃ᵀu)/4m, m × m
        return _top_eigenvalue(lambda u: [t / (4 * m) for t in times(rows, times(columns, u))], m)
    return _top_eigenvalue(lambda v: [t / (4 * m) for t in times(columns, times(rows, v))],
                           len(columns))


LANCZOS = 60                        # Lanczos steps at most; below that size, exact


def _top_eigenvalue(A: Callable[[list[float]], list[float]], size: int) -> float:
    """The largest eigenvalue of a symmetric positive semi-definite matrix, given as v ↦ A·v.

    Lanczos' method: an orthonormal basis q1, q2, ... of the vectors that A
    reaches from a start, in which A is tridiagonal, T; T's largest eigenvalue
    rises to A's.  Where the basis closes before it spans all, a new start
    goes on, so that up to LANCZOS dimensions no direction is missed, whatever
    the start.  Beyond, the start is random, orthogonal to the top direction
    with probability 0.

    >>> round(_top_eigenvalue(lambda v: [2 * v[0], 3 * v[1], v[2]], 3), 12)
    3.0
    """
    rnd, basis, alphas = random.Random(0), list[list[float]](), list[float]()
    betas: list[float] = []             # betas[i] joins basis[i] and basis[i + 1]; 0 at a restart
    top, q = 0.0, [rnd.gauss(0.0, 1.0) for _ in range(size)]
    while len(basis) < min(size, LANCZOS):
        before = math.sqrt(dot(q, q))
        q = _orthogonal(q, basis)
        beta = math.sqrt(dot(q, q))
        if beta <= 1e-10 * before:      # the basis is closed under A: a new start
            q = _orthogonal([rnd.gauss(0.0, 1.0) for _ in range(size)], basis)
            beta = 0.0
            if math.sqrt(dot(q, q)) <= 1e-10:
                break
        q = [t / math.sqrt(dot(q, q)) for t in q]
        if basis:
            betas.append(beta)
        basis.append(q)
        q = A(q)
        alphas.append(dot(basis[-1], q))
        top, last = _tridiagonal_top(alphas, betas), top
        if size > LANCZOS and len(basis) > 2 and top - last <= 1e-13 * top:
            break                       # converged, to rounding
    return top


def _orthogonal(q: list[float], basis: Rows) -> list[float]:
    """q less its parts along the orthonormal basis (twice over, as rounding needs)."""
    for p in basis + basis:
        c = dot(p, q)
        q = [a - c * b for a, b in zip(q, p)]
    return q


def _tridiagonal_top(alphas: list[float], betas: list[float]) -> float:
    """The largest eigenvalue of the symmetric tridiagonal matrix with diagonal alphas
    and off-diagonal betas, by bisection on the count of eigenvalues below x.

    >>> _tridiagonal_top([2.0, 2.0], [1.0])     # [[2, 1], [1, 2]]: 1 and 3
    3.0
    """
    def below(x: float) -> int:         # Sylvester: the negative pivots of T − x
        count, d = 0, 1.0
        for k, alpha in enumerate(alphas):
            d = alpha - x - (betas[k - 1] ** 2 / d if k else 0.0)
            d = d or -1e-300
            count += d < 0
        return count

    edges = [0.0] + [abs(beta) for beta in betas] + [0.0]
    lo = max(alphas)
    hi = max(alpha + edges[k] + edges[k + 1] for k, alpha in enumerate(alphas))
    while lo < (mid := (lo + hi) / 2) < hi:
        if below(mid) == len(alphas):
            hi = mid
        else:
            lo = mid
    return hi


def learning_rates(d: Data, s: Settings) -> RateCurves:
    """The learning-rates lesson's numbers: h, where J first rises, and three curves."""
    return rate_curves(d, s)


@lesson("learning-rates", "Three learning rates", learning_rates)
def show_learning_rates(r: RateCurves) -> Lines:
    """The learning-rates lesson, printed with its chart."""
    on = f"On the first {r.examples:,} training examples, J" if r.examples < r.m else "J"
    out = para(f"{on} curves most at the start, where every a(1 − a) is ¼, its largest.  "
               f"There its curvature in the direction where it curves most is h = {r.h:.3g}.  "
               f"So, in exact arithmetic, no step of α below 2/h = {2 / r.h:.3g} raises J.  "
               "That bound is safe, not the threshold: J curves less as the weights grow.")
    tried = ", ".join(f"{c:g}/h" for c in r.tried[:-1]) + f" and {r.tried[-1]:g}/h"
    said = [f"We tried α = {tried}, for {r.steps} steps each."]
    if r.first_rise is None:
        said.append(f"None of them raised J at any of the {r.steps} steps.")
    elif r.visible == r.first_rise:
        said.append(f"Of these, the first to raise J within {r.steps} steps is {r.first_rise:g}/h, "
                    f"and one of its steps raised J by more than {VISIBLE:g}.")
    else:
        said.append(f"Of these, the first to raise J within {r.steps} steps is {r.first_rise:g}/h, "
                    f"though no step of it raised J by more than {_at_most(r.least_rise)}.")
        said.append(f"None raised J by more than {VISIBLE:g} in a step." if r.visible is None else
                    f"The first to raise J by more than {VISIBLE:g} in a step is {r.visible:g}/h.")
    if r.visible is not None and r.visible not in [c.multiple for c in r.curves]:
        said.append(f"At {r.visible:g}/h J overflowed a float, so it has no curve.")
    shown = [f"{c.multiple:g}/h" for c in r.curves]
    said.append(f"The chart shows {', '.join(shown[:-1])} and {shown[-1]}:")
    out += para("  ".join(said))
    labelled = [(c.mark, curve_label(c), c.costs) for c in r.curves]
    out += text_chart(labelled, top=1.5 * math.log(2))
    out.append(f"The training lesson's α = {r.learning_rate:g} is {r.learning_rate * r.h:.2g}/h here.")
    return out


def _at_most(v: float) -> str:
    """The least number of one significant digit that is at least v, in decimals
    that read aloud, or as 3e-09 below a millionth; "0" for 0.

    >>> _at_most(2.3e-05), _at_most(0.04), _at_most(0.095), _at_most(2.1e-09), _at_most(0.0)
    ('0.00003', '0.04', '0.1', '3e-09', '0')
    """
    if v <= 0:
        return "0"
    e = math.floor(math.log10(v))
    digit = math.ceil(round(v / 10.0 ** e, 9))         # round: 0.04 / 0.01 is 4.000000000000001
    if digit == 10:
        digit, e = 1, e + 1
    return f"{digit}e{e:03d}" if e < -6 else f"{digit * 10.0 ** e:.{max(0, -e)}f}"


def curve_label(c: Curve) -> str:
    """What a cost curve does, in words, for the charts' legends."""
    up = largest_rise(c.costs) if rises(c.costs) else 0.0
    words = f"J rises by up to {up:.2g} in a step" if up else "J falls at every step"
    return f"α = {c.rate:.3g} ({c.multiple:g}/h): {words}, ends at {_num(c.costs[-1])}"


# === 7. The decision boundary ================================================

class Boundary(NamedTuple):
    """The training lesson's line on two standardized features, and its errors."""
    S: Rows                         # the training examples drawn: all, or a sample
    Y: list[int]
    w: list[float]
    b: float
    names: list[str]
    wrong: int                      # training examples on the wrong side of the line
    m: int


def boundary(d: Data, s: Settings) -> Boundary:
    """The training lesson's boundary, for data of two features."""
    if d.n != 2:
        raise CannotFinish(f"The picture needs exactly two features; this data has {d.n:,}.")
    w, b, _ = trained(d, s)
    wrong = sum(1 for x, y in zip(d.S_train, d.Y_train)
                if (w[0] * x[0] + w[1] * x[1] + b > 0) != (y == 1))
    S, Y = drawn(d, s)
    return Boundary(S=S, Y=Y, w=w, b=b, names=d.names, wrong=wrong, m=d.m)


@lesson("boundary", "The decision boundary", boundary)
def show_boundary(r: Boundary) -> Lines:
    """The boundary lesson, printed as a scatter of the training examples."""
    are = "is" if r.wrong == 1 else "are"
    out = para("The boundary is where z = 0 and a = ½: on one side the neuron says 1, on "
               f"the other 0.  {r.wrong:,} of the {r.m:,} training examples {are} on the wrong side "
               "of this line, the training lesson's.")
    out.append(f"  {short(r.names[1], 40)} (standardized), upward")
    scatter = text_scatter(r.S, r.Y, r.w, r.b)
    out += scatter
    out.append(f"   {short(r.names[0], 40)} (standardized), rightward")
    line = any("." in row for row in scatter[:-1])
    out.append("   o  y = 0     +  y = 1     @  both" + ("     .  the boundary w·x + b = 0" if line else ""))
    if len(r.S) < r.m:
        out.append(f"   Drawn: a random {len(r.S):,} of the {r.m:,} training examples.")
    if not line:                        # z has one sign over the whole picture
        x = r.S[0]
        says = int(r.w[0] * x[0] + r.w[1] * x[1] + r.b > 0)
        out += para(f"The line lies outside the picture: all across it, the neuron says {says}.")
    return out


# === 8. Any start ============================================================

class Run(NamedTuple):
    """One run of gradient descent: its start, its end, its cost and steps."""
    start_w: list[float]
    start_b: float
    w: list[float]
    b: float
    J: float
    steps: int


class AnyStart(NamedTuple):
    """Runs from four starts, how far apart they end, and what J's minimum is."""
    budget: int                     # at most this many steps from each start
    rate: float                     # α = 1/h
    runs: list[Run]
    spread: float                   # the largest difference of a weight (or b) between runs
    cost_spread: float
    met: bool                       # spread within a thousandth of the weights' size
    minimum: Minimum
    m: int                          # the training examples used
    of: int                         # of these
    n: int
    names: list[str]
    trained: float | None           # the training lesson's last J, if on the same examples


ANY_START_STEPS = 1000              # from each start, where the data is small enough


def any_start(d: Data, s: Settings) -> AnyStart:
    """Gradient descent from zeros and from three random starts, compared."""
    e = head(d, affordable(d, 4 * ANY_START_STEPS))
    # four runs; a step costs about a pass over m + 6 examples, with its update
    budget = max(30, min(ANY_START_STEPS, WORK // (4 * (e.m + 6) * (d.n + 1))))
    h, runs = curvature(e), []
    for w0, b0 in [([0.0] * d.n, 0.0)] + random_starts(d, s):
        w, b, costs = logreg.train(e.S_train, e.Y_train, learning_rate=1.0 / h, iterations=budget,
                                   tolerance=1e-12, w=w0, b=b0)
        runs.append(Run(start_w=w0, start_b=b0, w=w, b=b, J=costs[-1], steps=len(costs) - 1))
    spread = max(max(p) - min(p) for p in zip(*[r.w + [r.b] for r in runs]))
    size = max(abs(v) for v in runs[0].w + [runs[0].b])
    try:
        trained: float | None = fit(d, s)[2][-1] if e is d else None
    except ValueError:                  # the training lesson's fit overflowed: it says so
        trained = None
    return AnyStart(budget=budget, rate=1.0 / h, runs=runs, spread=spread,
                    cost_spread=max(r.J for r in runs) - min(r.J for r in runs),
                    met=spread <= 1e-3 * max(1.0, size), minimum=minimum(e), m=e.m, of=d.m,
                    n=d.n, names=d.names, trained=trained)


def random_starts(d: Data, s: Settings) -> list[tuple[list[float], float]]:
    """Three starts with each weight and b drawn between −3 and 3 (shared with the SVG)."""
    rnd = random.Random(s.seed)
    return [([rnd.uniform(-3, 3) for _ in range(d.n)], rnd.uniform(-3, 3)) for _ in range(3)]


@lesson("any-start", "Any start", any_start)
def show_any_start(r: AnyStart) -> Lines:
    """The any-start lesson, printed with the sentence that this data calls for."""
    table = [("start w", "b", "end w", "b", "J")] + [
        (_vector_text(run.start_w, 2), f"{run.start_b:+.2f}", _vector_text(run.w, 4), f"{run.b:+.4g}",
         f"{run.J:.6f}") for run in r.runs]
    widths = [max(len(row[k]) for row in table) for k in range(5)]
    rows = ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
            for row in table]
    shown = r.n <= 3 and all(len(row) <= WIDTH for row in rows)
    on = f", on {of_m(r.m, r.of)} (h is J's largest curvature on them)" if r.m < r.of else ""
    cut = (f"On data this size, {ANY_START_STEPS:,} steps from each start would take too long.  "
           if r.budget < ANY_START_STEPS else "")
    out = para(f"{cut}Gradient descent from {len(r.runs)} starts (zeros, and three at random), "
               f"α = 1/h = {r.rate:.3g}, at most {r.budget:,} steps each{on}" + (":" if shown else "."))
    if shown:
        out += rows
    out.append(f"The weights differ by at most {_at_most(r.spread)}; the costs by at most "
               f"{_at_most(r.cost_spread)}.")
    return out + para(_any_start_verdict(r))


def _any_start_verdict(r: AnyStart) -> str:
    """What the ends of the runs say, given J's minimum."""
    kind, said = r.minimum.kind, minimum_sentence(r.minimum, r.m, r.n, r.names)
    if kind in ("none", "many"):
        return said + "  So the starts need not meet." + _other_end(r)
    if kind == "poorly":
        return said + "  So the starts can end far apart at almost the same cost." + _other_end(r)
    if kind != "one":
        return ("They meet." if r.met else "They have not met yet.") + "  " + said + _other_end(r)
    if not r.met:
        return (f"They have not met yet: J has one lowest point here, but {r.budget:,} steps do not "
                "reach it from every start.")
    said = ("They meet: J is convex, and on this data it has one lowest point.  Newton's "
            f"method finds it at J = {r.minimum.J:.6f} (the lesson newton).")
    if r.trained is not None and r.trained - r.minimum.J > 5e-7:
        said += (f"  The training lesson ended above it, at J = {r.trained:.6f}, so its weights "
                 f"differ from these: it stops after a step that lowers J by less than {TOLERANCE:g}.")
    return said


def _other_end(r: AnyStart) -> str:
    """Where J has no single lowest point: that the training lesson, from the same zeros,
    ended elsewhere, if it did (its weights then differ from the first run's)."""
    if r.trained is None or abs(r.trained - r.runs[0].J) <= 5e-7:
        return ""
    return (f"  The training lesson, also from zeros, ended elsewhere, at J = {r.trained:.6f}, "
            "with its own α and number of steps.")


def _vector_text(v: Sequence[float], digits: int) -> str:
    """A short vector in brackets, with signs.

    >>> _vector_text([1.0, -0.5], 2)
    '(+1.00, -0.50)'
    """
    return "(" + ", ".join(f"{x:+.{digits}f}" if abs(x) < 1e4 else f"{x:+.2e}" for x in v) + ")"


# === 9. Overfitting, and L2 regularization ===================================

class Overfitting(NamedTuple):
    """Accuracies on made-up noisy data for four λ, and the measured test accuracy."""
    m: int                          # made-up training examples
    n: int                          # features: one signal, the rest noise
    m_new: int                      # new examples to test on
    rows: list[tuple[float, float, float, float]]   # (λ, training accuracy, test accuracy, ‖w‖)
    best: int                       # the row of the best test accuracy (the first, on a tie)
    disagree: int                   # new examples that it and λ = 0 label differently
    lead_error: float               # one standard error of its lead over λ = 0
    measured: tuple[float, int, float, bool] | None   # the training lesson's test (p, k, error, bound)


def overfitting(d: Data, s: Settings) -> Overfitting:
    """The overfitting table, the best λ's lead and its error, and the training lesson's
    test accuracy with its error."""
    m, n, m_new, rows, differ = overfitting_table(s.seed)
    best = max(range(len(rows)), key=lambda k: rows[k][2])
    error = lead_error(rows[best][2] - rows[0][2], differ[best] / m_new, m_new)
    try:
        p, k = measured_accuracy(d, s), len(d.Y_test)
        measured: tuple[float, int, float, bool] | None = (p, k, *accuracy_error(p, k))
    except ValueError:                  # its training overflowed: that lesson says so
        measured = None
    return Overfitting(m=m, n=n, m_new=m_new, rows=rows, best=best, disagree=differ[best],
                       lead_error=error, measured=measured)


def lead_error(lead: float, q: float, k: int) -> float:
    """One standard error of one model's lead in accuracy over another on the same k
    examples, where they disagree on a share q of them: √((q − lead²)/k).

    On each example the lead gains 1, 0 or −1; the two accuracies share their
    errors, so the lead's error is not theirs combined.  Its variance per example
    is the mean of the squares, q, less the square of the mean, the lead.

    >>> round(lead_error(0.028, 0.180, 1000), 4)
    0.0134
    """
    return math.sqrt(max(0.0, q - lead * lead) / k)


@functools.lru_cache(maxsize=4)
def overfitting_table(seed: int) -> tuple[int, int, int, list[tuple[float, float, float, float]],
                                          list[int]]:
    """Made-up data, 40 examples of 31 features, trained with four λ; the same for any data.
    Also, for each λ, how many new examples it labels otherwise than λ = 0 does."""
    X, Y = overfitting_data(seed, 40)
    X_new, Y_new = overfitting_data(seed + 1, 1000)
    h, rows, labels = steepest_curvature(X), [], []
    for l2 in (0.0, 1.0, 10.0, 100.0):
        # the penalty adds λ/m to the curvature, so the rate 1/h shrinks with it
        w, b, _ = logreg.train(X, Y, learning_rate=1.0 / (h + l2 / len(X)), iterations=300, l2=l2)
        labels.append(logreg.predict(w, b, X_new))
        rows.append((l2, logreg.accuracy(Y, logreg.predict(w, b, X)),
                     logreg.accuracy(Y_new, labels[-1]), math.hypot(*w)))
    differ = [sum(p != q for p, q in zip(labels[0], other)) for other in labels]
    return len(X), len(X[0]), len(X_new), rows, differ


def overfitting_data(seed: int, m: int, noise: int = 30) -> tuple[Rows, list[int]]:
    """m examples: one feature that predicts y a little, and `noise` that do not."""
    rnd = random.Random(seed)
    X, Y = [], []
    for i in range(m):
        y = i % 2
        X.append([rnd.gauss(0.5 if y else -0.5, 1.0)] + [rnd.gauss(0.0, 1.0) for _ in range(noise)])
        Y.append(y)
    return X, Y


@lesson("overfitting", "Overfitting, and L2 regularization", overfitting)
def show_overfitting(r: Overfitting) -> Lines:
    """The overfitting lesson, printed."""
    out = para(f"New made-up data: {r.m:,} examples of {r.n:,} features, one of which carries a "
               f"little signal; the rest are noise.  Then {r.m_new:,} new examples of the same "
               "kind to test on.  Trained with λ (logreg's l2) from 0 to 100:")
    out.append("     l2   training accuracy   test accuracy     ‖w‖")
    out += [f"  {l2:5g}   {train:17.1%}   {test:13.1%}   {size:6.2f}" for l2, train, test, size in r.rows]
    _, train0, test0, _ = r.rows[0]
    best = r.rows[r.best]
    noise = ": it fits the noise" if train0 - test0 > 0.1 else ""
    out += para(f"With nearly as many weights as examples, λ = 0 scores {train0:.1%} on its "
                f"training examples and {test0:.1%} on new ones{noise}.")
    sizes, fits = [row[3] for row in r.rows], [row[1] for row in r.rows]
    does = [words for words, true in [("keeps w smaller", sizes == sorted(sizes, reverse=True)),
                                      ("gives up training fit", fits == sorted(fits, reverse=True))] if true]
    larger = f"A larger λ {' and '.join(does)}; here" if does else "Here"
    out += para(f"{larger} the best test accuracy is at λ = {best[0]:g}.")
    out += para("  ".join(_how_sure(r)))
    out += para(f"Choosing λ by these {r.m_new:,} examples makes them a validation set; a fair "
                "test of the chosen λ needs a third set, kept aside until the end.")
    if r.measured is not None:
        p, k, error, bound = r.measured
        what = (f"has a standard error of at most {error:.1%}" if bound else
                f"has a standard error of {error:.1%}")
        out += para(f"The training lesson's p = {p:.1%}, on its k = {counted(k, 'test example')}, {what}: "
                    "gaps of that size can be chance.")
    return out


def _how_sure(r: Overfitting) -> list[str]:
    """The best λ's test accuracy, its standard error, and its lead's over λ = 0."""
    best, k = r.rows[r.best], r.m_new
    p = best[2]
    said = [f"How sure is a test accuracy?  One standard error is √(p(1 − p)/k): for "
            f"λ = {best[0]:g}, p = {p:.1%} on k = {k:,} gives {standard_error(p, k):.1%}."]
    lead = best[2] - r.rows[0][2]
    if lead > 0:
        said.append(f"Its lead over λ = 0, {lead:.1%}, is measured on the same examples, so "
                    f"its standard error comes from those on which the two disagree, "
                    f"{r.disagree:,} of them: √(({r.disagree / k:.3f} − {lead:.3f}²)/{k:,}) = "
                    f"{r.lead_error:.1%}.")
        # decided on the digits shown, which are what a reader checks
        shown_lead, twice = round(lead * 1000), 2 * round(r.lead_error * 1000)
        said.append("That is under two standard errors: the lead may be chance." if shown_lead < twice
                    else "That is two standard errors, to the digits shown: too close to call."
                    if shown_lead == twice else
                    f"That is over two standard errors, but λ = {best[0]:g} was chosen as the "
                    "best of four on these very examples, which favours it: only other "
                    "examples can confirm its lead.")
    return said


# === 10. Fewer steps down: Newton's method ===================================

class Newton(NamedTuple):
    """Newton's method against gradient descent: steps, time, cost and weights."""
    minimum: Minimum
    l2: float                       # 0, or 1 where J has no single, well-placed minimum at 0
    steps: int
    seconds: float
    J: float
    gd_rate: float
    gd_budget: int
    gd_steps: int
    gd_seconds: float
    gap: float                      # gradient descent's J less Newton's
    differ: float                   # the largest difference of a weight (or b)
    m: int                          # the training examples used
    of: int                         # of these
    n: int
    names: list[str]


GD_TOLERANCE = 1e-12                # gradient descent's stop in the newton lesson


def newton(d: Data, s: Settings) -> Newton:
    """Newton's method and gradient descent to J's lowest point, each timed once."""
    if d.n > 100:
        raise CannotFinish(f"Newton's method solves a {d.n + 1:,} × {d.n + 1:,} system each step; the "
                           "demo skips it for more than 100 features.  That cost is why networks "
                           "train by gradient descent.")
    # some 12 steps, each of (n + 1)² numbers an example
    e = head(d, affordable(d, 12, (d.n + 1) ** 2))
    found = minimum(e)
    if found.kind == "unknown":
        raise CannotFinish(f"{found.why}, so the demo cannot compare it with gradient descent here.")
    l2 = 0.0 if found.kind == "one" else 1.0
    started = time.perf_counter()
    w, b, costs = logreg.train_newton(e.S_train, e.Y_train, l2=l2)
    seconds = time.perf_counter() - started
    # the penalty adds λ/m to the curvature, so the rate 1/h shrinks with it
    rate, budget = 1.0 / (curvature(e) + l2 / e.m), max(200, min(5000, WORK // (e.m * (d.n + 1))))
    started = time.perf_counter()
    w_gd, b_gd, gd_costs = logreg.train(e.S_train, e.Y_train, learning_rate=rate,
                                        iterations=budget, tolerance=GD_TOLERANCE, l2=l2)
    gd_seconds = time.perf_counter() - started
    return Newton(minimum=found, l2=l2, steps=len(costs) - 1, seconds=seconds, J=costs[-1],
                  gd_rate=rate, gd_budget=budget, gd_steps=len(gd_costs) - 1, gd_seconds=gd_seconds,
                  gap=gd_costs[-1] - costs[-1],
                  differ=max(abs(p - q) for p, q in zip(w_gd + [b_gd], w + [b])),
                  m=e.m, of=d.m, n=d.n, names=d.names)


@lesson("newton", "Fewer steps down: Newton's method", newton)
def show_newton(r: Newton) -> Lines:
    """The newton lesson, printed."""
    out = para(f"On {of_m(r.m, r.of)}: each step of Newton's method costs (n + 1)² numbers an "
               "example.") if r.m < r.of else []
    if r.l2:
        out += para(minimum_sentence(r.minimum, r.m, r.n, r.names))
        out += para(f"So here both methods use l2 = {r.l2:g}, which gives J one lowest point:")
    J = "J with its penalty" if r.l2 else "J"
    out.append(f"Newton's method: {_steps(r.steps)}, {_ms(r.seconds)}, {J} = {r.J:.10f}")
    out.append(f"Gradient descent, α = {r.gd_rate:.3g}: {_steps(r.gd_steps)}, {_ms(r.gd_seconds)}")
    how = ("equals Newton's" if r.gap == 0 else
           f"is {abs(r.gap):.1e} {'above' if r.gap > 0 else 'below'} Newton's")
    out += para(f"After {_steps(r.gd_steps)}, gradient descent's J {how}, and its weights and b "
                f"are within {_at_most(r.differ)} of Newton's.")
    if r.gd_steps < r.gd_budget:
        out += para(f"Gradient descent stopped there, after a step that lowered J by less than "
                    f"{GD_TOLERANCE:g}.")
    else:
        out += para(f"That is all the {r.gd_budget:,} steps it was allowed.")
    ratio = r.gd_seconds / max(r.seconds, 1e-9)
    took = ("less time than" if ratio >= 1.5 else "more time than" if ratio <= 1 / 1.5 else
            "about as much time as")
    out += para("Newton's steps use J's curvature as well as its slope: for weights wj and wk, "
                "the mean over the examples of a(1 − a)·xj·xk (with 1 in place of x for b).  So "
                f"each of its steps costs more; in all, here, Newton's method took {took} "
                "gradient descent did (one run each, with its checks of the input).")
    return out


def _ms(seconds: float) -> str:
    """A time in milliseconds, to 2 significant digits below 10 ms, never "0 ms".

    >>> _ms(0.00031), _ms(0.0042), _ms(0.917), _ms(1.3184)
    ('0.31 ms', '4.2 ms', '917 ms', '1,318 ms')
    """
    ms = seconds * 1000
    return f"{ms:.2g} ms" if ms < 10 else f"{ms:,.0f} ms"


# === 11. Vectorization =======================================================

class Vectorization(NamedTuple):
    """The loop and the whole-vector pass: their results and their times."""
    m: int                          # the training examples timed
    of: int                         # of these
    n: int
    loop: tuple[float, list[float], float]      # propagate_loop's (J, dw, db)
    whole: tuple[float, list[float], float]     # propagate_whole's
    difference: float               # the largest difference between them
    loop_seconds: float             # a pass, the least of its timings
    whole_seconds: float
    repeats: int                    # timings of each
    sumprod: bool                   # whether math.sumprod was there to use


REPEATS = 7                         # timings of each pass at least, alternated; the least counts


def vectorization(d: Data, s: Settings) -> Vectorization:
    """One pass of propagate, as a loop and as whole vectors, neither checking its input, timed."""
    e = head(d, affordable(d, 4 * REPEATS))
    w, b, S, Y = [0.5] * d.n, 0.1, e.S_train, e.Y_train
    loop, whole = propagate_loop(w, b, S, Y), propagate_whole(w, b, S, Y)
    difference = max(abs(p - q) for p, q in zip([loop[0], *loop[1], loop[2]],
                                                 [whole[0], *whole[1], whole[2]]))
    (loop_seconds, whole_seconds), repeats = _least_seconds(
        [lambda: propagate_loop(w, b, S, Y), lambda: propagate_whole(w, b, S, Y)])
    return Vectorization(m=e.m, of=d.m, n=d.n, loop=loop, whole=whole, difference=difference,
                         loop_seconds=loop_seconds, whole_seconds=whole_seconds, repeats=repeats,
                         sumprod=hasattr(math, "sumprod"))


def propagate_loop(w: Sequence[float], b: float, X: Rows,
                   Y: Sequence[int]) -> tuple[float, list[float], float]:
    """logreg.propagate's pass without its checks of the input, and with the lecture's
    dz = a − y: z, a and dz for each example, and its share of J, dw and db.

    >>> propagate_loop([0.0, 0.0], 0.0, [[1.0, 2.0], [3.0, 4.0]], [0, 1])
    (0.6931471805599453, [-0.5, -0.5], 0.0)
    """
    m, features = len(X), range(len(w))
    J, dw, db = 0.0, [0.0] * len(w), 0.0
    for x, y in zip(X, Y):
        z = b
        for j in features:
            z += w[j] * x[j]
        J += logreg.loss_from_z(z, y)
        dz = logreg.sigmoid(z) - y
        for j in features:
            dw[j] += x[j] * dz
        db += dz
    return J / m, [dwj / m for dwj in dw], db / m


def _sumprod(u: Iterable[float], v: Iterable[float]) -> float:
    return float(sum(map(operator.mul, u, v)))


# u·v in one call: math.sumprod's loop runs in C (Python 3.12 and later)
dot: Callable[[Iterable[float], Iterable[float]], float] = getattr(math, "sumprod", _sumprod)


def propagate_whole(w: Sequence[float], b: float, X: Rows,
                    Y: Sequence[int]) -> tuple[float, list[float], float]:
    """logreg.propagate's pass as whole-vector steps: z for every example, then a, dz, dw, db.

    >>> propagate_whole([0.0, 0.0], 0.0, [[1.0, 2.0], [3.0, 4.0]], [0, 1])
    (0.6931471805599453, [-0.5, -0.5], 0.0)
    """
    m = len(X)
    Z = [dot(w, x) + b for x in X]                      # Z = X @ w + b
    A = list(map(logreg.sigmoid, Z))                    # A = σ(Z)
    dZ = [a - y for a, y in zip(A, Y)]                  # dZ = A − Y
    dw = [dot(column, dZ) / m for column in zip(*X)]    # dw = X.T @ dZ / m
    db = sum(dZ) / m
    J = sum(map(logreg.loss_from_z, Z, Y)) / m
    return J, dw, db


def _least_seconds(calls: list[Callable[[], object]], budget: float = 0.05) -> tuple[list[float], int]:
    """The least time of each call, and how many times each ran: in turn, at least REPEATS
    times and for about budget seconds (a load on the machine only ever adds time)."""
    least, started = [math.inf] * len(calls), time.perf_counter()
    for repeats in range(1, 1001):
        for k, f in enumerate(calls):
            t = time.perf_counter()
            f()
            least[k] = min(least[k], time.perf_counter() - t)
        if repeats >= REPEATS and time.perf_counter() - started >= budget:
            break
    return least, repeats


WHOLE_PASS = ["    Z  = [dot(w, x) + b for x in X]              z for all m examples",
              "    A  = list(map(sigmoid, Z))",
              "    dZ = [a - y for a, y in zip(A, Y)]",
              "    dw = [dot(column, dZ) / m for column in zip(*X)]",
              "    db = sum(dZ) / m"]
NUMPY_PASS = ["The course's next step is numpy, where the pass is five lines:",
              "    Z = X @ w + b",
              "    A = 1 / (1 + np.exp(-Z))                   A = σ(Z)",
              "    dZ = A - Y",
              "    dw = X.T @ dZ / m",
              "    db = dZ.mean()"]


@lesson("vectorization", "One pass, whole vectors at a time", vectorization)
def show_vectorization(r: Vectorization) -> Lines:
    """The vectorization lesson, printed with the numpy translation."""
    out = para("logreg.propagate loops over the examples, and inside over the features.  The "
               "same pass can be written one whole vector at a time (propagate_whole, in "
               "demo.py):")
    out += WHOLE_PASS
    how = ("math.sumprod" if r.sumprod else "sum(map(operator.mul, u, v)), since math.sumprod "
           "exists only from Python 3.12 on")
    same = f"to within {_at_most(r.difference)}" if r.difference else "exactly"
    on = of_m(r.m, r.of) or f"the {counted(r.m, 'training example')}"
    out += para(f"Here dot is {how}.  On {on} of {counted(r.n, 'feature')}, it and the loop "
                f"(propagate_loop, logreg's without its checks of the input) give the same J, "
                f"dw and db, {same}, at the slope lesson's point: every weight 0.5, b = 0.1.")
    ratio = r.loop_seconds / r.whole_seconds
    speed = (f"{ratio:.1f} times as fast" if ratio >= 1.05 else
             "no faster" if ratio > 1 / 1.05 else f"{1 / ratio:.1f} times as slow")
    out += para(f"A pass took {r.loop_seconds * 1e3:.3g} ms as the loop and "
                f"{r.whole_seconds * 1e3:.3g} ms as whole vectors, the least of {r.repeats:,} "
                f"timings each: {speed}, as measured here.")
    out += NUMPY_PASS
    out += para("numpy runs each line's loop over the examples in compiled code, written in C "
                "rather than Python; this demo runs without numpy, so it does not time that.")
    return out


# ============================ end of the lessons ==============================


# === The work the lessons share ==============================================
#
# Computed on demand and cached per data, so that any lesson can run alone.

# A lesson's work is counted in numbers passed over: examples × (n + 1) for
# each pass of propagate.  WORK is a second or two of it here; where a lesson
# would need more, it takes fewer examples or steps, and says so.
WORK = 12_000_000
LEAST = 200                         # examples that a lesson keeps, at least


def affordable(d: Data, passes: int, per_example: int = 0) -> int:
    """How many training examples a lesson can take, all or at least LEAST, for `passes`
    passes over them of per_example numbers each (n + 1 by default)."""
    return min(d.m, max(LEAST, WORK // (passes * (per_example or d.n + 1))))


@functools.lru_cache(maxsize=16)
def head(d: Data, k: int) -> Data:
    """The data with only its first k training examples (a random sample: split shuffled
    them), or a few more until both classes are in; d itself if that is all."""
    while k < d.m and len(set(d.Y_train[:k])) < 2:
        k += 1
    if k >= d.m:
        return d
    return replace(d, X_train=d.X_train[:k], S_train=d.S_train[:k], Y_train=d.Y_train[:k])


def of_m(k: int, m: int) -> str:
    """Which training examples a lesson used, in words ("" if all of them).

    >>> of_m(200, 15000), of_m(150, 150)
    ('the first 200 of the 15,000 training examples', '')
    """
    return "" if k == m else f"the first {k:,} of the {m:,} training examples"


def training_steps(d: Data, s: Settings) -> int:
    """The training lesson's steps at most: the command line's, unless they would pass
    over more than twice WORK numbers."""
    return min(s.iterations, max(20, 2 * WORK // (d.m * (d.n + 1))))


@functools.lru_cache(maxsize=8)
def fit(d: Data, s: Settings) -> Fit:
    """The training lesson's gradient descent from w = 0, b = 0: (w, b, costs)."""
    return quiet_train(d.S_train, d.Y_train, learning_rate=s.learning_rate,
                       iterations=training_steps(d, s), tolerance=TOLERANCE)


def quiet_train(X: Rows, Y: list[int], **options: Any) -> Fit:
    """logreg.train, without its warning that J ended above its start: the lessons that
    try too large a rate on purpose say so in their own words."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return logreg.train(X, Y, **options)


def trained(d: Data, s: Settings) -> Fit:
    """fit(d, s), or CannotFinish saying why not."""
    try:
        return fit(d, s)
    except ValueError:                  # only an overflow: the features are standardized
        raise CannotFinish(f"With α = {s.learning_rate:g}, J or a step of the training lesson "
                           "overflowed a float: the learning rate is too large.  Try a smaller "
                           "--learning-rate.") from None


DRAWN = 300                         # examples in a scatter, at most: more bury the lines


def drawn(d: Data, s: Settings) -> tuple[Rows, list[int]]:
    """The training examples that the pictures draw: all, or a random DRAWN of them."""
    if d.m <= DRAWN:
        return d.S_train, d.Y_train
    chosen = sorted(random.Random(s.seed).sample(range(d.m), DRAWN))
    return [d.S_train[i] for i in chosen], [d.Y_train[i] for i in chosen]


def measured_accuracy(d: Data, s: Settings) -> float:
    """The accuracy of the training lesson's fit on the test part."""
    w, b, _ = fit(d, s)
    return logreg.accuracy(d.Y_test, logreg.predict(w, b, d.S_test))


class Minimum(NamedTuple):
    """What logreg.train_newton tells of J's lowest point on the training examples.

    kind is "one" (a single lowest point), "poorly" (one, but many weights cost
    almost the same), "none" (separable or quasi-separated classes), "many" (J
    is flat along some direction) or "unknown" (why says why).
    """
    kind: str
    why: str = ""
    J: float = 0.0                  # the lowest J
    poorly: tuple[int, ...] = ()    # the weights poorly determined there
    ratio: float = 0.0              # the largest (H⁻¹)jj·Hjj


POORLY = 400                        # (H⁻¹)jj·Hjj above this: a standard error over 20 times


@functools.lru_cache(maxsize=8)
def minimum(d: Data) -> Minimum:
    """Ask Newton's method, by the exceptions and the rule that train_newton documents."""
    if d.n > 100:
        # m independent x̃ separate any labels: X̃w̃ = (±1, ...) has a solution.
        # Independent, here, by a wide margin: G = X̃X̃ᵀ well conditioned.
        rows = [[*x, 1.0] for x in d.S_train]
        G = [[dot(u, v) for v in rows] for u in rows] if d.m <= LEAST else [[0.0]]
        if all(q * G[i][i] < 1e8 for i, q in enumerate(inverse_diagonal(G))):
            return Minimum("none")
        return Minimum("unknown", "Newton's method is too costly for more than 100 features")
    try:
        w, b, costs = logreg.train_newton(d.S_train, d.Y_train)
    except logreg.NoMinimum:
        return Minimum("none")
    except logreg.ManyMinima:
        return Minimum("many")
    except ValueError as e:             # not converged, stalled, or overflowed: it says which
        return Minimum("unknown", str(e))
    # train_newton's rule: on standardized features, at its answer, weight j is
    # poorly determined when (H⁻¹)jj > 400/Hjj, its standard error then over 20
    # times what it would be were the other weights and b known.
    H = hessian_at(w, b, d.S_train)
    ratios = [q * H[j][j] for j, q in enumerate(inverse_diagonal(H)[:d.n])]
    poorly = tuple(j for j, r in enumerate(ratios) if r > POORLY)
    return Minimum("poorly" if poorly else "one", J=costs[-1], poorly=poorly, ratio=max(ratios))


def hessian_at(w: Sequence[float], b: float, S: Rows) -> Rows:
    """J's Hessian (1/m)·Σ a(1 − a)·x̃x̃ᵀ at (w, b), with x̃ = (x1..xn, 1)."""
    columns = [list(c) for c in zip(*S)] + [[1.0] * len(S)]
    c = [logreg.sigmoid_derivative(dot(w, x) + b) / len(S) for x in S]    # a(1 − a)/m
    weighted = [[p * q for p, q in zip(c, column)] for column in columns]
    return [[dot(u, v) for v in columns] for u in weighted]


def inverse_diagonal(H: Rows) -> list[float]:
    """The diagonal of H⁻¹, H symmetric and positive, by Cholesky: H = LLᵀ, so (H⁻¹)jj is
    the squared length of the solution y of Ly = ej.  inf everywhere if H is not positive
    to rounding.

    >>> inverse_diagonal([[4.0, 2.0], [2.0, 2.0]])      # H⁻¹ = [[½, −½], [−½, 1]]
    [0.5, 1.0]
    """
    k, L = len(H), [[0.0] * len(H) for _ in H]
    for i in range(k):
        for j in range(i + 1):
            t = H[i][j] - dot(L[i][:j], L[j][:j])
            if i == j:
                if t <= 1e-13 * H[i][i]:
                    return [math.inf] * k
                L[i][i] = math.sqrt(t)
            else:
                L[i][j] = t / L[j][j]
    out = []
    for j in range(k):
        y = [0.0] * k
        for i in range(j, k):           # y is 0 above row j
            y[i] = ((i == j) - dot(L[i][j:i], y[j:i])) / L[i][i]
        out.append(dot(y, y))
    return out


def minimum_sentence(found: Minimum, m: int, n: int, names: Sequence[str]) -> str:
    """The true sentence for J's minimum of this kind."""
    if found.kind == "none":
        return ("Some line, not always the one gradient descent has reached, has no training "
                "example on its wrong side (the classes are separable, or meet only on it), so J "
                "has no minimum: it falls as the weights grow along that line, ever more slowly, "
                "until gradient descent's steps are lost to rounding.")
    if found.kind == "many":
        # ManyMinima means flat or all but flat: Newton's curvature is singular
        # to one part in 10^11 on standardized features
        why = ("there are no more training examples than features" if m <= n else
               "a feature is constant or a combination of others, or nearly so")
        return (f"J is flat along some direction, or all but flat ({why}), so many weights "
                "share its lowest cost, or all but share it, if it has one.")
    if found.kind == "poorly":
        which = _listed([short(names[j], 20) for j in found.poorly[:3]])
        more = f" and {counted(len(found.poorly) - 3, 'other')}" if len(found.poorly) > 3 else ""
        ratio = f"{found.ratio:,.0f}" if found.ratio < 1e6 else f"{found.ratio:.1e}"
        return (f"At J's lowest point the weights of {which}{more} are poorly determined: "
                "their standard errors are over 20 times what they would be were the other "
                f"weights and b known ((H⁻¹)jj is up to {ratio} times 1/Hjj).  "
                "Many weights cost almost the same, as when features are nearly collinear; a "
                "penalty l2 > 0 picks one of them (see the lesson overfitting).")
    if found.kind == "one":
        return "J has one lowest point here."
    return f"Whether J has one lowest point is not known here: {found.why}."


def run_lesson(k: int, one: Lesson, d: Data, s: Settings) -> Lines:
    """One lesson's heading and text; a lesson that cannot finish says why in one sentence."""
    heading = f"== {k}. {one.name}: {one.title} "
    try:
        body = one.show(one.compute(d, s))
    except CannotFinish as e:
        body = para(str(e))
    except (ValueError, ArithmeticError) as e:
        body = para(f"This lesson cannot finish: {e}.")
    return [heading + "=" * max(2, WIDTH - 1 - len(heading))] + body


def tour(d: Data, s: Settings, chosen: Sequence[int]) -> None:
    """Run the chosen lessons (indexes into LESSONS) and print them."""
    for k in chosen:
        print()
        for line in screen(run_lesson(k + 1, LESSONS[k], d, s)):
            print(line)


# #############################################################################
# Part 4. The SVG
# #############################################################################

# === The same pictures as SVG ================================================
#
# Left: the learning-rate lesson's cost curves.  Right, for two features: the
# examples, the boundary after a few early steps from a random start (dashed),
# and the training lesson's boundary (bold).

SVG_FONT = 11                           # px; a character is at most 0.6 of it wide
COLOURS = ["#d62728", "#2ca02c", "#1f77b4"]
EARLY = ["#d95f02", "#7570b3", "#1b9e77", "#e7298a"]    # the dashed lines


class Box(NamedTuple):
    """A frame on the page, and the data ranges it shows."""
    left: float
    top: float
    right: float
    bottom: float
    xr: tuple[float, float]
    yr: tuple[float, float]

    def px(self, x1: float, x2: float) -> tuple[float, float]:
        return (self.left + (x1 - self.xr[0]) / (self.xr[1] - self.xr[0]) * (self.right - self.left),
                self.bottom - (x2 - self.yr[0]) / (self.yr[1] - self.yr[0]) * (self.bottom - self.top))


class Snapshots(NamedTuple):
    """The boundaries that the SVG draws."""
    start_w: list[float]            # the random start of the dashed lines
    start_b: float
    early: list[tuple[int, list[float], float]]     # (steps, w, b), visibly apart
    end: tuple[int, list[float], float]             # the training lesson's (steps, w, b)


def svg_picture(d: Data, s: Settings) -> str:
    """The learning curves (left) and, for two features, the boundary as it learns (right)."""
    out: list[str] = []
    lowest = _svg_costs(out, rate_curves(d, s), Box(60, 40, 460, 330, (0, 1), (0, 1)))
    box = Box(580, 40, 980, 330, (0, 1), (0, 1))
    middle = (box.left + box.right) / 2
    if d.n != 2:
        _text(out, middle, 180, f"The boundary is drawn for two features; this data has {d.n:,}.",
              "middle")
    else:
        box = box._replace(xr=_extent([x[0] for x in d.S_train]), yr=_extent([x[1] for x in d.S_train]))
        try:
            shots = snapshots(d, s, box)
        except ValueError:              # the training lesson's fit overflowed
            _text(out, middle, 172, "No boundary: with α = " f"{s.learning_rate:g}, the training "
                  "lesson's", "middle")
            _text(out, middle, 188, "J or a step overflowed a float.", "middle")
        else:
            lowest = max(lowest, _svg_boundary(out, d, s, box, shots))
    W, H = 1000, max(490, round(lowest) + 14)          # tall enough for every caption line
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
            f'font-family="sans-serif" font-size="{SVG_FONT}">',
            f'<rect width="{W}" height="{H}" fill="white"/>']
    return "\n".join(head + out + ["</svg>"]) + "\n"


def _text(out: list[str], x: float, y: float, text: str, anchor: str = "start",
          fill: str = "black", size: int = SVG_FONT, extra: str = "") -> None:
    out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
               f'fill="{fill}"{extra}>{html.escape(text)}</text>')


def _frame(out: list[str], box: Box, title: str, xlabel: str, ylabel: str,
           xticks: tuple[str, str], yticks: tuple[str, str]) -> None:
    middle = (box.left + box.right) / 2
    _text(out, middle, box.top - 16, title, "middle", size=14)
    out.append(f'<rect x="{box.left}" y="{box.top}" width="{box.right - box.left}" '
               f'height="{box.bottom - box.top}" fill="none" stroke="black"/>')
    # The end ticks are aligned inward, so that the first keeps clear of the y ticks.
    _text(out, box.left, box.bottom + 15, xticks[0], "start")
    _text(out, box.right, box.bottom + 15, xticks[1], "end")
    _text(out, middle, box.bottom + 30, xlabel, "middle")
    _text(out, box.left - 5, box.bottom + 4, yticks[0], "end")
    _text(out, box.left - 5, box.top + 8, yticks[1], "end")
    x, y = box.left - 40, (box.top + box.bottom) / 2
    _text(out, x, y, ylabel, "middle", extra=f' transform="rotate(-90 {x:.1f} {y:.1f})"')


def _svg_costs(out: list[str], r: RateCurves, frame: Box) -> float:
    """The cost curves in the frame, with their legend below; returns the legend's last line."""
    top = 1.5 * math.log(2)
    box = frame._replace(xr=(0.0, float(r.steps)), yr=(0.0, top))
    _frame(out, box, "Cost J while training, at three learning rates", "steps", "cost J",
           ("0", f"{r.steps:,}"), ("0", f"{top:.2f}"))
    above = False
    for k, c in enumerate(r.curves):
        colour = COLOURS[k % len(COLOURS)]
        points = [box.px(i, min(J, top)) for i, J in enumerate(c.costs)]
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
        for (x, y), J in zip(points, c.costs):
            if J > top:                 # off the chart: a triangle on its top edge
                above = True
                out.append(f'<path d="M{x:.1f},{y - 1:.1f} l-4,7 h8 z" fill="{colour}"/>')
        y = box.bottom + 52 + 16 * k
        out.append(f'<line x1="{box.left}" y1="{y - 4}" x2="{box.left + 20}" y2="{y - 4}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        _text(out, box.left + 26, y, curve_label(c), fill=colour)
    notes = ["▲ marks a cost above the top of the chart"] if above else []
    if r.examples < r.m:                # as the learning-rates lesson says
        notes.append(f"J on {of_m(r.examples, r.m)}.")
    for k, note in enumerate(notes, len(r.curves)):
        _text(out, box.left + 26, box.bottom + 52 + 16 * k, note)
    return box.bottom + 52 + 16 * (len(r.curves) + len(notes) - 1)


def _svg_boundary(out: list[str], d: Data, s: Settings, box: Box, shots: Snapshots) -> float:
    """The examples and the boundaries in the box, with the captions below; returns the last
    caption line's baseline."""
    xr, yr = box.xr, box.yr
    _frame(out, box, "The boundary w·x + b = 0 as it learns", f"{short(d.names[0], 40)} (standardized)",
           f"{short(d.names[1], 28)} (standardized)", (f"{xr[0]:.3g}", f"{xr[1]:.3g}"),
           (f"{yr[0]:.3g}", f"{yr[1]:.3g}"))
    S, Y = drawn(d, s)
    for x, y in zip(S, Y):
        cx, cy = box.px(x[0], x[1])
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{"#1f77b4" if y else "white"}" '
                   'stroke="#1f77b4"/>')
    lines = [(_steps(k) if k else "start", w, b, EARLY[i % len(EARLY)], False)
             for i, (k, w, b) in enumerate(shots.early)]
    steps, w, b = shots.end
    lines.append((_steps(steps), w, b, "black", True))
    legend = _svg_lines(out, lines, box)
    start = f"w = {_vector_text(shots.start_w, 2)}, b = {shots.start_b:+.2f}"
    caption = ["Filled circles: y = 1; open circles: y = 0."]
    if len(S) < d.m:
        caption.append(f"Drawn: a random {len(S):,} of the {d.m:,} training examples.")
    caption += ([f"Dashed: from {start}, α = {s.learning_rate:g},",
                 "   after the steps marked (a random start of the lesson any-start)."] if shots.early else
                [f"No dashed lines: from {start} (a random start of the lesson",
                 f"   any-start), α = {s.learning_rate:g}, no early boundary in the frame stood apart."])
    caption.append(f"Bold: the training lesson's boundary, after {_steps(steps)} from 0.")
    colours = ["black"] * len(caption) + [colour for _, colour in legend]
    caption += [label for label, _ in legend]
    for k, (text, colour) in enumerate(zip(caption, colours)):
        _text(out, box.left - 40, box.bottom + 52 + 16 * k, text, fill=colour)
    return box.bottom + 52 + 16 * (len(caption) - 1)


Drawn = tuple[str, list[float], float, str, bool]     # a boundary: label, w, b, colour, bold


def _svg_lines(out: list[str], lines: list[Drawn], box: Box) -> list[tuple[str, str]]:
    """The boundaries, each labelled on its line where a label fits; returns the (label,
    colour) of the others, for the legend."""
    placed: list[tuple[float, float, float, float]] = []
    legend: list[tuple[str, str]] = []
    for k, (label, w, b, colour, bold) in enumerate(lines):
        segment = _segment(w, b, box)
        if segment is None:
            legend.append((f"{label}: outside the frame", colour))
            continue
        (ax, ay), (bx, by) = segment
        style = 'stroke-width="2.5"' if bold else 'stroke-width="1.5" stroke-dasharray="7 4"'
        out.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="{colour}" '
                   f'{style}><title>{html.escape(label)}</title></line>')
        others = [seg for seg in (_segment(w2, b2, box) for _, w2, b2, _, _ in lines[:k] + lines[k + 1:])
                  if seg is not None]
        spot = _label_spot(label, segment, others, placed, box)
        if spot is None:
            legend.append((label, colour))
            continue
        x0, y0, x1, y1 = spot
        placed.append(spot)
        out.append(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" '
                   'fill="white" opacity="0.85"/>')
        _text(out, (x0 + x1) / 2, y1 - 3, label, "middle", fill=colour,
              extra=' font-weight="bold"' if bold else "")
    return legend


def snapshots(d: Data, s: Settings, box: Box, apart: float = 14.0) -> Snapshots:
    """Up to four early boundaries from the random start farthest from the end, spread over the
    way there, each at least ``apart`` pixels from the others and from the end; and the end,
    the training lesson's."""
    w_end, b_end, costs = fit(d, s)
    end = _segment(w_end, b_end, box)
    starts = random_starts(d, s)
    w0, b0 = max(starts, key=lambda start: _apart(_segment(start[0], start[1], box), end))
    w, b = list(w0), b0
    way: list[tuple[int, list[float], float, Segment, float]] = []
    for k in range(min(s.iterations, 200) + 1):
        here = _segment(w, b, box)
        if here is not None and _apart(here, end) >= apart:
            way.append((k, w, b, here, _apart(here, end)))
        try:
            _, dw, db = logreg.propagate(w, b, d.S_train, d.Y_train)
            w, b = logreg.update(w, b, dw, db, s.learning_rate)
        except ValueError:              # overflowed: the training lesson says so
            break
    chosen: list[tuple[int, list[float], float, Segment, float]] = []
    if way:
        # the first and the last that stand apart from the end, and two between,
        # at even fractions of the distance still to go
        near = next((p for p in reversed(way) if p[4] >= 2 * apart), way[-1])
        targets = [way[0][4] + (near[4] - way[0][4]) * t for t in (1 / 3, 2 / 3)]
        picks = [way[0]] + [min(way, key=lambda p: abs(p[4] - target)) for target in targets] + [near]
        for p in sorted({p[0]: p for p in picks}.values(), key=lambda p: p[0]):
            if all(_apart(p[3], q[3]) >= apart for q in chosen):
                chosen.append(p)
    return Snapshots(start_w=list(w0), start_b=b0, early=[(k, w, b) for k, w, b, _, _ in chosen],
                     end=(len(costs) - 1, w_end, b_end))


Segment = tuple[tuple[float, float], tuple[float, float]]


def _segment(w: Sequence[float], b: float, box: Box) -> Segment | None:
    """The part of w1·x1 + w2·x2 + b = 0 inside the box, in pixels, or None."""
    ends = _clip_line(w, b, box.xr, box.yr)
    return (box.px(*ends[0]), box.px(*ends[1])) if ends else None


def _apart(p: Segment | None, q: Segment | None) -> float:
    """How far apart two drawn lines look: the mean distance between them, in pixels.

    >>> _apart(((0.0, 0.0), (10.0, 0.0)), ((0.0, 4.0), (10.0, 4.0)))
    4.0
    """
    if p is None or q is None:
        return math.inf

    def mean_distance(a: Segment, c: Segment) -> float:
        (x1, y1), (x2, y2) = c
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        points = [(a[0][0] + t / 10 * (a[1][0] - a[0][0]), a[0][1] + t / 10 * (a[1][1] - a[0][1]))
                  for t in range(11)]
        return sum(abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length for x, y in points) / 11

    return (mean_distance(p, q) + mean_distance(q, p)) / 2


def _label_spot(label: str, segment: Segment, others: list[Segment],
                placed: list[tuple[float, float, float, float]],
                box: Box) -> tuple[float, float, float, float] | None:
    """Where along its line a label's box fits, clear of the other labels and farthest from other lines."""
    w, h = 0.6 * SVG_FONT * len(label) + 6, SVG_FONT + 4
    best, score = None, -1.0
    for t in [k / 20 for k in range(2, 19)]:
        x = segment[0][0] + t * (segment[1][0] - segment[0][0])
        y = segment[0][1] + t * (segment[1][1] - segment[0][1])
        spot = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if spot[0] < box.left + 2 or spot[2] > box.right - 2 or spot[1] < box.top + 2 or \
                spot[3] > box.bottom - 2 or any(_overlap(spot, other, 2.0) for other in placed):
            continue
        near = min([_distance((x, y), other) for other in others], default=math.inf)
        if near > score:
            best, score = spot, near
    return best


def _overlap(p: tuple[float, float, float, float], q: tuple[float, float, float, float],
             margin: float = 0.0) -> bool:
    """Whether two boxes (left, top, right, bottom) overlap, or come within margin.

    >>> _overlap((0, 0, 10, 10), (5, 5, 20, 20)), _overlap((0, 0, 10, 10), (11, 0, 20, 10))
    (True, False)
    """
    return p[0] < q[2] + margin and q[0] < p[2] + margin and p[1] < q[3] + margin and q[1] < p[3] + margin


def _distance(point: tuple[float, float], segment: Segment) -> float:
    """The distance from a point to a segment.

    >>> _distance((5.0, 3.0), ((0.0, 0.0), (10.0, 0.0))), _distance((13.0, 4.0), ((0.0, 0.0), (10.0, 0.0)))
    (3.0, 5.0)
    """
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((point[0] - x1) * dx + (point[1] - y1) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(point[0] - x1 - t * dx, point[1] - y1 - t * dy)


def _clip_line(w: Sequence[float], b: float, xr: tuple[float, float],
               yr: tuple[float, float]) -> list[tuple[float, float]]:
    """The two ends of w1·x1 + w2·x2 + b = 0 inside the box, or [] if it misses.

    >>> _clip_line([1.0, -1.0], 0.0, (0.0, 2.0), (0.0, 2.0))    # the diagonal x2 = x1
    [(0.0, 0.0), (2.0, 2.0)]
    >>> _clip_line([1.0, 0.0], -5.0, (0.0, 2.0), (0.0, 2.0))    # x1 = 5 is outside
    []
    """
    ends: list[tuple[float, float]] = []
    if w[1] != 0:
        for x1 in xr:
            x2 = -(w[0] * x1 + b) / w[1]
            if yr[0] <= x2 <= yr[1]:
                ends.append((x1, x2))
    if w[0] != 0:
        for x2 in yr:
            x1 = -(w[1] * x2 + b) / w[0]
            if xr[0] <= x1 <= xr[1]:
                ends.append((x1, x2))
    ends = sorted(set(ends))
    return [ends[0], ends[-1]] if len(ends) >= 2 and ends[0] != ends[-1] else []


# #############################################################################
# Part 5. The teaching kit
# #############################################################################

# === The teaching kit: exercises that grade themselves ========================
#
# --exercises DIR writes DIR/logreg.py, a copy of logreg.py whose lecture
# functions have their bodies blanked, each with a hint, and the same as a
# notebook, DIR/exercises.ipynb.  --check FILE grades either.  Each exercise
# gets this file's own reference σ, loss, pass and door in place of whatever
# else it calls, so that one mistake fails one exercise only.  The student's
# code runs in a child process, with no input, its output thrown away, and a
# limit of CPU seconds; the check's calls and their answers come back, and the
# verdict is made here, where no student code has run.

EXERCISES = {           # in the lecture's order: what to compute, and how long it is
    "sigmoid": "return σ(z) = 1 / (1 + e^(−z)) with math.exp; for z < 0 use the equal "
               "e^z / (1 + e^z), whose exp cannot overflow (about 4 lines)",
    "loss": "return −log(a) for y = 1 and −log(1 − a) for y = 0 (math.log, math.log1p), "
            "or math.inf where that log would be of 0 (about 3 lines)",
    "cost": "return J, the mean loss over the examples: propagate's first result, with "
            "l2 passed on (1 line)",
    "propagate_two_features": "for each example: z = w1·x1 + w2·x2 + b, a = sigmoid(z), "
                              "J += loss_from_z(z, y), dz = a − y, and add x1·dz, x2·dz and dz "
                              "to dw1, dw2 and db; return the four divided by m (about 12 lines)",
    "propagate": "the two-feature loop with dw a list and z = b + Σ w[j]·x[j]; divide by m, "
                 "add the penalty with J, dw = _penalized(J, dw, w, l2, m), and return "
                 "J, dw, db (about 16 lines)",
    "update": "return the new w − alpha·dw (a list) and b − alpha·db (about 2 lines)",
    "train": "for step 0 to iterations: J, dw, db = propagate(w, b, X, Y, l2=l2); append "
             "J to costs; print the step and J every print_every steps; stop after the last step or one "
             "that lowers J by less than tolerance (but not one that raises J); else "
             "w, b = update(w, b, dw, db, alpha). Return w, b, costs (about 9 lines)",
    "predict": "1 for each a of predict_proba(w, b, X) above threshold, else 0 (1 line)",
}

# The child checks propagate before cost: cost's check lends the reference
# propagate, which must not be there to answer propagate's own check later.
CHECK_ORDER = ["sigmoid", "loss", "propagate_two_features", "propagate", "cost", "update", "train",
               "predict"]

# The checks at a function's door stay in its exercise: they are not the
# lesson, and they hand the student plain numbers.
DOOR = {"_examples", "_rows", "_vector", "_number", "_count", "_real", "_label", "_labels"}
HANDED_OUT = "# exercises handed out: "     # the line --exercises writes and --check reads


class KitError(Exception):
    """The kit cannot do what was asked (a file unreadable or not to be written), in one line."""


def blank_exercises(source: str, names: Sequence[str]) -> str:
    r"""source with the named functions' bodies, after their docstring and door, blanked.

    >>> f = "def loss(a, y):\n    'L.'\n    a = _number(a, 'a')\n    return -a\n"
    >>> print(blank_exercises(f, ["loss"]))  # doctest: +ELLIPSIS
    def loss(a, y):
        'L.'
        a = _number(a, 'a')
        raise NotImplementedError(
            'loss: return −log(a) for y = 1 and −log(1 − a) for y = 0 ...'
            ...
        )
    <BLANKLINE>
    """
    lines = source.splitlines(keepends=True)
    for node in reversed(ast.parse(source).body):
        if not (isinstance(node, ast.FunctionDef) and node.name in names):
            continue
        kept = 1                                # the docstring, then the door's lines
        while kept < len(node.body) and DOOR & {
                c.func.id for c in ast.walk(node.body[kept])
                if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)}:
            kept += 1
        indent = " " * node.body[0].col_offset
        hint = textwrap.wrap(f"{node.name}: {EXERCISES[node.name]}", 72 - len(indent))
        end = node.body[kept - 1].end_lineno or node.lineno
        lines[end:node.end_lineno] = [f"{indent}raise NotImplementedError(\n"] + [
            f"{indent}    {part + ' ' * (k < len(hint) - 1)!r}\n" for k, part in enumerate(hint)] + [
            f"{indent})\n"]
    return "".join(lines)


def write_exercises(folder: str, only: Sequence[str], force: bool) -> list[str]:
    """Write folder/logreg.py and folder/exercises.ipynb with the exercises blanked; their paths."""
    import importlib.util
    import json
    if importlib.util.find_spec("logreg") is None:
        raise KitError("it blanks the lecture of logreg.py, which is neither in the folder of "
                       "demo.py nor installed")
    source = Path(import_logreg().__file__).read_text(encoding="utf-8")
    mark = f"{HANDED_OUT}{', '.join(only)}\n"
    first, rest = source.split("\n", 1) if source.startswith("#") else ("", source)
    book = json.dumps(notebook(source, only), indent=1, ensure_ascii=False)
    files = {Path(folder) / "logreg.py": (first + "\n" if first else "") + mark + blank_exercises(rest, only),
             Path(folder) / "exercises.ipynb": book + "\n"}
    for target in files:
        if target.exists() and target.resolve() == Path(logreg.__file__).resolve():
            raise KitError(f"{target} is the logreg.py that demo.py imports; it stays as it "
                           "is, even with --force: give another folder")
        if target.exists() and not force:
            raise KitError(f"{target} exists already; add --force to replace it")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise KitError("that is a file; give a folder")
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for target, text in files.items():
            target.write_text(text, encoding="utf-8")
    except OSError as e:
        raise KitError(f"cannot write in {folder}: {e.strerror or e}") from None
    return [str(target) for target in files]


# === The exercises as a notebook ==============================================
#
# The lecture of logreg.py, in order: its docstring and comments as Markdown,
# each function as a code cell, each exercise blanked and followed by a cell
# that checks it in the kernel's state.  The door's checks and _penalized,
# which are not the lesson, come from demo.py, which must sit beside it.

NOTEBOOK_SETUP = """\
# Run this cell first.  demo.py, beside this notebook, checks your work.
import math
import warnings
from collections.abc import Sequence
from typing import Any

import demo

Vector = Sequence[float]
Matrix = Sequence[Sequence[float]]  # X: m examples (rows) of n features
Labels = Sequence[float]
globals().update(demo.door_helpers())   # the input checks and _penalized: not the lesson
"""


def notebook(source: str, only: Sequence[str]) -> dict[str, Any]:
    """The lecture of source (logreg.py) as an nbformat 4 notebook, the exercises in only blanked."""
    lecture = source.split("# ============================ end of the lecture")[0]
    tree = ast.parse(lecture)
    lines = lecture.splitlines()
    doc = ast.get_docstring(tree) or ""
    cells = [_markdown("# " + doc.split("\n", 1)[0] + "\n\n" + _as_markdown(doc.split("\n", 1)[-1])),
             _code(NOTEBOOK_SETUP + f"{HANDED_OUT}{', '.join(only)}")]
    start = tree.body[0].end_lineno or 1
    for node in tree.body[1:]:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        comments = [line for line in lines[start:first - 1] if line.startswith("#")]
        if comments:
            cells.append(_markdown(_comment_markdown(comments)))
        start = node.end_lineno or first
        if isinstance(node, ast.FunctionDef):
            text = "\n".join(lines[first - 1:start])
            if node.name in only:
                cells += [_code(blank_exercises(text + "\n", [node.name]).rstrip("\n")),
                          _code(f'demo.check_here("{node.name}", globals())')]
            else:
                cells.append(_code(text))
    for k, cell in enumerate(cells, 1):         # nbformat 4.5: a unique id of [a-zA-Z0-9-_]
        cell["id"] = f"cell-{k}"
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
            "name": "python3"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


def _markdown(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)}


def _code(text: str) -> dict[str, Any]:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": text.strip("\n").splitlines(keepends=True)}


def _as_markdown(text: str) -> str:
    """Paragraphs as they are; an indented block, or one of >>> examples, fenced as code."""
    out = []
    for block in textwrap.dedent(text).strip("\n").split("\n\n"):
        if block.startswith(("    ", ">>>")):
            out.append("```\n" + textwrap.dedent(block) + "\n```")
        else:
            out.append(block)
    return "\n\n".join(out)


def _comment_markdown(comments: list[str]) -> str:
    """A block of # comments, with its === banner as a heading."""
    text = [line[2:] if line.startswith("# ") else line[1:] for line in comments]
    heading = ""
    if text and text[0].startswith("==="):
        heading = "## " + text.pop(0).strip("= ") + "\n\n"
    return heading + _as_markdown("\n".join(text))


# === The reference the check compares with, written here afresh ===============

def _ref_sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _ref_loss_from_z(z: float, y: float) -> float:
    t = -z if y == 1 else z                     # L = log(1 + e^t)
    return max(t, 0.0) + math.log1p(math.exp(-abs(t)))


def _ref_loss(a: float, y: float) -> float:
    if y == 1:                                  # 0.0 − log: −log(1) would be −0.0
        return 0.0 - math.log(a) if a > 0 else math.inf
    return 0.0 - math.log1p(-a) if a < 1 else math.inf


def _ref_penalized(J: float, dw: list[float], w: Sequence[float], l2: float,
                   m: int) -> tuple[float, list[float]]:
    return J + l2 / (2 * m) * sum(v * v for v in w), [d + l2 * v / m for d, v in zip(dw, w)]


def _ref_pass(w: Sequence[float], b: float, X: Rows, Y: Sequence[int], l2: float = 0.0,
              bug: str = "") -> tuple[float, list[float], float]:
    """(J, dw, db), written afresh; bug plants one of the common mistakes, for diagnosis."""
    m, n = len(X), len(w)
    J, dw, db = 0.0, [0.0] * n, 0.0
    for x, y in zip(X, Y):
        z = b + sum(w[j] * x[j] for j in range(n))
        a = _ref_sigmoid(z)
        dz = (a - y) * (a * (1 - a) if bug == "a(1 - a)" else 1.0) * (-1 if bug == "sign" else 1)
        J += _ref_loss(a, y) if bug == "rounded a" else _ref_loss_from_z(z, y)
        for j in range(n):
            dw[j] += (x[0] if bug == "x1" and j == 1 else x[j]) * dz
        db += dz
    J /= 1 if bug == "J no m" else m
    dw = [v / (1 if bug in ("no m", "dw no m") else m) for v in dw]
    db /= 1 if bug in ("no m", "db no m") else m
    J_l2, dw_l2 = _ref_penalized(J, dw, w, l2 * (2 if bug == "l2 over m" else 1), m)
    J = J if bug in ("no l2", "l2 dw only") else J_l2
    dw = dw if bug in ("no l2", "l2 J only") else [v - (l2 * wj / m if bug == "l2 over m" else 0.0)
                                                   for v, wj in zip(dw_l2, w)]
    return J, dw, db + (l2 * b / m if bug == "l2 on b" else 0.0)


def _ref_propagate(w: Sequence[float], b: float, X: Rows, Y: Sequence[int], *,
                   l2: float = 0.0) -> tuple[float, list[float], float]:
    return _ref_pass(list(w), float(b), [list(map(float, x)) for x in X], list(Y), l2)


def _ref_update(w: Sequence[float], b: float, dw: Sequence[float], db: float,
                learning_rate: float) -> tuple[list[float], float]:
    return [wj - learning_rate * dwj for wj, dwj in zip(w, dw)], b - learning_rate * db


def _ref_train(X: Rows, Y: list[int], alpha: float, iterations: int, tolerance: float = 0.0,
               w: list[float] | None = None, b: float = 0.0, l2: float = 0.0) -> Fit:
    """(w, b, costs) as train gives them: costs[k] is J after k steps."""
    w, costs = list(w or [0.0] * len(X[0])), []
    for step in range(iterations + 1):
        J, dw, db = _ref_propagate(w, b, X, Y, l2=l2)
        costs.append(J)
        if step == iterations or (step > 0 and 0.0 <= costs[-2] - J < tolerance):
            break
        w, b = _ref_update(w, b, dw, db, alpha)
    return w, b, costs


def _ref_predict_proba(w: Sequence[float], b: float, X: Rows) -> list[float]:
    return [_ref_sigmoid(b + sum(wj * xj for wj, xj in zip(w, x))) for x in X]


def door_helpers() -> dict[str, Callable[..., Any]]:
    """The door's checks, as plain conversions, and _penalized: what the lecture's functions
    call that is not the lesson.  The notebook takes them; the check hands them to each exercise."""
    def rows(X: Any, *_: Any, **__: Any) -> Rows:
        return [[float(v) for v in x] for x in X]
    return {"_real": lambda v, *_: float(v), "_number": lambda v, *_: float(v),
            "_count": lambda v, *_: int(v), "_label": lambda y, *_: int(y),
            "_labels": lambda Y, *_: [int(y) for y in Y], "_rows": rows,
            "_vector": lambda v, *_: [float(x) for x in v],
            "_examples": lambda X, Y, **_: (rows(X), [int(y) for y in Y]),
            "_check_finite": lambda *_: None, "_penalized": _ref_penalized,
            "_z": lambda w, b, x: b + sum(wj * xj for wj, xj in zip(w, x))}


# What each exercise may call, replaced by the reference while it is checked.
_PIECES: dict[str, Callable[..., Any]] = {"sigmoid": _ref_sigmoid, "loss": _ref_loss,
                                          "loss_from_z": _ref_loss_from_z}
STAND_INS: dict[str, dict[str, Callable[..., Any]]] = {
    "cost": {"propagate": _ref_propagate},
    "propagate_two_features": _PIECES,
    "propagate": _PIECES,
    "train": {**_PIECES, "cost": lambda w, b, X, Y, *, l2=0.0: _ref_propagate(w, b, X, Y, l2=l2)[0],
              "propagate": _ref_propagate, "update": _ref_update},
    "predict": {**_PIECES, "predict_proba": _ref_predict_proba},
}

# The check's data: n = 1, 2 and 3; m = 4 to 6, so that "m times too large"
# shows; x1 ≠ x2, so that "x1 for x2" shows; and |z| up to 760, where σ
# rounds to 0 or 1 and L computed from a rounded a is inf.
KIT_SETS: dict[str, tuple[list[float], float, Rows, list[int]]] = {
    "one": ([0.8], -0.1, [[0.5], [-1.5], [2.0], [0.1]], [1, 0, 0, 1]),
    "two": ([0.3, -0.7], 0.2, [[0.5, -1.2], [1.5, 0.3], [-0.7, 2.0], [2.2, -0.4], [-1.1, -0.9]],
            [1, 0, 1, 1, 0]),
    "two, far": ([2.0, -1.0], 0.3, [[20.0, -4.0], [-19.0, 2.0], [0.5, 1.0], [1.0, 0.2],
                                    [-0.3, -1.1]], [0, 1, 1, 0, 1]),
    "three, far": ([2.0, -1.0, 0.5], 0.3, [[20.0, -4.0, 3.0], [-19.0, 2.0, 0.0], [0.5, 1.0, -2.0],
                                           [380.0, 0.0, 0.0], [-0.3, -1.1, 2.5], [19.0, -2.0, 0.0]],
                   [0, 1, 1, 0, 1, 1]),
}
TRAIN_X, TRAIN_Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]


class Wrong(Exception):
    """An exercise's answer is wrong; the message says how, for the student."""


def _plain(v: Any) -> Any:
    """A student's value with its lists, tuples, dicts and numbers as they are, and a value of
    any other type (a numpy float, a float's subclass) as a _Foreign: the record keeps a value
    of another type only by its look, so its type is checked by that look, here and there."""
    if type(v) in (list, tuple):
        return type(v)(_plain(x) for x in v)
    if type(v) is dict:
        return {k: _plain(x) for k, x in v.items()}
    if v is None or type(v) in (bool, int, float, str) or isinstance(v, (_Foreign, _Look)):
        return v
    return _Foreign(v)


class _Foreign:
    """A value of a type the lecture never returns, by its look: its type's name and value."""

    def __init__(self, v: Any) -> None:
        try:
            inner = v.tolist() if hasattr(v, "tolist") else float(v)     # numpy's, or a number
            self.look = f"{type(v).__name__}({_look(_plain(inner))})"
        except Exception:
            self.look = f"{type(v).__name__}(...)"

    def __repr__(self) -> str:
        return self.look


_KINDS = {bool: "a bool", int: "an int", float: "a float", list: "a list", tuple: "a tuple",
          str: "a str", type(None): "None", dict: "a dict"}


def _demand(got: Any, kind: type, what: str) -> None:
    """Wrong unless got is of type kind itself, as the lecture's answer is: a bool is no int
    here, nor a numpy float a float, nor a list a tuple."""
    if type(got) is not kind:
        its = _KINDS.get(type(got))             # a foreign value's look names its type
        raise Wrong(f"{what} is {_said(got)}{', ' + its if its else ''}, where it should be "
                    f"{_KINDS[kind]}")


def _demand_all(got: Any, kind: type, what: str) -> None:
    """Wrong unless got is a list of values of type kind."""
    _demand(got, list, what)
    for v in got:
        _demand(v, kind, f"an item of {what}")


def _told_apart(got: Any, want: Any) -> tuple[str, str]:
    """got and want, their floats to the fewest digits (4 or more) at which the two differ."""
    pair = "", ""
    for digits in range(4, 18):
        pair = _digits(got, digits), _digits(want, digits)
        if pair[0] != pair[1]:
            break
    return pair


def _digits(v: Any, digits: int) -> str:
    if type(v) in (list, tuple):
        inner = ", ".join(_digits(x, digits) for x in v)
        return f"[{inner}]" if type(v) is list else f"({inner}{',' * (len(v) == 1)})"
    return f"{v:.{digits}g}" if type(v) is float else _said(v)


def _kit_numbers(v: Any) -> list[float]:
    return [x for g in v for x in _kit_numbers(g)] if isinstance(v, (list, tuple)) else [float(v)]


def _close(got: Any, want: Any, rel: float = 1e-11, scale: float = -1.0) -> bool:
    """got equals want to rel, each number to rel of the largest in want (its scale), an inf
    only an inf; never raises, whatever got is."""
    try:
        if isinstance(want, (list, tuple)):
            scale = max(map(abs, _kit_numbers(want)), default=0.0) if scale < 0 else scale
            return (isinstance(got, (list, tuple)) and len(got) == len(want)
                    and all(_close(g, v, rel, scale) for g, v in zip(got, want)))
        g, v = float(got), float(want)
        if isinstance(got, (str, bytes)) or math.isinf(v) or math.isinf(g):
            return g == v and not isinstance(got, (str, bytes))
        return abs(g - v) <= rel * max(abs(v), scale)
    except Exception:
        return False


def _said(v: Any) -> str:
    """A student's value, short, for a message; never raises."""
    try:
        text = _look(_plain(v))
    except Exception:
        text = f"a {type(v).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def _look(v: Any) -> str:
    """v with its floats to 6 digits (4 in a list or tuple), unless short already."""
    if isinstance(v, (list, tuple)):
        inner = ", ".join(f"{x:.4g}" if isinstance(x, float) and len(repr(x)) > 6 else _look(x) for x in v)
        return f"[{inner}]" if isinstance(v, list) else f"({inner}{',' * (len(v) == 1)})"
    return repr(v) if not isinstance(v, float) or len(repr(v)) < 12 else f"{v:.6g}"


def _unchanging(f: Callable[..., Any], name: str, parameters: str) -> Callable[..., Any]:
    """f, called with copies of its arguments (parameters, in order, naming the positional
    ones); Wrong if the call changes one, a row of a list included."""
    import copy

    def kept(*args: Any, **kwargs: Any) -> Any:
        given, given_kw = copy.deepcopy((list(args), kwargs))
        mine, mine_kw = copy.deepcopy((given, given_kw))
        value = f(*mine, **mine_kw)
        named = [*zip(parameters.split(), zip(given, mine)),
                 *((key, (given_kw[key], mine_kw[key])) for key in given_kw)]
        for parameter, (before, after) in named:
            if isinstance(before, list) and before != after:
                rows = len(before) == len(after) and any(
                    isinstance(r, list) and r != s for r, s in zip(before, after))
                raise Wrong(f"{name} changed {'a row of ' * rows}the {parameter} it was given: "
                            "leave the caller's lists as they are, and return new ones")
        return value
    return kept


def _run(f: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """f's answer, made plain, with whatever it prints kept off the screen."""
    return _printed(f, *args, **kwargs)[0]


class _Capped(io.StringIO):
    """A StringIO that keeps the first megabyte written to it: a print in a loop fills no memory."""

    def write(self, text: str) -> int:
        super().write(text[:max(0, 2 ** 20 - self.tell())])
        return len(text)


def _printed(f: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, str]:
    """(f's answer made plain, what it printed)."""
    import contextlib
    import warnings
    out = _Capped()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = f(*args, **kwargs)
    return _plain(value), out.getvalue()


def _shape(got: Any, size: int, what: str) -> Any:
    """got if it is a list or tuple of size items (any, if size is 0), else Wrong saying what it should be."""
    if not (isinstance(got, (tuple, list)) and (not size or len(got) == size)):
        raise Wrong(f"it should return {what}, not {_said(got)}")
    return got


# === Each exercise's check ======================================================

def _check_sigmoid(f: Callable[..., Any]) -> None:
    if _close(_run(f, 2.0), 1 - _ref_sigmoid(2.0)):
        raise Wrong("σ(z) has e^z where e^(−z) belongs: σ(2) should be about 0.881, "
                    f"not {_said(_run(f, 2.0))}")
    for z, other in ((1000.0, "z ≥ 0 use 1 / (1 + e^(−z))"), (-1000.0, "z < 0 use e^z / (1 + e^z)")):
        try:
            _run(f, z)
        except OverflowError:
            raise Wrong(f"sigmoid({z:g}) overflows in math.exp: for {other}, "
                        "whose exp is at most 1") from None
    low = _run(f, -40.0)
    if _close(low, 0.0, scale=1e-16) and not _close(low, _ref_sigmoid(-40.0), 1e-6):
        raise Wrong(f"sigmoid(-40) is {_said(low)} where it is 4.25e-18: σ(z) is not 0 till "
                    "z ≈ −745, and a cutoff, or 1 minus a number near 1 (1 − σ(−z), tanh), "
                    "loses it; for z < 0 use e^z / (1 + e^z)")
    for z in (0.0, 2.0, -3.5, 36.0, 40.0, -40.0, -700.0, -745.0, 1000.0, -1000.0):
        _demand(_run(f, z), float, f"sigmoid({z:g})")
        if not _close(_run(f, z), _ref_sigmoid(z), 1e-12, sys.float_info.min / 1e-12):
            raise Wrong(f"sigmoid({z:g}) is {_said(_run(f, z))}, but 1 / (1 + e^(−z)) is "
                        f"{_ref_sigmoid(z)!r}")


def _check_loss(f: Callable[..., Any]) -> None:
    for a, y in ((1.0, 1), (0.0, 0)):
        try:
            _run(f, a, y)
        except ValueError:
            raise Wrong(f"loss({a}, {y}) raises a math domain error: take only the term "
                        "that is there, since the other is log(0)") from None
    if _close(_run(f, 0.9, 1), -math.log(0.1)):
        raise Wrong("the two terms are swapped: y = 1 takes −log(a), and y = 0 takes "
                    "−log(1 − a)")
    if _close(_run(f, 0.9, 1), math.log(0.9)):
        raise Wrong("the loss is negative: L = −(y·log(a) + (1 − y)·log(1 − a))")
    if _close(_run(f, 0.9, 1), -math.log10(0.9)):
        raise Wrong("the loss takes log base 10: math.log(a) is the natural log, ln a")
    if _close(_run(f, 1e-20, 0), _run(f, 0.0, 0)) and not _close(_run(f, 1.0, 0), math.inf):
        raise Wrong(f"loss(1e-20, 0) is {_said(_run(f, 1e-20, 0))}, as is loss(0, 0), where it "
                    "is 1e-20: is a clipped? keep a as it is, and loss(1.0, 0) is inf")
    if not _close(_run(f, 1e-20, 0), 1e-20):
        raise Wrong(f"loss(1e-20, 0) is {_said(_run(f, 1e-20, 0))} where it is 1e-20: 1 − a "
                    "rounds to 1 for a tiny a, so use −math.log1p(−a)")
    for a, y in ((0.9, 1), (0.9, 0), (0.25, 1), (1e-300, 1), (1e-310, 1), (1 - 2 ** -53, 0),
                 (1.0, 1), (0.0, 0)):
        want, got = _ref_loss(a, y), _run(f, a, y)
        _demand(got, float, f"loss({a:g}, {y})")
        if not _close(got, want, 1e-12):
            raise Wrong(f"loss({a:g}, {y}) is {_said(got)}, not {want!r}")
    if _run(f, 0.0, 1) != math.inf or _run(f, 1.0, 0) != math.inf:
        raise Wrong("a sure and wrong answer costs inf: loss(0.0, 1) and loss(1.0, 0)")


def _check_cost(f: Callable[..., Any]) -> None:
    for key, l2 in (("two", 0.0), ("three, far", 0.0), ("one", 1.5), ("three, far", 0.7)):
        w, b, X, Y = KIT_SETS[key]
        got, want = _run(f, w, b, X, Y, l2=l2), _ref_pass(w, b, X, Y, l2)[0]
        if isinstance(got, (tuple, list)):
            raise Wrong(f"cost returns {_said(got)} where J is one number: "
                        "propagate's first result, propagate(...)[0]")
        _demand(got, float, "cost's J")
        if _close(got, len(X) * want):
            raise Wrong("J is the sum of the losses, not their mean: divide by m")
        if l2 and _close(got, _ref_pass(w, b, X, Y)[0]):
            raise Wrong("cost ignores l2: pass it on, as propagate(w, b, X, Y, l2=l2)")
        if _close(got, _ref_pass(w, b, X, Y, l2, "rounded a")[0]) and not _close(got, want):
            raise Wrong(dict(PASS_MISTAKES)["rounded a"])
        if not _close(got, want):
            shown = _told_apart(got, want)
            raise Wrong(f"J is {shown[0]} where it should be {shown[1]}"
                        + (f" (with l2 = {l2:g})" if l2 else ""))


# Planted mistakes of the two passes: the reference with each, and the sentence for it.
PASS_MISTAKES = [
    ("J no m", "J is m times too large: J is the mean of the losses, so divide by m"),
    ("no m", "dw and db are m times too large: did you forget to divide them by m?"),
    ("dw no m", "dw is m times too large: did you forget to divide it by m?"),
    ("db no m", "db is m times too large: did you forget to divide it by m?"),
    ("a(1 - a)", "dz has an extra factor a(1 − a): through the cross-entropy, dL/dz is simply a − y"),
    ("x1", "dw2 is computed from x1: it is the mean of x2·dz"),
    ("sign", "the gradient has the wrong sign: dz is a − y, not y − a"),
    ("rounded a", "J is inf where an example's z is 40 or more and its y is 0: loss(sigmoid(z), y) "
                  "takes a rounded to 1, and log(1 − a) is of 0; use loss_from_z(z, y)"),
    ("no l2", "with l2 > 0, J and dw miss the penalty: add it with "
              "J, dw = _penalized(J, dw, w, l2, m)"),
    ("l2 J only", "with l2 > 0, J has the penalty but dw misses its part, l2·wj/m"),
    ("l2 dw only", "with l2 > 0, dw has the penalty's part but J misses l2/(2m)·Σ wj²"),
    ("l2 over m", "with l2 > 0, J's penalty is twice too large: it is l2/(2m)·Σ wj²"),
    ("l2 on b", "with l2 > 0, db has a penalty too: b goes free, so db is the mean of dz alone"),
]


def _diagnose_pass(got: tuple[Any, ...], key: str, l2: float, otherwise: str = "") -> None:
    """Raise Wrong with the mistake that explains got, if got is not the reference's."""
    w, b, X, Y = KIT_SETS[key]
    want = _flat(_ref_pass(w, b, X, Y, l2))
    if _close(got, want):
        return
    for bug, sentence in PASS_MISTAKES:
        if _close(got, _flat(_ref_pass(w, b, X, Y, l2, bug))):
            raise Wrong(sentence)
    if otherwise:
        raise Wrong(otherwise)
    if not _close(got[0], want[0]):
        shown = _told_apart(got[0], want[0])
        raise Wrong(f"J is {shown[0]} where it should be {shown[1]}" + _where(key, l2))
    shown = _told_apart(tuple(got[1:]), tuple(want[1:]))
    raise Wrong(f"the gradient (dw, db) is {shown[0]} where it is {shown[1]}" + _where(key, l2))


def _where(key: str, l2: float) -> str:
    """Which of the check's data sets, in words."""
    w, b, X, _ = KIT_SETS[key]
    top = max(abs(b + sum(wj * xj for wj, xj in zip(w, x))) for x in X)
    return (f" (on the check's data: {len(w)} feature{'s' * (len(w) > 1)}, |z| up to {top:.3g}"
            + (f", l2 = {l2:g})" if l2 else ")"))


def _flat(p: Any) -> tuple[Any, ...]:
    return (p[0], *p[1], p[2])


def _check_two_features(f: Callable[..., Any]) -> None:
    for key in ("two", "two, far"):
        w, b, X, Y = KIT_SETS[key]
        got = _shape(_far(key, f, *w, b, X, Y), 4, "four numbers: J, dw1, dw2, db")
        _demand(got, tuple, "its answer")
        for part, v in zip(("J", "dw1", "dw2", "db"), got):
            _demand(v, float, f"its {part}")
        _diagnose_pass(tuple(got), key, 0.0)


def _far(key: str, f: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """f's answer; on the far data a math domain error is told as the rounded a it comes from."""
    try:
        return _run(f, *args, **kwargs)
    except (ValueError, ZeroDivisionError) as e:
        if "far" not in key or "math domain" not in _said_of(e) and not isinstance(e, ZeroDivisionError):
            raise
        raise Wrong(f"where an example's z is 40 or more, it raises {type(e).__name__}: {_said_of(e)}: "
                    "σ(z) rounds to 1 there, so 1 − a is 0; take L from loss_from_z(z, y), "
                    "and dz as a − y") from None


def _check_propagate(f: Callable[..., Any]) -> None:
    for key, l2 in (("two", 0.0), ("one", 0.0), ("two, far", 0.0), ("three, far", 0.0),
                    ("three, far", 2.0), ("two", 0.5)):
        w, b, X, Y = KIT_SETS[key]
        n = f"{len(w)} feature" + "s" * (len(w) > 1)
        hard = f"it is right with 2 features but not with {n}: loop over j in range(len(w))"
        try:
            got = _shape(_far(key, f, w, b, X, Y, l2=l2), 3, "J, the list dw, and db")
            _shape(got[1], len(w), f"dw as a list of {n}")
        except (Wrong, IndexError, ValueError, TypeError) as e:
            if len(w) == 2:
                raise
            raise Wrong(hard.replace(": loop", f" ({_fault(e)}): loop")) from None
        for v, kind, what in ((got, tuple, "its answer"), (got[0], float, "its J"), (got[2], float, "its db")):
            _demand(v, kind, what)
        _demand_all(got[1], float, "its dw")
        _diagnose_pass(_flat(got), key, l2, hard if len(w) != 2 and not l2 else "")


def _fault(e: BaseException) -> str:
    """What went wrong, in a few words: what it returned, or what it raised."""
    if isinstance(e, Wrong):
        return "returning " + str(e).rsplit(", not ", 1)[-1]
    return f"raising {type(e).__name__}: {e}"


def _check_update(f: Callable[..., Any]) -> None:
    w: list[float] = [1.0, 2.0]
    dw = [0.5, -1.0]
    got = _shape(_run(f, w, 0.5, dw, 0.25, learning_rate=0.1), 2, "the new w and b")
    _demand(got, tuple, "its answer")
    new_w, new_b = got
    _demand_all(new_w, float, "its new w")
    _demand(new_b, float, "its new b")
    if _close([new_w, new_b], [[1.05, 1.9], 0.525]):
        raise Wrong("the step goes uphill, w + α·dw, so J climbs: step against the "
                    "gradient, w − α·dw")
    if _close([new_w, new_b], [[0.5, 3.0], 0.25]):
        raise Wrong("the step leaves out the learning rate: it is α·dw, not dw")
    if not _close([new_w, new_b], [[0.95, 2.1], 0.475]):
        raise Wrong(f"update([1, 2], 0.5, [0.5, -1], 0.25, 0.1) gives {_said(new_w)}, "
                    f"{_said(new_b)}, not [0.95, 2.1], 0.475")
    for w in ([0.8], [2.0, -1.0, 0.5]):
        dw = [0.1 * (j + 1) for j in range(len(w))]
        if not _close(_run(f, w, -0.3, dw, 0.2, learning_rate=0.5), _ref_update(w, -0.3, dw, 0.2, 0.5)):
            raise Wrong(f"with {len(w)} weights it is wrong, though right with 2: step each wj")
    w, dw = [0.8123456789, -1.2345678912], [0.2718281828, -0.5772156649]
    got, want = _run(f, w, 0.3141592653, dw, 0.1414213562, learning_rate=0.0123), \
        _ref_update(w, 0.3141592653, dw, 0.1414213562, 0.0123)
    if not _close(got, want):
        raise Wrong(f"update(w, b, dw, db, 0.0123) gives {_said(got)}, not {want!r}"
                    + ": is it rounded?" * _close(got, want, 1e-4))


def _check_train(f: Callable[..., Any]) -> None:
    X, Y = TRAIN_X, TRAIN_Y
    w, b, costs = _train_result(f, dict(learning_rate=1.0, iterations=300))
    if len(costs) == 300:
        raise Wrong("costs should hold the start's J and one per step: 301 for 300 steps")
    _against(f, "", dict(learning_rate=1.0, iterations=300))
    got = _train_result(f, dict(learning_rate=0.5, iterations=3, w=[0.5], b=-0.4))
    if _close(got[2][:1], [math.log(2)]):
        raise Wrong("train ignores the w and b it is given: start from them, and from zeros "
                    "only when w is None")
    _against(f, " from w = [0.5], b = -0.4", dict(learning_rate=0.5, iterations=3, w=[0.5], b=-0.4))
    _check_printing(f)
    _against(f, " with tolerance 0.05, where J rises at some steps",
             dict(learning_rate=12.0, iterations=40, tolerance=0.05, b=0.5))
    _against(f, " with tolerance 1e-6", dict(learning_rate=1.0, iterations=2000, tolerance=1e-6),
             "tolerance should stop it after the first step that lowers J by less")
    _against(f, " with tolerance 0.001, where the first step leaves J as it was",
             dict(learning_rate=1.0, iterations=100, tolerance=1e-3), "",
             [[1.0], [1.0], [-1.0], [-1.0]], [0, 1, 0, 1])
    _against(f, " with tolerance 0.1, where J soon falls below it",
             dict(learning_rate=10.0, iterations=50, tolerance=0.1), "", [[1.0], [-1.0]], [1, 0])
    _against(f, " with l2 = 1", dict(learning_rate=1.0, iterations=50, l2=1.0),
             "train ignores l2: pass it on, as propagate(w, b, X, Y, l2=l2)")
    w2, b2, X2, Y2 = KIT_SETS["two"]
    _against(f, " on two features", dict(learning_rate=0.5, iterations=20, w=w2, b=b2), "", X2, Y2)


def _train_result(f: Callable[..., Any], options: dict[str, Any], X: Rows = TRAIN_X,
                  Y: list[int] = TRAIN_Y) -> tuple[Any, Any, list[Any]]:
    got = _shape(_run(f, X, Y, **options), 3, "w, b and costs")
    if isinstance(got[0], (list, tuple)) and len(got[0]) > len(X[0]):
        raise Wrong(f"train returns {len(got[0])} numbers first, as costs would be: return "
                    "w, b, costs, in that order")
    _shape(got[0], len(X[0]), f"w, b and costs, w a list of {len(X[0])}")
    costs = _shape(got[2], 0, "w, b and costs, costs a list")
    if not all(isinstance(J, (int, float)) and not isinstance(J, bool) for J in costs):
        raise Wrong(f"costs should hold numbers, J after each step, not {_said(costs)}")
    _demand(got, tuple, "its answer")
    _demand_all(got[0], float, "its w")
    _demand(got[1], float, "its b")
    _demand_all(costs, float, "its costs")
    return got[0], got[1], costs


def _against(f: Callable[..., Any], how: str, options: dict[str, Any], sentence: str = "",
             X: Rows = TRAIN_X, Y: list[int] = TRAIN_Y) -> None:
    """Wrong (sentence, or what differs) unless train gives the reference's w, b and costs."""
    ref = {"tolerance": 0.0, "w": None, "b": 0.0, "l2": 0.0, **options}
    w, b, costs = _ref_train(X, Y, ref.pop("learning_rate"), ref.pop("iterations"), **ref)
    got_w, got_b, got_costs = _train_result(f, options, X, Y)
    if len(got_costs) != len(costs):
        raise Wrong(_stopped(got_costs, costs, ref["tolerance"], how) or sentence or
                    f"costs hold {len(got_costs)} values{how}, where they should hold {len(costs)}")
    if not _close(got_costs, costs, 1e-8):
        shown = _told_apart(got_costs, costs)
        raise Wrong(sentence or f"after {len(costs) - 1} steps{how}, costs are {shown[0]}, "
                    f"where they should be {shown[1]}")
    if not _close([got_w, got_b], [w, b], 1e-8):
        shown = _told_apart([got_w, got_b], [w, b])
        raise Wrong(sentence or f"after {len(costs) - 1} steps{how}, [w, b] is {shown[0]}, "
                    f"where it should be {shown[1]}")


def _stopped(got: list[float], costs: list[float], tolerance: float, how: str) -> str:
    """Why train stopped where it did, when that is not where it should: "" if unclear."""
    if not _close(got[:len(costs)], costs[:len(got)], 1e-8):
        return ""                               # its steps differ, not only its stop
    k = min(len(got), len(costs)) - 1           # the step where one of them stopped
    fall = got[k - 1] - got[k] if k > 0 else 0.0
    how = f"{how.strip()}, " if how else ""
    if len(got) < len(costs) and fall < 0.0:
        return (f"{how}train stopped after step {k}, which raised J: a rise is no convergence; "
                "stop only after a step that lowers J by less than tolerance (0 ≤ fall < tolerance)")
    if len(got) < len(costs) and fall == tolerance and all(      # the first such step: <=
            got[i - 1] - got[i] != tolerance for i in range(1, k)):
        return (f"{how}train stopped after step {k}, where J fell by {fall:g}, exactly the "
                "tolerance: stop only when it falls by less (fall < tolerance)")
    if len(got) < len(costs) and tolerance == 0.0:
        return (f"{how}train stopped after step {k}, where it should take all "
                f"{len(costs) - 1}: with tolerance 0 only iterations stops it")
    if len(got) < len(costs):
        return (f"{how}train stopped after step {k}, where J fell by {fall:.3g}, not less "
                f"than the tolerance, {tolerance:g}: test the fall, costs[-2] − J")
    if 0.0 <= fall < tolerance:
        return (f"{how}train went on after step {k}, where J fell by {fall:.3g}, less than the "
                f"tolerance, {tolerance:g}: stop there, a fall of 0 included (0 ≤ fall < tolerance)")
    return ""


def _check_printing(f: Callable[..., Any]) -> None:
    _, quiet = _printed(f, TRAIN_X, TRAIN_Y, learning_rate=1.0, iterations=5)
    if quiet.strip():
        raise Wrong("train prints with print_every = 0, which means never print")
    _, text = _printed(f, TRAIN_X, TRAIN_Y, learning_rate=1.0, iterations=5, print_every=2)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise Wrong("train prints nothing with print_every = 2: print J at steps 0, 2 and 4 of 5")
    if len(lines) == 6:
        raise Wrong("train prints J at every step: with print_every = 2, only at steps 0, 2 and 4")
    import re
    steps = [re.findall(r"(?<![\d.])\d+(?![\d.])", line) for line in lines]     # whole numbers
    if len(lines) != 3 or not all(str(k) in found for k, found in zip((0, 2, 4), steps)):
        raise Wrong(f"with print_every = 2 and 5 steps, train should print 3 lines, for steps "
                    f"0, 2 and 4, each with its step; it printed {len(lines)}: {_said(lines[0])}...")
    costs = _ref_train(TRAIN_X, TRAIN_Y, 1.0, 5)[2]
    for k, line in zip((0, 2, 4), lines):
        if not _shows(line, costs[k]):
            raise Wrong(f"with print_every = 2, each line should show its step and J, as "
                        f"the lecture's 'cost after {k} steps: {costs[k]:.6g}'; one is {_said(line)}")


def _shows(line: str, J: float) -> bool:
    """Does line show J, as a number with a point or an exponent, right to its last digit?"""
    import re
    for text in re.findall(r"[-+]?(?:\d+\.\d*|\.\d+|\d+(?=[eE]))(?:[eE][-+]?\d+)?", line):
        decimals = len(text.split(".")[1].lower().split("e")[0]) if "." in text else 0
        exponent = int(text.lower().split("e")[1]) if "e" in text.lower() else 0
        if abs(float(text) - J) <= max(0.5 * 10.0 ** (exponent - decimals), 1e-9 * abs(J)):
            return True
    return False


def _check_predict(f: Callable[..., Any]) -> None:
    X = [[-3.0], [0.0], [3.0]]
    got = _run(f, [1.0], 0.0, X)
    if isinstance(got, (list, tuple)) and len(got) == 1 and isinstance(got[0], (list, tuple)):
        raise Wrong(f"predict returns {_said(got)}, a list in a list: return one flat list of 0s and 1s")
    if _close(got, [0, 1, 1]):
        raise Wrong("at a = 0.5 exactly, predict says 1: an example is 1 only if a is "
                    "above the threshold")
    if not _close(got, [0, 0, 1]):
        raise Wrong(f"predict([1.0], 0.0, [[-3], [0], [3]]) gives {_said(got)}, not [0, 0, 1]")
    _demand_all(got, int, "its answer")       # 0 and 1, not False and True
    if not _close(_run(f, [1.0], 0.0, X, threshold=0.96), [0, 0, 0]):
        raise Wrong("predict ignores its threshold: σ(3) ≈ 0.953 is not above 0.96")
    for key in ("two", "three, far"):
        w, b, X, _ = KIT_SETS[key]
        want = [1 if a > 0.5 else 0 for a in _ref_predict_proba(w, b, X)]
        if not _close(_run(f, w, b, X), want):
            raise Wrong(f"with {len(w)} features predict gives {_said(_run(f, w, b, X))}, not {want}")


def _kept(check: Callable[[Callable[..., Any]], None], name: str, parameters: str
          ) -> Callable[[Callable[..., Any]], None]:
    """check, each of its calls made with copies of the arguments, that must stay unchanged."""
    return lambda f: check(_unchanging(f, name, parameters))


CHECKS: dict[str, Callable[[Callable[..., Any]], None]] = {
    "sigmoid": _kept(_check_sigmoid, "sigmoid", "z"), "loss": _kept(_check_loss, "loss", "a y"),
    "cost": _kept(_check_cost, "cost", "w b X Y"),
    "propagate_two_features": _kept(_check_two_features, "propagate_two_features", "w1 w2 b X Y"),
    "propagate": _kept(_check_propagate, "propagate", "w b X Y"),
    "update": _kept(_check_update, "update", "w b dw db learning_rate"),
    "train": _kept(_check_train, "train", "X Y"),
    "predict": _kept(_check_predict, "predict", "w b X threshold")}


# === Grading one exercise, in this process ========================================

def grade(name: str, function: Any, where: Callable[[int], str] = "line {}".format,
          path: str = "") -> tuple[str, str]:
    """(verdict, detail) for one exercise: passed, not done yet, or failed and why.  It never
    raises on a student's code, which runs with the reference in place of what else it calls."""
    if not callable(function):
        return "failed", f"there is no function {name}" + (" here: run its cell" if not path else
            f": define it in a code cell, with def {name}(...)"
            if path.lower().endswith(".ipynb") else "")
    try:
        f, globs = _with_stand_ins(name, function)
        CHECKS[name](f)
        failure = function.doctest if isinstance(function, _Replay) else _doctests(name, f, globs)
        return ("failed", failure) if failure else ("passed", "")
    except NotImplementedError:
        return "not done yet", ""
    except Wrong as e:
        return "failed", str(e)
    except SystemExit as e:
        return "failed", f"it raises SystemExit({e.code!r}), as sys.exit does: a function returns its answer"
    except KeyboardInterrupt:
        raise
    except BaseException as e:              # the student's code raised: say where
        return "failed", _raised(e, path, where)


def _with_stand_ins(name: str, function: Any, watch: list[Any] | None = None
                    ) -> tuple[Any, dict[str, Any]]:
    """A copy of function whose globals hold the references in place of what it calls (each
    call to one added to watch, if given)."""
    import types
    if not isinstance(function, types.FunctionType):
        return function, {name: function}
    stand_ins = {**door_helpers(), **STAND_INS.get(name, {})}
    if watch is not None:
        stand_ins = {key: _watched(key, g, watch, name) for key, g in stand_ins.items()}
    globs = {**function.__globals__, **stand_ins}
    f = types.FunctionType(function.__code__, globs, function.__name__, function.__defaults__,
                           function.__closure__)
    f.__kwdefaults__, f.__doc__ = function.__kwdefaults__, function.__doc__
    globs[name] = f
    return f, globs


def _doctests(name: str, f: Any, globs: dict[str, Any], doc: str | None = None) -> str:
    """A failed docstring example, what was expected and what came; "" if none fails.

    The examples are doc's, if given (the docstring as written in the file), else f's."""
    import contextlib
    import doctest
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)

    def hushed(*args: Any, **kwargs: Any) -> Any:     # a debug print is no wrong answer
        with contextlib.redirect_stdout(_Capped()):
            return f(*args, **kwargs)
    globs = {**globs, name: hushed}
    tests = doctest.DocTestFinder(recurse=False).find(f, name, globs=globs) if doc is None else \
        [doctest.DocTestParser().get_doctest(doc, globs, name, None, 0)]
    for test in tests:
        out = _Capped()
        with contextlib.redirect_stdout(_Capped()):
            failed = runner.run(test, out=out.write).failed
        if failed:
            return _doctest_failure(out.getvalue())
    return ""


def _raised(e: BaseException, path: str, where: Callable[[int], str], first: bool = False) -> str:
    """What the student's code raised, and on which line of their file (the last, or first)."""
    at = getattr(e, "kit_where", None)          # as the child saw it, for a replayed raise
    at = _where_raised(e, path, where, first) if at is None else at
    try:
        said = str(e)
    except Exception:
        said = "?"
    return f"raised {type(e).__name__}{at}" + (f": {said}" if said else "") + (
        "; the check gives no input: take what it needs as arguments" if isinstance(e, EOFError) else "")


def _where_raised(e: BaseException, path: str, where: Callable[[int], str], first: bool = False) -> str:
    """" at line k" of the student's file where e was raised (the last such line, or first), or ""."""
    import traceback
    try:
        frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == path and f.lineno]
    except Exception:
        frames = []
    return f" at {where(frames[0 if first else -1].lineno or 0)}" if frames else ""


def _doctest_failure(report: str) -> str:
    """A failed docstring example, what was expected and what came, from doctest's report."""
    parts: dict[str, list[str]] = {}
    heading = ""
    for line in report.strip("*\n").split("\n*****")[0].splitlines():     # the first failure
        if line.endswith(":") and not line.startswith(" "):
            heading = line[:-1]
        elif line.startswith("    ") and heading:
            parts.setdefault(heading, []).append(line.strip())
    example = " ".join(parts.get("Failed example", ["?"]))
    got = " / ".join(parts.get("Got", parts.get("Exception raised", ["nothing"]))[-3:])
    return f"its docstring example {example} gives {got}, not {' / '.join(parts.get('Expected', ['nothing']))}"


def check_here(name: str, namespace: dict[str, Any], seconds: float = 60.0) -> None:
    """Print the check's line for one exercise, as defined in namespace (a notebook's globals()),
    stopped after `seconds` on the clock where signals allow it (not Windows or JupyterLite)."""
    if name not in CHECKS:
        verdict, detail = "failed", f"{name!r} is not an exercise; they are {', '.join(EXERCISES)}"
    else:
        try:
            with _alarm(seconds):
                verdict, detail = grade(name, namespace.get(name))
        except _TimeUp:
            verdict, detail = "failed", (f"it took over {seconds:g} s on the clock: is it waiting, "
                                         "or in a loop that never ends?")
        except KeyboardInterrupt:
            verdict, detail = "failed", "the check was interrupted before it was done"
    print(report_line(name, verdict, detail))


class _TimeUp(KeyboardInterrupt):
    """The notebook check's clock ran out (a KeyboardInterrupt, which grade lets through)."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise _TimeUp after seconds on the clock, in the main thread of a system with timers."""
    import signal
    import threading
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(number: int, frame: Any) -> None:
        raise _TimeUp
    before = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def check_exercise(name: str, path: str) -> tuple[str, str]:
    """(verdict, detail) for one exercise of the file at path, graded in this process with no
    limits, for scripts and tests that trust the file; --check runs a student's apart."""
    path = os.path.abspath(path)
    code, where, _ = student_source(path)
    try:
        module = load_student(code, path)
    except BaseException as e:
        return "failed", _import_failure(e, path, where)
    return grade(name, getattr(module, name, None), where, path)


def report_line(name: str, verdict: str, detail: str) -> str:
    """The check's line for one exercise; a detail too long for 80 columns goes under it."""
    line = f"{name:23} {verdict}{': ' + detail if detail else ''}"
    if len(line) <= 79:
        return line
    return "\n".join([f"{name:23} {verdict}:", *textwrap.wrap(
        detail, 79, initial_indent="    ", subsequent_indent="    ",
        break_long_words=False, break_on_hyphens=False)])


# === What the child saw, replayed ====================================================
#
# The child runs each check against the student's function and records every
# call: what was asked, and what came back, was printed or was raised.  The
# parent then runs the same check against that record, and asks the reference
# functions that stood in for what it called the questions they were asked
# there.  So a verdict is made where no student code has run: code that
# changes the check in the child only makes its record disagree.

def _encode(v: Any, depth: int = 0) -> Any:
    """v as JSON: tuples marked, numbers and strings as they are, anything else by its look."""
    if depth > 20 and isinstance(v, (tuple, list, dict)):
        return {"o": "a list of lists over 20 deep"}      # no answer is, and json would choke
    if isinstance(v, tuple):
        return {"t": [_encode(x, depth + 1) for x in v]}
    if isinstance(v, list):
        return [_encode(x, depth + 1) for x in v]
    if isinstance(v, dict):
        return {"d": [[str(k), _encode(x, depth + 1)] for k, x in v.items()]}
    return v if v is None or isinstance(v, (bool, int, float, str)) else {"o": _said(v)}


def _decode(v: Any) -> Any:
    if isinstance(v, list):
        return [_decode(x) for x in v]
    if isinstance(v, dict):
        if "t" in v:
            return tuple(_decode(x) for x in v["t"])
        return {k: _decode(x) for k, x in v["d"]} if "d" in v else _Look(v.get("o", "?"))
    return v


class _Look:
    """A value the record holds only by its look (an object that is not a number or a list)."""

    def __init__(self, look: str) -> None:
        self.look = look

    def __repr__(self) -> str:
        return self.look


def _recorder(f: Callable[..., Any], calls: list[Any], path: str,
              where: Callable[[int], str]) -> Callable[..., Any]:
    """f, each call recorded in calls: [asked, answer, printed, the list arguments after]."""
    def recorded(*args: Any, **kwargs: Any) -> Any:
        asked = _encode([list(args), kwargs])
        try:
            value, printed = _printed(f, *args, **kwargs)
        except BaseException as e:
            code = _encode(e.code) if isinstance(e, SystemExit) else None
            calls.append([asked, {"raised": type(e).__name__, "said": _said_of(e), "code": code,
                                  "at": _where_raised(e, path, where)}, "", None])
            raise
        calls.append([asked, {"value": _encode(value)}, printed,
                      [_encode(a) for a in (*args, *kwargs.values())]])
        print(printed, end="")
        return value
    return recorded


def _said_of(e: BaseException) -> str:
    try:
        return str(e)
    except Exception:
        return "?"


class _Replay:
    """A student's function as the child recorded it: each answer given again, in order."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.calls, self.__doc__ = list(record.get("calls", [])), record.get("doc")
        self.doctest = str(record.get("doctest", ""))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not self.calls or self.calls[0][0] != _encode([list(args), kwargs]):
            raise Wrong("its answers in the check's process do not match what the check asked "
                        "there: does the file change the check?")
        _, answer, printed, after = self.calls.pop(0)
        print(printed, end="")
        for arg, new in zip((*args, *kwargs.values()), after or []):
            if isinstance(arg, list) and new != _encode(arg):
                arg[:] = _decode(new)           # it changed a list it was given
        if "raised" in answer:
            raise _rebuilt(answer)
        return _decode(answer["value"])


def _rebuilt(answer: dict[str, Any]) -> BaseException:
    """The exception the child saw, of a built-in type where it was one, with its line."""
    import builtins
    kind = getattr(builtins, str(answer["raised"]), None)
    if not (isinstance(kind, type) and issubclass(kind, BaseException)) or kind is KeyboardInterrupt:
        kind = type(str(answer["raised"]), (Exception,), {})
    try:
        e = kind(_decode(answer["code"])) if kind is SystemExit else kind(answer["said"])
    except Exception:
        e = type(str(answer["raised"]), (Exception,), {})(answer["said"])
    setattr(e, "kit_where", str(answer.get("at", "")))
    return e


def _child_record(name: str, function: Any, path: str, where: Callable[[int], str],
                  code: str | bytes) -> dict[str, Any]:
    """In the child: one exercise's check run against the function, recorded, with the
    answers the references it calls gave."""
    if not callable(function):
        return {"missing": True}
    calls: list[Any] = []
    stand_ins: list[Any] = []
    f, globs = _with_stand_ins(name, function, stand_ins)
    doc = _written_docstring(code, name)        # as audited, not as it may be now
    _CHECKING[0] = name
    record = {"calls": calls, "doc": doc, "doctest": "", "stand_ins": stand_ins}
    try:
        CHECKS[name](_recorder(f, calls, path, where))
        record["doctest"] = _doctests(name, f, globs, doc or "")
    except BaseException:                       # the parent finds it in the record
        pass
    _CHECKING[0] = ""                           # and the references answer no later exercise
    return record


def _written_docstring(code: str | bytes, name: str) -> str | None:
    """The docstring of the file's last top-level def of name, as written there."""
    defs = [node for node in ast.parse(code).body if isinstance(node, ast.FunctionDef) and node.name == name]
    return ast.get_docstring(defs[-1], clean=False) if defs else None


def grade_record(name: str, record: dict[str, Any], path: str) -> tuple[str, str]:
    """The parent's verdict on one exercise, from the child's record."""
    if not (record.get("missing") or _stand_ins_kept(name, record.get("stand_ins", []))):
        return "failed", ("the reference functions it calls answered otherwise in the check's "
                          "process: does the file change the check?")
    return grade(name, None if record.get("missing") else _Replay(record), path=path)


_CHECKING = [""]        # in the child, the exercise whose check runs now


def _watched(key: str, g: Callable[..., Any], watch: list[Any], name: str) -> Callable[..., Any]:
    """g, each call's question and answer added to watch, for the parent to ask again; it
    answers only while exercise name's check runs, so a file cannot keep it for the next."""
    def watched(*args: Any, **kwargs: Any) -> Any:
        if _CHECKING[0] != name:
            raise RuntimeError(f"this {key} is the one {name}'s check lent, for that check only")
        asked = _encode(_plain([list(args), kwargs]))
        value = g(*args, **kwargs)
        watch.append([key, asked, _encode(_plain(value))])
        return value
    return watched


def _stand_ins_kept(name: str, watched: list[Any]) -> bool:
    """Did the references answer each call in the child as they do here?  A call with a value
    the record holds only by its look cannot be asked again, and is let be."""
    import json
    honest = {**door_helpers(), **STAND_INS.get(name, {})}
    for key, asked, answer in watched:
        if "\"o\":" in json.dumps(asked):
            continue
        try:
            args, kwargs = _decode(asked)
            again = _encode(_plain(honest[key](*args, **kwargs)))
        except Exception:
            return False
        if json.dumps(again) != json.dumps(answer):
            return False
    return True


# === The student's file: a .py, or a notebook's exercise cells ======================

NOTEBOOK_HEAD = ("from __future__ import annotations\nimport math\nimport warnings\n"
                 "from collections.abc import Sequence\nfrom typing import Any\n"
                 "Vector = Sequence[float]\nMatrix = Sequence[Sequence[float]]\nLabels = Sequence[float]\n")


def student_source(path: str) -> tuple[str | bytes, Callable[[int], str], list[str] | None]:
    """(the code to grade, how to name its line k, the exercises handed out if it says).

    A notebook gives the code cells that define its functions (the last, if several define one),
    and those that only import, assign or define, in the notebook's order."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise KitError(f"cannot read it: {e.strerror or e}") from None
    if not path.lower().endswith(".ipynb"):
        text = data.decode("utf-8", "replace")
        return data, "line {}".format, _handed_out(text)
    import json
    import re
    try:
        cells = json.loads(data.decode("utf-8-sig"))["cells"]
        sources = ["" if c["cell_type"] != "code" else c["source"] if isinstance(c["source"], str)
                   else "".join(c["source"]) for c in cells]
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise KitError("it is not a notebook (nbformat 4 JSON)") from None
    chosen: dict[str, int] = {}                 # each function's last defining cell
    for k, source in enumerate(sources):
        for name in re.findall(r"^def (\w+)\s*\(", source, re.M):
            chosen[name] = k
    kept = set(chosen.values()) | {k for k, source in enumerate(sources) if _defines_only(source)}
    text, starts = NOTEBOOK_HEAD, []
    for k in sorted(kept):
        starts.append((text.count("\n") + 1, k))
        text += sources[k].rstrip("\n") + "\n"
    return text, functools.partial(_cell_line, starts), _handed_out("\n".join(sources))


def _defines_only(source: str) -> bool:
    """Does a notebook cell only import, assign or define, as a cell of constants or helpers
    does?  A cell that calls (an experiment, the setup, a check) is not the student's code."""
    try:
        body = ast.parse(source).body
    except SyntaxError:                         # a magic such as %matplotlib, say
        return False
    return bool(body) and all(isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign,
                                                ast.FunctionDef, ast.ClassDef)) for node in body)


def _cell_line(starts: list[tuple[int, int]], line: int) -> str:
    """Line `line` of the assembled text, as the line of its notebook cell (counted from 1)."""
    first, cell = max(((s, k) for s, k in starts if s <= line), default=(1, -1))
    return f"line {line - first + 1} of cell {cell + 1}" if cell >= 0 else f"line {line}"


def _handed_out(text: str) -> list[str] | None:
    for line in text.splitlines()[:40]:
        if line.startswith(HANDED_OUT):
            names = [n.strip() for n in line[len(HANDED_OUT):].split(",")]
            return [n for n in EXERCISES if n in names] or None
    return None


def compile_error(code: str | bytes, path: str, where: Callable[[int], str]) -> str:
    """Why the code does not compile ("" if it does), with the line.

    >>> compile_error(b"\\xff\\xfex\\x00", "f.py", "line {}".format)
    'it is saved as UTF-16: save it as UTF-8, as editors do by default'
    >>> compile_error("x = 1\\ny = \\0\\n", "f.py", "line {}".format)
    'it does not compile: line 2 holds a NUL byte, which Python does not read'
    """
    if isinstance(code, bytes) and code[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "it is saved as UTF-16: save it as UTF-8, as editors do by default"
    text = code.decode("latin-1") if isinstance(code, bytes) else code    # each byte a character
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        return f"it does not compile: {where(line)} holds a NUL byte, which Python does not read"
    if not text.strip():
        return "it is empty: write the exercises in it, or hand in the right file"
    try:
        compile(code, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        if isinstance(code, bytes) and ("codec can't decode" in e.msg or "unicode error" in e.msg):
            try:
                code.decode("utf-8")
            except UnicodeDecodeError as bad:       # where it is, not where Python noticed
                line = code.count(b"\n", 0, bad.start) + 1
                return (f"it is not UTF-8: {where(line)} holds the byte {code[bad.start]:#04x}; "
                        "save it as UTF-8, as editors do by default")
        text = (e.text or "").strip()
        return f"it does not compile: {where(e.lineno or 0)}: {e.msg}" + (f" ({text})" if text else "")
    except ValueError as e:                     # what else Python cannot read
        return f"it does not compile: {e}"
    return ""


# A file's code runs in the child, which could reach the check's secret, its
# files and its parent from Python, and so fake a grade.  So before any of it
# runs, the parent reads it, docstring examples too, for what no exercise
# needs: modules beyond a short list, exec and its kin, attributes that begin
# with _ (the interpreter's insides), frames and the system.  It is a check of
# the file, not a sandbox: run the grader in a container, as usual.

ALLOWED_IMPORTS = ["math", "warnings", "typing", "collections", "functools", "itertools",
                   "operator", "fractions", "decimal", "statistics", "numbers", "random", "cmath",
                   "time", "numpy", "__future__"]  # and their submodules, but for those barred below
BARRED_NAMES = {"exec", "eval", "compile", "open", "globals", "vars", "locals", "setattr",
                "delattr", "breakpoint", "help", "getattr", "hasattr", "__builtins__",
                "__import__", "__loader__", "__spec__", "__build_class__", "__doc__"}
BARRED_ATTRIBUTES = {"sys", "os", "modules", "builtins", "system", "popen", "ctypes", "ctypeslib",
                     "lib", "f2py", "distutils", "testing", "linecache", "types", "get_type_hints",
                     "ForwardRef", "singledispatch", "singledispatchmethod", "attrgetter",
                     "methodcaller", "load", "save", "savez", "savez_compressed", "savetxt",
                     "tofile", "fromfile", "memmap", "loadtxt", "genfromtxt", "fromregex",
                     "DataSource", "open", "dump", "dumps", "loads", "stride_tricks",
                     "as_strided", "info", "show_config", "source", "lookfor",   # numpy's, too
                     "update_wrapper", "wraps", "formatwarning", "showwarning", "warn_explicit",
                     "metaclass"}             # each reads or writes by a name it is given
HARMLESS_DUNDERS = {"__name__", "__file__", "__main__", "__all__", "__debug__", "__init__",
                    "__index__", "__len__", "__getitem__", "__iter__", "__float__", "__int__",
                    "__array__", "__version__", "__future__", "__slots__", "__repr__", "__str__",
                    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
                    "__bool__", "__call__", "__contains__", "__next__", "__enter__", "__exit__"}


def audit(code: str | bytes, where: Callable[[int], str]) -> str:
    """What in the code the check will not run, and where; "" if nothing (see above).

    >>> audit("import math\\nfrom os import path\\n", "line {}".format)[:50]
    'it imports os, at line 2: the check runs files tha'
    >>> audit("def f(x):\\n    '''\\n    >>> f.__globals__\\n    '''\\n", "line {}".format)[:33]
    'it uses .__globals__, at line 3: '
    >>> audit("import numpy as np\\nnp.exp(1.0).__float__()\\n", "line {}".format)
    ''
    """
    import doctest
    tree = ast.parse(code)
    parts: list[tuple[ast.AST, int]] = [(tree, 0)]
    for node in ast.walk(tree):                 # a docstring's examples run in the check too
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            doc = ast.get_docstring(node, clean=False)
            for example in doctest.DocTestParser().get_examples(doc or ""):
                try:
                    parts.append((ast.parse(example.source), node.body[0].lineno + example.lineno))
                except SyntaxError:
                    pass                        # doctest will say so, as a failed example
    imported = _imported(part for part, _ in parts)
    reach = _ways_out(frozenset(name for name in imported if _allowed_module(name)))
    for part, first in parts:
        plain = {id(n.func) for n in ast.walk(part) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Name) and n.func.id in {"getattr", "hasattr"}
                 and len(n.args) > 1 and isinstance(n.args[1], ast.Constant)
                 and isinstance(n.args[1].value, str)}
        typed = {id(n.func) for n in ast.walk(part) if isinstance(n, ast.Call) and len(n.args) == 1
                 and not n.keywords} | {id(n.args[0]) for n in ast.walk(part) if isinstance(n, ast.Call)
                                        and isinstance(n.func, ast.Name) and n.func.id == "map" and n.args}
        for node in ast.walk(part):             # getattr(x, "name") is judged as x.name
            why = "" if id(node) in plain else _barred(node, reach)
            if not why and isinstance(node, ast.Name) and node.id == "type" and id(node) not in typed:
                why = "it uses type, other than as type(x)"     # t = type; t(name, bases, dict)
            if why:
                line = getattr(node, "lineno", 1)
                at = where(first + line - 1 if first else line)
                return f"{why}, at {at}: " + (
                    f"the check runs files that import only {', '.join(ALLOWED_IMPORTS[:-2])} "
                    f"and {ALLOWED_IMPORTS[-2]}" if why.startswith("it imports") and " from " not in why
                    and why.split()[2].split(".")[0] not in ALLOWED_IMPORTS else
                    "no exercise needs it, and the check runs no file that reaches into "
                    "Python's insides or the system")
    return ""


def _barred(node: ast.AST, reach: frozenset[str] = frozenset()) -> str:
    """What node does that the check will not run, as "it ..."; "" if nothing.  reach: the
    names by which the modules the file imports lead to others (see _ways_out)."""
    def barred(name: str) -> bool:
        return _barred_attribute(name) or name in BARRED_NAMES or name in reach
    if isinstance(node, ast.Import):
        bad = [a.name for a in node.names if not _allowed_module(a.name)]
        return f"it imports {bad[0]}" if bad else ""
    if isinstance(node, ast.ImportFrom):
        module = "." * node.level + (node.module or "")
        bad = [a.name for a in node.names if barred(a.name) or a.name == "*" and module != "math"]
        return (f"it imports {module}" if not _allowed_module(module) else
                f"it imports {bad[0]} from {module}" if bad else "")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in {"getattr", "hasattr"}:
        name = node.args[1] if len(node.args) > 1 else None   # a name in plain sight, or hidden
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return _barred(ast.Attribute(ast.Constant(0), name.value), reach)
    if isinstance(node, ast.Name) and node.id in BARRED_NAMES:
        return f"it uses {node.id}"
    if isinstance(node, ast.Attribute) and barred(node.attr):
        return f"it uses .{node.attr}"
    if isinstance(node, ast.MatchClass) and any(map(barred, node.kwd_attrs)):
        return "it matches on an attribute that begins with _"
    if isinstance(node, ast.Attribute) and node.attr in ("format", "format_map") and not (
            isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
        return f"it uses .{node.attr} on a string made as it runs, whose fields read attributes"
    if isinstance(node, ast.MatchClass) and node.patterns:
        return "it matches a class by position, case K(x), which reads K.__match_args__"
    if isinstance(node, ast.ClassDef) and node.keywords:
        return "it gives a class a metaclass or keywords"
    for defined in _names_bound(node):
        if re.fullmatch(r"__\w+__", defined) and defined not in HARMLESS_DUNDERS:
            return f"it defines {defined}"      # __setattr__, say, is handed any name
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id == "type" and len(node.args) + len(node.keywords) != 1:
        return "it makes a class with type(name, bases, namespace)"
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
            re.fullmatch(r"__\w+__", node.value) and node.value not in HARMLESS_DUNDERS
            or re.search(r"{[^{}]*\.(_|(f|tb|gi|cr|ag|co)_)", node.value)):
        return f"it names {node.value[:30]!r}"  # type()'s dict, say, or a format string's field
    return ""


def _imported(trees: Iterable[ast.AST]) -> set[str]:
    """The modules the trees import, by import m or from m import x."""
    nodes = [node for tree in trees for node in ast.walk(tree)]
    return {a.name for node in nodes if isinstance(node, ast.Import) for a in node.names} | {
        node.module for node in nodes if isinstance(node, ast.ImportFrom) and node.module}


def _names_bound(node: ast.AST) -> list[str]:
    """The names node binds or uses as a name: x, def x, class x, import m as x, except E as x,
    case x, global x, f(x=...)."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler,
                         ast.MatchAs, ast.MatchStar)):
        return [node.name] if node.name else []
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return list(node.names)
    if isinstance(node, ast.alias):
        return [node.asname] if node.asname else []
    if isinstance(node, (ast.keyword, ast.arg)):
        return [node.arg] if node.arg else []
    return []


@functools.lru_cache(maxsize=None)
def _ways_out(modules: frozenset[str]) -> frozenset[str]:
    """The attribute names by which these modules, and the allowed modules they hold, hold a
    module beyond the list: typing.stdlib_re is re, and re.enum.bltns is builtins."""
    import importlib
    import types
    todo, seen, out = [], set(), set()
    for name in modules:
        try:
            todo.append(importlib.import_module(name))
        except Exception:                       # not installed: the child will say so
            pass
    while todo:
        module = todo.pop()
        for key, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType):
                if not _allowed_module(value.__name__):
                    out.add(key)
                elif id(value) not in seen:
                    seen.add(id(value))
                    todo.append(value)
    return frozenset(out)


def _allowed_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] in ALLOWED_IMPORTS and not any(map(_barred_attribute, parts[1:]))


def _barred_attribute(name: str) -> bool:
    """Does .name reach into Python or the system: private, a frame's or code's, or listed?"""
    return (name.startswith("_") and name not in HARMLESS_DUNDERS or name in BARRED_ATTRIBUTES
            or re.match(r"(f|tb|gi|cr|ag|co)_[a-z]", name) is not None)


def load_student(code: str | bytes, path: str) -> Any:
    """The student's code run as a module of its own, named student_logreg."""
    import types
    module = types.ModuleType("student_logreg")
    module.__file__ = path
    vars(module).update(door_helpers())         # a notebook's cells need them; a file has its own
    sys.modules["student_logreg"] = module
    exec(compile(code, path, "exec", dont_inherit=True), vars(module))
    return module


# === The check in a child process ====================================================
#
# The child loads the student's code and runs each exercise's check, writing a
# line to the results file as it starts one, and the record of its calls as it
# ends it.  A line counts only if it carries the parent's secret, read from the
# child's stdin before any student code runs (stdin then gives nothing).  If
# the child dies (os._exit, a limit), the exercise it had started fails with
# the reason, and a new child takes the rest.

def kit_child(path: str, seconds: float, names: Sequence[str]) -> int:
    """In the child: grade the exercises names of path, a line each in the results file."""
    import io
    import json
    token, results = sys.stdin.readline().strip(), sys.stdin.readline().strip()   # the parent's
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)       # and then nothing, for the student's code
    sys.stdin = open(os.devnull, encoding="utf-8")
    if not (token and os.path.isfile(results)):
        print("demo.py: --kit-child is check_file's own child; use --check FILE", file=sys.stderr)
        return 2
    fd = os.open(results, os.O_WRONLY | os.O_APPEND)

    def say(*fields: str) -> None:
        line = "\t".join(re.sub("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", " ", f)    # no line ends
                         for f in (token, *fields))
        os.write(fd, (line + "\n").encode("utf-8", "replace"))

    sys.stdout, sys.argv = _Capped(), [path]
    code, where, _ = student_source(path)
    _limit_cpu(seconds, first=True)
    _no_new_files(code)
    say("start", "import")
    try:
        module = load_student(code, path)
        say("done", "import", "passed", "")
    except BaseException as e:                  # SystemExit and KeyboardInterrupt too
        say("done", "import", "failed", _import_failure(e, path, where))
        os._exit(0)
    for name in names:
        say("start", name)
        _limit_cpu(seconds)
        record = _child_record(name, getattr(module, name, None), path, where, code)
        try:
            say("done", name, json.dumps(record, separators=(",", ":")))
        except Exception:                       # an object json cannot hold
            say("done", name, "")
    os._exit(0)                                 # no atexit of the student's, no flush


def _no_new_files(code: str | bytes) -> None:
    """Let this process open no more files, once it has imported what the code imports: the
    student's code then cannot read or write the results file by a path, /proc/self/fd/N."""
    import doctest  # noqa: F401                # the check's own, imported while it can be
    import importlib
    try:
        import resource
        names = _imported([ast.parse(code)])
    except (ImportError, SyntaxError, ValueError):
        return                                  # Windows; or the file will fail on its own
    for name in sorted(names):
        try:
            importlib.import_module(name)
        except Exception:                       # the student's import will say why
            pass
    lowest = os.open(os.devnull, os.O_RDONLY)   # the lowest free number: all below are taken
    os.close(lowest)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (lowest, lowest))
    except (ValueError, OSError):
        pass


def _limit_cpu(seconds: float, first: bool = False) -> None:
    """Let this process use `seconds` more of CPU time, where the platform allows a limit."""
    try:
        import resource
    except ImportError:
        return
    if first:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))       # a killed child leaves no core file
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(used.ru_utime + used.ru_stime + seconds)
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if hard == resource.RLIM_INFINITY or soft <= hard:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _import_failure(e: BaseException, path: str, where: Callable[[int], str]) -> str:
    if isinstance(e, ModuleNotFoundError) and e.name:
        return f"importing it needs {e.name}, which is not installed here"
    if isinstance(e, SystemExit):
        return f"importing it calls sys.exit({e.code!r}); code at the top of the file runs on import"
    advice = ("keep other code out of an exercise's cell" if path.lower().endswith(".ipynb")
              else 'code at the top of the file runs on import: put it under if __name__ == "__main__":')
    return f"importing it {_raised(e, path, where, first=True)}; {advice}"


def _wall_cap(seconds: float) -> float:
    """The wall-clock cap: six times the CPU limit where there is one, else the limit."""
    try:
        import resource  # noqa: F401
    except ImportError:
        return seconds
    return 6 * seconds


def check_file(path: str, seconds: float = 10.0, only: Sequence[str] | None = None,
               wall: float = 0.0) -> list[tuple[str, str, str]]:
    """(exercise, verdict, detail) for each exercise handed out (only, or as the file says).

    Each may use `seconds` of CPU time, and `wall` on the clock (by default, _wall_cap's).
    A file that does not compile, or cannot be imported, gets one line, "the file"."""
    code, where, handed = student_source(path)
    names = list(only or EXERCISES)
    error = compile_error(code, path, where) or audit(code, where)
    if error:
        return [("the file", "failed", error)]
    results: dict[str, tuple[str, str]] = {}
    while len(results) < len(names):
        todo = [n for n in CHECK_ORDER if n in names and n not in results]
        done, started, ending = _child_run(path, todo, seconds, wall or _wall_cap(seconds))
        if done.get("import", ("failed", ""))[0] != "passed":
            why = f"importing it {ending.removeprefix('it ')}"
            return [("the file", *done.get("import", ("failed", why)))]
        results.update((name, verdict) for name, verdict in done.items() if name != "import")
        if len(results) < len(names):
            stopped = started if started in todo and started not in results else todo[0]
            results[stopped] = ("failed", ending)
    graded = [(name, *results[name]) for name in names]
    return graded if only or not handed else _as_handed_out(graded, handed)


def _as_handed_out(graded: list[tuple[str, str, str]], handed: list[str]) -> list[tuple[str, str, str]]:
    """The exercises the file's line names, and any other that does not pass: the line is the
    student's to edit, so it may shorten the report but never hide a failure."""
    return [(name, verdict, detail if name in handed else (detail + "; " if detail else "")
             + "the file's handout line leaves it out, as if it came complete")
            for name, verdict, detail in graded if name in handed or verdict != "passed"]


def _child_run(path: str, names: list[str], seconds: float, wall: float
               ) -> tuple[dict[str, tuple[str, str]], str, str]:
    """(verdicts, the exercise last started, why the child ended) for one child's run."""
    import secrets
    import subprocess
    import tempfile
    token = secrets.token_hex(16)
    handle, results = tempfile.mkstemp(prefix="demo-check-", suffix=".txt")
    os.close(handle)
    flags = [flag for flag, on in (("-S", sys.flags.no_site), ("-E", sys.flags.ignore_environment)) if on]
    command = [sys.executable, *flags, "-X", "utf8", os.path.abspath(__file__), "--kit-child",
               os.path.abspath(path), repr(seconds), ",".join(names)]
    try:
        child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, cwd=os.path.dirname(os.path.abspath(path)))
        if child.stdin:                         # the secret and the file, where no one else looks
            child.stdin.write(f"{token}\n{results}\n".encode())
            child.stdin.close()
        ending = _watch(child, results, seconds, wall, len(names))
        with open(results, encoding="utf-8", errors="replace") as f:
            lines = [line.rstrip("\n").split("\t") for line in f if line.startswith(token + "\t")]
    finally:
        os.remove(results)
    done = {}
    for line in lines:
        if line[1:3] == ["done", "import"] and len(line) == 5:
            done["import"] = (line[3], line[4])
        elif len(line) == 4 and line[1] == "done" and line[2] in names:
            done[line[2]] = _verdict_of(line[2], line[3], path)
    started = [line[2] for line in lines if len(line) > 2 and line[1] == "start"]
    return done, (started or [""])[-1], ending


def _verdict_of(name: str, record: str, path: str) -> tuple[str, str]:
    import json
    if not record:
        return "failed", "its answers could not be written down for the parent: what does it return?"
    try:
        return grade_record(name, json.loads(record), path)
    except Exception:
        return "failed", "its record from the check's process is garbled: does the file change the check?"


STARTUP = 10.0      # seconds on the clock for Python to start, more than enough on a loaded machine


def _watch(child: Any, results: str, seconds: float, wall: float, count: int) -> str:
    """Wait for the child, killing it after `wall` seconds with no new line, or when its
    `count` exercises and the import have had theirs; how it ended."""
    import signal
    import subprocess
    size, used = -1, _children_cpu()
    now = time.monotonic()
    deadline, end = now + STARTUP + wall, now + STARTUP + wall * (1 + count)
    while True:
        try:
            status = child.wait(timeout=0.01)
            break
        except subprocess.TimeoutExpired:
            if os.path.getsize(results) != size:
                size = os.path.getsize(results)
                deadline = min(end, time.monotonic() + wall) if size else deadline
            if time.monotonic() > deadline:
                child.kill()
                child.wait()
                return (f"it took over {wall:g} s of wall-clock time (the cap): is it waiting, or "
                        "in a loop that never ends?")
    killed = status == -getattr(signal, "SIGKILL", 9) and _children_cpu() - used >= seconds
    if (status == -getattr(signal, "SIGXCPU", 0) or killed) and _wall_cap(1) > 1:
        return (f"it used over {seconds:g} s of CPU time (the limit, --timeout): is there a loop "
                "that never ends?")
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return (f"the check's process was ended by {name}: a crash in a library, or the "
                "system's doing (out of memory?)")
    return f"it ended the check's process (exit status {status}), as os._exit does"


def _children_cpu() -> float:
    """CPU seconds used so far by this process's children that have ended (0 where unknown)."""
    try:
        import resource
    except ImportError:
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


# === The kit's two commands ===========================================================

def exercises_command(folder: str, only: Sequence[str], force: bool) -> int:
    """--exercises: write the files, and say what is in them and how to check them."""
    try:
        py, ipynb = write_exercises(folder, only, force)
    except (KitError, NoLibrary) as e:
        print(f"demo.py: --exercises {folder}: {e}", file=sys.stderr)
        return 2
    print(f"Wrote {py}\nand {ipynb}.")
    for line in para(f"For the students: logreg.py holds {len(only)} functions left for you "
                     f"to write, in the lecture's order: {', '.join(only)}.  Each raises "
                     "NotImplementedError with a hint, and its docstring's example is the "
                     "answer to expect.  exercises.ipynb holds the same as a notebook.  Put "
                     "demo.py beside them, and check your work, in that folder, with") + [
            "    python3 demo.py --check logreg.py", "or", "    python3 demo.py --check exercises.ipynb"]:
        print(line)
    return 0


def check_command(path: str, only: Sequence[str] | None, as_json: bool, seconds: float) -> int:
    """--check: one line per exercise, or Gradescope's results.json; 0 if every one passes, else 1."""
    try:
        results = check_file(path, seconds, only)
        names = [name for name, _, _ in results] if results[0][0] != "the file" else \
            list(only or student_source(path)[2] or EXERCISES)
    except (KitError, OSError) as e:            # OSError: no temporary file, or no child
        why = getattr(e, 'strerror', None) or str(e)
        print(f"demo.py: --check {path}: {why}", file=sys.stderr)
        if as_json:                             # results.json, never empty: score 0, and why
            _json_report([(name, "failed", f"{path}: {why}") for name in only or EXERCISES],
                         f"{path}: {why}")
        return 2
    if results[0][0] == "the file" and as_json:
        results = [(name, "failed", f"the file: {results[0][2]}") for name in names]
    passed = sum(verdict == "passed" for _, verdict, _ in results)
    if as_json:
        _json_report(results)
    else:
        for name, verdict, detail in results:
            print(report_line(name, verdict, detail))
        print(f"{passed} of {len(names)} passed.")
    return 0 if passed == len(names) else 1


def _json_report(results: list[tuple[str, str, str]], output: str = "") -> None:
    """Print Gradescope's results.json: a point for each exercise passed, and output if any."""
    import json
    tests = [{"name": name, "score": int(verdict == "passed"), "max_score": 1,
              "status": "passed" if verdict == "passed" else "failed",
              "output": verdict + (f": {detail}" if detail else "")} for name, verdict, detail in results]
    report = {"score": sum(verdict == "passed" for _, verdict, _ in results), **({"output": output} if output else {}),
              "tests": tests}
    print(json.dumps(report, indent=1, ensure_ascii=False))


def _exercise_names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    for name in names:
        if name not in EXERCISES:
            import difflib
            near = difflib.get_close_matches(name, EXERCISES, 1)
            raise argparse.ArgumentTypeError(f"{name!r} is not an exercise; " + (
                f"did you mean {near[0]}?" if near else f"they are {', '.join(EXERCISES)}"))
    if not names:
        raise argparse.ArgumentTypeError("no exercise named")
    return [name for name in EXERCISES if name in names]


# #############################################################################
# Part 6. The command line
# #############################################################################

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:        # one line, not the usage too
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


class _Once(argparse.Action):
    """An option that holds one value: given twice, it is refused, not half forgotten."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if getattr(namespace, self.dest) is not None:
            parser.error(f"{option_string} is given twice; give it once")
        setattr(namespace, self.dest, values)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _path(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty")
    return text


def _names(text: str) -> tuple[str, ...]:
    # "--skip Name, Sex" reaches here as "Name," and "Sex": a comma at either end is a separator
    names = tuple(name.strip() for name in text.strip().strip(",").split(","))
    if not all(names):
        raise argparse.ArgumentTypeError(f"{text!r} has an empty column name; give names or "
                                         "numbers from 1, with commas between")
    return names


def _lesson(text: str) -> int:
    names = [one.name for one in LESSONS]
    if text.strip().lower() in names:
        return names.index(text.strip().lower())
    if text.strip().isdigit() and 1 <= int(text) <= len(LESSONS):
        return int(text) - 1
    raise argparse.ArgumentTypeError(f"{text!r} is not a lesson; give a number from 1 to "
                                     f"{len(LESSONS)} or a name that --list shows")


# Which options go with which job: the one place that says so.  The job is
# the tour unless --list, --exercises or --check names another; within the
# tour, the CSV file's options need --csv FILE.
JOBS: dict[str, list[str]] = {
    "the tour": ["--lesson", "--seed", "--iterations", "--learning-rate", "--svg", "--csv",
                 "--label", "--one", "--skip", "--drop-missing", "--sample"],
    "--list": [],
    "--exercises": ["--only", "--force"],
    "--check": ["--only", "--json", "--timeout"],
}
WITH_CSV = ["--label", "--one", "--skip", "--drop-missing", "--sample"]
DEFAULTS = {"seed": 1, "iterations": 400, "learning_rate": 1.0, "timeout": 10.0}


def _parser() -> _Parser:
    parser = _Parser(prog="demo.py", description="Watch one neuron learn logistic regression, "
                     "one lesson at a time.", epilog="python3 demo.py --list names the lessons.")
    parser.add_argument("--list", action="store_true", help="list the lessons, and stop")
    parser.add_argument("--lesson", type=_lesson, action=_Once, metavar="NAME",
                        help="run one lesson, by its name or number (default: all)")
    parser.add_argument("--seed", type=_whole, action=_Once, metavar="N",
                        help="seed for the data and the split (default 1)")
    parser.add_argument("--iterations", type=_at_least_one, action=_Once, metavar="N",
                        help="at most N steps in the training lesson (default 400)")
    parser.add_argument("--learning-rate", type=_positive, action=_Once, metavar="ALPHA",
                        help="α for the training lesson (default 1)")
    parser.add_argument("--svg", type=_path, action=_Once, metavar="FILE", help="also save the pictures as an SVG file")
    parser.add_argument("--csv", type=_path, action=_Once, metavar="FILE", help="train on your own data: a CSV "
                        "file whose label column holds two values; a header row is optional")
    parser.add_argument("--label", type=_path, action=_Once, metavar="COLUMN", help="the label's column in the "
                        "CSV file, by header name or number from 1 (default: the last)")
    parser.add_argument("--one", type=_path, action=_Once, metavar="VALUE", help="the label value taken as 1 "
                        "(default: the larger number, or the later text in alphabetical order)")
    parser.add_argument("--skip", type=_names, nargs="+", action="extend", metavar="COLUMNS",
                        help="leave these CSV columns out, by header name or number from 1, "
                        "with commas or spaces between; it may be given more than once")
    parser.add_argument("--drop-missing", action="store_true", help="skip the CSV rows that miss "
                        "a value (empty, NA, N/A, ?, nan or null)")
    parser.add_argument("--sample", type=_at_least_one, action=_Once, metavar="N", help="use at most N "
                        f"rows of a CSV file, chosen at random (default {SAMPLE})")
    _kit_options(parser.add_argument_group("a teaching kit"))
    return parser


def _kit_options(kit: Any) -> None:
    kit.add_argument("--exercises", type=_path, action=_Once, metavar="DIR", help="write DIR/logreg.py and "
                     "DIR/exercises.ipynb, logreg.py's lecture with its functions left to write")
    kit.add_argument("--check", type=_path, action=_Once, metavar="FILE",
                     help="grade a student's logreg.py or .ipynb, one line per exercise")
    kit.add_argument("--only", type=_exercise_names, action="extend", metavar="NAMES",
                     help="these exercises only, by name, with commas between; it may be given "
                     "more than once (--check's default: those handed out)")
    kit.add_argument("--force", action="store_true",
                     help="with --exercises: replace the files that are there")
    kit.add_argument("--json", action="store_true",
                     help="with --check: print Gradescope's results.json instead")
    kit.add_argument("--timeout", type=_positive, action=_Once, metavar="SECONDS", help="with --check: CPU "
                     "seconds for each exercise (default 10), and six times that of the clock")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options, checked against the job they go with (JOBS); a bad one exits with status 2
    and one line."""
    parser = _parser()
    args = parser.parse_args(argv)
    given = [a.option_strings[0] for a in parser._actions if a.option_strings
             and a.dest != "help" and getattr(args, a.dest) is not None
             and getattr(args, a.dest) is not False]       # lesson 0 is given
    jobs = [option for option in given if option in JOBS]
    if len(jobs) > 1:
        parser.error(f"{jobs[0]} and {jobs[1]} are two jobs; give one at a time")
    job = jobs[0] if jobs else "the tour"
    for option in given:
        if option not in JOBS and option not in JOBS[job]:
            owners = " or ".join(j for j, options in JOBS.items() if option in options)
            parser.error(f"{option} goes with {owners}, not with {job}")
        if option in WITH_CSV and not args.csv:
            parser.error(f"{option} needs --csv FILE")
    if args.svg and not args.svg.lower().endswith(".svg") and not os.path.isdir(args.svg):
        parser.error(f"--svg {args.svg}: the picture is an SVG; give a file name that ends "
                     "in .svg")
    for name, value in DEFAULTS.items():
        setattr(args, name, value if getattr(args, name) is None else getattr(args, name))
    args.only = args.only and [name for name in EXERCISES if name in args.only]   # once each, in order
    args.job = job
    return args


def load(args: argparse.Namespace) -> Data:
    """The tour's data: the CSV file, or the made-up clouds."""
    if not args.csv:
        X, Y, names = make_clouds(args.seed)
        return prepare(X, Y, names, args.seed)
    skip = [name for names in args.skip or () for name in names]      # a tuple for each word
    t = read_csv(args.csv, label=args.label, skip=skip, one=args.one,
                 drop_missing=args.drop_missing, sample=args.sample or SAMPLE, seed=args.seed)
    return prepare(t.X, t.Y, t.names, args.seed, notes=t.notes, label_note=t.label_note,
                   rows_read=t.rows_read, lines=t.lines, columns=t.columns)


def _unwritable(path: str) -> str:
    """Why path cannot be written ("" if it can); an existing file is left as it is."""
    existed = os.path.lexists(path)
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as e:
        return e.strerror or str(e)
    if not existed:
        os.remove(path)
    return ""


def tour_command(args: argparse.Namespace) -> int:
    """The tour: the data, the chosen lessons, and the SVG if asked for."""
    if args.svg and (why := _unwritable(args.svg)):
        print(f"demo.py: --svg {args.svg}: cannot write the SVG there: {why}", file=sys.stderr)
        return 2
    try:
        d = load(args)
    except DataError as e:
        print(f"demo.py: {args.csv}: {e}", file=sys.stderr)
        return 2
    s = Settings(args.learning_rate, args.iterations, args.seed)
    try:
        tour(d, s, [args.lesson] if args.lesson is not None else range(len(LESSONS)))
    except NotImplementedError as e:            # a student's exercise file, not yet written
        print(f"demo.py: {_unfinished(e)}", file=sys.stderr)
        return 2
    if args.svg:
        try:
            with open(args.svg, "w", encoding="utf-8") as f:
                f.write(svg_picture(d, s))
        except OSError as e:
            print(f"demo.py: --svg {args.svg}: cannot write the SVG: {e.strerror or e}",
                  file=sys.stderr)
            return 2
        print(f"\nWrote the learning curves and the boundary to {args.svg}.")
    return 0


def _unfinished(e: NotImplementedError) -> str:
    """The line for a lesson that met a function of logreg.py not yet written."""
    import traceback
    frames = [f for f in traceback.extract_tb(e.__traceback__) if Path(f.filename).name == "logreg.py"]
    if not frames:
        return f"logreg.py: a function is not written yet: {e}"
    return (f"{os.path.relpath(frames[-1].filename)}: {frames[-1].name} is not written yet; "
            "the lessons need every function written")


def list_command() -> int:
    for k, one in enumerate(LESSONS, 1):
        print(f"{k:2d}  {one.name:15} {one.title}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo with the command line's options; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--kit-child"] and len(argv) == 4:     # a child of check_file
        return kit_child(argv[1], float(argv[2]), argv[3].split(","))
    stdout, sys.stdout = sys.stdout, _Unread(sys.stdout)
    _console_safe()
    try:
        status = run_job(parse_args(argv))
        sys.stdout.flush()
        return status
    except NoLibrary as e:
        print(f"demo.py: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout = stdout


class _Unread:
    """stdout that, once nobody reads on (`python3 demo.py | head`), writes to nowhere, so that
    the job runs to its end and its own exit status."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self.stream.write(text))
        except BrokenPipeError:
            self._gone()
            return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._gone()

    def _gone(self) -> None:
        try:                                # what is still buffered goes nowhere too
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        self.stream = open(os.devnull, "w", encoding="utf-8")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def run_job(args: argparse.Namespace) -> int:
    """The job the options name (JOBS), run; its exit status."""
    if args.job == "--exercises":
        return exercises_command(args.exercises, args.only or list(EXERCISES), bool(args.force))
    if args.job == "--check":
        return check_command(args.check, args.only, bool(args.json), args.timeout)
    return list_command() if args.job == "--list" else tour_command(args)


if __name__ == "__main__":
    sys.exit(main())
