"""Watch one neuron learn: the lessons of logreg.py, run in the terminal.

    python demo.py                  every lesson, on two clouds of points made up on the spot
    python demo.py --lesson 3       one lesson only
    python demo.py --csv data.csv   your own data: the last column is the label
    python demo.py --svg out.svg    also save the pictures, for a browser

It needs nothing but Python and logreg.py beside it.
"""

import argparse
import csv
import html
import math
import os
import random
import sys
import time
from collections.abc import Callable, Sequence

import logreg

Rows = list[list[float]]

LESSONS = [
    "The data",
    "One example through the graph",
    "The derivative as a slope",
    "Why log loss",
    "Training, and when to stop",
    "Three learning rates",
    "The decision boundary",
    "Any start",
    "Overfitting, and L2 regularization",
    "A faster way down: Newton's method",
]


class DataError(Exception):
    """A problem with the user's data file, told in one line."""


# === The data ================================================================

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


def _number(cell: str) -> float | None:
    """The finite number in a cell, or None."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _label_key(cell: str) -> tuple[int, float, str]:
    """Labels that are the same number written differently ("1", "1.0") share a key."""
    value = _number(cell)
    return (0, value, "") if value is not None else (1, 0.0, cell)


def read_csv(path: str, sample: int = 20_000, seed: int = 1,
             ) -> tuple[Rows, list[int], list[str], str, list[int], int]:
    """Features, 0/1 labels, names, a note, each row's line, and the count of rows.

    The last column is the label, which may be any two distinct values; the
    first row may be a header; blank lines are skipped.  Every row is checked,
    but at most ``sample`` of them, chosen at random, are kept.
    """
    rnd = random.Random(seed)
    kept: list[tuple[int, list[float], tuple[int, float, str]]] = []
    spellings: dict[tuple[int, float, str], str] = {}
    names: list[str] | None = None
    width, first_line, count = 0, 0, 0
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            end = 0
            for row in reader:
                line, end = end + 1, reader.line_num      # physical lines, as an editor counts
                if not any(cell.strip() for cell in row):
                    continue
                if not width:
                    width, first_line = len(row), line
                    if len(row) < 2:
                        raise DataError(f"line {line} has {len(row)} cell; each row needs at least "
                                        "one feature and a label (the last column)")
                    if all(_number(cell) is None for cell in row[:-1]):
                        names = [cell.strip() or f"x{j + 1}" for j, cell in enumerate(row[:-1])]
                        continue
                if len(row) != width:
                    what = "the header names" if names is not None else f"line {first_line} has"
                    raise DataError(f"line {line} has {len(row)} cells but {what} {width}")
                x = []
                for j, cell in enumerate(row[:-1]):
                    value = _number(cell)
                    if value is None:
                        kind = "a finite number" if _is_number(cell) else "a number"
                        raise DataError(f"line {line}, column {j + 1}: {cell.strip()!r} is not {kind}")
                    x.append(value)
                label = row[-1].strip()
                if not label:
                    raise DataError(f"line {line}: the label (the last column) is empty")
                key = _label_key(label)
                if key not in spellings:
                    if len(spellings) == 2:
                        a, b = spellings.values()
                        raise DataError(f"line {line}: label {label!r} is a third value; the last "
                                        f"column must hold exactly two ({a!r} and {b!r})")
                    spellings[key] = label
                if count < sample:
                    kept.append((line, x, key))
                else:
                    k = rnd.randrange(count + 1)
                    if k < sample:
                        kept[k] = (line, x, key)
                count += 1
                if count % 500_000 == 0:
                    print(f"  ... {count:,} rows read", flush=True)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataError(f"cannot read it: {getattr(e, 'strerror', None) or e}") from None
    if not width:
        raise DataError("the file has no data: it is empty or blank")
    if not kept:
        raise DataError(f"line {first_line} is a header, and no rows of data follow it")
    if len(spellings) < 2:
        raise DataError(f"every label (the last column) is {next(iter(spellings.values()))!r}; "
                        "it needs two different values")
    kept.sort()
    zero, one = sorted(spellings)           # numbers by value, before text in text order
    X = [x for _, x, _ in kept]
    Y = [int(key == one) for _, _, key in kept]
    names = names or [f"x{j + 1}" for j in range(width - 1)]
    note = f"label {spellings[one]!r} is taken as 1 and {spellings[zero]!r} as 0"
    return X, Y, names, note, [line for line, _, _ in kept], count


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


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


# === Learning rates ==========================================================

def steepest_curvature(X: Rows, iterations: int = 60) -> float:
    """The largest curvature h of J at the start (w = 0, b = 0).

    There every a is ½, so J's Hessian is ¼·(1/m)·Σ x̃x̃ᵀ with x̃ = (x1..xn, 1).
    Power iteration finds its largest eigenvalue using only products with the
    examples, never the n × n matrix.

    >>> steepest_curvature([[1.0], [-1.0]])    # ¼ of the identity: h = ¼
    0.25
    """
    n = len(X[0])
    v = [1.0] * (n + 1)
    h = 0.0
    for _ in range(iterations):
        Hv = [0.0] * (n + 1)
        for x in X:
            t = sum(xj * vj for xj, vj in zip(x, v)) + v[n]       # x̃·v
            for j, xj in enumerate(x):
                Hv[j] += t * xj
            Hv[n] += t
        Hv = [0.25 * hv / len(X) for hv in Hv]
        h = math.sqrt(sum(hv * hv for hv in Hv))
        if h == 0.0:
            return 0.25
        v = [hv / h for hv in Hv]
    return h


def bounces(costs: Sequence[float]) -> int:
    """How many steps raise the cost by a visible amount (0.05).

    >>> bounces([0.7, 0.9, 0.5, 0.52, 0.8, 0.3])    # up 0.2, then up 0.28
    2
    """
    return sum(1 for earlier, later in zip(costs, costs[1:]) if later > earlier + 0.05)


def learning_rate_curves(S: Rows, Y: list[int], h: float,
                         steps: int = 40) -> list[tuple[str, str, list[float]]]:
    """Cost curves for a rate too small (0.1/h), about right (1/h), and too big.

    Too big is the first of 2.5/h, 10/h, 40/h and 160/h whose cost rises at
    least twice, or else 160/h.  J is not a quadratic: its curvature falls as
    the weights grow, so a rate somewhat above 2/h may rise once and then settle.
    """
    def run(rate: float) -> list[float]:
        return logreg.train(S, Y, learning_rate=rate, iterations=steps)[2]

    big = 2.5 / h
    big_costs = run(big)
    while bounces(big_costs) < 2 and big < 160.0 / h:
        big *= 4.0
        big_costs = run(big)
    verdict = "too big: J rises" if bounces(big_costs) >= 2 else "too big: overshoots"
    return [("o", f"alpha = {0.1 / h:.3g} (0.1/h)  too small: crawls", run(0.1 / h)),
            ("*", f"alpha = {1.0 / h:.3g} (1/h)  about right", run(1.0 / h)),
            ("#", f"alpha = {big:.3g} ({big * h:.3g}/h)  {verdict}", big_costs)]


# === Pictures in the terminal ================================================

def text_chart(curves: Sequence[tuple[str, str, Sequence[float]]], top: float,
               width: int = 60, height: int = 12) -> list[str]:
    """Cost curves as characters: each curve is (mark, label, costs).

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
    lines.append(f"         0{'iterations':^{width - 2 * len(str(n))}}{n}")
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
                 width: int = 60, height: int = 20) -> list[str]:
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


