# SPDX-License-Identifier: MIT
"""Logistic regression as a one-neuron network, in plain Python.

Read it from the top: a lecture, and a small library that needs only
Python's math module.

An example is n features x = (x1, ..., xn) with a label y, 0 or 1; the
neuron holds a weight per feature and a bias b.  Forward propagation takes
an example to a prediction a and a loss L, and the cost J is the mean loss
over the m training examples:

    z = w·x + b = w1·x1 + ... + wn·xn + b        a = σ(z) = 1 / (1 + e^(−z))
    L(a, y) = −(y·log(a) + (1 − y)·log(1 − a))   J = (1/m) · Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾)

Backward propagation runs the chain rule back from L: it finds dz = a − y,
then xj·dz for each weight and dz for b, whose means over the examples are
the gradient (dw, db) of J.  Gradient descent steps against it with a
learning rate α: wj := wj − α·dwj, b := b − α·db.  Repeat both, with α small
enough, and J goes down.

X is a list of m rows of n numbers, one per example (the course's n × m
matrix, transposed), and Y a list of m labels.  Numbers of any real type do;
results are plain Python numbers, and nothing passed in is changed.  Bad input
raises ValueError (TypeError if not a number), saying what and where.

>>> X, Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]
>>> w, b, costs = train(X, Y, learning_rate=1.0, iterations=300)
>>> round(costs[0], 4)             # at w = 0, b = 0 every a is ½: J = log 2
0.6931
>>> round(w[0], 4), abs(b) < 1e-9  # each group's a is its share of 1s: w = log 3, b = 0
(1.0986, True)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import Any

Vector = Sequence[float]
Matrix = Sequence[Sequence[float]]  # X: m examples (rows) of n features
Labels = Sequence[float]


# === 1. The neuron: z = w·x + b and a = σ(z) =================================
# Why not predict with z itself?  Unbounded, it can be above 1 or negative:
# no probability.  σ squashes it into one: large z means "surely 1", very
# negative z "surely 0", and z = 0 (the decision boundary) a coin toss.

def _z(w: Vector, b: float, x: Vector) -> float:
    """z = w·x + b for one example."""
    z = b
    for wj, xj in zip(w, x):
        z += wj * xj
    return z


def sigmoid(z: float) -> float:
    """σ(z) = 1 / (1 + e^(−z)), the neuron's activation a, in [0, 1].

    >>> sigmoid(0.0), round(sigmoid(math.log(3)), 12)    # 1 / (1 + 1/3)
    (0.5, 0.75)
    >>> sigmoid(-1000.0), sigmoid(1000.0)                # no overflow
    (0.0, 1.0)
    """
    if type(z) is not float:
        z = _real(z, "z")                  # other numbers: see the appendix
    # Textbook: 1 / (1 + math.exp(-z)).  But math.exp overflows above about
    # 709.78, so for z < 0 use the equal e^z / (1 + e^z), whose exp is below 1.
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigmoid_derivative(z: float) -> float:
    """da/dz = σ(z)·(1 − σ(z)), the sigmoid's slope: at most ¼, at z = 0.

    >>> sigmoid_derivative(0.0), sigmoid_derivative(40.0) > 0.0   # σ(40) rounds to 1
    (0.25, True)
    """
    if type(z) is not float:
        z = _real(z, "z")
    # Textbook: s·(1 − s) with s = σ(z), but 1 − s is 0 once σ(z) rounds to 1
    # (z above 37).  The slope is even in z: use −|z|, where σ keeps its digits.
    s = sigmoid(-abs(z))
    return s * (1.0 - s)


# === 2. The loss L(a, y) and the cost J ======================================
# Why not the squared error (a − y)²/2?  After σ it makes J non-convex, and
# it can have local minima; its gradient carries the slope a(1 − a), nearly 0
# where a is near the wrong 0 or 1: a plateau.  The cross-entropy makes J
# convex in (w, b): where its gradient vanishes, J is at its lowest.

def loss(a: float, y: float) -> float:
    """L(a, y) = −(y·log(a) + (1 − y)·log(1 − a)): 0 if sure and right, inf if sure and wrong.

    >>> loss(0.5, 1) == math.log(2), loss(1.0, 1) == 0, loss(0.0, 1)
    (True, True, inf)
    """
    a, y = _number(a, "a", "in [0, 1]"), _label(y)
    # One term, lest the other take log(0); `0.0 -` avoids −0.0.
    if y == 1:
        return 0.0 - math.log(a) if a > 0.0 else math.inf
    return 0.0 - math.log1p(-a) if a < 1.0 else math.inf


def loss_derivative(a: float, y: float) -> float:
    """dL/da = −y/a + (1 − y)/(1 − a).

    >>> loss_derivative(0.5, 1), loss_derivative(0.5, 0), loss_derivative(0.0, 1)
    (-2.0, 2.0, -inf)
    """
    a, y = _number(a, "a", "in [0, 1]"), _label(y)
    if y == 1:
        return -1.0 / a if a > 0.0 else -math.inf
    return 1.0 / (1.0 - a) if a < 1.0 else math.inf


def loss_from_z(z: float, y: float) -> float:
    """L(σ(z), y), computed from z, so that it stays accurate where σ(z) rounds to 0 or 1.

    >>> loss_from_z(40.0, 0), loss_from_z(1000.0, 1)    # σ(40) rounds to 1; e^(−1000) to 0
    (40.0, 0.0)
    """
    if type(z) is not float or type(y) is not int or y not in (0, 1):
        z, y = _real(z, "z"), _label(y)
    # Textbook: loss(sigmoid(z), y), but it is 0 or inf once σ(z) rounds to 1
    # (above z ≈ 37) or 0 (below z ≈ −745).  As 1 − σ(z) = σ(−z), L is
    # log(1 + e^t) = max(t, 0) + log1p(e^(−|t|)), with t = −z if y = 1, t = z if y = 0.
    correction = math.log1p(math.exp(-abs(z)))
    if (z >= 0.0) == (y == 1):        # leaning the right way
        return correction
    return abs(z) + correction


def cost(w: Vector, b: float, X: Matrix, Y: Labels, *, l2: float = 0.0) -> float:
    """J(w, b) = (1/m)·Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾) over the examples X with labels Y: propagate's first result.

    >>> cost([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1]) == math.log(2)
    True
    >>> cost([1.0], 0.0, [[40.0], [-40.0]], [0, 1])   # both wrong by 40
    40.0
    """
    return propagate(w, b, X, Y, l2=l2)[0]


# === 3. Forward and backward propagation =====================================
# A computation graph breaks a formula into nodes, each one simple step from
# those before it: x → z → a → L, forward propagation.  Going back, the chain
# rule gives L's derivative by each node from those of the nodes it feeds, so
# each is found once and serves every node before it (dz serves dw1, dw2, db):
#
#     da = dL/da = −y/a + (1 − y)/(1 − a)                 (loss_derivative)
#     dz = dL/dz = da · a(1 − a)                          (sigmoid_derivative)
#        = −y(1 − a) + (1 − y)a = a − y
#     dL/dwj = xj·dz        dL/db = dz
#
# The push is as hard as the neuron is wrong.  One example's graph, for
# x = (1, 2) and y = 1, at w = (0, 0) and b = 0:
#
#     x1 = 1, w1 = 0 ─┐
#     x2 = 2, w2 = 0 ─┼─▶ z = w1·x1 + w2·x2 + b ─▶ a = σ(z) ─▶ L = −log a
#     b = 0 ──────────┘     = 0                      = ½         = log 2
#
#     dw1 = x1·dz = −½  ◀─┐
#     dw2 = x2·dz = −1  ◀─┼── dz = da·a(1 − a) ◀── da = −y/a = −2
#     db  = dz    = −½  ◀─┘      = −2·¼ = −½
#
# J's gradient is the mean of the examples': the loop sums, then divides by m.

def propagate_two_features(w1: float, w2: float, b: float,
                           X: Matrix, Y: Labels) -> tuple[float, float, float, float]:
    """One pass over examples of two features: (J, dw1, dw2, db), as on the slide.

    >>> propagate_two_features(0.0, 0.0, 0.0, [[1, 2]], [1])    # the graph above
    (0.6931471805599453, -0.5, -1.0, -0.5)
    """
    X, Y = _examples(X, Y, features=2)                  # the door: see the appendix
    w1, w2, b, m = _number(w1, "w1"), _number(w2, "w2"), _number(b, "b"), len(X)
    J = dw1 = dw2 = db = 0.0
    for (x1, x2), y in zip(X, Y):
        # forward propagation: x → z → a → L
        z = w1 * x1 + w2 * x2 + b
        J += loss_from_z(z, y)          # L(a, y) with a = σ(z), without losing digits
        # backward propagation: dz = a − y, then each parameter's share.  For
        # y = 1, a − 1 = −σ(−z) (section 2), which keeps its digits as a nears 1.
        dz = sigmoid(z) if y == 0 else -sigmoid(-z)
        dw1 += x1 * dz
        dw2 += x2 * dz
        db += dz
    J, dw1, dw2, db = J / m, dw1 / m, dw2 / m, db / m
    _check_finite(J, [dw1, dw2], db)
    return J, dw1, dw2, db


# === 4. The same for n features ==============================================
# dw is now a list, and train repeats this pass.

def propagate(w: Vector, b: float, X: Matrix, Y: Labels, *,
              l2: float = 0.0) -> tuple[float, list[float], float]:
    """One pass over the examples: the cost J and its gradient (dw, db).

    >>> J, dw, db = propagate([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1])
    >>> dw, db      # every a is ½, dz is ½ then −½: dw1 = (1·½ − 3·½)/2 = −½
    ([-0.5, -0.5], 0.0)
    """
    X, Y = _examples(X, Y)
    w, b, l2 = _vector(w, "w", len(X[0])), _number(b, "b"), _number(l2, "l2", "0 or more")
    m, features = len(X), range(len(w))
    J, dw, db = 0.0, [0.0] * len(w), 0.0
    for x, y in zip(X, Y):
        # forward propagation
        z = b
        for j in features:
            z += w[j] * x[j]
        J += loss_from_z(z, y)
        # backward propagation: dz = a − y, as in section 3
        dz = sigmoid(z) if y == 0 else -sigmoid(-z)
        for j in features:
            dw[j] += x[j] * dz
        db += dz
    J, dw, db = J / m, [dwj / m for dwj in dw], db / m
    J, dw = _penalized(J, dw, w, l2, m)                 # section 9; nothing if l2 = 0
    _check_finite(J, dw, db)
    return J, dw, db


# === 5. The slope, and checking the gradient =================================
# Nudge a parameter by a small ε, and J moves by about its derivative times
# ε.  In the graph dw1 = −½, so w1 = 0.001 should lower J by about 0.0005:
# log(1 + e^(−0.001)) = log 2 − 0.000499875...  So the central difference
# (J(θ + ε) − J(θ − ε)) / 2ε checks a gradient: for ε = 1e-6 and J near 1,
# it agrees with a right one to about 1e-10.

def numerical_gradient(w: Vector, b: float, X: Matrix, Y: Labels, *,
                       epsilon: float = 1e-6, l2: float = 0.0) -> tuple[list[float], float]:
    """(dw, db) by central differences of the cost, each parameter nudged by ±epsilon.

    >>> dw, db = numerical_gradient([0.0, 0.0], 0.0, [[1, 2]], [1])
    >>> [round(v, 6) for v in dw], round(db, 6)      # the graph of section 3
    ([-0.5, -1.0], -0.5)
    """
    X, Y = _examples(X, Y)
    theta = [*_vector(w, "w", len(X[0])), _number(b, "b")]
    epsilon, gradient = _number(epsilon, "epsilon", "positive"), []
    for k, value in enumerate(theta):
        up, down = theta.copy(), theta.copy()
        up[k], down[k] = value + epsilon, value - epsilon
        if not 0.0 < up[k] - down[k] < math.inf:
            size, name = "small" if up[k] == down[k] else "large", f"w[{k}]" if k < len(theta) - 1 else "b"
            raise ValueError(f"epsilon {epsilon!r} is too {size} to nudge {name} = {value!r}")
        rise = cost(up[:-1], up[-1], X, Y, l2=l2) - cost(down[:-1], down[-1], X, Y, l2=l2)
        gradient.append(rise / (up[k] - down[k]))
    _check_finite(0.0, gradient, 0.0)
    return gradient[:-1], gradient[-1]


def gradient_check(w: Vector, b: float, X: Matrix, Y: Labels, dw: Vector, db: float, *,
                   epsilon: float = 1e-6, l2: float = 0.0) -> float:
    """How far a gradient g = (dw, db) is from numerical_gradient's g̃: ‖g − g̃‖/(‖g‖ + ‖g̃‖ + δ).

    δ = 1e-13·(m·J + s)/ε, with s the mean of |b| + Σj |wj·xj|, is far
    above g̃'s rounding error.  On features of size about 1, 1e-7 or less
    means right and above 1e-3 a bug.  Where both gradients are far below δ
    (at a minimum, or where every σ rounds), it is small, right or wrong:
    judge a gradient where it is large, such as at w = 0.

    >>> X, Y = [[1, 2], [3, -1]], [1, 0]
    >>> J, dw, db = propagate([0.5, -0.5], 0.1, X, Y)
    >>> gradient_check([0.5, -0.5], 0.1, X, Y, dw, db) < 1e-7
    True
    >>> gradient_check([0.5, -0.5], 0.1, X, Y, dw, db * 2) > 1e-3    # a planted bug
    True
    """
    X, Y = _examples(X, Y)
    w, b = _vector(w, "w", len(X[0])), _number(b, "b")
    numeric_dw, numeric_db = numerical_gradient(w, b, X, Y, epsilon=epsilon, l2=l2)
    g = [*_vector(dw, "dw", len(w)), _number(db, "db")]
    s = sum(_z([abs(v) for v in w], abs(b), [abs(v) for v in x]) for x in X) / len(X)
    delta = 1e-13 * (len(X) * cost(w, b, X, Y, l2=l2) + s) / _number(epsilon, "epsilon")
    top = max(map(abs, [*g, *numeric_dw, numeric_db])) or 1.0     # scaled, lest hypot overflow
    g, g_numeric = [v / top for v in g], [v / top for v in [*numeric_dw, numeric_db]]
    size = math.hypot(*g) + math.hypot(*g_numeric) + delta / top
    return math.hypot(*[p - q for p, q in zip(g, g_numeric)]) / size if size else 0.0


# === 6. Gradient descent =====================================================
# The gradient points uphill, so step the other way.  Too small an α crawls;
# too large overshoots, and J zigzags or climbs.  J curves most at w = 0 and
# b = 0, where every a(1 − a) is ¼: with h its greatest curvature there, any
# α below 2/h lowers J at every step, in exact arithmetic, unless the gradient
# is 0.  Zeros are a fine start: J is convex.  (In a network, hidden units
# started equal get equal gradients and stay alike: start them at random.)
#
# If a line (a plane) has every example on its class's side, the classes are
# separable; if it has none on its wrong side, some of both classes on it,
# and some off it, quasi-separated.  Scaling up that line's w and b then
# brings every a off the line nearer its y, so J has no lowest point: train's
# ‖w‖ grows like the log of the steps taken, until every margin passes about
# 37 and the steps are lost to rounding; section 9 gives a finite answer.

def update(w: Vector, b: float, dw: Vector, db: float, learning_rate: float) -> tuple[list[float], float]:
    """One step of gradient descent: (w − α·dw, b − α·db), as new values.

    >>> update([1.0, 2.0], 0.5, [0.5, -1.0], 0.25, learning_rate=0.1)
    ([0.95, 2.1], 0.475)
    """
    w, b, db = _vector(w, "w"), _number(b, "b"), _number(db, "db")
    dw, alpha = _vector(dw, "dw", len(w)), _number(learning_rate, "learning_rate", "positive")
    w, b = [wj - alpha * dwj for wj, dwj in zip(w, dw)], b - alpha * db
    if not (math.isfinite(b) and all(map(math.isfinite, w))):
        raise ValueError("the step overflowed a float; lower the learning rate")
    return w, b


def train(X: Matrix, Y: Labels, *, learning_rate: float, iterations: int,
          tolerance: float = 0.0, w: Vector | None = None, b: float = 0.0,
          l2: float = 0.0, print_every: int = 0) -> tuple[list[float], float, list[float]]:
    """Learn w and b by gradient descent; return (w, b, costs).

    From w and b (zeros unless given) it takes ``iterations`` steps, or stops
    after one that lowers J by less than ``tolerance`` (one that raises J
    never stops it).  costs[k] is J after k steps: costs[0] at the start,
    costs[-1] at the w and b returned; if that is higher, beyond rounding, it
    warns (RuntimeWarning).  ``print_every`` = k > 0 prints J every k steps.

    >>> X, Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]
    >>> train(X, Y, learning_rate=1.0, iterations=1)[:2]   # at w = 0: dw = −¼, db = 0
    ([0.25], 0.0)
    """
    X, Y = _examples(X, Y, both_classes=True)
    w = [0.0] * len(X[0]) if w is None else _vector(w, "w", len(X[0]))
    b, alpha = _number(b, "b"), _number(learning_rate, "learning_rate", "positive")
    iterations, print_every = _count(iterations, "iterations"), _count(print_every, "print_every")
    tolerance, costs = _number(tolerance, "tolerance", "0 or more"), []
    for step in range(iterations + 1):                  # step 0 is the start
        J, dw, db = propagate(w, b, X, Y, l2=l2)        # forward and backward propagation
        costs.append(J)
        if print_every and step % print_every == 0:
            print(f"cost after {step} steps: {J:.6g}")
        if step == iterations or (step > 0 and 0.0 <= costs[-2] - J < tolerance):
            break
        w, b = update(w, b, dw, db, alpha)
    if costs[-1] > costs[0] + 1e-12 * costs[0]:         # where J ends, not a step on the way
        warnings.warn(f"J rose from {costs[0]:.6g} to {costs[-1]:.6g}: the learning rate {alpha!r} is too "
                      "large here; standardize the features, or lower it", RuntimeWarning, stacklevel=2)
    return w, b, costs


# === 7. Prediction ===========================================================
# Threshold a to answer yes or no.  Judge the model on examples it did not
# train on: one that fits its examples' noise (overfitting) does worse on new
# ones.  A test accuracy p on k examples has standard error √(p(1 − p)/k).

def predict_proba(w: Vector, b: float, X: Matrix) -> list[float]:
    """a = σ(w·x + b) for each example x of X: the probability that its y is 1.

    >>> predict_proba([1.0, -1.0], 0.0, [[2, 2], [1000, 0]])
    [0.5, 1.0]
    """
    X = _rows(X)
    w, b = _vector(w, "w", len(X[0])), _number(b, "b")
    z = [_z(w, b, x) for x in X]
    _check_finite(0.0, z, 0.0)          # w·x overflowed, so a might be wrong
    return [sigmoid(zj) for zj in z]


def predict(w: Vector, b: float, X: Matrix, threshold: float = 0.5) -> list[int]:
    """1 for each example whose a is above threshold, else 0.

    >>> predict([1.0], 0.0, [[-3], [0], [3]])   # at z = 0, a = 0.5 is not above
    [0, 0, 1]
    """
    threshold = _number(threshold, "threshold", "in [0, 1]")
    return [1 if a > threshold else 0 for a in predict_proba(w, b, X)]


def accuracy(Y: Labels, predictions: Labels) -> float:
    """The fraction of predictions that equal the labels Y.

    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    labels, guesses = _labels(Y), _labels(predictions, "predictions", "prediction")
    if len(labels) != len(guesses):
        raise ValueError(f"Y has {len(labels)} labels but {len(guesses)} predictions")
    if not labels:
        raise ValueError("Y is empty; there is nothing to score")
    return sum(1 for y, p in zip(labels, guesses) if y == p) / len(labels)


