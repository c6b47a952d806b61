"""Watch one neuron learn: a tour of logreg.py in the terminal.

    python demo.py                  two clouds of points, made up on the spot
    python demo.py --csv data.csv   your own data: last column is the label
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
from collections.abc import Sequence

import logreg

Rows = list[list[float]]


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


def _number(cell: str, line: int, column: int) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise DataError(f"line {line}, column {column}: {cell.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise DataError(f"line {line}, column {column}: {cell.strip()!r} is not a finite number")
    return value


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def read_csv(path: str) -> tuple[Rows, list[int], list[str], str]:
    """Features, 0/1 labels, feature names and a note on the labels, from a CSV file.

    The last column is the label, which may be any two distinct values; the
    first row may be a header; blank lines are skipped.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataError(f"cannot read it: {getattr(e, 'strerror', None) or e}") from None
    lines = [(n, row) for n, row in enumerate(rows, start=1) if any(cell.strip() for cell in row)]
    if not lines:
        raise DataError("the file is empty" if not rows else "the file has only blank lines")
    first_line, first = lines[0]
    names = [f"x{j + 1}" for j in range(len(first) - 1)]
    if len(first) >= 2 and not any(_is_number(cell) for cell in first[:-1]):
        names = [cell.strip() or f"x{j + 1}" for j, cell in enumerate(first[:-1])]
        lines = lines[1:]
        if not lines:
            raise DataError(f"line {first_line} is a header, and no rows of data follow it")
    width = len(lines[0][1])
    X: Rows = []
    raw_labels: list[str] = []
    for n, row in lines:
        if len(row) < 2:
            raise DataError(f"line {n} has {len(row)} cell; each row needs at least "
                            "one feature and a label (the last column)")
        if len(row) != width:
            raise DataError(f"line {n} has {len(row)} cells but line {lines[0][0]} has {width}")
        X.append([_number(cell, n, j + 1) for j, cell in enumerate(row[:-1])])
        label = row[-1].strip()
        if label not in raw_labels:
            if len(raw_labels) == 2:
                raise DataError(f"line {n}: label {label!r} is a third value; the last column "
                                f"must hold exactly two ({raw_labels[0]!r} and {raw_labels[1]!r})")
            raw_labels.append(label)
    if len(raw_labels) < 2:
        raise DataError(f"every label (the last column) is {raw_labels[0]!r}; "
                        "it needs two different values")
    zero, one = _order_labels(raw_labels)
    Y = [int(row[-1].strip() == one) for _, row in lines]
    note = f"label {one!r} is taken as 1 and {zero!r} as 0"
    return X, Y, names, note


def _order_labels(labels: Sequence[str]) -> tuple[str, str]:
    """Which of two label values is 0 and which is 1: numbers by value, else text order.

    >>> _order_labels(["10", "2"]), _order_labels(["setosa", "versicolor"])
    (('2', '10'), ('setosa', 'versicolor'))
    """
    if all(_is_number(v) for v in labels):
        low, high = sorted(labels, key=float)
    else:
        low, high = sorted(labels)
    return low, high


def split(X: Rows, Y: list[int], seed: int,
          test_share: float = 0.25) -> tuple[Rows, list[int], Rows, list[int]]:
    """Shuffle, then keep a quarter of the examples aside for testing.

    >>> X_train, Y_train, X_test, Y_test = split([[float(i)] for i in range(8)], [0, 1] * 4, seed=0)
    >>> len(X_train), len(X_test), sorted(x[0] for x in X_train + X_test) == list(range(8))
    (6, 2, True)
    """
    order = list(range(len(X)))
    random.Random(seed).shuffle(order)
    n_test = max(1, round(len(X) * test_share))
    test, train = order[:n_test], order[n_test:]
    return [X[i] for i in train], [Y[i] for i in train], [X[i] for i in test], [Y[i] for i in test]


# === Learning rates ==========================================================

