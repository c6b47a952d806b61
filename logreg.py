# SPDX-License-Identifier: MIT
"""Logistic regression as a one-neuron network, in plain Python.

Read this file from top to bottom: it is a tutorial, and also a small library
you can copy into your own work.  It needs nothing but Python's ``math``.

The story in equations
----------------------
An example is a vector x of n features, x = (x1, ..., xn), with a label y that
is 0 or 1.  The neuron holds one weight per feature, w = (w1, ..., wn), and a
bias b.  Forward propagation takes an example to a prediction and a loss:

    z = w·x + b = w1·x1 + ... + wn·xn + b     the weighted sum
    a = σ(z) = 1 / (1 + e^(−z))               the activation, read as P(y = 1 | x)
    L(a, y) = −(y·log(a) + (1 − y)·log(1 − a))    the loss: how surprised it is

and the cost is the mean loss over the m training examples x⁽¹⁾ ... x⁽ᵐ⁾:

    J(w, b) = (1/m) · Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾)

Learning means making J small.  Backward propagation runs the chain rule from
L back to the parameters:

    da = dL/da = −y/a + (1 − y)/(1 − a)
    dz = dL/dz = da · a(1 − a) = a − y
    dL/dwj = xj·dz        dL/db = dz

Averaging over the m examples gives the gradient of J,

    dwj = (1/m) · Σᵢ xj⁽ⁱ⁾·dz⁽ⁱ⁾        db = (1/m) · Σᵢ dz⁽ⁱ⁾

and one step of gradient descent with learning rate α moves against it:

    wj := wj − α·dwj        b := b − α·db

Backpropagation *computes* the derivatives; gradient descent *uses* them to
take a step.  Repeat both, and J falls.  Everything below is these lines,
written so that they stay accurate on real data, and say so in words when
they cannot.

Data layout
-----------
``X`` is a list of m rows, one row per example, each a list of n numbers, and
``Y`` is a list of m labels, 0 or 1.  So ``X[i]`` is the example x⁽ⁱ⁾ and
``X[i][j]`` is its feature x⁽ⁱ⁾j.  The course stacks the examples as the
*columns* of an n × m matrix instead; ``X`` here is that matrix transposed,
which is how a table of data usually arrives (one line per example).
Indexes in messages count from 0, as Python does.

Contents, in reading order
--------------------------
=========================  ====================================================
sigmoid(z)                 a = σ(z), safe for every float
sigmoid_derivative(z)      da/dz = σ(z)·(1 − σ(z))
loss(a, y)                 L(a, y), the cross-entropy
loss_derivative(a, y)      dL/da
loss_from_z(z, y)          L(σ(z), y) computed from z, without losing digits
cost(w, b, X, Y)           J, the mean loss
propagate_two_features     the lecture's loop: J, dw1, dw2, db
propagate(w, b, X, Y)      the same for n features: J, dw, db
numerical_gradient(...)    (dw, db) from nudging each parameter: a check
gradient_check(...)        how far a gradient is from numerical_gradient's
update(w, b, dw, ...)      one step of gradient descent
train(X, Y, ...)           repeat propagate and update: w, b and the costs
predict_proba(w, b, X)     a for each example
predict(w, b, X)           1 where a > 0.5, else 0
accuracy(Y, predictions)   the fraction predicted right
fit_scaling(X)             the means and deviations of the features
standardize(X, ...)        features on one scale, for training and prediction
unstandardize(w, b, ...)   weights learned on standardized features, in the
                           original units
train_newton(X, Y, ...)    Newton's method: the same answer in a few steps
=========================  ====================================================

``cost``, ``propagate``, ``numerical_gradient``, ``gradient_check``, ``train``
and ``train_newton`` take ``l2 = λ`` for L2 regularization (section 13).

Numbers may be of any real type (int, float, bool, Fraction, numpy's); the
results are plain floats (and plain ints from predict).  Bad input raises ValueError, or TypeError for a
value that is not a number, with a message that says what is wrong and where.
No function changes the lists it is given.

Four examples at x = −1 and four at x = 1; a quarter of the first four and
three quarters of the others have y = 1, so the classes overlap:

>>> X = [[-1.0]] * 4 + [[1.0]] * 4
>>> Y = [0, 0, 0, 1] + [0, 1, 1, 1]
>>> w, b, costs = train(X, Y, learning_rate=1.0, iterations=300)
>>> round(costs[0], 4)             # at w = 0, b = 0 every a is ½: J = log 2
0.6931
>>> round(w[0], 4), abs(b) < 1e-9  # σ(−w + b) = ¼ and σ(w + b) = ¾: w = log 3, b = 0
(1.0986, True)
>>> predict(w, b, [[-1.0], [1.0]])
[0, 1]

Comments tagged "Numerics:" explain how a formula is kept accurate in floating
point; a first reading can skip them.
"""

import math
from collections.abc import Iterator, Sequence
from typing import overload

Vector = Sequence[float]            # one example x, or the weights w
Matrix = Sequence[Sequence[float]]  # X: m examples (rows) of n features each
Labels = Sequence[float]            # Y: m labels, each 0 or 1


# === 1. The model: z = w·x + b, a = σ(z) =====================================
#
# The weighted sum z can be any real number, but a probability must lie
# between 0 and 1, so a plain linear output cannot be one.  The neuron
# therefore squashes z through the sigmoid σ, which maps the whole real line
# into (0, 1): large positive z means "surely 1", large negative z "surely 0",
# and z = 0 means a coin toss.  The set of points where z = 0, that is
# w·x + b = 0, is the decision boundary: a line for two features, a plane for
# three.

def _z(w: Vector, b: float, x: Vector) -> float:
    """z = w·x + b for one example."""
    z = b
    for j in range(len(w)):
        z += w[j] * x[j]
    return z


# === 2. The sigmoid σ(z) and its slope =======================================

def sigmoid(z: float) -> float:
    """The logistic function σ(z) = 1 / (1 + e^(−z)), a number in [0, 1].

    It is accurate to a unit or two in the last place, and never overflows,
    for every float including ±inf.

    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(-1000.0), sigmoid(1000.0)
    (0.0, 1.0)
    >>> round(sigmoid(math.log(3)), 12)    # 1 / (1 + 1/3)
    0.75
    """
    return _sigmoid(_real(z, "z", infinite_ok=True))