# ============================ end of the lecture ==============================


# === 8. Feature scaling ======================================================
# One rate serves every weight: with one feature in thousands and another in
# thousandths, a rate small enough for J's steep sides crawls along its
# floor.  Features of mean 0 and deviation 1 make the valley rounder; take
# their means and deviations from the training data only.

def fit_scaling(X: Matrix) -> tuple[list[float], list[float]]:
    """The mean and (population) standard deviation of each feature of X.

    A deviation of 0 (or one that underflows) becomes 1, so that a constant
    feature standardizes to exactly 0.

    >>> fit_scaling([[1, 10], [3, 10]])
    ([2.0, 10.0], [1.0, 1.0])
    """
    X, means, deviations = _rows(X), [], []
    for j in range(len(X[0])):
        column = [float(x[j]) for x in X]
        k = math.frexp(max(-min(column), max(column)))[1]
        u = [math.ldexp(v, -k) for v in column]         # in [−1, 1], exactly: no square overflows
        mean = math.fsum(u) / len(u)
        deviation = math.sqrt(math.fsum((v - mean) ** 2 for v in u) / len(u))
        constant = min(column) == max(column)           # its deviation could come out 1e-17
        means.append(column[0] if constant else math.ldexp(mean, k - 1) * 2.0)  # doubled last: inf,
        deviation = math.ldexp(deviation, k - 1) * 2.0                          # not OverflowError
        deviations.append(deviation if deviation > 0.0 and not constant else 1.0)
    return means, deviations