def steepest_curvature(X: Rows) -> float:
    """The largest curvature of J at the start (w = 0, b = 0).

    There every a is ½, so J's Hessian is ¼·(1/m)·Σ x̃x̃ᵀ with x̃ = (x1..xn, 1);
    its largest eigenvalue L, found by power iteration, sets the speed limit:
    a learning rate above 2/L overshoots along the steepest direction.

    >>> steepest_curvature([[1.0], [-1.0]])    # ¼ of the identity: L = ¼
    0.25
    """
    rows = [list(x) + [1.0] for x in X]
    k = len(rows[0])
    H = [[0.25 * sum(r[i] * r[j] for r in rows) / len(rows) for j in range(k)] for i in range(k)]
    v = [1.0] * k
    L = 0.0
    for _ in range(200):
        Hv = [sum(H[i][j] * v[j] for j in range(k)) for i in range(k)]
        L = math.sqrt(sum(t * t for t in Hv))
        v = [t / L for t in Hv]
    return L


# === Pictures in the terminal ================================================

def text_chart(curves: Sequence[tuple[str, str, Sequence[float]]], top: float,
               width: int = 60, height: int = 12) -> list[str]:
    """Cost curves as characters: each curve is (mark, label, costs)."""
    grid = [[" "] * width for _ in range(height)]
    for mark, _, costs in curves:
        last = len(costs) - 1
        for col in range(width):
            c = costs[round(col * last / (width - 1))]
            r = round((1 - min(c, top) / top) * (height - 1))
            grid[r][col] = "^" if c > top else mark
    lines = []
    for r, cells in enumerate(grid):
        label = f"{top:5.2f}" if r == 0 else ("  0.0" if r == height - 1 else "     ")
        lines.append(f"  {label} |" + "".join(cells))
    n = max(len(costs) for _, _, costs in curves) - 1
    lines.append("        +" + "-" * width)
    lines.append(f"         0{'iterations':^{width - 2 * len(str(n))}}{n}")
    lines += [f"         {mark} {label}" for mark, label, _ in curves]
    return lines


def _ranges(X: Rows) -> tuple[tuple[float, float], tuple[float, float]]:
    """The plotted extent of the first two features, with a margin."""
    out = []
    for j in (0, 1):
        low, high = min(x[j] for x in X), max(x[j] for x in X)
        pad = 0.05 * (high - low) or 1.0
        out.append((low - pad, high + pad))
    return out[0], out[1]


def text_scatter(X: Rows, Y: Sequence[int], w: Sequence[float], b: float,
                 names: Sequence[str], width: int = 60, height: int = 20) -> list[str]:
    """The examples as o (y = 0) and + (y = 1), and the line w·x + b = 0 as dots."""
    (x_lo, x_hi), (y_lo, y_hi) = _ranges(X)

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
    for x, y in zip(X, Y):
        c = min(width - 1, int((x[0] - x_lo) / (x_hi - x_lo) * width))
        r = min(height - 1, int((y_hi - x[1]) / (y_hi - y_lo) * height))
        mark = "+" if y else "o"
        grid[r][c] = mark if grid[r][c] in (" ", ".", mark) else "*"
    lines = [f"  {names[1]} ({y_lo:.3g} to {y_hi:.3g}, upward)"]
    lines += ["  |" + "".join(row) for row in grid]
    lines.append("  +" + "-" * width)
    lines.append(f"   {names[0]}: {x_lo:.3g} to {x_hi:.3g}, rightward")
    lines.append("   o  y = 0     +  y = 1     *  both     .  the boundary w·x + b = 0")
    return lines


# === The same pictures as SVG ================================================

