"""Tests for logreg.py.

Each value is checked against something independent of the code under test:
a hand calculation, a central finite difference, Newton's method written out
below, or scikit-learn.
"""

import copy
import doctest
import inspect
import math
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import demo
import logreg
from logreg import (accuracy, cost, fit_scaling, loss, loss_derivative, loss_from_z,
                    predict, predict_proba, propagate, propagate_two_features, sigmoid,
                    sigmoid_derivative, standardize, train, unstandardize, update)

HERE = Path(__file__).resolve().parent
PUBLIC = [name for name, f in vars(logreg).items()
          if inspect.isfunction(f) and not name.startswith("_") and f.__module__ == "logreg"]

Rows = list[list[float]]


def random_problem(rnd: random.Random, m: int, n: int, scale: float) -> tuple[Rows, list[int], list[float], float]:
    """Data X, Y and weights w, b of the given size, the weights of size ~scale."""
    X = [[rnd.gauss(0.0, 1.0) for _ in range(n)] for _ in range(m)]
    Y = [rnd.randrange(2) for _ in range(m)]
    w = [rnd.gauss(0.0, scale) for _ in range(n)]
    return X, Y, w, rnd.gauss(0.0, scale)


def overlapping_clouds(m: int, seed: int) -> tuple[Rows, list[int]]:
    """Two-feature points from two overlapping clouds: not linearly separable."""
    rnd = random.Random(seed)
    X, Y = [], []
    for i in range(m):
        y = i % 2
        X.append([rnd.gauss(0.8 if y else -0.8, 1.0), rnd.gauss(0.3 if y else -0.3, 1.0)])
        Y.append(y)
    return X, Y


# === Documentation and types =================================================

def test_every_public_function_has_a_docstring_example() -> None:
    missing = [name for name in PUBLIC if ">>>" not in (vars(logreg)[name].__doc__ or "")]
    assert len(PUBLIC) >= 16
    assert missing == []


def test_doctests_pass() -> None:
    failed, attempted = doctest.testmod(logreg, verbose=False)
    assert attempted >= 30  # doctest found the examples
    assert failed == 0


def test_mypy_strict_passes_on_every_file() -> None:
    from mypy import api  # a dev requirement: missing, this test fails, never skips
    out, err, status = api.run(["--strict", "--config-file", str(HERE / "pyproject.toml"),
                                     str(HERE / "logreg.py"), str(HERE / "demo.py"),
                                     str(HERE / "test_logreg.py")])
    assert status == 0, out + err