def standardize(X: Matrix, means: Vector, deviations: Vector) -> list[list[float]]:
    """Each feature of X less its mean, over its deviation: new rows.

    >>> standardize([[1, 10], [3, 10], [4, 10]], [2.0, 10.0], [1.0, 1.0])
    [[-1.0, 0.0], [1.0, 0.0], [2.0, 0.0]]
    """
    X = _rows(X)
    means = _vector(means, "means", len(X[0]))
    deviations = _vector(deviations, "deviations", len(X[0]), "positive")
    result = [[(xj - mu) / s for xj, mu, s in zip(x, means, deviations)] for x in X]
    for i, row in enumerate(result):
        for j in [j for j, score in enumerate(row) if math.isinf(score)]:
            row[j] = X[i][j] / deviations[j] - means[j] / deviations[j]   # x − μ overflowed
            if not math.isfinite(row[j]):
                raise ValueError(f"X[{i}][{j}] is {float(X[i][j])!r}, too many deviations "
                                 "from the mean to standardize as a float")
    return result


def unstandardize(w: Vector, b: float, means: Vector, deviations: Vector) -> tuple[list[float], float]:
    """The weights on raw features that equal (w, b) on standardized ones.

    >>> unstandardize([2.0], 1.0, [10.0], [4.0])     # 2·(x − 10)/4 + 1
    ([0.5], -4.0)
    """
    w, b = _vector(w, "w"), _number(b, "b")
    means, deviations = _vector(means, "means", len(w)), _vector(deviations, "deviations", len(w), "positive")
    raw_w = [wj / s for wj, s in zip(w, deviations)]       # Σ wj·(xj − μj)/σj + b is
    raw_b = b - _z(raw_w, 0.0, means)                       # Σ (wj/σj)·xj + (b − Σ wj·μj/σj)
    if not (math.isfinite(raw_b) and all(map(math.isfinite, raw_w))):
        raise ValueError("the weights in original units are too large for a float")
    return raw_w, raw_b