def svg(curves: Sequence[tuple[str, str, Sequence[float]]], top: float,
        X: Rows, Y: Sequence[int], w: Sequence[float], b: float, names: Sequence[str]) -> str:
    """Learning curves (left) and, for two features, the data and boundary (right)."""
    colours = ["#d62728", "#2ca02c", "#1f77b4", "#9467bd"]
    W, H, pad = 420, 320, 50
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="940" height="430" '
           'font-family="sans-serif" font-size="12">',
           '<rect width="940" height="430" fill="white"/>']

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

    # Left: the cost curves.
    n = max(len(c) for _, _, c in curves)
    frame(0, "Cost J while training", "iteration", "cost J", (0, n - 1), (0, top))
    for k, (_, label, costs) in enumerate(curves):
        points = " ".join(f"{pad + i / max(1, n - 1) * (W - pad):.1f},"
                          f"{H - min(c, top) / top * (H - 30):.1f}" for i, c in enumerate(costs))
        out.append(f'<polyline fill="none" stroke="{colours[k % 4]}" stroke-width="1.5" '
                   f'points="{points}"/>')
        out.append(f'<text x="{pad}" y="{H + 62 + 16 * k}" fill="{colours[k % 4]}">'
                   f'&#8212; {html.escape(label)}</text>')

    # Right: the examples and the boundary, if there are two features to draw.
    x0 = 490
    if len(names) != 2:
        out.append(f'<text x="{x0 + W / 2}" y="{H / 2}" text-anchor="middle">'
                   f'The boundary is drawn for two features; this data has {len(names)}.</text>')
    else:
        (x_lo, x_hi), (y_lo, y_hi) = _ranges(X)
        frame(x0, "The examples and the boundary w·x + b = 0", names[0], names[1],
              (x_lo, x_hi), (y_lo, y_hi))

        def px(x1: float, x2: float) -> tuple[float, float]:
            return (x0 + pad + (x1 - x_lo) / (x_hi - x_lo) * (W - pad),
                    H - (x2 - y_lo) / (y_hi - y_lo) * (H - 30))

        for x, y in zip(X, Y):
            cx, cy = px(x[0], x[1])
            fill = colours[2] if y else "white"
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{fill}" '
                       f'stroke="{colours[2]}"/>')
        ends = _clip_line(w, b, (x_lo, x_hi), (y_lo, y_hi))
        if ends:
            (ax, ay), (bx, by) = px(*ends[0]), px(*ends[1])
            out.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" '
                       'stroke="black" stroke-width="2"/>')
        out.append(f'<text x="{x0 + pad}" y="{H + 62}">filled circles: y = 1;  open circles: '
                   'y = 0;  line: the boundary</text>')
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


# === The tour ================================================================

def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 60 - len(text)))


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
    largest = sorted(range(len(names)), key=lambda j: -abs(w[j]))[:6]
    for j in largest:
        print(f"  {names[j][:28]:28} {w[j]:+9.4f} {raw_w[j]:+12.4g}")
    print(f"  {'b':28} {b:+9.4f} {raw_b:+12.4g}")


def bounces(costs: Sequence[float]) -> int:
    """How many steps raise the cost by a visible amount (0.05).

    >>> bounces([0.7, 0.9, 0.5, 0.52, 0.8, 0.3])    # up 0.2, then up 0.28
    2
    """
    return sum(1 for earlier, later in zip(costs, costs[1:]) if later > earlier + 0.05)


def learning_rate_curves(S: Rows, Y: list[int], L: float,
                         steps: int = 60) -> list[tuple[str, str, list[float]]]:
    """Cost curves for a rate too small, one about right, and one too big.

    Too big is the first of 10/L, 20/L, 40/L, ... whose cost bounces up at
    least twice.  The logistic cost is forgiving: its curvature falls as the
    weights grow, so a rate somewhat above 2/L may overshoot once and settle.
    """
    def run(rate: float) -> list[float]:
        return logreg.train(S, Y, learning_rate=rate, iterations=steps)[2]

    big = 10.0 / L
    big_costs = run(big)
    while bounces(big_costs) < 2 and big < 10_000.0 / L:
        big *= 2.0
        big_costs = run(big)
    verdict = "too big: bounces" if bounces(big_costs) >= 2 else "too big"
    return [("o", f"α = {0.03 / L:.3g}  too small: crawls", run(0.03 / L)),
            ("*", f"α = {1.0 / L:.3g}  about right", run(1.0 / L)),
            ("#", f"α = {big:.3g}  {verdict}", big_costs)]