def test_logreg_imports_math_alone() -> None:
    import ast
    tree = ast.parse((HERE / "logreg.py").read_text())
    modules = {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    modules |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert modules <= {"math", "collections.abc", "typing", "__future__"}


def test_ci_installs_and_tests_with_the_readme_commands() -> None:
    readme = (HERE / "README.md").read_text()
    ci = (HERE / ".ci" / "run").read_text()
    for command in ['python -m pip install ".[dev]"', "python -m pytest"]:
        assert command in readme
        assert command in ci


# === The sigmoid =============================================================

@pytest.mark.parametrize("z, expected", [
    (0.0, 0.5),
    (math.log(3), 0.75),        # 1 / (1 + 1/3)
    (-math.log(3), 0.25),       # 1 / (1 + 3)
    (math.log(9), 0.9),         # 1 / (1 + 1/9)
])
def test_sigmoid_known_values(z: float, expected: float) -> None:
    assert sigmoid(z) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("z", [-1e308, -800.0, -745.5, -700.0, -40.0, -1.0, 1.0, 40.0, 800.0, 1e308])
def test_sigmoid_is_exact_and_symmetric_far_out(z: float) -> None:
    # σ(z) = e^z / (1 + e^z); for z ≤ -40, 1 + e^z rounds to 1, leaving e^z.
    # math.exp does not overflow for z < 0, and underflows to 0 (the right
    # rounding) below about -745.
    low = sigmoid(-abs(z))
    expected_low = math.exp(-abs(z)) / (1.0 + math.exp(-abs(z)))
    assert low == pytest.approx(expected_low, rel=1e-15, abs=0.0)
    assert sigmoid(abs(z)) == pytest.approx(1.0 - expected_low, rel=1e-15)
    assert 0.0 <= low <= 0.5


def test_sigmoid_of_infinities_is_zero_and_one() -> None:
    assert (sigmoid(-math.inf), sigmoid(math.inf)) == (0.0, 1.0)


# (Where σ is near 1 the difference σ(z + h) − σ(z − h) cancels most digits, so
# the far positive side is checked through the symmetry σ'(z) = σ'(−z) instead.)
@pytest.mark.parametrize("z", [-30.0, -12.0, -8.0, -2.0, -0.5, 0.0, 0.3, 1.0, 4.0])
def test_sigmoid_derivative_matches_central_difference(z: float) -> None:
    assert sigmoid_derivative(-z) == sigmoid_derivative(z)
    h = 1e-5
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    assert sigmoid_derivative(z) == pytest.approx(numeric, rel=1e-6)
    # and the textbook form σ(1 − σ) where it is still accurate
    if abs(z) <= 4:
        assert sigmoid_derivative(z) == pytest.approx(sigmoid(z) * (1 - sigmoid(z)), rel=1e-12)


@pytest.mark.parametrize("z", [40.0, -40.0, 100.0, -700.0])
def test_sigmoid_derivative_keeps_digits_where_one_minus_sigma_rounds_to_zero(z: float) -> None:
    # σ'(z) = e^-|z| / (1 + e^-|z|)², which is e^-|z| to double precision here.
    assert sigmoid_derivative(z) == pytest.approx(math.exp(-abs(z)), rel=1e-14)
    assert sigmoid_derivative(800.0) == 0.0  # e^-800 is below the smallest float


def test_sigmoid_derivative_peaks_at_a_quarter() -> None:
    assert sigmoid_derivative(0.0) == 0.25
    assert all(sigmoid_derivative(z / 10) < 0.25 for z in range(-50, 51) if z)


# === The loss ================================================================

@pytest.mark.parametrize("a, y, expected", [
    (0.5, 1, math.log(2)),
    (0.5, 0, math.log(2)),
    (0.25, 1, math.log(4)),         # −log(1/4)
    (0.25, 0, math.log(4 / 3)),     # −log(3/4)
    (0.9, 1, -math.log(0.9)),
    (1e-300, 0, 1e-300),            # −log(1 − ε) = ε to first order
    (1.0, 1, 0.0),
    (0.0, 0, 0.0),
    (0.0, 1, math.inf),
    (1.0, 0, math.inf),
])
def test_loss_known_values_and_edges(a: float, y: int, expected: float) -> None:
    result = loss(a, y)
    if math.isinf(expected):
        assert result == math.inf
    else:
        assert result == pytest.approx(expected, rel=1e-14, abs=0.0)
    assert math.copysign(1.0, result) == 1.0    # never −0.0


@pytest.mark.parametrize("a", [0.01, 0.2, 0.5, 0.7, 0.99])
@pytest.mark.parametrize("y", [0, 1])
def test_loss_derivative_matches_central_difference(a: float, y: int) -> None:
    h = 1e-7
    numeric = (loss(a + h, y) - loss(a - h, y)) / (2 * h)
    assert loss_derivative(a, y) == pytest.approx(numeric, rel=1e-6)


def test_loss_derivative_at_the_edges_is_infinite_not_a_division_error() -> None:
    assert loss_derivative(0.0, 1) == -math.inf
    assert loss_derivative(1.0, 0) == math.inf
    assert loss_derivative(0.0, 0) == 1.0
    assert loss_derivative(1.0, 1) == -1.0


@pytest.mark.parametrize("z", [-5.0, -3.0, -0.7, 0.0, 0.4, 2.5, 5.0])
@pytest.mark.parametrize("y", [0, 1])
def test_loss_from_z_equals_the_textbook_loss_where_that_is_accurate(z: float, y: int) -> None:
    assert loss_from_z(z, y) == pytest.approx(loss(sigmoid(z), y), rel=1e-12)


@pytest.mark.parametrize("z, y, expected", [
    (40.0, 0, 40.0),                 # log(1 + e^40) = 40 + log(1 + e^-40)
    (-40.0, 1, 40.0),
    (40.0, 1, math.exp(-40.0)),      # log(1 + ε) = ε; the textbook form gives 0
    (-40.0, 0, math.exp(-40.0)),
    (800.0, 0, 800.0),
    (-800.0, 1, 800.0),
    (800.0, 1, 0.0),                 # e^-800 underflows: 0 is the rounded truth
    (-1e20, 1, 1e20),
    (1e308, 0, 1e308),
    (-1e308, 1, 1e308),
    (1e308, 1, 0.0),
])
def test_loss_from_z_is_exact_where_sigmoid_rounds_to_0_or_1(z: float, y: int, expected: float) -> None:
    assert loss_from_z(z, y) == pytest.approx(expected, rel=1e-15, abs=0.0)


@pytest.mark.parametrize("z", [-30.0, -5.0, -1.0, 0.0, 0.5, 3.0, 30.0])
@pytest.mark.parametrize("y", [0, 1])
def test_dL_dz_is_a_minus_y_by_central_difference_and_by_the_chain_rule(z: float, y: int) -> None:
    h = 1e-5
    numeric = (loss_from_z(z + h, y) - loss_from_z(z - h, y)) / (2 * h)
    a = sigmoid(z)
    assert a - y == pytest.approx(numeric, rel=1e-6, abs=1e-12)
    if abs(z) <= 5:   # beyond, 1 − a in dL/da has lost digits
        chain = loss_derivative(a, y) * sigmoid_derivative(z)
        assert chain == pytest.approx(a - y, rel=1e-9, abs=1e-15)


# === The cost and its gradient ===============================================

def central_difference_gradient(w: list[float], b: float, X: Rows, Y: list[int]) -> tuple[list[float], float]:
    """(dJ/dw, dJ/db) by two-sided differences of cost(), step h relative to each value."""
    def J(w: list[float], b: float) -> float:
        return cost(w, b, X, Y)
    dw = []
    for j in range(len(w)):
        h = 1e-6 * max(1.0, abs(w[j]))
        up, down = w.copy(), w.copy()
        up[j] += h
        down[j] -= h
        dw.append((J(up, b) - J(down, b)) / (up[j] - down[j]))
    h = 1e-6 * max(1.0, abs(b))
    return dw, (J(w, b + h) - J(w, b - h)) / ((b + h) - (b - h))


def relative_error(u: Sequence[float], v: Sequence[float]) -> float:
    """‖u − v‖ / max(‖u‖, ‖v‖): 0 for equal vectors, 1 for unrelated ones."""
    size = max(math.hypot(*u), math.hypot(*v))
    return math.hypot(*(p - q for p, q in zip(u, v))) / size if size else 0.0


GRADIENT_CASES = [(seed, 1 + seed % 6, 1 + (seed * 7) % 50, scale)
                  for seed, scale in enumerate([0.01, 0.3, 1.0, 3.0, 10.0, 100.0] * 10)]


@pytest.mark.parametrize("seed, n, m, scale", GRADIENT_CASES)
def test_propagate_gradient_matches_central_differences_of_the_cost(seed: int, n: int, m: int, scale: float) -> None:
    X, Y, w, b = random_problem(random.Random(seed), m, n, scale)
    J, dw, db = propagate(w, b, X, Y)
    numeric_dw, numeric_db = central_difference_gradient(w, b, X, Y)
    assert relative_error(dw + [db], numeric_dw + [numeric_db]) < 1e-6
    assert J == pytest.approx(cost(w, b, X, Y), rel=1e-12)


@pytest.mark.parametrize("seed, m, scale", [(seed, 1 + (seed * 11) % 50, scale) for seed, scale in
                                            enumerate([0.01, 0.5, 2.0, 10.0, 100.0] * 4)])
def test_two_feature_loop_matches_central_differences_and_propagate(seed: int, m: int, scale: float) -> None:
    X, Y, (w1, w2), b = random_problem(random.Random(1000 + seed), m, 2, scale)
    J, dw1, dw2, db = propagate_two_features(w1, w2, b, X, Y)
    numeric_dw, numeric_db = central_difference_gradient([w1, w2], b, X, Y)
    assert relative_error([dw1, dw2, db], numeric_dw + [numeric_db]) < 1e-6
    J_n, dw, db_n = propagate([w1, w2], b, X, Y)
    assert [J, dw1, dw2, db] == pytest.approx([J_n, *dw, db_n], rel=1e-12, abs=1e-15)


def test_cost_by_hand() -> None:
    # z = 1·2 − 1 = 1 with y = 1, and z = 1·0 − 1 = −1 with y = 0: both right by 1,
    # so J = log(1 + e^-1).  At w = 0, b = 0, J = log 2 whatever the data.
    assert cost([1.0], -1.0, [[2.0], [0.0]], [1, 0]) == pytest.approx(math.log1p(math.exp(-1)), rel=1e-15)
    assert cost([0.0, 0.0, 0.0], 0.0, [[5, -3, 2], [1, 1, 1]], [1, 1]) == pytest.approx(math.log(2), rel=1e-15)


def test_cost_stays_finite_where_every_sigmoid_rounds_to_0_or_1() -> None:
    # z = ±1000: one example right (loss ≈ 0), one wrong by 1000.
    assert cost([1.0], 0.0, [[1000.0], [-1000.0]], [1, 1]) == pytest.approx(500.0, rel=1e-15)
    J, dw, db = propagate([1.0], 0.0, [[1000.0], [-1000.0]], [1, 1])
    assert J == pytest.approx(500.0, rel=1e-15)
    assert dw == pytest.approx([500.0]) and db == pytest.approx(-0.5)


# === One step of gradient descent ============================================

def test_update_steps_against_the_gradient_and_leaves_the_inputs_alone() -> None:
    w, dw = [1.0, -2.0], [0.5, -0.25]
    new_w, new_b = update(w, 3.0, dw, 1.0, learning_rate=0.5)
    assert new_w == pytest.approx([0.75, -1.875])
    assert new_b == pytest.approx(2.5)
    assert w == [1.0, -2.0] and dw == [0.5, -0.25]
    assert new_w is not w


# === Training ================================================================

def solve(A: list[list[float]], g: list[float]) -> list[float]:
    """x with A·x = g, by Gaussian elimination with partial pivoting."""
    k = len(g)
    M = [row[:] + [gi] for row, gi in zip(A, g)]
    for col in range(k):
        pivot = max(range(col, k), key=lambda r: abs(M[r][col]))
        M[col], M[pivot] = M[pivot], M[col]
        for r in range(col + 1, k):
            f = M[r][col] / M[col][col]
            for c in range(col, k + 1):
                M[r][c] -= f * M[col][c]
    x = [0.0] * k
    for r in reversed(range(k)):
        x[r] = (M[r][k] - sum(M[r][c] * x[c] for c in range(r + 1, k))) / M[r][r]
    return x


def newton_fit(X: Rows, Y: Sequence[int]) -> tuple[list[float], float]:
    """The minimum of J by Newton's method: θ := θ − H⁻¹·∇J, θ = (w1..wn, b).

    ∇J = Σ (a − y)·x̃ / m and H = Σ a(1 − a)·x̃·x̃ᵀ / m, with x̃ = (x1..xn, 1).
    Written independently of logreg; for data that is not separable.
    """
    n = len(X[0])
    theta = [0.0] * (n + 1)
    for _ in range(100):
        grad = [0.0] * (n + 1)
        H = [[0.0] * (n + 1) for _ in range(n + 1)]
        for x, y in zip(X, Y):
            xt = list(x) + [1.0]
            a = 1.0 / (1.0 + math.exp(-sum(t * v for t, v in zip(theta, xt))))
            for j in range(n + 1):
                grad[j] += (a - y) * xt[j] / len(X)
                for k in range(n + 1):
                    H[j][k] += a * (1 - a) * xt[j] * xt[k] / len(X)
        step = solve(H, grad)
        theta = [t - s for t, s in zip(theta, step)]
        if max(map(abs, step)) < 1e-13:
            break
    return theta[:n], theta[n]


def test_newton_solver_in_this_file_finds_a_zero_gradient() -> None:
    X, Y = overlapping_clouds(40, seed=3)
    w, b = newton_fit(X, Y)
    _, dw, db = propagate(w, b, X, Y)
    assert max(map(abs, dw + [db])) < 1e-12


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_trained_weights_match_newtons_method_and_the_gradient_vanishes(seed: int) -> None:
    X, Y = overlapping_clouds(60, seed)
    w, b, costs = train(X, Y, learning_rate=2.0, iterations=5000, tolerance=1e-16)
    newton_w, newton_b = newton_fit(X, Y)
    assert w + [b] == pytest.approx(newton_w + [newton_b], abs=1e-6)
    _, dw, db = propagate(w, b, X, Y)
    assert max(map(abs, dw + [db])) < 1e-7
    assert costs[-1] == pytest.approx(cost(newton_w, newton_b, X, Y), rel=1e-12)


def iris_versicolor_or_virginica() -> tuple[Rows, list[int]]:
    """Real, not linearly separable data: 100 irises, 4 measurements, y = 1 for virginica."""
    from sklearn.datasets import load_iris   # shipped with scikit-learn; no download
    iris = load_iris()
    keep = [i for i, t in enumerate(iris.target) if t in (1, 2)]
    return [[float(v) for v in iris.data[i]] for i in keep], [int(iris.target[i] == 2) for i in keep]


def test_fit_agrees_with_scikit_learn_unpenalized_on_real_data() -> None:
    import numpy as np
    import sklearn
    from sklearn.linear_model import LogisticRegression
    X, Y = iris_versicolor_or_virginica()
    means, deviations = fit_scaling(X)
    Xs = standardize(X, means, deviations)
    w, b, _ = train(Xs, Y, learning_rate=4.0, iterations=20000, tolerance=1e-15)
    # "No penalty" is C = inf from scikit-learn 1.8 on, penalty=None before.
    major, minor = (int(part) for part in sklearn.__version__.split(".")[:2])
    unpenalized: dict[str, Any] = {"C": np.inf} if (major, minor) >= (1, 8) else {"penalty": None}

    def unpenalized_model() -> Any:
        return LogisticRegression(**unpenalized, solver="newton-cg", tol=1e-12, max_iter=1000)

    reference = unpenalized_model().fit(Xs, Y)
    assert w == pytest.approx(list(reference.coef_[0]), abs=1e-4)
    assert b == pytest.approx(float(reference.intercept_[0]), abs=1e-4)
    # and the same model in centimetres, against a fit on the raw measurements
    raw_w, raw_b = unstandardize(w, b, means, deviations)
    raw = unpenalized_model().fit(X, Y)
    assert raw_w + [raw_b] == pytest.approx(list(raw.coef_[0]) + [float(raw.intercept_[0])], rel=1e-4)
    # and against the Newton solver above
    newton_w, newton_b = newton_fit(Xs, Y)
    assert w + [b] == pytest.approx(newton_w + [newton_b], abs=1e-4)


def test_training_starts_at_log_2_from_zeros_and_records_one_cost_per_step() -> None:
    X, Y = overlapping_clouds(30, seed=4)
    w, b, costs = train(X, Y, learning_rate=0.5, iterations=25)
    assert len(costs) == 25
    assert costs[0] == pytest.approx(math.log(2), rel=1e-15)   # every a is 1/2
    assert costs[-1] < costs[0]
    assert len(w) == 2 and isinstance(b, float)


def test_zero_iterations_returns_the_start_untouched() -> None:
    assert train([[1.0], [2.0]], [0, 1], learning_rate=0.1, iterations=0) == ([0.0], 0.0, [])
    start = [0.5]
    assert train([[1.0], [2.0]], [0, 1], learning_rate=0.1, iterations=0, w=start, b=2) == ([0.5], 2.0, [])


def test_training_from_a_given_start_records_its_cost_and_leaves_it_alone() -> None:
    X, Y = overlapping_clouds(20, seed=5)
    start = [3.0, -2.0]
    _, _, costs = train(X, Y, learning_rate=0.1, iterations=3, w=start, b=1.0)
    assert costs[0] == pytest.approx(cost([3.0, -2.0], 1.0, X, Y), rel=1e-12)
    assert start == [3.0, -2.0]


def test_one_step_by_hand() -> None:
    # x = ±1 with y = 0, 1: at w = b = 0 both a are 1/2, dz = +1/2 and −1/2,
    # dw = (−1·½ + 1·(−½))/2 = −½, db = 0; one step at α = 1 gives w = ½, b = 0.
    w, b, _ = train([[-1.0], [1.0]], [0, 1], learning_rate=1.0, iterations=1)
    assert w == pytest.approx([0.5]) and b == pytest.approx(0.0, abs=1e-15)


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_cost_never_rises_at_a_small_learning_rate(seed: int) -> None:
    X, Y = overlapping_clouds(50, seed)
    _, _, costs = train(X, Y, learning_rate=0.1, iterations=300)
    assert all(later <= earlier for earlier, later in zip(costs, costs[1:]))
    assert costs[-1] < costs[0] - 0.1


def test_convex_cost_gives_the_same_weights_from_any_start() -> None:
    X, Y = overlapping_clouds(40, seed=9)
    results = [train(X, Y, learning_rate=2.0, iterations=4000, tolerance=1e-16, w=w0, b=b0)
               for w0, b0 in [([0.0, 0.0], 0.0), ([5.0, -4.0], 3.0), ([-2.0, 7.0], -6.0)]]
    first_w, first_b, _ = results[0]
    for w, b, _ in results[1:]:
        assert w + [b] == pytest.approx(first_w + [first_b], abs=1e-6)


def test_tolerance_stops_when_a_step_lowers_the_cost_by_less() -> None:
    X, Y = overlapping_clouds(40, seed=10)
    w, b, costs = train(X, Y, learning_rate=1.0, iterations=10_000, tolerance=1e-6)
    assert 2 < len(costs) < 10_000
    assert 0.0 <= costs[-2] - costs[-1] < 1e-6
    assert all(earlier - later >= 1e-6 for earlier, later in zip(costs[:-1], costs[1:-1]))
    # on stopping, the weights returned are those whose cost is costs[-1]
    assert cost(w, b, X, Y) == pytest.approx(costs[-1], rel=1e-12)


def test_default_tolerance_runs_every_iteration_even_when_converged() -> None:
    _, _, costs = train([[0.0], [1.0], [2.0]], [0, 1, 0], learning_rate=1.0, iterations=3000)
    assert len(costs) == 3000
    assert costs[-1] == costs[-2]           # long converged: J no longer moves


def test_too_large_a_learning_rate_shows_its_oscillation_and_is_not_taken_for_convergence() -> None:
    X, Y = overlapping_clouds(40, seed=5)
    _, _, costs = train(X, Y, learning_rate=20.0, iterations=30, tolerance=1e-3)
    rises = [k for k in range(1, len(costs)) if costs[k] > costs[k - 1]]
    assert costs[1] > costs[0]                  # the very first step overshoots
    assert len(rises) >= 5                      # and it keeps bouncing
    # training went on past every rise: it stops, if at all, only after a small decrease
    assert rises[-1] < len(costs) - 1 or len(costs) == 30
    assert len(costs) == 30 or 0.0 <= costs[-2] - costs[-1] < 1e-3


def test_print_every_prints_the_cost_every_k_iterations(capsys: pytest.CaptureFixture[str]) -> None:
    X, Y = overlapping_clouds(20, seed=11)
    _, _, costs = train(X, Y, learning_rate=0.5, iterations=12, print_every=5)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"cost after iteration {k}: {costs[k]:.6g}" for k in (0, 5, 10)]
    train(X, Y, learning_rate=0.5, iterations=12)
    assert capsys.readouterr().out == ""