# === 9. L2 regularization ====================================================
# With l2 = λ > 0, J gains λ/(2m)·Σj wj² (b goes free), so each step also
# shrinks the weights.  That trades fit for size, and a model that chases
# fewer quirks of its examples may do better on new ones.  J then has one
# lowest point, at finite weights, whatever the data (with both classes).
# Pick λ on data kept aside.  (scikit-learn's C is 1/λ, with b left free.)

def _penalized(J: float, dw: list[float], w: Vector, l2: float, m: int) -> tuple[float, list[float]]:
    if not l2:
        return J, dw
    penalty = l2 / (2 * m) * _z(w, 0.0, w)             # Σ wj², or inf: fsum would raise
    return J + penalty, [dwj + l2 * wj / m for dwj, wj in zip(dw, w)]


# === 10. Newton's method =====================================================
# Newton's method also uses J's second derivatives, the Hessian
#     H = (1/m)·Σᵢ a⁽ⁱ⁾(1 − a⁽ⁱ⁾)·x̃⁽ⁱ⁾x̃⁽ⁱ⁾ᵀ  (+ λ/m on the weights' diagonal)
# with x̃ = (x1, ..., xn, 1).  Each step solves H·s = (dw, db) and moves (w, b)
# by −s, to the bottom of the bowl that matches J there: no learning rate,
# and near the minimum the correct digits about double each step.  There,
# each step's foreseen fall of J, ½(dw, db)·s, is about a constant times the
# square of the one before; where J has no minimum, they shrink by a factor.