def _sigmoid(z: float) -> float:
    # Textbook: 1 / (1 + exp(−z)).
    # Numerics: math.exp overflows above z ≈ 709.78, so for negative z use the
    # equal form e^z / (1 + e^z), whose exp is at most 1.
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigmoid_derivative(z: float) -> float:
    """da/dz = σ(z)·(1 − σ(z)): the slope of the sigmoid, at most ¼.

    The slope is largest at z = 0 and vanishes as |z| grows.  That is why a
    neuron whose z is far from 0 learns slowly under a loss that does not
    undo the sigmoid, such as squared error.  Past |z| ≈ 745 it is below the
    smallest float and comes out as 0.

    >>> sigmoid_derivative(0.0)
    0.25
    >>> sigmoid_derivative(-1000.0)
    0.0
    """
    return _sigmoid_derivative(_real(z, "z", infinite_ok=True))


def _sigmoid_derivative(z: float) -> float:
    # Textbook: s = σ(z); s·(1 − s).
    # Numerics: for large z, 1 − σ(z) rounds to 0 long before the slope does.
    # The slope is the same at z and −z, so take s = σ(−|z|), the small side,
    # which keeps its digits; rounded, s·(1 − s) still never exceeds ¼.
    s = _sigmoid(-abs(z))
    return s * (1.0 - s)


# === 3. The loss L(a, y) =====================================================
#
# Why cross-entropy and not squared error (a − y)²/2?  With the sigmoid inside,
# squared error gives a J with flat plateaus where a is near the wrong 0 or 1:
# there its gradient carries the factor a(1 − a), nearly 0, and gradient
# descent stalls.  The cross-entropy makes J convex in (w, b).  Convex means
# that the straight segment between any two points of J's graph never dips
# below the graph; so J has no ledges or false valleys, every point where
# the gradient vanishes is a minimum, and all minima have the same cost.  And,
# as section 6 shows, its derivative through σ is simply a − y.

def loss(a: float, y: float) -> float:
    """L(a, y) = −(y·log(a) + (1 − y)·log(1 − a)), for a in [0, 1], y 0 or 1.

    It is 0 when the neuron is certain and right, and ``math.inf`` when it is
    certain and wrong.

    >>> loss(0.5, 1) == math.log(2)
    True
    >>> loss(1.0, 1), loss(0.0, 0), loss(0.0, 1)
    (0.0, 0.0, inf)
    """
    a, y = _activation(a), _label(y)
    # Numerics: only one of the two terms is ever present, and evaluating the
    # absent one would compute 0 · log(0) = 0 · (−inf), which is nan, or raise.
    # The leading 0.0 turns log(1) = 0 into +0.0 rather than −0.0.
    if y == 1:
        return 0.0 - math.log(a) if a > 0.0 else math.inf
    return 0.0 - math.log1p(-a) if a < 1.0 else math.inf


def loss_derivative(a: float, y: float) -> float:
    """dL/da = −y/a + (1 − y)/(1 − a).

    >>> loss_derivative(0.5, 1), loss_derivative(0.5, 0)
    (-2.0, 2.0)
    >>> loss_derivative(0.0, 1)
    -inf
    """
    a, y = _activation(a), _label(y)
    if y == 1:
        return -1.0 / a if a > 0.0 else -math.inf
    return 1.0 / (1.0 - a) if a < 1.0 else math.inf


# === 4. The loss computed from z =============================================
#
# σ(z) rounds to exactly 1.0 once z passes about 37, and to 0.0 below about
# −745.  From then
# on loss(σ(z), y) is 0 or inf, while the true loss is a small positive number
# or a large finite one.  Working from z instead keeps the digits.  Since
# 1 − σ(z) = σ(−z), the two cases are
#
#     y = 1:  L = −log σ(z)  = log(1 + e^(−z))
#     y = 0:  L = −log σ(−z) = log(1 + e^z)
#
# and log(1 + e^t) = max(t, 0) + log(1 + e^(−|t|)).  The first term is |z| when
# the neuron leans the wrong way, 0 when it leans the right way; the second is
# a correction of at most log 2 that log1p computes accurately even when tiny.

def loss_from_z(z: float, y: float) -> float:
    """L(σ(z), y), computed from z: finite for every finite z, and accurate to
    a unit or two in the last place.

    >>> loss_from_z(0.0, 1) == math.log(2)
    True
    >>> loss_from_z(40.0, 0)          # σ(40) rounds to 1, yet the loss is 40
    40.0
    >>> loss_from_z(-1e20, 1)
    1e+20
    >>> loss_from_z(1000.0, 1)        # right and sure: e^-1000 rounds to 0
    0.0
    """
    return _loss_from_z(_real(z, "z", infinite_ok=True), _label(y))


def _loss_from_z(z: float, y: float) -> float:
    # Textbook: loss(sigmoid(z), y).
    # Numerics: that is 0 or inf once σ(z) rounds to 0 or 1, so split
    # log(1 + e^±z) into |z| and a small log1p term instead.
    correction = math.log1p(math.exp(-abs(z)))
    if (z >= 0.0) == (y == 1):        # leaning the right way
        return correction
    return abs(z) + correction


# === 5. The cost J ===========================================================

def cost(w: Vector, b: float, X: Matrix, Y: Labels, *, l2: float = 0.0) -> float:
    """J(w, b), the mean loss over the m examples of X with labels Y.

    With ``l2 = λ`` > 0 it adds the penalty λ/(2m)·Σ wj² of section 13,
    scikit-learn's LogisticRegression(C=1/λ).

    >>> cost([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1]) == math.log(2)
    True
    >>> cost([1.0], 0.0, [[40.0], [-40.0]], [0, 1])   # both wrong by 40
    40.0
    >>> cost([3.0], 0.0, [[0.0]], [1], l2=2.0) == math.log(2) + 2 / 2 * 9
    True
    """
    X, w, b, Y, l2 = _data(X, Y, w, b, l2)
    return _finite(_cost(w, b, X, Y, l2))