def test_separable_data_stays_finite_while_the_cost_falls_toward_zero_and_weights_grow() -> None:
    X = [[-2.0, 1.0], [-1.0, -1.0], [1.0, 1.0], [2.0, -1.0]]
    Y = [0, 0, 1, 1]
    runs = [train(X, Y, learning_rate=5.0, iterations=k) for k in (200, 2000, 20_000)]
    sizes = [math.hypot(*w) for w, _, _ in runs]
    last_costs = [costs[-1] for _, _, costs in runs]
    assert sizes[0] < sizes[1] < sizes[2]             # growing, ever more slowly
    assert last_costs[0] > last_costs[1] > last_costs[2] and last_costs[2] < 1e-5
    # At a far larger rate, every margin soon passes ~37, where a − y rounds to 0
    # in floating point: the weights stop, and everything stays finite.
    w, b, costs = train(X, Y, learning_rate=500.0, iterations=20_000)
    assert all(math.isfinite(v) for v in costs + w + [b])
    assert costs[-1] < 1e-15
    assert predict(w, b, X) == Y


def test_training_that_overflows_says_it_diverged() -> None:
    # Features near 1e200 with no standardizing: the first step makes |w·x| overflow.
    X = [[1e200], [2e200], [3e200]]
    with pytest.raises(ValueError, match="training diverged.*standardize"):
        train(X, [1, 0, 1], learning_rate=1.0, iterations=5)