def tour(X: Rows, Y: list[int], names: list[str], note: str | None,
         args: argparse.Namespace) -> None:
    X_train, Y_train, X_test, Y_test = split(X, Y, args.seed)
    if len(set(Y_train)) < 2:
        raise DataError("after keeping a quarter aside for testing, the training part "
                        "holds one class only; more examples of each class are needed")
    means, deviations = logreg.fit_scaling(X_train)
    S_train = logreg.standardize(X_train, means, deviations)
    S_test = logreg.standardize(X_test, means, deviations)
    m, n = len(S_train), len(names)

    heading("1. The data")
    shown = ", ".join(names) if n <= 6 else ", ".join(names[:5]) + f" and {n - 5} more"
    print(f"{len(X)} examples with {n} features ({shown}):")
    print(f"{m} to train on, {len(X_test)} kept aside to test.")
    if note:
        print(f"The labels: {note}.")
    print(f"Training examples with y = 1: {sum(Y_train)}; with y = 0: {m - sum(Y_train)}.")
    print("Each feature is standardized with the mean and deviation of the training part.")

    heading("2. Training")
    print(f"Gradient descent from w = 0, b = 0, with learning rate α = {args.learning_rate:g}:")
    w, b, _ = logreg.train(S_train, Y_train, learning_rate=args.learning_rate,
                           iterations=args.iterations, print_every=max(1, args.iterations // 8))
    print(f"cost after the last step: {logreg.cost(w, b, S_train, Y_train):.6g}")
    train_acc = logreg.accuracy(Y_train, logreg.predict(w, b, S_train))
    test_acc = logreg.accuracy(Y_test, logreg.predict(w, b, S_test))
    print(f"Accuracy: {train_acc:.1%} on the training part, {test_acc:.1%} on the test part.")
    raw_w, raw_b = logreg.unstandardize(w, b, means, deviations)
    show_weights(w, b, raw_w, raw_b, names)

    heading("3. Three learning rates")
    L = steepest_curvature(S_train)
    print(f"At the start, J curves most steeply with L = {L:.3g}: steps above 2/L = {2 / L:.3g} "
          "overshoot.")
    curves = learning_rate_curves(S_train, Y_train, L)
    top = 1.5 * math.log(2)
    for line in text_chart(curves, top):
        print(line)
    print("         (^ marks a cost above the top of the chart)")

    heading("4. The decision boundary")
    if n == 2:
        print("The boundary is where z = 0 and a = ½: on one side the neuron says 1, on the other 0.")
        for line in text_scatter(X_train, Y_train, raw_w, raw_b, names):
            print(line)
    else:
        print(f"The picture needs exactly two features; this data has {n}.")

    heading("5. Any start, one answer")
    # Enough steps to settle on small data, and at most a second or so of work on large.
    steps = max(100, min(3000, 3_000_000 // (m * (n + 1))))
    print(f"J is convex, so gradient descent from any start heads for the same weights ({steps} steps):")
    rnd = random.Random(args.seed)
    starts = [([0.0] * n, 0.0)] + [([rnd.uniform(-3, 3) for _ in names], rnd.uniform(-3, 3))
                                   for _ in range(3)]
    finals = []
    for w_start, b_start in starts:
        w_end, b_end, _ = logreg.train(S_train, Y_train, learning_rate=1.0 / L, iterations=steps,
                                       tolerance=1e-13, w=w_start, b=b_start)
        finals.append(w_end + [b_end])
        if n <= 3:
            print(f"  from w = ({', '.join(f'{v:+.2f}' for v in w_start)}), b = {b_start:+.2f}"
                  f"  to  w = ({', '.join(f'{v:+.4f}' for v in w_end)}), b = {b_end:+.4f}")
    spread = max(max(f[k] for f in finals) - min(f[k] for f in finals) for k in range(n + 1))
    size = max(abs(v) for v in finals[0])
    print(f"From {len(starts)} starts, the weights end up differing by at most {spread:.1e} "
          f"(the largest weight is {size:.3g}).")
    if spread > 1e-3 * max(1.0, size):
        print("They have not met yet: on this data gradient descent needs more steps than the "
              "demo spends here. The cost is convex, so they would meet in the end.")

    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg(curves, top, X_train, Y_train, raw_w, raw_b, names))
        print(f"\nWrote the learning curves and the boundary to {args.svg}.")


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Watch one neuron learn logistic regression.")
    parser.add_argument("--seed", type=int, default=1, help="seed for the data and the split (default 1)")
    parser.add_argument("--iterations", type=_count, default=400, help="training steps (default 400)")
    parser.add_argument("--learning-rate", type=_positive, default=1.0, help="α for training (default 1)")
    parser.add_argument("--svg", metavar="FILE", help="also save the pictures as an SVG file")
    parser.add_argument("--csv", metavar="FILE", help="train on your own data: a CSV file whose last "
                        "column is the label (two values); a header row is optional")
    args = parser.parse_args(argv)
    try:
        if args.csv:
            X, Y, names, note = read_csv(args.csv)
        else:
            X, Y, names = make_clouds(args.seed)
            note = None
        tour(X, Y, names, note, args)
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