class NoMinimum(ValueError):
    """J has no lowest point: the classes are separable or quasi-separated (section 6)."""


class ManyMinima(ValueError):
    """J is flat, or all but flat, along some direction: many weights share its lowest cost, if any."""


def train_newton(X: Matrix, Y: Labels, *, iterations: int = 100, tolerance: float = 0.0,
                 l2: float = 0.0) -> tuple[list[float], float, list[float]]:
    """Learn w and b by Newton's method from zeros; return (w, b, costs) as train does.

    It stops after a step whose foreseen fall of J is below J's rounding, or
    once no part of the gradient is above ``tolerance``.  With l2 = 0,
    NoMinimum and ManyMinima say why J has no single lowest point; a plain
    ValueError means an overflow, a stall, too few ``iterations`` or too
    small an l2.  Nearly collinear features leave w poorly determined: on
    standardized features, at its answer, call weight j so when (H⁻¹)jj is
    over 400 times 1/Hjj; its standard error √((H⁻¹)jj/m) is then over 20
    times what it would be were the other weights and b known.

    >>> X, Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]
    >>> w, b, costs = train_newton(X, Y)
    >>> abs(w[0] - math.log(3)) < 1e-12, abs(b) < 1e-12, len(costs) < 10    # as by hand
    (True, True, True)
    """
    X, Y = _examples(X, Y, both_classes=True)
    l2, tolerance = _number(l2, "l2", "0 or more"), _number(tolerance, "tolerance", "0 or more")
    iterations, w, b = _count(iterations, "iterations"), [0.0] * len(X[0]), 0.0
    S = standardize(X, *(scaling := fit_scaling(X)))   # for H: see _newton_step
    J, dw, db = propagate(w, b, X, Y, l2=l2)
    costs, falls = [J], [math.inf, math.inf]
    for step in range(iterations + 1):
        if l2 == 0 and _separates(w, b, X, Y):
            raise NoMinimum("the classes are separable: a line has every example on its own "
                            "side, so J has no minimum; use l2 > 0")
        done, g = falls[-1] <= 1e-15 * J, [*dw, db]       # the last fall is down to rounding
        s = None if done else _newton_step(w, b, S, scaling, g, l2)
        if s is None and l2 == 0 and falls[-1] > 0.1 * falls[-2]:    # falls shrinking steadily
            raise NoMinimum("the classes are quasi-separated, to within rounding: a line has none on its "
                            "wrong side, some of both on it and some off it, so J has no minimum; use l2 > 0")
        if done:
            break
        if s is None:
            raise _singular(S, Y, l2, few=len(X) <= len(w))
        if max(map(abs, g)) <= tolerance:
            break
        if step == iterations:
            raise ValueError(f"Newton's method has not converged in {iterations} steps; allow more iterations")
        falls.append(0.5 * math.fsum(gj * sj for gj, sj in zip(g, s)))     # J's fall, foreseen
        for halvings in range(30):      # halve the step while J rises by over 1e-12·J
            try:
                new_w, new_b = update(w, b, s[:-1], s[-1], 0.5 ** halvings)
                new = propagate(new_w, new_b, X, Y, l2=l2)
                if new[0] <= J + 1e-12 * J:
                    break
            except ValueError:          # overflowed: as bad as a rise
                pass
        else:
            raise ValueError("Newton's method stalled: no part of its step lowers J")
        w, b, (J, dw, db) = new_w, new_b, new
        costs.append(J)
    return w, b, costs