# === Prediction ==============================================================

def test_predict_proba_and_predict_by_hand() -> None:
    # z = 2·x − 2: x = 1 gives z = 0 (a = ½), x = 1 + log(3)/2 gives z = log 3 (a = ¾).
    X = [[1.0], [1.0 + math.log(3) / 2], [-500.0]]
    assert predict_proba([2.0], -2.0, X) == pytest.approx([0.5, 0.75, 0.0], abs=1e-15)
    assert predict([2.0], -2.0, X) == [0, 1, 0]          # a = ½ is not above ½
    assert predict([2.0], -2.0, X, threshold=0.8) == [0, 0, 0]
    assert predict([2.0], -2.0, X, threshold=0.0) == [1, 1, 0]


def test_accuracy_counts_matches() -> None:
    assert accuracy([1, 0, 1, 1, 0], [1, 1, 1, 0, 0]) == pytest.approx(3 / 5)
    assert accuracy([0.0, 1.0], [0, 1]) == 1.0


def test_train_and_test_accuracy_on_held_out_data() -> None:
    X, Y = overlapping_clouds(400, seed=12)
    w, b, _ = train(X[:300], Y[:300], learning_rate=1.0, iterations=300)
    # the clouds' centres differ by 1.6 and 0.6 standard deviations: the best
    # possible accuracy is Φ(½·√(1.6² + 0.6²)) ≈ 0.80
    assert accuracy(Y[:300], predict(w, b, X[:300])) == pytest.approx(0.80, abs=0.06)
    assert accuracy(Y[300:], predict(w, b, X[300:])) == pytest.approx(0.80, abs=0.08)