def _cost(w: Vector, b: float, X: Matrix, Y: Labels, l2: float) -> float:
    m = len(Y)
    return sum(_loss_from_z(_z(w, b, x), y) for x, y in zip(X, Y)) / m + _l2_cost(w, l2, m)


# === 6. Forward and backward propagation: the chain rule =====================
#
# For one example, forward propagation computes x → z → a → L, and backward
# propagation computes the derivative of L with respect to each of them in
# the opposite order, each from the one before, by the chain rule:
#
#     da = dL/da = −y/a + (1 − y)/(1 − a)                  (section 3)
#     dz = dL/dz = da · da/dz = da · a(1 − a)              (section 2)
#        = −y(1 − a) + (1 − y)a = a − y
#     dL/dwj = dz · ∂z/∂wj = xj·dz        dL/db = dz · ∂z/∂b = dz
#
# Everything cancels but the error a − y: the neuron is pushed as hard as it
# is wrong, and the sigmoid's flat tails no longer slow it down.
#
# The computation graph for one example with two features, x = (1, 2) and
# y = 1, at w = (0, 0) and b = 0.  Forward values stand on the nodes; the
# derivatives flow back along the edges, right to left:
#
#     x1 = 1, w1 = 0 ─┐
#     x2 = 2, w2 = 0 ─┼─▶ z = w1·x1 + w2·x2 + b ─▶ a = σ(z) ─▶ L = −log a
#     b = 0 ──────────┘     = 0                      = ½         = log 2
#
#     dw1 = x1·dz = −½  ◀─┐
#     dw2 = x2·dz = −1  ◀─┼── dz = da·a(1 − a) ◀── da = −y/a + (1 − y)/(1 − a)
#     db  = dz    = −½  ◀─┘      = −2·¼ = −½           = −1/½ = −2
#
# J is a mean over the examples, so its gradient is the mean of these.  The
# lecture's loop below adds them up, example by example, and divides by m
# once at the end.

def propagate_two_features(w1: float, w2: float, b: float,
                           X: Matrix, Y: Labels) -> tuple[float, float, float, float]:
    """One pass over two-feature examples: (J, dw1, dw2, db), as on the slide.

    >>> propagate_two_features(0.0, 0.0, 0.0, [[1, 2]], [1])    # the graph above
    (0.6931471805599453, -0.5, -1.0, -0.5)
    >>> propagate_two_features(0.0, 0.0, 0.0, [[1, 2], [3, 4]], [0, 1])[1:]
    (-0.5, -0.5, 0.0)

    (Every a is ½, so dz is +½ then −½: dw1 = (1·½ − 3·½)/2 = −½.)
    """
    X, _, b, Y, _ = _data(X, Y, None, b, 0.0, features=2)
    w1, w2, m = _real(w1, "w1"), _real(w2, "w2"), len(Y)
    J = dw1 = dw2 = db = 0.0
    for (x1, x2), y in zip(X, Y):
        # forward propagation: x → z → a → L
        z = w1 * x1 + w2 * x2 + b
        a = _sigmoid(z)
        J += _loss_from_z(z, y)         # L(a, y), without losing digits
        # backward propagation: dz, then each parameter's share
        dz = a - y
        dw1 += x1 * dz
        dw2 += x2 * dz
        db += dz
    J, dw1, dw2, db = J / m, dw1 / m, dw2 / m, db / m
    _finite(J, [dw1, dw2], db)
    return J, dw1, dw2, db


# === 7. The same for n features ==============================================
#
# The same loop, with dw a list of n sums instead of dw1 and dw2.  This is the
# pass that training repeats, and it calls the very σ and loss written above:
# change one of them and training changes with it.

def propagate(w: Vector, b: float, X: Matrix, Y: Labels, *,
              l2: float = 0.0) -> tuple[float, list[float], float]:
    """One pass over the examples: the cost J and its gradient (dw, db).

    >>> J, dw, db = propagate([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1])
    >>> dw, db
    ([-0.5, -0.5], 0.0)
    """
    X, w, b, Y, l2 = _data(X, Y, w, b, l2)
    J, dw, db = _propagate(w, b, X, Y, l2)
    _finite(J, dw, db)
    return J, dw, db


def _propagate(w: Vector, b: float, X: Matrix, Y: Labels,
               l2: float) -> tuple[float, list[float], float]:
    m, features = len(Y), range(len(w))
    J, dw, db = 0.0, [0.0] * len(w), 0.0
    for x, y in zip(X, Y):
        # forward propagation
        z = _z(w, b, x)
        a = _sigmoid(z)
        J += _loss_from_z(z, y)
        # backward propagation
        dz = a - y
        for j in features:
            dw[j] += x[j] * dz
        db += dz
    dw = [dwj / m + l2_dwj for dwj, l2_dwj in zip(dw, _l2_gradient(w, l2, m))]
    return J / m + _l2_cost(w, l2, m), dw, db / m


# === 8. The derivative as a slope, and checking the gradient =================
#
# A derivative is a slope: nudge a parameter by a small ε and J moves by about
# the derivative times ε.  For the one example of the graph in section 6,
# dw1 = −½, so raising w1 from 0 to 0.001 should lower J by about 0.0005; it
# does: J = log(1 + e^(−0.001)) = 0.6926473..., which is log 2 − 0.000499875.
#
# That gives a check for any gradient you write yourself.  The central
# difference (J(w1 + ε) − J(w1 − ε)) / 2ε is off from the true slope by a
# multiple of ε² from the curve of J, plus about 1e-16·J/ε from rounding, so
# with ε = 1e-6 and J near 1 a correct dw1 and the difference agree to about
# 1e-10: far closer than any mistake in the loop.  It costs two passes over the data per
# parameter, far too slow for training, but it is the test to run after you
# change the loop: compare, and a mistake in dz, in a sum or in the division
# by m shows at once.