# === The same pictures as SVG ================================================

def svg(curves: Sequence[tuple[str, str, Sequence[float]]], top: float,
        S: Rows, Y: Sequence[int], snapshots: Sequence[tuple[int, list[float], float]],
        names: Sequence[str]) -> str:
    """Learning curves (left) and, for two features, the data and boundaries (right).

    snapshots are (iteration, w, b) on standardized features; the last is drawn
    bold, the earlier ones faint, so the boundary can be seen moving as it learns.
    """
    colours = ["#d62728", "#2ca02c", "#1f77b4", "#9467bd"]
    W, H, pad = 420, 320, 50
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="940" height="450" '
           'font-family="sans-serif" font-size="12">',
           '<rect width="940" height="450" fill="white"/>']

    def frame(x0: int, title: str, xlabel: str, ylabel: str,
              xr: tuple[float, float], yr: tuple[float, float]) -> None:
        out.append(f'<text x="{x0 + pad + (W - pad) / 2}" y="20" text-anchor="middle" '
                   f'font-size="14">{html.escape(title)}</text>')
        out.append(f'<rect x="{x0 + pad}" y="30" width="{W - pad}" height="{H - 30}" '
                   'fill="none" stroke="black"/>')
        out.append(f'<text x="{x0 + pad + (W - pad) / 2}" y="{H + 35}" '
                   f'text-anchor="middle">{html.escape(xlabel)}</text>')
        out.append(f'<text x="{x0 + 14}" y="{30 + (H - 30) / 2}" text-anchor="middle" '
                   f'transform="rotate(-90 {x0 + 14} {30 + (H - 30) / 2})">{html.escape(ylabel)}</text>')
        out.append(f'<text x="{x0 + pad}" y="{H + 15}" text-anchor="middle">{xr[0]:.3g}</text>')
        out.append(f'<text x="{x0 + W}" y="{H + 15}" text-anchor="middle">{xr[1]:.3g}</text>')
        out.append(f'<text x="{x0 + pad - 4}" y="{H}" text-anchor="end">{yr[0]:.3g}</text>')
        out.append(f'<text x="{x0 + pad - 4}" y="40" text-anchor="end">{yr[1]:.3g}</text>')

    n = max(len(c) for _, _, c in curves)
    frame(0, "Cost J while training", "iteration", "cost J", (0, n - 1), (0, top))
    for k, (_, label, costs) in enumerate(curves):
        points = " ".join(f"{pad + i / max(1, n - 1) * (W - pad):.1f},"
                          f"{H - min(c, top) / top * (H - 30):.1f}" for i, c in enumerate(costs))
        out.append(f'<polyline fill="none" stroke="{colours[k % 4]}" stroke-width="1.5" '
                   f'points="{points}"/>')
        out.append(f'<text x="{pad}" y="{H + 62 + 16 * k}" fill="{colours[k % 4]}">'
                   f'&#8212; {html.escape(label)}</text>')

    x0 = 490
    if len(names) != 2:
        out.append(f'<text x="{x0 + W / 2}" y="{H / 2}" text-anchor="middle">'
                   f'The boundary is drawn for two features; this data has {len(names)}.</text>')
    else:
        xr, yr = _extent([x[0] for x in S]), _extent([x[1] for x in S])
        frame(x0, "The examples and the boundary w·x + b = 0", f"{names[0]} (standardized)",
              f"{names[1]} (standardized)", xr, yr)

        def px(x1: float, x2: float) -> tuple[float, float]:
            return (x0 + pad + (x1 - xr[0]) / (xr[1] - xr[0]) * (W - pad),
                    H - (x2 - yr[0]) / (yr[1] - yr[0]) * (H - 30))

        for x, y in zip(S, Y):
            cx, cy = px(x[0], x[1])
            fill = colours[2] if y else "white"
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{fill}" '
                       f'stroke="{colours[2]}"/>')
        for k, (iteration, w, b) in enumerate(snapshots):
            ends = _clip_line(w, b, xr, yr)
            if not ends:
                continue
            (ax, ay), (bx, by) = px(*ends[0]), px(*ends[1])
            last = k == len(snapshots) - 1
            style = 'stroke="black" stroke-width="2"' if last else \
                'stroke="gray" stroke-width="1" stroke-dasharray="4 3" opacity="0.6"'
            out.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" {style}>'
                       f'<title>after {iteration} steps</title></line>')
            out.append(f'<text x="{bx + 3:.1f}" y="{by:.1f}" font-size="10" fill="gray">{iteration}</text>')
        out.append(f'<text x="{x0 + pad}" y="{H + 62}">filled circles: y = 1;  open circles: '
                   'y = 0</text>')
        out.append(f'<text x="{x0 + pad}" y="{H + 78}">dashed: the boundary after the number of '
                   'steps marked; bold: the end</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


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
    return [ends[0], ends[-1]] if len(ends) >= 2 else []


# === Words and numbers =======================================================

def equation(w: Sequence[float], b: float, names: Sequence[str]) -> str:
    """z = w1·x1 + ... + b, written out with signs.

    >>> equation([1.5, -2.0], 0.25, ["x1", "x2"])
    'z = 1.5·x1 - 2·x2 + 0.25'
    """
    terms = [f"{wj:.4g}·{name}" for wj, name in zip(w, names)] + [f"{b:.4g}"]
    return "z = " + " ".join(t if k == 0 else ("- " + t[1:] if t[0] == "-" else "+ " + t)
                             for k, t in enumerate(terms))


def show_weights(w: Sequence[float], b: float, raw_w: Sequence[float], raw_b: float,
                 names: Sequence[str]) -> None:
    if len(names) <= 4:
        print(f"Learned, in the original units:  {equation(raw_w, raw_b, names)}")
        print(f"and on standardized features:    {equation(w, b, names)}")
        return
    print(f"The {min(6, len(names))} largest weights, on standardized features "
          "(a change of one deviation) and in the original units:")
    for j in sorted(range(len(names)), key=lambda j: -abs(w[j]))[:6]:
        print(f"  {names[j][:28]:28} {w[j]:+9.4f} {raw_w[j]:+12.4g}")
    print(f"  {'b':28} {b:+9.4f} {raw_b:+12.4g}")


def standard_error(p: float, k: int) -> float:
    """One standard error of an accuracy p measured on k test examples.

    >>> round(standard_error(0.8, 50), 3)
    0.057
    """
    return math.sqrt(p * (1 - p) / k)


def squared_error_gradient(w: float, x: float, y: int) -> float:
    """d/dw of ½(σ(w·x) − y)², the squared error of one example: (a − y)·a(1 − a)·x.

    >>> squared_error_gradient(0.0, 1.0, 1)     # a = ½: (−½)·¼·1
    -0.125
    """
    a = logreg.sigmoid(w * x)
    return (a - y) * logreg.sigmoid_derivative(w * x) * x


# === The lessons =============================================================

class Tour:
    """The data, split, standardized, and what the lessons share."""

    def __init__(self, X: Rows, Y: list[int], names: list[str], note: str | None,
                 lines: list[int] | None, rows_read: int, args: argparse.Namespace) -> None:
        self.args, self.names, self.note, self.rows_read = args, names, note, rows_read
        self.n = len(names)
        train, test = split(X, Y, args.seed)
        self.X_train = [X[i] for i in train]
        self.Y_train, self.Y_test = [Y[i] for i in train], [Y[i] for i in test]
        self.m, self.m_test = len(train), len(test)
        if len(set(self.Y_train)) < 2:
            raise DataError("after keeping a quarter aside for testing, the training part "
                            "holds one class only; more examples of each class are needed")
        self.means, self.deviations = logreg.fit_scaling(self.X_train)

        def scaled(indexes: list[int]) -> Rows:
            out = []
            for i in indexes:
                try:
                    out.append(logreg.standardize([X[i]], self.means, self.deviations)[0])
                except ValueError:
                    j = next(j for j in range(self.n) if not self._standardizes(X[i][j], j))
                    where = f"line {lines[i]}, column {j + 1}" if lines else f"example {i}"
                    raise DataError(f"{where}: {X[i][j]!r} is too many deviations from the training "
                                    "mean to standardize as a float") from None
            return out

        self.S_train, self.S_test = scaled(train), scaled(test)
        self._fit: tuple[list[float], float, list[float]] | None = None
        self.snapshots: list[tuple[int, list[float], float]] = []
        self.curves: list[tuple[str, str, list[float]]] = []
        self.top = 1.5 * math.log(2)
        self._h = 0.0

    def _standardizes(self, value: float, j: int) -> bool:
        try:
            logreg.standardize([[value]], [self.means[j]], [self.deviations[j]])
        except ValueError:
            return False
        return True

    def fit(self, quiet: bool = True) -> tuple[list[float], float, list[float]]:
        """Lesson 5's training, run once: with --learning-rate, --iterations and a tolerance."""
        if self._fit is None:
            every = 0 if quiet else max(1, self.args.iterations // 8)
            self._fit = logreg.train(self.S_train, self.Y_train, learning_rate=self.args.learning_rate,
                                     iterations=self.args.iterations, tolerance=1e-6,
                                     print_every=every)
        return self._fit

    def curvature(self) -> float:
        if not self._h:
            self._h = steepest_curvature(self.S_train[:2000])
        return self._h


def lesson_1(t: Tour) -> None:
    shown = ", ".join(t.names) if t.n <= 6 else ", ".join(t.names[:5]) + f" and {t.n - 5} more"
    total = t.m + t.m_test
    if t.rows_read > total:
        print(f"{t.rows_read:,} rows; the tour uses a random {total:,} (--sample N to change).")
    print(f"{total} examples with {t.n} features ({shown}):")
    print(f"{t.m} to train on, {t.m_test} kept aside to test.")
    if t.note:
        print(f"The labels: {t.note}.")
    ones = sum(t.Y_train)
    print(f"Training examples with y = 1: {ones}; with y = 0: {t.m - ones}.")
    print("Each feature is standardized with the mean and deviation of the training part.")
    constant = [name for j, name in enumerate(t.names)
                if min(x[j] for x in t.X_train) == max(x[j] for x in t.X_train)]
    if constant:
        print(f"Constant in the training part, so standardized to 0: {', '.join(constant[:5])}.")


def lesson_2(t: Tour) -> None:
    x, y = t.S_train[0], t.Y_train[0]
    k = min(t.n, 3)
    xs = ", ".join(f"{v:.3f}" for v in x[:k]) + (", ..." if t.n > k else "")
    print(f"The first training example, standardized: x = ({xs}), y = {y}; start at w = 0, b = 0.")
    J, dw, db = logreg.propagate([0.0] * t.n, 0.0, [x], [y])
    a = logreg.sigmoid(0.0)
    print("Forward:   z = w·x + b = 0")
    print(f"           a = σ(z) = {a}")
    print(f"           L = −(y·log a + (1 − y)·log(1 − a)) = log 2 = {J:.6f}")
    print(f"Backward:  da = −y/a + (1 − y)/(1 − a) = {logreg.loss_derivative(a, y):+g}")
    print(f"           dz = da·a(1 − a) = a − y = {a - y:+g}")
    for j in range(k):
        print(f"           dw{j + 1} = x{j + 1}·dz = {x[j]:.3f}·({a - y:+g}) = {dw[j]:+.4f}")
    print(f"           db = dz = {db:+g}")
    print("Backpropagation computed these; gradient descent will use them for a step.")


def lesson_3(t: Tour) -> None:
    w, b = [0.5] * t.n, 0.1
    J, dw, db = logreg.propagate(w, b, t.S_train, t.Y_train)
    eps = 1e-3
    moved = logreg.cost([w[0] + eps] + w[1:], b, t.S_train, t.Y_train) - J
    print(f"At w = (0.5, ...), b = 0.1, J = {J:.6f} and dw1 = {dw[0]:+.6f}.")
    print(f"Nudge w1 by ε = {eps:g}: J moves by {moved:+.6e}; dw1·ε = {dw[0] * eps:+.6e}.")
    print("A derivative is a slope: the change in J is about the derivative times the nudge.")
    # The check costs two passes over the data per parameter, so on big data
    # it looks at a corner of it: the first 500 examples and 10 features.
    S, Y, k = [x[:10] for x in t.S_train[:500]], t.Y_train[:500], min(t.n, 10)
    if len(S) < t.m or k < t.n:
        print(f"The check needs two passes per parameter; here it uses {len(S)} examples and {k} features.")
    J, dw, db = logreg.propagate(w[:k], b, S, Y)
    check = logreg.gradient_check(w[:k], b, S, Y, dw, db)
    print(f"gradient_check of propagate's (dw, db):      {check:.1e}   (about 1e-7 or less: right)")
    buggy = logreg.gradient_check(w[:k], b, S, Y, dw, db * len(S))
    print(f"and of a db that forgot to divide by m:       {buggy:.1e}   (above about 1e-3: a bug)")


def lesson_4(t: Tour) -> None:
    print("One example, x = 1 and y = 1, from a confidently wrong start, w = −6 (a = σ(−6) = 0.0025):")
    print(f"  squared error ½(a − y)²: dw = (a − y)·a(1 − a)·x = {squared_error_gradient(-6.0, 1.0, 1):+.5f}")
    print(f"  cross-entropy L(a, y):    dw = (a − y)·x          = {logreg.sigmoid(-6.0) - 1:+.5f}")
    print("Fifty steps of gradient descent with α = 1 from there:")
    w_se = w_ce = -6.0
    for step in range(1, 51):
        w_se -= squared_error_gradient(w_se, 1.0, 1)
        w_ce -= logreg.propagate([w_ce], 0.0, [[1.0]], [1])[1][0]
        if step in (1, 10, 50):
            print(f"  after {step:2d}: squared error w = {w_se:+.3f} (a = {logreg.sigmoid(w_se):.3f}),"
                  f"  cross-entropy w = {w_ce:+.3f} (a = {logreg.sigmoid(w_ce):.3f})")
    print("Squared error's slope carries a(1 − a), nearly 0 at a wrong and sure start: a plateau.")
    print("Cross-entropy's dz = a − y is as large as the error, so it pushes hard.")


def lesson_5(t: Tour) -> None:
    a = t.args
    print(f"Gradient descent from w = 0, b = 0, with α = {a.learning_rate:g}, for at most "
          f"{a.iterations} steps,")
    print("stopping once a step lowers J by less than 1e-6:")
    w, b, costs = t.fit(quiet=False)
    if len(costs) < a.iterations:
        print(f"Stopped after {len(costs) - 1} steps: J = {costs[-1]:.6g}.")
    else:
        print(f"Ran all {a.iterations} steps: J = {logreg.cost(w, b, t.S_train, t.Y_train):.6g}.")
    train_acc = logreg.accuracy(t.Y_train, logreg.predict(w, b, t.S_train))
    test_acc = logreg.accuracy(t.Y_test, logreg.predict(w, b, t.S_test))
    # At p = 0 or 1 the formula gives 0, which would claim certainty; give its
    # largest value, at p = ½, instead.
    se = standard_error(test_acc if 0 < test_acc < 1 else 0.5, t.m_test)
    print(f"Accuracy: {train_acc:.1%} on the training part, {test_acc:.1%} on the test part "
          f"(± {se:.1%}, one standard error on {t.m_test}).")
    raw_w, raw_b = logreg.unstandardize(w, b, t.means, t.deviations)
    show_weights(w, b, raw_w, raw_b, t.names)


def lesson_6(t: Tour) -> None:
    h = t.curvature()
    S, Y = t.S_train[:500], t.Y_train[:500]
    note = f" (on {len(S)} of the training examples)" if len(S) < t.m else ""
    print(f"At the start J curves most steeply with h = {h:.3g}{note}.  Along that direction,")
    print("a step of α = 1/h lands on the valley floor; a larger one overshoots it and zigzags,")
    print("and past α = 2/h it lands higher than it started, so J can rise.")
    t.curves = learning_rate_curves(S, Y, h)
    for line in text_chart(t.curves, t.top):
        print(line)
    print(f"Lesson 5's α = {t.args.learning_rate:g} is {t.args.learning_rate * h:.2g}/h here.")


def lesson_7(t: Tour) -> None:
    w, b, _ = t.fit()
    if t.n != 2:
        print(f"The picture needs exactly two features; this data has {t.n}.")
        return
    print("The boundary is where z = 0 and a = ½: on one side the neuron says 1, on the other 0.")
    print(f"  {t.names[1]} (standardized), upward")
    for line in text_scatter(t.S_train, t.Y_train, w, b):
        print(line)
    print(f"   {t.names[0]} (standardized), rightward")
    print("   o  y = 0     +  y = 1     @  both     .  the boundary w·x + b = 0")


def _kind_of_minimum(t: Tour) -> str:
    """What is true of this data's minimum: 'single', 'flat' or 'separable' ('' if unknown)."""
    if t.n > 100:
        return ""
    try:
        logreg.train_newton(t.S_train, t.Y_train)
    except ValueError as e:
        return "separable" if "separable" in str(e) else "flat"
    return "single"


def lesson_8(t: Tour) -> None:
    h = t.curvature()
    steps = max(30, min(1000, 500_000 // (t.m * (t.n + 1))))
    rnd = random.Random(t.args.seed)
    starts = [([0.0] * t.n, 0.0)] + [([rnd.uniform(-3, 3) for _ in t.names], rnd.uniform(-3, 3))
                                     for _ in range(3)]
    print(f"Gradient descent from {len(starts)} starts, α = 1/h, at most {steps} steps each:")
    finals = []
    for w0, b0 in starts:
        w, b, costs = logreg.train(t.S_train, t.Y_train, learning_rate=1.0 / h, iterations=steps,
                                   tolerance=1e-13, w=w0, b=b0)
        finals.append((w + [b], logreg.cost(w, b, t.S_train, t.Y_train)))
        if t.n <= 3:
            print(f"  from w = ({', '.join(f'{v:+.2f}' for v in w0)}), b = {b0:+.2f}"
                  f"  to  w = ({', '.join(f'{v:+.4f}' for v in w)}), b = {b:+.4f}, J = {finals[-1][1]:.6f}")
    spread = max(max(f[0][k] for f in finals) - min(f[0][k] for f in finals) for k in range(t.n + 1))
    cost_spread = max(c for _, c in finals) - min(c for _, c in finals)
    print(f"The weights differ by at most {spread:.1e}; the costs by at most {cost_spread:.1e}.")
    kind = _kind_of_minimum(t)
    if kind == "flat":
        print("J is convex, so every start can reach the lowest cost; but here a feature is constant")
        print("or a combination of others, so many weights share it, and the starts need not meet.")
    elif kind == "separable":
        print("The classes are separable: J has no minimum, the weights keep growing, and each")
        print("start drifts on its own way toward cost 0.")
    elif spread <= 1e-3 * max(1.0, max(abs(v) for v in finals[0][0])):
        print("They meet: J is convex, and on this data its minimum is one single point."
              if kind == "single" else "They meet.")
    elif kind == "single":
        print("They have not met yet: the minimum here is one single point, and gradient descent")
        print("needs more steps than the demo spends to get there from every start.")
    else:
        print("They have not met yet; whether they would depends on the data (logreg.py, section 10).")


def overfitting_data(seed: int, m: int, noise: int = 30) -> tuple[Rows, list[int]]:
    """m examples: one feature that predicts y a little, and `noise` that do not."""
    rnd = random.Random(seed)
    X, Y = [], []
    for i in range(m):
        y = i % 2
        X.append([rnd.gauss(0.5 if y else -0.5, 1.0)] + [rnd.gauss(0.0, 1.0) for _ in range(noise)])
        Y.append(y)
    return X, Y


def lesson_9(t: Tour) -> None:
    X, Y = overfitting_data(t.args.seed, 40)
    X_new, Y_new = overfitting_data(t.args.seed + 1, 1000)
    print(f"New made-up data: {len(X)} examples of {len(X[0])} features, one of which carries a")
    print("little signal; the rest are noise.  Then 1000 new examples of the same kind to test on.")
    print("      λ   training accuracy   test accuracy    ‖w‖")
    h = steepest_curvature(X)
    for l2 in (0.0, 1.0, 10.0, 100.0):
        # the penalty adds λ/m to the curvature, so the rate 1/h shrinks with it
        w, b, _ = logreg.train(X, Y, learning_rate=1.0 / (h + l2 / len(X)), iterations=300, l2=l2)
        train_acc = logreg.accuracy(Y, logreg.predict(w, b, X))
        test_acc = logreg.accuracy(Y_new, logreg.predict(w, b, X_new))
        print(f"  {l2:5g}   {train_acc:17.1%}   {test_acc:13.1%}   {math.hypot(*w):6.2f}")
    print("With nearly as many weights as examples, λ = 0 fits the noise: near-perfect on the training")
    print("examples, much worse on new ones.  A larger λ keeps w small and gives up training fit;")
    print("whether test accuracy gains, and how much, depends on the data.")
    print(f"How sure is a test accuracy?  One standard error is √(p(1 − p)/k): on k = 1000, "
          f"{standard_error(0.6, 1000):.1%} at p = 0.6;")
    print(f"on the {t.m_test} examples kept aside in lesson 5, {standard_error(0.8, t.m_test):.1%} "
          "at p = 0.8.  Gaps that small are chance.")


def lesson_10(t: Tour) -> None:
    if t.n > 100:
        print(f"Newton's method solves a {t.n + 1} × {t.n + 1} system each step; the demo skips it")
        print("for more than 100 features.  That cost is why networks train by gradient descent.")
        return
    started = time.perf_counter()
    try:
        w, b, costs = logreg.train_newton(t.S_train, t.Y_train)
    except ValueError as e:
        print(f"Newton's method stops: {e}.")
        w, b, costs = logreg.train_newton(t.S_train, t.Y_train, l2=1.0)
        print("With l2 = 1, so that the minimum is one point:")
        l2 = 1.0
    else:
        l2 = 0.0
    newton_time = time.perf_counter() - started
    print(f"Newton's method: {len(costs)} steps, {newton_time * 1000:.0f} ms, J = {costs[-1]:.10f}")
    h, budget = t.curvature(), max(200, min(5000, 5_000_000 // (t.m * (t.n + 1))))
    started = time.perf_counter()
    w_gd, b_gd, gd_costs = logreg.train(t.S_train, t.Y_train, learning_rate=1.0 / h,
                                        iterations=budget, tolerance=1e-15, l2=l2)
    gd_time = time.perf_counter() - started
    gap = logreg.cost(w_gd, b_gd, t.S_train, t.Y_train, l2=l2) - costs[-1]
    differ = max(abs(p - q) for p, q in zip(w_gd + [b_gd], w + [b]))
    print(f"Gradient descent, α = 1/h: {len(gd_costs)} steps, {gd_time * 1000:.0f} ms, "
          f"J higher by {gap:.1e}")
    print(f"The weights differ by at most {differ:.1e}.")
    print("Newton uses the curvature a(1 − a)·x̃x̃ᵀ to take the whole way down in a few steps.")


# === Running the tour ========================================================

def take_snapshots(t: Tour) -> None:
    """The boundary after a few numbers of steps, for the SVG's faint lines."""
    w, b = [0.0] * t.n, 0.0
    done = 0
    for k in (1, 3, 10, 30):
        if k >= t.args.iterations:
            break
        w, b, _ = logreg.train(t.S_train, t.Y_train, learning_rate=t.args.learning_rate,
                               iterations=k - done, w=w, b=b)
        done = k
        t.snapshots.append((k, w, b))
    w, b, costs = t.fit()
    t.snapshots.append((len(costs), w, b))


def tour(X: Rows, Y: list[int], names: list[str], note: str | None, args: argparse.Namespace,
         lines: list[int] | None = None, rows_read: int = 0) -> None:
    t = Tour(X, Y, names, note, lines, rows_read, args)
    lessons: list[Callable[[Tour], None]] = [lesson_1, lesson_2, lesson_3, lesson_4, lesson_5,
                                             lesson_6, lesson_7, lesson_8, lesson_9, lesson_10]
    chosen = [args.lesson] if args.lesson else range(1, len(lessons) + 1)
    for k in chosen:
        print(f"\n== {k}. {LESSONS[k - 1]} " + "=" * max(0, 58 - len(LESSONS[k - 1])))
        lessons[k - 1](t)
    if args.svg:
        if not t.curves:
            t.curves = learning_rate_curves(t.S_train[:500], t.Y_train[:500], t.curvature())
        if t.n == 2:
            take_snapshots(t)
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg(t.curves, t.top, t.S_train, t.Y_train, t.snapshots, names))
        print(f"\nWrote the learning curves and the boundary to {args.svg}.")


# Characters that a console may not print (Windows writes cp1252 when output is
# redirected), and plain stand-ins for them.
PLAIN = str.maketrans({"σ": "sigma", "α": "alpha", "λ": "lambda", "ε": "eps", "½": "1/2",
                       "·": "*", "−": "-", "‖": "||", "√": "sqrt", "×": "x", "±": "+/-",
                       "≈": "~", "…": "...", "—": "-", "²": "^2", "̃": "~", "ᵀ": "'"})


class _PlainWriter:
    """A text stream that turns characters its console lacks into plain ones."""

    def __init__(self, stream: "object") -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        encoding = getattr(self.stream, "encoding", None) or "ascii"
        text = text.translate(PLAIN).encode(encoding, "replace").decode(encoding)
        return self.stream.write(text)  # type: ignore[attr-defined, no-any-return]

    def flush(self) -> None:
        self.stream.flush()  # type: ignore[attr-defined]


def _console_safe() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            "σα½·−‖√×λε".encode(getattr(stream, "encoding", None) or "ascii")
        except (UnicodeEncodeError, LookupError):
            setattr(sys, name, _PlainWriter(stream))


def _positive(text: str) -> float:
    value = float(text)
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of 1 or more")
    return value


def _path(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty")
    return text


def _lesson(text: str) -> int:
    value = int(text)
    if not 1 <= value <= len(LESSONS):
        raise argparse.ArgumentTypeError(f"{text} is not a lesson; they are 1 to {len(LESSONS)}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    _console_safe()
    parser = argparse.ArgumentParser(
        description="Watch one neuron learn logistic regression, one lesson at a time.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="lessons:\n" + "\n".join(f"  {k:2d}. {title}" for k, title in enumerate(LESSONS, 1)))
    parser.add_argument("--lesson", type=_lesson, metavar="N", help="run lesson N only (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the data and the split (default 1)")
    parser.add_argument("--iterations", type=_count, default=400, help="at most this many training "
                        "steps in lesson 5 (default 400)")
    parser.add_argument("--learning-rate", type=_positive, default=1.0, help="α for lesson 5 (default 1)")
    parser.add_argument("--svg", type=_path, metavar="FILE", help="also save the pictures as an SVG file")
    parser.add_argument("--csv", type=_path, metavar="FILE", help="train on your own data: a CSV file "
                        "whose last column is the label (two values); a header row is optional")
    parser.add_argument("--sample", type=_count, default=20_000, metavar="N", help="use at most N "
                        "rows of a CSV file, chosen at random (default 20000)")
    args = parser.parse_args(argv)
    try:
        if args.csv:
            X, Y, names, note, lines, rows_read = read_csv(args.csv, args.sample, args.seed)
            tour(X, Y, names, note, args, lines, rows_read)
        else:
            X, Y, names = make_clouds(args.seed)
            tour(X, Y, names, None, args)
    except DataError as e:
        print(f"demo.py: {args.csv}: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:                 # e.g. `python demo.py | head`: nobody reads on
        sys.stdout = open(os.devnull, "w")
        return 0
    except (ValueError, OSError) as e:      # training diverged, or the SVG could not be written
        print(f"demo.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