# === Feature scaling =========================================================

def test_fit_scaling_by_hand() -> None:
    # feature 0: 1, 2, 3, 6 → mean 3, squares 4 + 1 + 0 + 9 = 14, deviation √(14/4)
    means, deviations = fit_scaling([[1, 5], [2, 5], [3, 5], [6, 5]])
    assert means == pytest.approx([3.0, 5.0])
    assert deviations == pytest.approx([math.sqrt(3.5), 1.0])   # constant → 1


def test_standardized_training_data_has_mean_0_and_deviation_1() -> None:
    X, _ = overlapping_clouds(100, seed=13)
    X = [[10.0 + 300.0 * x1, -4.0 + 0.01 * x2] for x1, x2 in X]
    means, deviations = fit_scaling(X)
    Xs = standardize(X, means, deviations)
    new_means, new_deviations = fit_scaling(Xs)
    assert new_means == pytest.approx([0.0, 0.0], abs=1e-12)
    assert new_deviations == pytest.approx([1.0, 1.0], rel=1e-12)


def test_new_data_uses_the_training_scaling() -> None:
    assert standardize([[7.0, 0.0]], [3.0, 1.0], [2.0, 4.0]) == [[2.0, -0.25]]


def test_unstandardized_weights_give_the_same_z_on_raw_features() -> None:
    X = [[150.0, 0.002], [170.0, 0.004], [190.0, 0.001]]
    means, deviations = fit_scaling(X)
    w, b = [0.7, -1.3], 0.25
    raw_w, raw_b = unstandardize(w, b, means, deviations)
    for x, xs in zip(X, standardize(X, means, deviations)):
        z_standard = sum(wj * v for wj, v in zip(w, xs)) + b
        assert sum(wj * v for wj, v in zip(raw_w, x)) + raw_b == pytest.approx(z_standard, rel=1e-9, abs=1e-12)


def test_standardizing_makes_badly_scaled_features_trainable() -> None:
    X, Y = overlapping_clouds(200, seed=14)
    X = [[1000.0 * x1, 0.001 * x2] for x1, x2 in X]
    means, deviations = fit_scaling(X)
    w, b, costs = train(standardize(X, means, deviations), Y, learning_rate=1.0, iterations=200)
    assert costs[-1] < 0.5
    _, _, raw_costs = train(X, Y, learning_rate=1.0, iterations=200)
    assert min(raw_costs[-20:]) > 10.0      # the same rate overshoots wildly


# === Bad input ===============================================================

XY = ([[0.0, 1.0], [1.0, 0.0]], [0, 1])
W2 = [0.0, 0.0]
NAN, INF = math.nan, math.inf