def numerical_gradient(w: Vector, b: float, X: Matrix, Y: Labels, *,
                       epsilon: float = 1e-6, l2: float = 0.0) -> tuple[list[float], float]:
    """(dw, db) by central differences of cost: (J(θ + ε) − J(θ − ε)) / 2ε.

    >>> dw, db = numerical_gradient([0.0, 0.0], 0.0, [[1, 2]], [1])
    >>> [round(v, 6) for v in dw], round(db, 6)      # the graph of section 6
    ([-0.5, -1.0], -0.5)
    """
    X, w, b, Y, l2 = _data(X, Y, w, b, l2)
    epsilon = _positive(epsilon, "epsilon")
    theta = [*w, b]

    def J(k: int, step: float) -> float:
        nudged = theta.copy()
        nudged[k] += step
        return _cost(nudged[:-1], nudged[-1], X, Y, l2)

    gradient = []
    for k, value in enumerate(theta):
        width = (value + epsilon) - (value - epsilon)     # 2ε, as rounded here
        if width == 0.0:
            raise ValueError(f"epsilon {epsilon!r} is too small to move "
                             f"{'b' if k == len(w) else f'w[{k}]'} = {value!r}")
        gradient.append((J(k, epsilon) - J(k, -epsilon)) / width)
    _finite(0.0, gradient[:-1], gradient[-1])
    return gradient[:-1], gradient[-1]


def gradient_check(w: Vector, b: float, X: Matrix, Y: Labels, dw: Vector, db: float, *,
                   epsilon: float = 1e-6, l2: float = 0.0) -> float:
    """How far a gradient (dw, db) is from numerical_gradient's: ‖g − g̃‖ / (‖g‖ + ‖g̃‖).

    About 1e-7 or less means the gradient is right; above about 1e-3 means a
    bug.  Between the two, look closer (a smaller epsilon, another point).
    The result is 0 when both gradients are 0.

    >>> X, Y = [[1, 2], [3, -1]], [1, 0]
    >>> J, dw, db = propagate([0.5, -0.5], 0.1, X, Y)
    >>> gradient_check([0.5, -0.5], 0.1, X, Y, dw, db) < 1e-7
    True
    >>> gradient_check([0.5, -0.5], 0.1, X, Y, dw, db * 2) > 1e-3    # a planted bug
    True
    """
    numeric_dw, numeric_db = numerical_gradient(w, b, X, Y, epsilon=epsilon, l2=l2)
    numeric = [*numeric_dw, numeric_db]
    g = [*_reals(dw, "dw"), _real(db, "db")]
    if len(g) != len(numeric):
        raise ValueError(f"w has {len(numeric) - 1} weights but dw has {len(g) - 1}")
    size = _norm(g) + _norm(numeric)
    return _norm([p - q for p, q in zip(g, numeric)]) / size if size else 0.0


def _norm(v: Vector) -> float:
    return math.hypot(*v)


# === 9. One step of gradient descent =========================================
#
# The gradient points uphill, so we step the other way.  The learning rate α
# sets the stride.  Too small, and J crawls down over thousands of steps.  Too
# large, and each step overshoots the valley floor: J zigzags down, or climbs.
# About right, J drops fast and then settles.

def update(w: Vector, b: float, dw: Vector, db: float,
           learning_rate: float) -> tuple[list[float], float]:
    """One gradient-descent step: return (w − α·dw, b − α·db) as new values.

    The lists passed in are left as they were.

    >>> update([1.0, 2.0], 0.5, [0.5, -1.0], 0.25, learning_rate=0.1)
    ([0.95, 2.1], 0.475)
    """
    w, dw = _reals(w, "w"), _reals(dw, "dw")
    if len(w) != len(dw):
        raise ValueError(f"w has {len(w)} weights but dw has {len(dw)}")
    w, b = _update(w, _real(b, "b"), dw, _real(db, "db"), _positive(learning_rate, "learning_rate"))
    if not (math.isfinite(b) and all(math.isfinite(wj) for wj in w)):
        raise ValueError("the new weights overflowed; lower the learning rate")
    return w, b


def _update(w: Vector, b: float, dw: Vector, db: float,
            learning_rate: float) -> tuple[list[float], float]:
    return [wj - learning_rate * dwj for wj, dwj in zip(w, dw)], b - learning_rate * db


# === 10. Training ============================================================
#
# Training is forward propagation, backward propagation and an update, over and
# over.  Where to start?  A network with hidden layers must start from random
# weights: if all its hidden units began equal, they would get equal gradients
# and stay copies of each other forever.  A single neuron has no copies to
# tell apart, and J is convex, so zeros are as good a start as any.  Convex
# does not mean that every start ends at the same weights, though: it means
# that every start can reach the lowest cost.  The weights that reach it are
# one single point only when no feature is a combination of the others and of
# the constant 1 that b multiplies (a duplicated or a constant column is one),
# and the two classes overlap: no line (plane) has all of one class on one side
# and all of the other class on the other, counting the line itself as either.
#
# When to stop?  After a fixed number of iterations, or once a step lowers J by
# less than a tolerance.  A step that *raises* J is not convergence but a sign
# that the learning rate is too large, so it never stops training early.
#
# One surprise: if a line (a plane, for more features) separates the two
# classes perfectly, J has no minimum at all.  Scaling w and b up by any
# factor keeps every example on its right side and makes every a closer to its
# y, so J keeps falling toward 0 and the weights keep growing, ever more
# slowly, without end.  In floating point the growth all but stops: the pull
# of an example shrinks like e^(−|z|), and once z passes about 37, σ(z) rounds
# to 1, so a − 1 rounds to 0 and the y = 1 examples stop pulling.  A y = 0
# example keeps a tiny pull, a = σ(z) ≈ e^z, until z falls below about −745.
# To keep w modest, stop early, or use regularization (section 13).