def _singular(S: Matrix, Y: Labels, l2: float, few: bool) -> ValueError:
    """Why H is singular: l2 too small, or ManyMinima, or NoMinimum if a tiny l2's line separates too."""
    if l2:
        return ValueError(f"J's curvature is singular to within rounding: l2 = {l2!r} is too "
                          "small for the features' scale; raise l2, or standardize the features")
    flat = "J is flat, or all but flat, along some direction (" + ("too few examples" if few else
            "a constant feature, or one all but a combination of others") + ")"
    try:
        w, b, _ = train_newton(S, Y, l2=1e-8 * len(S))    # near the widest-margin line, if any
    except ValueError:
        w, b = [0.0] * len(S[0]), 0.0
    if _separates(w, b, S, Y):
        return NoMinimum(f"the classes are separable: a line has every example on its own side, so J has "
                         f"no minimum; {flat}; use l2 > 0")
    return ManyMinima(f"{flat}, so many weights share, or all but share, its lowest cost, if it "
                      "has one; use l2 > 0")


def _separates(w: Vector, b: float, X: Matrix, Y: Labels) -> bool:
    """Has the line w·x + b = 0 every example on its own side?"""
    return all(_z(w, b, x) > 0 if y else _z(w, b, x) < 0 for x, y in zip(X, Y))