# (function, positional arguments, keyword arguments, exception, message pattern)
BAD_INPUT: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    # the data
    (cost, (W2, 0.0, [], []), {}, ValueError, r"^X is empty; it needs at least one example$"),
    (cost, ([], 0.0, [[]], [0]), {}, ValueError, r"^X\[0\] has no features$"),
    (propagate, (W2, 0.0, [[0, 1], [1]], [0, 1]), {}, ValueError, r"^X\[1\] has 1 features but X\[0\] has 2$"),
    (propagate, (W2, 0.0, [[0, 1], [1, 2, 3]], [0, 1]), {}, ValueError, r"^X\[1\] has 3 features but X\[0\] has 2$"),
    (propagate, (W2, 0.0, XY[0], [0, 1, 1]), {}, ValueError, r"^X has 2 examples but Y has 3 labels$"),
    (propagate, ([0.0], 0.0, *XY), {}, ValueError, r"^w has 1 weights but each example has 2 features$"),
    (train, (XY[0], [0, 2]), dict(learning_rate=0.1, iterations=1), ValueError, r"^label 1 is 2; labels must be 0 or 1$"),
    (train, (XY[0], [0.5, 1]), dict(learning_rate=0.1, iterations=1), ValueError, r"^label 0 is 0\.5; labels must be 0 or 1$"),
    (cost, (W2, 0.0, XY[0], [0, NAN]), {}, ValueError, r"^label 1 is nan; labels must be 0 or 1$"),
    (cost, (W2, 0.0, XY[0], [0, "1"]), {}, TypeError, r"^label 1 is '1' \(str\); it must be a real number$"),
    (cost, (W2, 0.0, XY[0], "01"), {}, TypeError, r"^Y is '01'; it must be a list of labels, 0 or 1$"),
    (train, ([[0.0, 1.0], [NAN, 0.0]], [0, 1]), dict(learning_rate=0.1, iterations=1), ValueError, r"^X\[1\]\[0\] is nan; it must be a finite number$"),
    (train, ([[0.0, -INF], [1.0, 0.0]], [0, 1]), dict(learning_rate=0.1, iterations=1), ValueError, r"^X\[0\]\[1\] is -inf; it must be a finite number$"),
    (train, ([[0.0, "1"], [1.0, 0.0]], [0, 1]), dict(learning_rate=0.1, iterations=1), TypeError, r"^X\[0\]\[1\] is '1' \(str\); it must be a real number$"),
    (cost, (W2, 0.0, [[0.0, None], [1.0, 0.0]], [0, 1]), {}, TypeError, r"^X\[0\]\[1\] is None \(NoneType\); it must be a real number$"),
    (cost, (W2, 0.0, [[0.0, 1j], [1.0, 0.0]], [0, 1]), {}, TypeError, r"^X\[0\]\[1\] is 1j \(complex\); it must be a real number$"),
    (cost, ([0.0], 0.0, [[10 ** 400], [1]], [0, 1]), {}, ValueError, r"^X\[0\]\[0\] is an integer too large for a float$"),
    (train, ([0.0, 1.0, 2.0], [0, 1, 1]), dict(learning_rate=0.1, iterations=1), TypeError, r"^X\[0\] is the number 0\.0; X must be a list of rows"),
    (train, ([None, [1.0]], [0, 1]), dict(learning_rate=0.1, iterations=1), TypeError, r"^X\[0\] is None; it must be a list of numbers$"),
    (train, (5, [0, 1]), dict(learning_rate=0.1, iterations=1), TypeError, r"^X is 5; it must be a list of examples"),
    (cost, ([0.0, NAN], 0.0, *XY), {}, ValueError, r"^w\[1\] is nan; it must be a finite number$"),
    (cost, (W2, INF, *XY), {}, ValueError, r"^b is inf; it must be a finite number$"),
    # training's settings
    (train, XY, dict(learning_rate=0.0, iterations=1), ValueError, r"^learning_rate is 0\.0; it must be positive$"),
    (train, XY, dict(learning_rate=-0.1, iterations=1), ValueError, r"^learning_rate is -0\.1; it must be positive$"),
    (train, XY, dict(learning_rate=NAN, iterations=1), ValueError, r"^learning_rate is nan; it must be a finite number$"),
    (train, XY, dict(learning_rate=INF, iterations=1), ValueError, r"^learning_rate is inf; it must be a finite number$"),
    (train, XY, dict(learning_rate="0.1", iterations=1), TypeError, r"^learning_rate is '0\.1' \(str\); it must be a real number$"),
    (train, XY, dict(learning_rate=0.1, iterations=-1), ValueError, r"^iterations is -1; it must be 0 or more$"),
    (train, XY, dict(learning_rate=0.1, iterations=2.5), TypeError, r"^iterations is 2\.5; it must be a whole number$"),
    (train, XY, dict(learning_rate=0.1, iterations=1, tolerance=-1e-9), ValueError, r"^tolerance is -1e-09; it must be 0 or more$"),
    (train, XY, dict(learning_rate=0.1, iterations=1, w=[0.0]), ValueError, r"^w has 1 weights but each example has 2 features$"),
    (train, XY, dict(learning_rate=0.1, iterations=1, b=NAN), ValueError, r"^b is nan; it must be a finite number$"),
    (train, XY, dict(learning_rate=0.1, iterations=1, print_every=-5), ValueError, r"^print_every is -5; it must be 0 or more$"),
    (train, XY, dict(learning_rate=0.1, iterations=1, print_every=0.5), TypeError, r"^print_every is 0\.5; it must be a whole number$"),
    (train, XY, dict(learning_rate=0.1, iterations=True), TypeError, r"^iterations is True; it must be a whole number$"),
    (accuracy, ([0, 1], None), {}, TypeError, r"^predictions is None; it must be a list of predictions, 0 or 1$"),
    (train, (XY[0], [1, 1]), dict(learning_rate=0.1, iterations=1), ValueError, r"^every label is 1; training needs examples of both classes"),
    # the pieces
    (sigmoid, (NAN,), {}, ValueError, r"^z is nan; it must be a finite number$"),
    (sigmoid, ("3",), {}, TypeError, r"^z is '3' \(str\); it must be a real number$"),
    (sigmoid_derivative, (NAN,), {}, ValueError, r"^z is nan"),
    (loss, (1.5, 1), {}, ValueError, r"^a is 1\.5; an activation must lie in \[0, 1\]$"),
    (loss, (0.5, 0.5), {}, ValueError, r"^y is 0\.5; labels must be 0 or 1$"),
    (loss_derivative, (-0.1, 1), {}, ValueError, r"^a is -0\.1; an activation must lie in \[0, 1\]$"),
    (loss_derivative, (0.5, 3), {}, ValueError, r"^y is 3; labels must be 0 or 1$"),
    (loss_from_z, (1.0, 2), {}, ValueError, r"^y is 2; labels must be 0 or 1$"),
    (loss_from_z, (NAN, 1), {}, ValueError, r"^z is nan"),
    (propagate_two_features, (0.0, 0.0, 0.0, [[1.0, 2.0, 3.0]], [1]), {}, ValueError, r"^each example has 3 features; this loop needs 2$"),
    (propagate_two_features, (0.0, NAN, 0.0, *XY), {}, ValueError, r"^w2 is nan"),
    (update, (W2, 0.0, [0.0], 0.0, 0.1), {}, ValueError, r"^w has 2 weights but dw has 1$"),
    (update, (W2, 0.0, W2, 0.0, 0.0), {}, ValueError, r"^learning_rate is 0\.0; it must be positive$"),
    (update, (W2, 0.0, [0.0, INF], 0.0, 0.1), {}, ValueError, r"^dw\[1\] is inf; it must be a finite number$"),
    (predict_proba, ([0.0], 0.0, XY[0]), {}, ValueError, r"^w has 1 weights but each example has 2 features$"),
    (predict_proba, (W2, 0.0, []), {}, ValueError, r"^X is empty"),
    (predict, (W2, 0.0, XY[0]), dict(threshold=1.5), ValueError, r"^threshold is 1\.5; it must lie in \[0, 1\]$"),
    (accuracy, ([0, 1], [1]), {}, ValueError, r"^Y has 2 labels but there are 1 predictions$"),
    (accuracy, ([], []), {}, ValueError, r"^Y is empty; there is nothing to score$"),
    (accuracy, ([0, 1], [1, 0.5]), {}, ValueError, r"^prediction 1 is 0\.5; predictions must be 0 or 1$"),
    (fit_scaling, ([[1.0], [NAN]],), {}, ValueError, r"^X\[1\]\[0\] is nan"),
    (standardize, (XY[0], [0.0], [1.0]), {}, ValueError, r"^means and deviations need 2 values each"),
    (standardize, (XY[0], [0.0, 0.0], [1.0, 0.0]), {}, ValueError, r"^deviations\[1\] is 0\.0; deviations must be positive$"),
    (unstandardize, ([1.0], 0.0, [0.0], [-2.0]), {}, ValueError, r"^deviations\[0\] is -2\.0; deviations must be positive$"),
]


@pytest.mark.parametrize("function, args, kwargs, error, message", BAD_INPUT,
                         ids=[f"{case[0].__name__}-{case[4][:40]}" for case in BAD_INPUT])