def train(X: Matrix, Y: Labels, *, learning_rate: float, iterations: int,
          tolerance: float = 0.0, w: Vector | None = None, b: float = 0.0,
          l2: float = 0.0, print_every: int = 0) -> tuple[list[float], float, list[float]]:
    """Learn w and b by gradient descent; return (w, b, costs).

    ``costs[k]`` is J at the parameters before step k, so ``costs[0]`` is the
    starting cost.  Training starts from w = 0 and b = 0 unless w and b are
    given, and makes ``iterations`` steps, or fewer if ``tolerance`` > 0 and a
    step lowers J by less than it; then the returned w and b are the ones whose
    cost is ``costs[-1]``.  ``l2`` is the λ of section 13 (scikit-learn's
    C = 1/λ).  With
    ``print_every`` = k > 0 it prints the cost every k iterations, to watch a
    long run.  It raises ValueError if Y holds one class only, or if training
    diverges (J or w stops being finite).

    >>> X, Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]
    >>> w, b, costs = train(X, Y, learning_rate=1.0, iterations=3, print_every=1)
    cost after iteration 0: 0.693147
    cost after iteration 1: 0.638439
    cost after iteration 2: 0.607464
    >>> len(costs), costs[0] == math.log(2), round(w[0], 6)
    (3, True, 0.580083)
    """
    X, w, b, Y, l2 = _data(X, Y, w, b, l2, both_classes=True)
    learning_rate = _positive(learning_rate, "learning_rate")
    iterations, print_every = _count(iterations, "iterations"), _count(print_every, "print_every")
    tolerance = _real(tolerance, "tolerance")
    if tolerance < 0:
        raise ValueError(f"tolerance is {tolerance!r}; it must be 0 or more")

    costs: list[float] = []
    for k in range(iterations):
        J, dw, db = _propagate(w, b, X, Y, l2)    # forward and backward propagation
        if not math.isfinite(J):
            raise ValueError(f"training diverged: the cost is {J} at iteration {k}; "
                             "lower the learning rate or standardize the features")
        costs.append(J)
        if print_every and k % print_every == 0:
            print(f"cost after iteration {k}: {J:.6g}")
        if k > 0 and 0.0 <= costs[-2] - J < tolerance:
            break
        w, b = _update(w, b, dw, db, learning_rate)
    if not (math.isfinite(b) and all(math.isfinite(wj) for wj in w)):
        raise ValueError("training diverged: the weights overflowed; lower the "
                         "learning rate or standardize the features")
    return w, b, costs


# === 11. Prediction, and judging a model =====================================
#
# A trained neuron gives a probability a; to answer yes or no, threshold it.
# Judge a model on examples it did not train on: accuracy on the training set
# flatters it.  A model that fits noise in its training examples (overfitting)
# scores well on them and worse on new ones, so a large gap between training
# and test accuracy is a warning.  But a test accuracy is an estimate: on a
# test set of k examples, its standard error is √(p(1 − p)/k), about 6 points
# for k = 50 and p = 0.8, so gaps of that size can be chance alone.  One
# neuron with a few features rarely overfits; with many features and few
# examples it can fit pure noise perfectly.

def predict_proba(w: Vector, b: float, X: Matrix) -> list[float]:
    """a = σ(w·x + b) for each example x in X: the probability that y = 1.

    >>> predict_proba([1.0, -1.0], 0.0, [[2, 2], [1000, 0]])
    [0.5, 1.0]
    """
    X, w, b, _, _ = _data(X, (), w, b, 0.0, labelled=False)
    a = [_sigmoid(_z(w, b, x)) for x in X]
    if any(p != p for p in a):      # nan: some w·x overflowed to inf − inf
        raise ValueError(_TOO_BIG)
    return a


def predict(w: Vector, b: float, X: Matrix, threshold: float = 0.5) -> list[int]:
    """1 for each example whose a is above threshold, else 0.

    >>> predict([1.0], 0.0, [[-3], [0], [3]])   # at z = 0, a = 0.5 is not above
    [0, 0, 1]
    """
    threshold = _real(threshold, "threshold")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold is {threshold!r}; it must lie in [0, 1]")
    return [1 if a > threshold else 0 for a in predict_proba(w, b, X)]