def _newton_step(w: Vector, b: float, S: Matrix, scaling: tuple[list[float], list[float]],
                 g: list[float], l2: float) -> list[float] | None:
    """s = H⁻¹·g, None if H is singular; worked out on the standardized S, to round less."""
    (means, deviations), m, k = scaling, len(S), len(w) + 1
    H = [[l2 / m / deviations[i] / deviations[i] if i == j < k - 1 else 0.0
          for j in range(k)] for i in range(k)]
    ws, bs = [wj * sj for wj, sj in zip(w, deviations)], _z(w, b, means)    # the same z on S
    for x in S:
        curvature, xt = sigmoid_derivative(_z(ws, bs, x)) / m, [*x, 1.0]    # a(1 − a)/m
        for i in range(k):
            for j in range(k):
                H[i][j] += curvature * xt[i] * xt[j]
    s = _solve(H, [(gj - mu * g[-1]) / sj for gj, mu, sj in zip(g, means, deviations)] + [g[-1]])
    sw = [sj / dj for sj, dj in zip(s or [], deviations)]
    step = None if s is None else [*sw, s[-1] - _z(sw, 0.0, means)]
    if step and not all(math.isfinite(v * gj) for v, gj in zip(step, g)):  # an inf in H gives nan
        raise ValueError(_TOO_BIG)
    return step


def _solve(H: list[list[float]], g: list[float]) -> list[float] | None:
    """s with H·s = g, by Gaussian elimination; None if H is singular to one part in 10^11."""
    k = len(g)
    # Scaled to ones on its diagonal (H is symmetric and positive).
    d = [1.0 / math.sqrt(H[i][i]) if H[i][i] > 0.0 else 0.0 for i in range(k)]
    M = [[H[i][j] * d[i] * d[j] for j in range(k)] + [g[i] * d[i]] for i in range(k)]
    for col in range(k):
        if M[col][col] < 1e-11:
            return None
        for r in range(col + 1, k):
            f = M[r][col] / M[col][col]
            for c in range(col, k + 1):
                M[r][c] -= f * M[col][c]
    s = [0.0] * k
    for r in reversed(range(k)):
        s[r] = (M[r][k] - math.fsum(M[r][c] * s[c] for c in range(r + 1, k))) / M[r][r]
    return [sr * dr for sr, dr in zip(s, d)]


# === Appendix: checking the input ============================================
# Each public function checks its input at the door and says what is wrong.
# Numbers are converted once (numpy's by tolist(), a DataFrame's through
# to_numpy()); plain lists are checked, not copied.  The per-example sigmoid,
# its slope and loss_from_z take a float z on trust.

_TOO_BIG = ("a float overflowed: the weights or features are too large; standardize the "
            "features (or lower train's learning rate)")


class _Rows(list[Any]):             # checked rows, with their labels
    labels: Any = None