def test_bad_input_gets_a_clear_error(function: Callable[..., Any], args: tuple[Any, ...],
                                      kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        function(*args, **kwargs)
    assert type(caught.value) is error
    # the message stands alone: no internal exception chained behind it
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_every_public_function_rejects_bad_input() -> None:
    assert {case[0].__name__ for case in BAD_INPUT} == set(PUBLIC)


def test_no_function_changes_the_callers_lists() -> None:
    X, Y = overlapping_clouds(20, seed=15)
    w, dw, means, deviations = [0.5, -0.5], [0.1, 0.2], [0.0, 1.0], [2.0, 3.0]
    originals = copy.deepcopy((X, Y, w, dw, means, deviations))
    cost(w, 0.0, X, Y)
    propagate(w, 0.0, X, Y)
    propagate_two_features(0.5, -0.5, 0.0, X, Y)
    update(w, 0.0, dw, 0.0, 0.1)
    train(X, Y, learning_rate=0.5, iterations=5, w=w, b=0.0)
    predict_proba(w, 0.0, X)
    accuracy(Y, predict(w, 0.0, X))
    fit_scaling(X)
    standardize(X, means, deviations)
    unstandardize(w, 0.0, means, deviations)
    assert (X, Y, w, dw, means, deviations) == originals


def test_numbers_of_other_numeric_types_are_accepted() -> None:
    from fractions import Fraction
    X: list[list[Any]] = [[Fraction(1, 2), True], [2, False]]
    assert cost([1.0, 1.0], 0.0, X, [True, 0.0]) == pytest.approx(cost([1.0, 1.0], 0.0, [[0.5, 1.0], [2.0, 0.0]], [1, 0]))


# === No finite input escapes as an arithmetic error ==========================

EXTREMES = [0.0, -0.0, 5e-324, -5e-324, 1e-300, 1.0, -1.0, 37.0, -37.0, 709.8, -709.8,
            745.2, -745.2, 800.0, -800.0, 1e20, -1e20, 1e200, -1e200, 1.7976931348623157e308,
            -1.7976931348623157e308]


@pytest.mark.parametrize("v", EXTREMES)
def test_extreme_values_never_raise_overflow_domain_or_division_errors(v: float) -> None:
    for y in (0, 1):
        assert 0.0 <= sigmoid(v) <= 1.0
        assert 0.0 <= sigmoid_derivative(v) <= 0.25
        assert loss_from_z(v, y) >= 0.0
        assert math.isfinite(loss_from_z(v, y))
    for a in (0.0, 1.0, min(max(abs(v), 0.0), 1.0)):
        for y in (0, 1):
            assert loss(a, y) >= 0.0
            loss_derivative(a, y)
    X = [[v, 1.0], [1.0, -v], [-v, v], [0.5, 0.25]]
    Y = [0, 1, 1, 0]
    for w in ([v, v], [1.0, -1.0], [v, -v]):
        for b in (0.0, v):
            results: list[Any] = []
            for compute in (lambda: cost(w, b, X, Y), lambda: propagate(w, b, X, Y),
                            lambda: predict(w, b, X), lambda: predict_proba(w, b, X)):
                try:
                    results.append(compute())
                except ValueError as e:       # only the clear overflow message
                    assert "overflowed" in str(e)
    for rate in (1e-300, 1.0, 1e300):
        try:
            w_t, b_t, costs = train(X, Y, learning_rate=rate, iterations=5)
        except ValueError as e:
            assert "diverged" in str(e)
        else:
            assert all(math.isfinite(c) for c in costs + w_t + [b_t])
    means, deviations = fit_scaling(X)
    assert all(math.isfinite(c) for c in means + deviations)


def test_scaling_handles_values_near_the_float_limit() -> None:
    # mean 0, deviation 1e308; the squares (1e616) would overflow if formed directly
    means, deviations = fit_scaling([[1e308], [-1e308]])
    assert means == [0.0] and deviations == pytest.approx([1e308], rel=1e-15)
    # x − μ = 3e308 overflows, yet (x − μ)/σ = 3 does not
    assert standardize([[1.5e308]], [-1.5e308], [1e308]) == [[pytest.approx(3.0)]]
    with pytest.raises(ValueError, match=r"^X\[0\]\[0\] is 1e\+300, too many deviations"):
        standardize([[1e300]], [0.0], [1e-300])
    with pytest.raises(ValueError, match="weights in original units are too large"):
        unstandardize([1e300], 0.0, [0.0], [1e-300])


def test_readme_example_gives_the_published_answers() -> None:
    # The hours-studied data set; its maximum-likelihood fit is published as
    # 1.5046 per hour and −4.0777, and the accuracy is checked by hand in the README.
    failed, attempted = doctest.testfile(str(HERE / "README.md"), module_relative=False)
    assert attempted >= 10
    assert failed == 0


# === demo.py =================================================================

def run_demo(*args: str) -> subprocess.CompletedProcess[str]:
    """python -S -E demo.py ARGS: no site-packages, as on a machine with nothing installed."""
    return subprocess.run([sys.executable, "-S", "-E", str(HERE / "demo.py"), *args],
                          capture_output=True, text=True, timeout=60, cwd=HERE)


def test_demo_runs_with_nothing_installed_and_tells_each_part() -> None:
    done = run_demo()
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    for heading in ["1. The data", "2. Training", "3. Three learning rates",
                    "4. The decision boundary", "5. Any start, one answer"]:
        assert f"== {heading}" in out
    assert "200 examples with 2 features" in out and "150 to train on, 50 kept aside" in out
    assert "cost after iteration 0: 0.693147" in out           # log 2 at w = 0, b = 0
    assert "too big" in out and "about right" in out and "too small" in out
    assert "o  y = 0     +  y = 1" in out
    accuracy_line = re.search(r"Accuracy: ([\d.]+)% on the training part, ([\d.]+)% on the test part", out)
    assert accuracy_line is not None
    assert 70.0 < float(accuracy_line[1]) < 100.0 and 60.0 < float(accuracy_line[2]) <= 100.0


def test_demo_learning_rates_bounce_settle_and_crawl() -> None:
    X, Y, _ = demo.make_clouds(1)
    S = logreg.standardize(X, *logreg.fit_scaling(X))
    curves = demo.learning_rate_curves(S, Y, demo.steepest_curvature(S))
    small, right, big = (costs for _, _, costs in curves)
    assert demo.bounces(big) >= 2
    assert all(later <= earlier for earlier, later in zip(right, right[1:]))
    assert all(later <= earlier for earlier, later in zip(small, small[1:]))
    assert right[-1] < small[-1] - 0.05                    # the small rate crawls


def test_steepest_curvature_by_hand() -> None:
    # x = ±1: (1/m)·Σ x̃x̃ᵀ = [[1, 0], [0, 1]], so ¼ of it has largest eigenvalue ¼.
    assert demo.steepest_curvature([[1.0], [-1.0]]) == pytest.approx(0.25)


def test_demo_svg_holds_the_points_the_curves_and_the_boundary(tmp_path: Path) -> None:
    picture = tmp_path / "out.svg"
    done = run_demo("--svg", str(picture), "--seed", "3", "--iterations", "50")
    assert done.returncode == 0, done.stderr
    root = ET.parse(picture).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert len(root.findall(f"{ns}circle")) == 150              # one per training example
    assert len(root.findall(f"{ns}polyline")) == 3              # one curve per learning rate
    assert len(root.findall(f"{ns}line")) == 1                  # the boundary
    texts = " ".join(t.text or "" for t in root.iter(f"{ns}text"))
    assert "x1" in texts and "x2" in texts and "iteration" in texts and "cost J" in texts


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_demo_trains_on_a_csv_with_text_labels_a_header_and_blank_lines(tmp_path: Path) -> None:
    rnd = random.Random(0)
    lines = ["petal length,petal width,species"]
    for i in range(40):
        kind = ("versicolor", 4.3, 1.3) if i % 2 else ("virginica", 5.5, 2.0)
        lines.append(f"{rnd.gauss(kind[1], 0.4):.2f},{rnd.gauss(kind[2], 0.25):.2f},{kind[0]}")
        if i == 10:
            lines.append("")
    done = run_demo("--csv", write(tmp_path, "flowers.csv", "\n".join(lines) + "\n"))
    assert done.returncode == 0, done.stderr
    assert "40 examples with 2 features (petal length, petal width)" in done.stdout
    assert "label 'virginica' is taken as 1 and 'versicolor' as 0" in done.stdout
    assert "Learned, in the original units:  z = " in done.stdout
    assert "·petal length" in done.stdout and "on standardized features" in done.stdout


@pytest.mark.parametrize("labels, one", [(["0", "1"], "1"), (["1.0", "0.0"], "1.0"), (["2", "10"], "10"),
                                         (["M", "B"], "M"), (["yes", "no"], "yes")])
def test_demo_takes_the_larger_label_as_1(labels: list[str], one: str) -> None:
    assert demo._order_labels(labels)[1] == one


BAD_FILES = [
    ("empty.csv", "", r"the file is empty"),
    ("blank.csv", "\n  \n\n", r"the file has only blank lines"),
    ("header.csv", "a,b,label\n\n", r"line 1 is a header, and no rows of data follow it"),
    ("ragged.csv", "1,2,x\n3,4,y\n5,y\n", r"line 3 has 2 cells but line 1 has 3"),
    ("text.csv", "a,b,c\n1,2,x\n3,abc,y\n", r"line 3, column 2: 'abc' is not a number"),
    ("nan.csv", "1,2,x\n3,nan,y\n", r"line 2, column 2: 'nan' is not a finite number"),
    ("inf.csv", "1,2,x\n\n-inf,4,y\n", r"line 3, column 1: '-inf' is not a finite number"),
    ("one.csv", "1,2,x\n3,4,x\n", r"every label \(the last column\) is 'x'; it needs two different values"),
    ("three.csv", "1,2,x\n3,4,y\n5,6,z\n", r"line 3: label 'z' is a third value"),
    ("nofeature.csv", "1\n2\n", r"line 1 has 1 cell; each row needs at least one feature and a label"),
    ("tiny.csv", "1,x\n2,y\n", r"the training part holds one class only"),
    ("binary.csv", b"\xff\xfe\x00\x01".decode("latin-1"), r"cannot read it"),
]


@pytest.mark.parametrize("name, text, message", BAD_FILES)
def test_demo_rejects_a_bad_file_in_one_line_with_status_2(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    done = run_demo("--csv", str(path))
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"demo.py: {path}: ")
    assert re.search(message, lines[0])


def test_demo_rejects_a_missing_file_in_one_line_with_status_2(tmp_path: Path) -> None:
    done = run_demo("--csv", str(tmp_path / "nowhere.csv"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"demo.py: {tmp_path / 'nowhere.csv'}: cannot read it: No such file or directory"


def test_numpy_arrays_are_accepted_and_give_plain_floats() -> None:
    import numpy as np

    def array(values: Any) -> Any:    # numpy arrays are not Sequences to mypy, yet work
        return np.array(values)

    X, Y = overlapping_clouds(30, seed=16)
    twenty: Any = np.int64(20)
    w, b, costs = train(array(X), array(Y), learning_rate=0.5, iterations=twenty)
    w_list, b_list, costs_list = train(X, Y, learning_rate=0.5, iterations=20)
    assert w + [b] + costs == pytest.approx(w_list + [b_list] + costs_list, rel=1e-12)
    assert all(type(v) is float for v in w + [b] + costs)
    results = [*propagate_two_features(0.3, -0.2, 0.1, array(X), array(Y)),
               *propagate(array([0.3, -0.2]), 0.1, array(X), array(Y))[::2],
               cost(array([0.3, -0.2]), 0.1, array(X), array(Y)),
               *standardize(array(X), *fit_scaling(array(X)))[0]]
    assert all(type(v) is float for v in results)


def test_print_every_keeps_a_huge_cost_short(capsys: pytest.CaptureFixture[str]) -> None:
    # Unscaled features near 1e100: one step sends J to about 1e199.
    X = [[1e100], [2e100], [3e100], [4e100]]
    _, _, costs = train(X, [0, 1, 0, 1], learning_rate=1.0, iterations=2, print_every=1)
    assert costs[1] > 1e198
    assert all(len(line) < 45 for line in capsys.readouterr().out.splitlines())


def test_demo_rejects_bad_options_with_status_2() -> None:
    for option, value, message in [("--learning-rate", "-1", "-1 is not a positive number"),
                                   ("--learning-rate", "nan", "nan is not a positive number"),
                                   ("--iterations", "0", "0 is not a whole number of 1 or more")]:
        done = run_demo(option, value)
        assert done.returncode == 2
        assert f"error: argument {option}: {message}" in done.stderr


def test_demo_reports_diverged_training_in_one_line() -> None:
    done = run_demo("--learning-rate", "1e308")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("demo.py: training diverged")