def accuracy(Y: Labels, predictions: Labels) -> float:
    """The fraction of predictions that equal the labels Y.

    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    labels = _labels(Y)
    guesses = _labels(predictions, "predictions", "prediction")
    if len(labels) != len(guesses):
        raise ValueError(f"Y has {len(labels)} labels but there are "
                         f"{len(guesses)} predictions")
    if len(labels) == 0:
        raise ValueError("Y is empty; there is nothing to score")
    return sum(1 for y, p in zip(labels, guesses) if y == p) / len(labels)


# === 12. Feature scaling =====================================================
#
# Gradient descent takes one learning rate for every weight.  If one feature
# runs in thousands and another in thousandths, J is a long, narrow valley: a
# rate small enough not to overshoot along the steep direction crawls along
# the shallow one.  Standardizing each feature to mean 0 and standard
# deviation 1 makes the valley much rounder (features that move together can
# still leave it oval), and one rate suits every weight far better.
#
# Learn the means and deviations on the training data only, and apply those
# same numbers to any new data: the model was trained in those units.

def fit_scaling(X: Matrix) -> tuple[list[float], list[float]]:
    """The mean and (population) standard deviation of each feature of X.

    A feature whose values are all equal gets its value as the mean and
    deviation 1, so that standardizing it gives exactly 0.

    >>> fit_scaling([[1, 10], [3, 10]])
    ([2.0, 10.0], [1.0, 1.0])
    """
    _, m, n = _matrix(X)
    means, deviations = [], []
    for j in range(n):
        column = [float(x[j]) for x in X]
        low, high = min(column), max(column)
        if low == high:               # compare the values; a computed deviation
            means.append(low)         # of a constant column can be 1e-17
            deviations.append(1.0)
            continue
        # Numerics: squares of values beyond 1e154 overflow, so first divide
        # the column by a power of two 2^k that brings it into [−1, 1], exactly.
        k = math.frexp(max(-low, high))[1]
        u = [math.ldexp(v, -k) for v in column]
        mean = math.fsum(u) / m
        deviation = math.sqrt(math.fsum((v - mean) ** 2 for v in u) / m)
        # Scale back up; the last doubling may round to inf but cannot raise.
        means.append(math.ldexp(mean, k - 1) * 2.0)
        deviation = math.ldexp(deviation, k - 1) * 2.0
        deviations.append(deviation if deviation > 0.0 else 1.0)
    return means, deviations


def standardize(X: Matrix, means: Vector, deviations: Vector) -> list[list[float]]:
    """Each feature of X less its mean, over its deviation: a new list.

    >>> standardize([[1, 10], [3, 10], [4, 10]], [2.0, 10.0], [1.0, 1.0])
    [[-1.0, 0.0], [1.0, 0.0], [2.0, 0.0]]
    """
    _, _, n = _matrix(X)
    means, deviations = _scaling(means, deviations, n)
    result = [[(xj - mu) / s for xj, mu, s in zip(x, means, deviations)] for x in _FloatRows(X)]
    for i, row in enumerate(result):
        if math.isfinite(sum(row)):     # the usual case: nothing overflowed
            continue
        for j, score in enumerate(row):
            if math.isinf(score):   # x − μ overflowed, though (x − μ)/σ may not
                xj = float(X[i][j])
                row[j] = score = xj / deviations[j] - means[j] / deviations[j]
                if math.isinf(score):
                    raise ValueError(f"X[{i}][{j}] is {xj!r}, too many deviations "
                                     "from the mean to standardize as a float")
    return result


def unstandardize(w: Vector, b: float, means: Vector,
                  deviations: Vector) -> tuple[list[float], float]:
    """The weights for raw features that equal (w, b) on standardized ones.

    Since z = Σ wj·(xj − μj)/σj + b = Σ (wj/σj)·xj + (b − Σ wj·μj/σj).

    >>> unstandardize([2.0], 1.0, [10.0], [4.0])     # 2·(x − 10)/4 + 1
    ([0.5], -4.0)
    """
    w, b = _reals(w, "w"), _real(b, "b")
    means, deviations = _scaling(means, deviations, len(w))
    raw_w = [wj / s for wj, s in zip(w, deviations)]
    raw_b = b - sum(wj * mu for wj, mu in zip(raw_w, means))
    if not (math.isfinite(raw_b) and all(math.isfinite(wj) for wj in raw_w)):
        raise ValueError("the weights in original units are too large for a float")
    return raw_w, raw_b


# === 13. Regularization: a price on large weights ============================
#
# L2 regularization adds to J a penalty on the size of the weights,
#
#     J = (1/m)·Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾) + λ/(2m)·Σj wj²       so that   dwj gains λ·wj/m,
#
# and leaves b alone.  Every step now also shrinks each weight a little toward
# 0 ("weight decay").  The penalty trades fit for size: the cost on the
# training data rises a little, and a model that no longer chases every quirk
# of its training examples may do better on new ones.  It also ends the
# separable-data problem of section 10: with λ > 0, growing weights cost more
# than they gain, so J has one minimum, at finite weights, whatever the data
# (given both classes).  λ is found by trying a few values on data kept aside.
#
# This is scikit-learn's convention too: l2 = λ here is its
# LogisticRegression(C=1/λ), so l2=1 is its default.

def _l2_cost(w: Vector, l2: float, m: int) -> float:
    """λ/(2m)·Σ wj², the penalty."""
    return l2 / (2 * m) * sum(wj * wj for wj in w) if l2 else 0.0


def _l2_gradient(w: Vector, l2: float, m: int) -> list[float]:
    """λ·wj/m for each weight: the penalty's share of dw."""
    return [l2 * wj / m for wj in w]


# === 14. A faster way down: Newton's method ==================================
#
# Gradient descent knows the slope but not the curvature, so one learning rate
# must suit the steepest direction and the flattest.  Newton's method also
# uses the second derivatives, the Hessian
#
#     H = (1/m)·Σᵢ a⁽ⁱ⁾(1 − a⁽ⁱ⁾)·x̃⁽ⁱ⁾x̃⁽ⁱ⁾ᵀ   (+ λ/m on the weights' diagonal),
#
# with x̃ = (x1, ..., xn, 1).  The sigmoid's slope a(1 − a) comes back here as
# the curvature.  Each step solves H·s = (dw, db) and moves (w, b) by −s: the
# minimum of the quadratic bowl that matches J here, which is why it needs no
# learning rate and does not care how the features are scaled.  Near the
# minimum each step about doubles the number of correct digits, so a few
# steps give the answer to full precision.  J is not a quadratic, so a step
# that would raise J is halved until it does not.
#
# The price is the n × n system: forming H costs about m·n² operations per
# step and solving it n³, against m·n for a gradient step.  That is cheap for
# tens of features and hopeless for the millions of weights in a neural
# network, which is why gradient descent, in its many variants, stays their
# workhorse.
#
# Newton's step needs H to be invertible.  It is not when a feature is
# constant or a combination of others: then J is flat along some direction,
# and many weights share the lowest cost.  And with λ = 0 and separable
# classes, J has no minimum to find.  In both cases train_newton says which,
# and suggests l2 > 0, rather than return a guess.

def train_newton(X: Matrix, Y: Labels, *, iterations: int = 100, tolerance: float = 1e-12,
                 l2: float = 0.0) -> tuple[list[float], float, list[float]]:
    """Learn w and b by Newton's method; return (w, b, costs) as train does.

    It stops after ``iterations`` steps, or once a step lowers J by less than
    ``tolerance``.  ``l2`` is the λ of section 13 (scikit-learn's C = 1/λ).  It raises ValueError if the minimum is not one point (see
    above) or does not exist.

    >>> X, Y = [[-1.0]] * 4 + [[1.0]] * 4, [0, 0, 0, 1, 0, 1, 1, 1]
    >>> w, b, costs = train_newton(X, Y)
    >>> abs(w[0] - math.log(3)) < 1e-12, abs(b) < 1e-12, len(costs) < 10    # as by hand
    (True, True, True)
    """
    X, w, b, Y, l2 = _data(X, Y, None, 0.0, l2, both_classes=True)
    iterations, tolerance = _count(iterations, "iterations"), _real(tolerance, "tolerance")
    if tolerance < 0:
        raise ValueError(f"tolerance is {tolerance!r}; it must be 0 or more")
    costs: list[float] = []
    for k in range(iterations):
        J, dw, db = _propagate(w, b, X, Y, l2)
        _finite(J, dw, db)
        costs.append(J)
        if k > 0 and costs[-2] - J < tolerance:
            break
        step = _solve(_hessian(w, b, X, Y, l2), [*dw, db])
        if step is None:
            raise ValueError(_no_single_minimum(w, b, X, Y))
        fraction = 1.0
        new_w, new_b = _update(w, b, step[:-1], step[-1], fraction)
        while not _cost(new_w, new_b, X, Y, l2) <= J:     # J would rise: halve the step
            fraction /= 2
            if fraction < 1e-9:
                break
            new_w, new_b = _update(w, b, step[:-1], step[-1], fraction)
        if fraction < 1e-9:         # no step lowers J: it is as low as floats tell
            break
        w, b = new_w, new_b
    if l2 == 0 and _separates(w, b, X, Y):
        raise ValueError(_no_single_minimum(w, b, X, Y))
    return w, b, costs