def _show(v: Any) -> str:
    text = repr(v) if isinstance(v, (str, bytes)) else str(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _real(v: Any, where: str) -> float:
    if type(v) is float:
        return v
    kind = getattr(getattr(v, "dtype", None), "kind", "f")       # numpy's
    try:
        if isinstance(v, (str, bytes, complex)) or kind not in "biuf" or getattr(v, "ndim", 0) != 0:
            raise TypeError
        if math.isinf(f := float(v)) and v != f:                  # Decimal("1e400")
            raise OverflowError
        return f
    except OverflowError:
        raise ValueError(f"{where} is {_show(v)}, too large for a float") from None
    except (TypeError, ValueError):
        rows = type(v) in (list, tuple) and len(v) == 1             # the course's one-item rows
        raise TypeError(f"{where} is {_show(v)} ({type(v).__name__}); it must be a real number"
                        + ("; pass flat lists, not the course's one-item rows" if rows else "")) from None


def _number(value: Any, where: str, need: str = "") -> float:
    if not math.isfinite(v := _real(value, where)):
        raise ValueError(f"{where} is {v!r}; it must be a finite number")
    if v <= 0 and need == "positive" or v < 0 and need == "0 or more" or \
            not 0 <= v <= 1 and need == "in [0, 1]":
        raise ValueError(f"{where} is {v!r}; it must be {need}")
    return v


def _count(v: Any, where: str) -> int:
    if isinstance(v, bool) or not hasattr(type(v), "__index__") or getattr(v, "ndim", 0) != 0:
        raise TypeError(f"{where} is {_show(v)}; it must be a whole number")
    if v.__index__() < 0:
        raise ValueError(f"{where} is {v.__index__()}; it must be 0 or more")
    return int(v.__index__())


def _sequence(v: Any, where: str, what: str) -> Any:
    """v as a list; TypeError for strings, dicts and sets."""
    v = v.to_numpy() if hasattr(v, "to_numpy") and not hasattr(v, "tolist") else v   # a DataFrame
    v = v.tolist() if hasattr(v, "tolist") and getattr(v, "ndim", 1) != 0 else v
    if isinstance(v, (str, bytes)) or hasattr(v, "keys") or getattr(v, "ndim", 1) == 0 or \
            not (hasattr(v, "__getitem__") and hasattr(v, "__len__")):
        raise TypeError(f"{where} is {_show(v)}; it must be a list of {what}")
    return v


def _vector(values: Any, where: str, n: int = -1, need: str = "") -> list[float]:
    values = _sequence(values, where, "numbers")
    v = [_number(vj, f"{where}[{j}]", need) for j, vj in enumerate(values)]
    if n >= 0 and len(v) != n:
        raise ValueError(f"{where} has length {len(v)}; it needs {n} (a number per "
                         f"{'weight' if where == 'dw' else 'feature'})")
    return v


def _rows(X: Any) -> _Rows:
    """X as equal rows of finite numbers."""
    if type(X) is _Rows:                # checked already
        return X
    X = _sequence(X, "X", "examples, each a list of numbers")
    if not X:
        raise ValueError("X is empty; it needs at least one example")
    if set(map(type, X)) <= {list, tuple} and len(set(map(len, X))) == 1 and X[0]:
        kinds = {type(v) for x in X for v in x}
        try:                            # a finite sum: finite numbers
            if kinds <= {float, int, bool} and math.isfinite(sum(map(sum, X, [0.0] * len(X)))):
                return _Rows(X)
        except OverflowError:           # an int too large for a float
            pass
    rows = _Rows()
    for i, x in enumerate(X):
        if isinstance(x, (int, float)) or getattr(x, "ndim", None) == 0:
            raise TypeError(f"X[{i}] is the number {_show(x)}; X must be rows, as [[x1, x2], ...]")
        x = _sequence(x, f"X[{i}]", "numbers")
        rows.append([_number(v, f"X[{i}][{j}]") for j, v in enumerate(x)])
        if not rows[i]:
            raise ValueError(f"X[{i}] has no features")
        if len(rows[i]) != len(rows[0]):
            raise ValueError(f"X[{i}] has {len(rows[i])} features but X[0] has {len(rows[0])}")
    return rows


def _label(y: Any, where: str = "y", name: str = "label") -> int:
    if (v := _real(y, where)) not in (0.0, 1.0):
        raise ValueError(f"{where} is {_show(y)}; {name}s must be 0 or 1")
    return int(v)


def _labels(Y: Any, where: str = "Y", name: str = "label") -> list[int]:
    Y = _sequence(Y, where, f"{name}s, 0 or 1")
    try:
        kinds = set(map(type, Y))
        if kinds <= {int, float, bool} and set(Y) <= {0, 1}:
            return Y if kinds <= {int} and type(Y) is list else list(map(int, Y))
    except TypeError:                   # unhashable, such as a list
        pass
    if len(Y) == 1 and hasattr(Y[0], "__len__") and not isinstance(Y[0], (str, bytes)):
        raise TypeError(f"{where} looks like the course's 1 × m layout: pass {where}[0]")
    return [_label(y, f"{name} {i}", name) for i, y in enumerate(Y)]


def _examples(X: Any, Y: Any, *, features: int = 0, both_classes: bool = False) -> tuple[_Rows, list[int]]:
    """X and Y checked, and marked so."""
    if type(X) is _Rows and X.labels is Y:   # checked already, by train
        return X, Y
    rows, labels = _rows(X), _labels(Y)
    if features and len(rows[0]) != features:
        raise ValueError(f"each example has {len(rows[0])} features; this loop needs 2")
    if len(labels) != len(rows):
        hint = ("; if X is the course's n × m layout, pass its transpose, "
                "[list(x) for x in zip(*X)]" if len(rows[0]) == len(labels) else "")
        raise ValueError(f"X has {len(rows)} examples but Y has {len(labels)} labels{hint}")
    if both_classes and len(set(labels)) < 2:
        raise ValueError(f"every label is {labels[0]}; training needs both classes")
    rows.labels = labels
    return rows, labels


def _check_finite(J: float, dw: Vector, db: float) -> None:
    if not (math.isfinite(J) and math.isfinite(db) and all(map(math.isfinite, dw))):
        raise ValueError(_TOO_BIG)