def _hessian(w: Vector, b: float, X: Matrix, Y: Labels, l2: float) -> list[list[float]]:
    """H = (1/m)·Σ a(1 − a)·x̃x̃ᵀ, plus λ/m on the weights' diagonal."""
    m, k = len(Y), len(w) + 1
    H = [[0.0] * k for _ in range(k)]
    for x in X:
        curvature = _sigmoid_derivative(_z(w, b, x))      # a(1 − a)
        xt = [*x, 1.0]
        for i in range(k):
            row, ci = H[i], curvature * xt[i]
            for j in range(i + 1):          # H is symmetric: fill one half
                row[j] += ci * xt[j]
    for i in range(k):
        for j in range(i + 1):
            H[i][j] = H[j][i] = H[i][j] / m
    for j in range(k - 1):
        H[j][j] += l2 / m
    if not all(math.isfinite(h) for row in H for h in row):
        raise ValueError(_TOO_BIG)
    return H


def _solve(H: list[list[float]], g: list[float]) -> list[float] | None:
    """s with H·s = g, by Gaussian elimination with partial pivoting; None if H is singular."""
    k = len(g)
    if min(H[i][i] for i in range(k)) <= 0.0:
        return None
    # Numerics: first scale H to ones on its diagonal, d·H·d, so that "nearly
    # singular" means the same whatever the units of each feature.
    d = [1.0 / math.sqrt(H[i][i]) for i in range(k)]
    M = [[H[i][j] * d[i] * d[j] for j in range(k)] + [g[i] * d[i]] for i in range(k)]
    for col in range(k):
        pivot = max(range(col, k), key=lambda r: abs(M[r][col]))
        if abs(M[pivot][col]) < 1e-11:
            return None
        M[col], M[pivot] = M[pivot], M[col]
        for r in range(col + 1, k):
            f = M[r][col] / M[col][col]
            for c in range(col, k + 1):
                M[r][c] -= f * M[col][c]
    s = [0.0] * k
    for r in reversed(range(k)):
        s[r] = (M[r][k] - sum(M[r][c] * s[c] for c in range(r + 1, k))) / M[r][r]
    return [sr * dr for sr, dr in zip(s, d)]


def _separates(w: Vector, b: float, X: Matrix, Y: Labels) -> bool:
    """Whether w·x + b = 0 puts every example strictly on its own side."""
    return all((_z(w, b, x) > 0.0) if y else (_z(w, b, x) < 0.0) for x, y in zip(X, Y))


def _no_single_minimum(w: Vector, b: float, X: Matrix, Y: Labels) -> str:
    if _separates(w, b, X, Y):
        return ("the classes are separable: a line (a plane) puts every example on its "
                "own side, so J has no minimum and the weights would grow without end; "
                "use l2 > 0 for a finite answer")
    return ("J is flat along some direction (its Hessian is singular): a feature is "
            "constant or a combination of others, such as a duplicated column, so many "
            "weights share the lowest cost; drop that feature, or use l2 > 0")


# === Beyond this file ========================================================
#
# The loops above touch one number at a time, which makes them easy to follow
# and slow: Python spends most of its time on bookkeeping.  The next step is
# vectorization: in the course's layout, with the examples as the columns of X,
# the whole pass is Z = wᵀX + b, A = σ(Z), dZ = A − Y, dw = X·dZᵀ/m, each one
# whole-array operation that numpy runs in compiled code, many times faster.
# After that: several output neurons (softmax) for more than two classes, and
# hidden layers, which make a network.


# === Appendix: checking the input ============================================
#
# Every public function checks what it is given before any arithmetic, so
# that a mistake is reported in words and the mathematics above stays plain.
# Numbers and weights become plain floats at the door.  X is not copied:
# checking it costs one quick pass, and training then makes many.

_TOO_BIG = ("the cost or its gradient overflowed: the weights or features are too "
            "large for floating point; standardize the features (see standardize) "
            "or lower the learning rate")


def _show(v: object) -> str:
    """A short text for v in a message."""
    text = repr(v) if isinstance(v, (str, bytes)) else str(v)
    return text if len(text) <= 40 else text[:37] + "..."


def _real(v: float, where: str, *, infinite_ok: bool = False, check: bool = True) -> float:
    """v as a plain float, if it is a real number a float can hold."""
    if type(v) is not float:
        kind = getattr(getattr(v, "dtype", None), "kind", "f")   # numpy's
        if isinstance(v, (str, bytes, complex)) or kind not in "biuf" or getattr(v, "ndim", 0) != 0:
            raise TypeError(f"{where} is {_show(v)} ({type(v).__name__}); "
                            "it must be a real number")
        try:
            v = float(v)
        except OverflowError:
            raise ValueError(f"{where} is {_show(v)}, too large for a float") from None
        except (TypeError, ValueError):
            raise TypeError(f"{where} is {_show(v)} ({type(v).__name__}); "
                            "it must be a real number") from None
    if check and (v != v or (math.isinf(v) and not infinite_ok)):
        raise ValueError(f"{where} is {v!r}; it must be a finite number")
    return v


def _positive(v: float, where: str) -> float:
    v = _real(v, where)
    if v <= 0:
        raise ValueError(f"{where} is {v!r}; it must be positive")
    return v


def _count(v: int, where: str) -> int:
    """v as an int, if it is a whole number, 0 or more."""
    if isinstance(v, bool) or not hasattr(type(v), "__index__") or getattr(v, "ndim", 0) != 0:
        raise TypeError(f"{where} is {_show(v)}; it must be a whole number")
    v = v.__index__()
    if v < 0:
        raise ValueError(f"{where} is {v}; it must be 0 or more")
    return v


def _length(v: object, where: str, what: str) -> int:
    """len(v), if v is a list-like sequence (not a string, dict or set)."""
    if isinstance(v, (str, bytes)) or hasattr(v, "keys") or not hasattr(v, "__getitem__"):
        raise TypeError(f"{where} is {_show(v)}; it must be a list of {what}")
    try:
        return len(v)           # type: ignore[arg-type]
    except TypeError:           # numpy's 0-d arrays have __len__ but no length
        raise TypeError(f"{where} is {_show(v)}; it must be a list of {what}") from None


def _reals(v: Vector, where: str) -> list[float]:
    _length(v, where, "numbers")
    return [_real(vj, f"{where}[{j}]") for j, vj in enumerate(v)]


class _FloatRows(Sequence[list[float]]):
    """X read row by row as lists of plain floats, without copying it whole.

    The loops use it when X holds other numbers (numpy's, Fractions): numpy's
    float32 times a float is a float32, for one, which would lose digits.
    """

    def __init__(self, X: Matrix) -> None:
        self.X = X

    def __len__(self) -> int:
        return len(self.X)

    def __iter__(self) -> Iterator[list[float]]:
        return ([float(v) for v in x] for x in self.X)

    @overload
    def __getitem__(self, i: int) -> list[float]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[float]]: ...
    def __getitem__(self, i: int | slice) -> list[float] | list[list[float]]:
        if isinstance(i, slice):
            return [[float(v) for v in x] for x in self.X[i]]
        return [float(v) for v in self.X[i]]


def _matrix(X: Matrix) -> tuple[Matrix, int, int]:
    """Check X is a non-empty list of equal rows of real numbers: (rows, m, n).

    rows is X itself when its numbers are Python's own ints and floats, else
    X read through _FloatRows, so that the loops always meet plain floats.
    """
    m = _length(X, "X", "examples, each a list of numbers")
    if m == 0:
        raise ValueError("X is empty; it needs at least one example")
    n, plain = -1, True
    for i, x in enumerate(X):
        if isinstance(x, (int, float)) or getattr(x, "ndim", None) == 0:
            raise TypeError(f"X[{i}] is the number {_show(x)}; X must be a list of "
                            "rows, one per example, such as [[x1, x2], ...]")
        n_i = _length(x, f"X[{i}]", "numbers")
        if n_i == 0:
            raise ValueError(f"X[{i}] has no features")
        if i > 0 and n_i != n:
            raise ValueError(f"X[{i}] has {n_i} features but X[0] has {n}")
        n = n_i
        # A row of Python's own numbers with a finite sum holds finite numbers
        # only, so the slow check of each value runs only for other types, or
        # when something is wrong, or when huge values overflowed the sum.
        own = set(map(type, x)) <= {float, int, bool}
        try:
            fine = own and math.isfinite(sum(x, 0.0))
        except OverflowError:               # an int too large for a float
            fine = False
        if not fine:
            for j, v in enumerate(x):
                _real(v, f"X[{i}][{j}]")
        plain = plain and own
    return (X if plain else _FloatRows(X)), m, n


def _label(y: float, where: str = "y", name: str = "label") -> int:
    v = _real(y, where, check=False)
    if v != 0 and v != 1:
        raise ValueError(f"{where} is {_show(y)}; {name}s must be 0 or 1")
    return int(v)


def _labels(Y: Labels, where: str = "Y", name: str = "label") -> bytes:
    """Y as bytes of 0 and 1: the labels as plain ints, at one byte each."""
    _length(Y, where, f"{name}s, 0 or 1")
    try:                                  # 0.0, 1.0, False and True are fine too
        fine = set(Y) <= {0, 1} and set(map(type, Y)) <= {int, float, bool}
    except TypeError:                     # an unhashable value, such as a list
        fine = False
    if fine:
        return bytes(1 if y == 1 else 0 for y in Y)
    return bytes(_label(y, f"{name} {i}", name) for i, y in enumerate(Y))


def _activation(a: float) -> float:
    a = _real(a, "a")
    if not 0.0 <= a <= 1.0:
        raise ValueError(f"a is {a!r}; an activation must lie in [0, 1]")
    return a


def _l2(l2: float) -> float:
    l2 = _real(l2, "l2")
    if l2 < 0:
        raise ValueError(f"l2 is {l2!r}; it must be 0 or more")
    return l2


def _data(X: Matrix, Y: Labels, w: Vector | None, b: float, l2: float, *,
          features: int = 0, both_classes: bool = False, labelled: bool = True,
          ) -> tuple[Matrix, list[float], float, bytes, float]:
    """Check a data set with its parameters: (rows, w, b, labels, l2).

    w = None stands for zeros.  features = 2 asks for two features exactly;
    labelled = False, for prediction, ignores Y.
    """
    rows, m, n = _matrix(X)
    if features and n != features:
        raise ValueError(f"each example has {n} features; this loop needs {features}")
    labels = b""
    if labelled:
        labels = _labels(Y)
        if len(labels) != m:
            raise ValueError(f"X has {m} examples but Y has {len(labels)} labels")
        if both_classes and len(set(labels)) < 2:
            raise ValueError(f"every label is {labels[0]}; training needs examples of "
                             "both classes, 0 and 1")
    if w is None:
        weights = [0.0] * n
    else:
        weights = _reals(w, "w")
        if len(weights) != n:
            names = "w1 and w2" if features else "w"
            raise ValueError(f"{names} has {len(weights)} weights but each example "
                             f"has {n} features")
    return rows, weights, _real(b, "b"), labels, _l2(l2)


def _finite(J: float, dw: Vector = (), db: float = 0.0) -> float:
    """J, if it and the gradient are finite; else the overflow error."""
    if not (math.isfinite(J) and math.isfinite(db) and all(math.isfinite(v) for v in dw)):
        raise ValueError(_TOO_BIG)
    return J


def _scaling(means: Vector, deviations: Vector, n: int) -> tuple[list[float], list[float]]:
    means, deviations = _reals(means, "means"), _reals(deviations, "deviations")
    if len(means) != n or len(deviations) != n:
        raise ValueError(f"means and deviations need {n} values each, one per "
                         f"feature; they have {len(means)} and {len(deviations)}")
    for j, s in enumerate(deviations):
        if s <= 0:
            raise ValueError(f"deviations[{j}] is {s!r}; deviations must be positive")
    return means, deviations
