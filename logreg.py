"""Logistic regression as a one-neuron network, in plain Python.

Read this file from top to bottom: it is a tutorial, and also a small library
you can copy into your own work.  It needs nothing but Python's ``math``.

The story in equations
----------------------
An example is a vector x of n features, x = (x1, ..., xn), with a label y that
is 0 or 1.  The neuron holds one weight per feature, w = (w1, ..., wn), and a
bias b.  It sees an example in two steps:

    z = w·x + b = w1·x1 + ... + wn·xn + b     the weighted sum
    a = σ(z) = 1 / (1 + e^(−z))               the activation, read as P(y = 1 | x)

The loss of one example is the cross-entropy, which is how surprised the
neuron is by the true label:

    L(a, y) = −(y·log(a) + (1 − y)·log(1 − a))

and the cost is the mean loss over the m training examples x⁽¹⁾ ... x⁽ᵐ⁾:

    J(w, b) = (1/m) · Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾)

Learning means making J small.  The chain rule takes us from L back to z:

    dL/da = −y/a + (1 − y)/(1 − a)
    da/dz = a·(1 − a)
    dz    = dL/dz = dL/da · da/dz = a − y

and from z to the parameters, since ∂z/∂wj = xj and ∂z/∂b = 1:

    dwj = xj·dz        db = dz

Averaging these over the m examples gives the gradient of J, and one step of
gradient descent with learning rate α moves against it:

    wj := wj − α·dwj        b := b − α·db

Repeat, and J falls.  Everything below is these lines, made exact and safe.

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
sigmoid(z)                 a = σ(z), exact and safe for every float
sigmoid_derivative(z)      da/dz = σ(z)·(1 − σ(z))
loss(a, y)                 L(a, y), the cross-entropy
loss_derivative(a, y)      dL/da
loss_from_z(z, y)          L(σ(z), y) computed from z, without losing digits
cost(w, b, X, Y)           J, the mean loss
propagate_two_features     the lecture's loop: J, dw1, dw2, db
propagate(w, b, X, Y)      the same for n features: J, dw, db
update(w, b, dw, ...)      one step of gradient descent
train(X, Y, ...)           repeat propagate and update: w, b and the costs
predict_proba(w, b, X)     a for each example
predict(w, b, X)           1 where a > 0.5, else 0
accuracy(Y, predictions)   the fraction predicted right
fit_scaling(X)             the means and deviations of the features
standardize(X, ...)        features on one scale, for training and prediction
unstandardize(w, b, ...)   weights learned on standardized features, in the
                           original units
=========================  ====================================================

Bad input raises ValueError, or TypeError for a value that is not a number,
with a message that says what is wrong and where.  No function changes the
lists it is given.

>>> X = [[0.0], [1.0], [2.0], [3.0]]
>>> Y = [0, 0, 1, 1]
>>> w, b, costs = train(X, Y, learning_rate=1.0, iterations=500)
>>> round(costs[0], 4)             # at w = 0, b = 0 every a is 1/2: J = log 2
0.6931
>>> costs[-1] < 0.05
True
>>> predict(w, b, [[0.5], [2.5]])
[0, 1]
"""

import math
from collections.abc import Sequence

Vector = Sequence[float]            # one example x, or the weights w
Matrix = Sequence[Sequence[float]]  # X: m examples (rows) of n features each
Labels = Sequence[float]            # Y: m labels, each 0 or 1


# === Checking the input ======================================================
#
# Every public function checks what it is given, once, before any arithmetic,
# so that a mistake is reported in words and the mathematics below stays plain.
# Checking costs one quick pass over the data; training then makes many.
# On a first reading, skip ahead to section 1: the story starts there.

_TOO_BIG = ("w·x + b overflowed: the weights or features are too large for "
            "floating point; standardize the features (see standardize) or "
            "lower the learning rate")


def _check_real(v: float, where: str) -> None:
    """Raise TypeError unless v is a real number that float arithmetic takes."""
    try:
        real = isinstance(0.0 + v, float)   # int, float, bool, Fraction, numpy's
    except TypeError:
        real = False
    except OverflowError:
        raise ValueError(f"{where} is an integer too large for a float") from None
    if not real:
        raise TypeError(f"{where} is {v!r} ({type(v).__name__}); "
                        "it must be a real number")


def _check_number(v: float, where: str, *, infinite_ok: bool = False) -> None:
    """Raise unless v is a real number, and a finite one unless infinite_ok."""
    _check_real(v, where)
    if v != v or (math.isinf(v) and not infinite_ok):
        raise ValueError(f"{where} is {v!r}; it must be a finite number")


def _check_sized(v: object, where: str, what: str) -> None:
    if isinstance(v, (str, bytes)) or not hasattr(v, "__len__"):
        raise TypeError(f"{where} is {v!r}; it must be a list of {what}")


def _check_vector(v: Vector, where: str) -> int:
    """Check that v is a list of finite numbers and return its length."""
    _check_sized(v, where, "numbers")
    try:
        total = sum(v, 0.0)
    except (TypeError, OverflowError):
        total = math.nan
    # The sum is finite only if every value is a finite number, so the slow
    # search for the culprit runs only when something is wrong (or when huge
    # values overflowed the sum, and then it finds nothing).
    if not (isinstance(total, float) and math.isfinite(total)):
        for j, vj in enumerate(v):
            _check_number(vj, f"{where}[{j}]")
    return len(v)


def _check_matrix(X: Matrix) -> tuple[int, int]:
    """Check X is a non-empty list of equal rows of finite numbers: (m, n)."""
    _check_sized(X, "X", "examples, each a list of numbers")
    if len(X) == 0:
        raise ValueError("X is empty; it needs at least one example")
    n = -1
    for i, x in enumerate(X):
        if isinstance(x, (int, float)):
            raise TypeError(f"X[{i}] is the number {x!r}; X must be a list of "
                            "rows, one per example, such as [[x1, x2], ...]")
        n_i = _check_vector(x, f"X[{i}]")
        if n_i == 0:
            raise ValueError(f"X[{i}] has no features")
        if i > 0 and n_i != n:
            raise ValueError(f"X[{i}] has {n_i} features but X[0] has {n}")
        n = n_i
    return len(X), n


def _check_label(y: float, where: str = "y", what: str = "labels") -> None:
    _check_real(y, where)
    if y != 0 and y != 1:
        raise ValueError(f"{where} is {y!r}; {what} must be 0 or 1")


def _check_activation(a: float) -> None:
    _check_number(a, "a")
    if not 0.0 <= a <= 1.0:
        raise ValueError(f"a is {a!r}; an activation must lie in [0, 1]")


def _check_labels(Y: Labels, where: str = "Y", name: str = "label") -> None:
    """Check that every value of Y is 0 or 1; name says what one is called."""
    _check_sized(Y, where, f"{name}s, 0 or 1")
    try:
        fine = set(Y) <= {0, 1}     # 0.0, 1.0, False and True are in it too
    except TypeError:               # an unhashable value, such as a list
        fine = False
    if not fine:
        for i, y in enumerate(Y):
            _check_label(y, f"{name} {i}", f"{name}s")


def _check_count(v: int, where: str) -> None:
    """Raise unless v is a whole number, 0 or more."""
    if isinstance(v, bool) or not hasattr(type(v), "__index__"):
        raise TypeError(f"{where} is {v!r}; it must be a whole number")
    if v < 0:
        raise ValueError(f"{where} is {v}; it must be 0 or more")


def _check_weights(w: Vector, n: int) -> None:
    if _check_vector(w, "w") != n:
        raise ValueError(f"w has {len(w)} weights but each example has {n} features")


def _check_data(X: Matrix, Y: Labels, w: Vector | None = None) -> tuple[int, int]:
    """Check a data set, and the weights if given, and return (m, n)."""
    m, n = _check_matrix(X)
    _check_labels(Y)
    if len(Y) != m:
        raise ValueError(f"X has {m} examples but Y has {len(Y)} labels")
    if w is not None:
        _check_weights(w, n)
    return m, n


# === 1. The model: z = w·x + b, a = σ(z) =====================================
#
# The weighted sum z can be any real number, but a probability must lie
# between 0 and 1, so a plain linear output cannot be one.  The neuron
# therefore squashes z through the sigmoid σ, which maps the whole real line
# onto (0, 1): large positive z means "surely 1", large negative z "surely 0",
# and z = 0 means a coin toss.  The set of points where z = 0, that is
# w·x + b = 0, is the decision boundary: a line for two features, a plane for
# three.

def _z(w: Vector, b: float, x: Vector) -> float:
    """z = w·x + b for one example (the inputs were checked by the caller)."""
    z = b
    for wj, xj in zip(w, x):
        z += wj * xj
    if z != z:
        raise ValueError(_TOO_BIG)
    return z


# === 2. The sigmoid σ(z) and its derivative ==================================

def sigmoid(z: float) -> float:
    """The logistic function σ(z) = 1 / (1 + e^(−z)), a number in [0, 1].

    It is exact and never overflows, for every float including ±inf.

    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(-1000.0), sigmoid(1000.0)
    (0.0, 1.0)
    >>> round(sigmoid(math.log(3)), 12)    # 1 / (1 + 1/3)
    0.75
    """
    _check_number(z, "z", infinite_ok=True)
    # Textbook: 1 / (1 + exp(-z)).  math.exp overflows above z ≈ 709.78, so
    # for negative z we use the equal form e^z / (1 + e^z), whose exp is ≤ 1.
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigmoid_derivative(z: float) -> float:
    """da/dz = σ(z)·(1 − σ(z)): the slope of the sigmoid, at most 1/4.

    The slope is largest at z = 0 and vanishes as |z| grows.  That is why a
    neuron whose z is far from 0 learns slowly under a loss that does not
    undo the sigmoid, such as squared error.

    >>> sigmoid_derivative(0.0)
    0.25
    >>> sigmoid_derivative(-1000.0)
    0.0
    """
    _check_number(z, "z", infinite_ok=True)
    # Textbook: s = sigmoid(z); s * (1 - s).  For large |z| the factor
    # 1 - s rounds to 0 long before the slope does, so use e / (1 + e)²
    # with e = exp(-|z|), which is the same number and never rounds away.
    e = math.exp(-abs(z))
    return e / ((1.0 + e) * (1.0 + e))


# === 3. The loss L(a, y) =====================================================
#
# Why cross-entropy and not squared error (a − y)²/2?  With the sigmoid inside,
# squared error makes J non-convex in w, with flat plateaus where a is near
# the wrong 0 or 1, and gradient descent can stall there.  The cross-entropy
# makes J convex, so it has one minimum and every downhill path leads to it;
# and as the next sections show, its derivative through σ is simply a − y.

def loss(a: float, y: float) -> float:
    """L(a, y) = −(y·log(a) + (1 − y)·log(1 − a)), for a in [0, 1], y 0 or 1.

    It is 0 when the neuron is certain and right, and ``math.inf`` when it is
    certain and wrong.

    >>> loss(0.5, 1) == math.log(2)
    True
    >>> loss(1.0, 1), loss(0.0, 0), loss(0.0, 1)
    (0.0, 0.0, inf)
    """
    _check_activation(a)
    _check_label(y)
    # Only one of the two terms is ever present, and evaluating the absent one
    # would compute 0 · log(0) = 0 · (−inf), which is nan, or raise.  The
    # leading 0.0 turns log(1) = 0 into +0.0 rather than −0.0.
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
    _check_activation(a)
    _check_label(y)
    if y == 1:
        return -1.0 / a if a > 0.0 else -math.inf
    return 1.0 / (1.0 - a) if a < 1.0 else math.inf


# === 4. The loss computed from z =============================================
#
# σ(z) rounds to exactly 1.0 once z > 37, and to 0.0 once z < −745.  From then
# on loss(σ(z), y) is 0 or inf, while the true loss is a small positive number
# or a large finite one.  Working from z instead keeps every digit.  Since
# 1 − σ(z) = σ(−z), the two cases are
#
#     y = 1:  L = −log σ(z)  = log(1 + e^(−z))
#     y = 0:  L = −log σ(−z) = log(1 + e^z)
#
# and log(1 + e^t) = max(t, 0) + log(1 + e^(−|t|)).  The first term is |z| when
# the neuron leans the wrong way, 0 when it leans the right way; the second is
# a correction below log 2 that log1p computes accurately even when tiny.

def loss_from_z(z: float, y: float) -> float:
    """L(σ(z), y), computed from z so that it is finite and accurate.

    >>> loss_from_z(0.0, 1) == math.log(2)
    True
    >>> loss_from_z(40.0, 0)          # σ(40) rounds to 1, yet the loss is 40
    40.0
    >>> loss_from_z(-1e20, 1)
    1e+20
    >>> loss_from_z(1000.0, 1)        # right and sure: e^-1000 rounds to 0
    0.0
    """
    _check_number(z, "z", infinite_ok=True)
    _check_label(y)
    # Textbook: loss(sigmoid(z), y).  That is 0 or inf once σ(z) rounds to
    # 0 or 1, so split log(1 + e^±z) into |z| and a small log1p term instead.
    correction = math.log1p(math.exp(-abs(z)))
    wrong_side = (z >= 0.0) != (y == 1)
    return abs(z) + correction if wrong_side else correction


# === 5. The cost J ===========================================================

def cost(w: Vector, b: float, X: Matrix, Y: Labels) -> float:
    """J(w, b), the mean loss over the m examples of X with labels Y.

    >>> cost([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1]) == math.log(2)
    True
    >>> cost([1.0], 0.0, [[40.0], [-40.0]], [0, 1])   # both wrong by 40
    40.0
    """
    m, _ = _check_data(X, Y, w)
    _check_number(b, "b")
    return float(sum(loss_from_z(_z(w, b, x), y) for x, y in zip(X, Y))) / m


# === 6. The gradient: the chain rule, and the lecture's loop ==================
#
# For one example, the chain rule multiplies the derivatives from section 3
# and section 2:
#
#     dz = dL/da · da/dz = (−y/a + (1 − y)/(1 − a)) · a(1 − a)
#        = −y(1 − a) + (1 − y)a
#        = a − y
#
# Everything cancels but the error a − y: the neuron is pushed as hard as it
# is wrong, and the sigmoid's flat tails no longer slow it down.  Then
# dwj = xj·dz and db = dz, because z = w1·x1 + ... + wn·xn + b.  J is a mean, so
# its gradient is the mean of these over the examples: the loop below adds
# them up and divides by m once at the end.

def propagate_two_features(w1: float, w2: float, b: float,
                           X: Matrix, Y: Labels) -> tuple[float, float, float, float]:
    """One pass over two-feature examples: (J, dw1, dw2, db), as on the slide.

    >>> propagate_two_features(0.0, 0.0, 0.0, [[1, 2], [3, 4]], [0, 1])[1:]
    (-0.5, -0.5, 0.0)

    (Every a is 1/2, so dz is +1/2 then −1/2: dw1 = (1·½ − 3·½)/2 = −½.)
    """
    m, n = _check_data(X, Y)
    if n != 2:
        raise ValueError(f"each example has {n} features; this loop needs 2")
    for name, v in (("w1", w1), ("w2", w2), ("b", b)):
        _check_number(v, name)
    J = dw1 = dw2 = db = 0.0
    for (x1, x2), y in zip(X, Y):
        z = w1 * x1 + w2 * x2 + b
        a = sigmoid(z)
        J += loss_from_z(z, y)      # L(a, y), without losing digits
        dz = a - y
        dw1 += x1 * dz
        dw2 += x2 * dz
        db += dz
    return float(J) / m, float(dw1) / m, float(dw2) / m, float(db) / m


# === 7. The gradient for n features ==========================================
#
# The same loop, with dw a list of n sums instead of dw1 and dw2.  This is
# the pass that training repeats, so it is written for speed: sigmoid(z) and
# loss_from_z(z, y) are spelled out inline, because a function call for each
# example would make training about half again as slow.

def _propagate(w: Vector, b: float, X: Matrix,
               Y: Labels) -> tuple[float, list[float], float]:
    """propagate() without the checks, for inputs already checked."""
    exp, log1p = math.exp, math.log1p     # local names are quicker to look up
    m, features = len(X), range(len(w))
    J, dw, db = 0.0, [0.0] * len(w), 0.0
    for x, y in zip(X, Y):
        z = b
        for j in features:
            z += w[j] * x[j]
        if z >= 0.0:                      # a = σ(z), as in sigmoid()
            e = exp(-z)
            a = 1.0 / (1.0 + e)
            J += log1p(e) if y else z + log1p(e)    # as in loss_from_z()
        else:
            e = exp(z)
            a = e / (1.0 + e)
            J += log1p(e) - z if y else log1p(e)
        dz = a - y          # its rounding error, below 1e-16, is negligible
        for j in features:
            dw[j] += x[j] * dz
        db += dz
    # float() keeps the results plain floats when the data are numpy's
    return float(J) / m, [float(dwj) / m for dwj in dw], float(db) / m


def propagate(w: Vector, b: float, X: Matrix,
              Y: Labels) -> tuple[float, list[float], float]:
    """One pass over the examples: the cost J and its gradient (dw, db).

    >>> J, dw, db = propagate([0.0, 0.0], 0.0, [[1, 2], [3, 4]], [0, 1])
    >>> dw, db
    ([-0.5, -0.5], 0.0)
    """
    _check_data(X, Y, w)
    _check_number(b, "b")
    J, dw, db = _propagate(w, b, X, Y)
    if J != J:
        raise ValueError(_TOO_BIG)
    return J, dw, db


# === 8. One step of gradient descent =========================================
#
# The gradient points uphill, so we step the other way.  The learning rate α
# sets the stride.  Too small, and J crawls down over thousands of steps.  Too
# large, and each step overshoots the valley floor: J oscillates or climbs.
# About right, J drops fast and then settles.

def _update(w: Vector, b: float, dw: Vector, db: float,
            learning_rate: float) -> tuple[list[float], float]:
    """update() without the checks."""
    return [wj - learning_rate * dwj for wj, dwj in zip(w, dw)], b - learning_rate * db


def _check_learning_rate(learning_rate: float) -> None:
    _check_number(learning_rate, "learning_rate")
    if learning_rate <= 0:
        raise ValueError(f"learning_rate is {learning_rate!r}; it must be positive")


def update(w: Vector, b: float, dw: Vector, db: float,
           learning_rate: float) -> tuple[list[float], float]:
    """One gradient-descent step: return (w − α·dw, b − α·db) as new values.

    The lists passed in are left as they were.

    >>> update([1.0, 2.0], 0.5, [0.5, -1.0], 0.25, learning_rate=0.1)
    ([0.95, 2.1], 0.475)
    """
    if _check_vector(w, "w") != _check_vector(dw, "dw"):
        raise ValueError(f"w has {len(w)} weights but dw has {len(dw)}")
    _check_number(b, "b")
    _check_number(db, "db")
    _check_learning_rate(learning_rate)
    return _update(w, b, dw, db, learning_rate)


# === 9. Training =============================================================
#
# Training is propagate and update, over and over.  Where to start?  A network
# with hidden layers must start from random weights: if all its hidden units
# began equal, they would get equal gradients and stay copies of each other
# forever.  A single neuron has no copies to tell apart, and its J is convex,
# so every start leads to the same minimum; zeros are as good as any.
#
# When to stop?  After a fixed number of iterations, or once a step lowers J by
# less than a tolerance.  A step that *raises* J is not convergence but a sign
# that the learning rate is too large, so it never stops training early.
#
# One surprise: if a line (a plane, for more features) separates the two
# classes perfectly, J has no minimum.  Scaling w and b up by any factor keeps
# every example on its right side and makes every a closer to its y, so J keeps
# falling toward 0 and the weights keep growing, ever more slowly, without end.
# Here the computation stays finite, and in floating point the growth all but
# stops: the pull of an example shrinks like e^(−|z|), and once z passes about
# 37, σ(z) rounds to 1 and a − 1 to 0.  To keep w modest, stop early, or add a
# penalty on the size of w to J (regularization).

def train(X: Matrix, Y: Labels, *, learning_rate: float, iterations: int,
          tolerance: float = 0.0, w: Vector | None = None, b: float = 0.0,
          print_every: int = 0) -> tuple[list[float], float, list[float]]:
    """Learn w and b by gradient descent; return (w, b, costs).

    ``costs[k]`` is J at the parameters before step k, so ``costs[0]`` is the
    starting cost.  Training starts from w = 0 and b = 0 unless w and b are
    given, and makes ``iterations`` steps, or fewer if ``tolerance`` > 0 and a
    step lowers J by less than it; then the returned w and b are the ones whose
    cost is ``costs[-1]``.  With ``print_every`` = k > 0 it prints the cost every
    k iterations, to watch a long run.  It raises ValueError if Y holds one
    class only, or if training diverges (J or w stops being finite).

    >>> w, b, costs = train([[-1.0], [1.0]], [0, 1], learning_rate=1.0,
    ...                     iterations=3, print_every=1)
    cost after iteration 0: 0.693147
    cost after iteration 1: 0.474077
    cost after iteration 2: 0.347698
    >>> len(costs), costs[0] == math.log(2)
    (3, True)
    """
    m, n = _check_data(X, Y, w)
    classes = set(Y)
    if len(classes) < 2:
        raise ValueError(f"every label is {Y[0]!r}; training needs examples of "
                         "both classes, 0 and 1")
    _check_learning_rate(learning_rate)
    _check_count(iterations, "iterations")
    _check_count(print_every, "print_every")
    _check_number(tolerance, "tolerance")
    if tolerance < 0:
        raise ValueError(f"tolerance is {tolerance!r}; it must be 0 or more")
    _check_number(b, "b")

    w = [0.0] * n if w is None else [float(wj) for wj in w]
    b = float(b)
    costs: list[float] = []
    for k in range(iterations):
        J, dw, db = _propagate(w, b, X, Y)
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


# === 10. Prediction ==========================================================
#
# A trained neuron gives a probability a; to answer yes or no, threshold it.
# Judge a model on examples it did not train on: accuracy on the training set
# flatters it, and the gap between training and test accuracy measures how
# much it has memorized (overfitting) instead of learned.  With one neuron and
# few features the gap is usually small; with many features and few examples
# it can be large.

def predict_proba(w: Vector, b: float, X: Matrix) -> list[float]:
    """a = σ(w·x + b) for each example x in X: the probability that y = 1.

    >>> predict_proba([1.0, -1.0], 0.0, [[2, 2], [1000, 0]])
    [0.5, 1.0]
    """
    _, n = _check_matrix(X)
    _check_weights(w, n)
    _check_number(b, "b")
    return [sigmoid(_z(w, b, x)) for x in X]


def predict(w: Vector, b: float, X: Matrix, threshold: float = 0.5) -> list[int]:
    """1 for each example whose a is above threshold, else 0.

    >>> predict([1.0], 0.0, [[-3], [0], [3]])   # at z = 0, a = 0.5 is not above
    [0, 0, 1]
    """
    _check_number(threshold, "threshold")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold is {threshold!r}; it must lie in [0, 1]")
    return [1 if a > threshold else 0 for a in predict_proba(w, b, X)]


def accuracy(Y: Labels, predictions: Labels) -> float:
    """The fraction of predictions that equal the labels Y.

    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    _check_labels(Y)
    _check_labels(predictions, "predictions", "prediction")
    if len(Y) != len(predictions):
        raise ValueError(f"Y has {len(Y)} labels but there are "
                         f"{len(predictions)} predictions")
    if len(Y) == 0:
        raise ValueError("Y is empty; there is nothing to score")
    return sum(1 for y, p in zip(Y, predictions) if y == p) / len(Y)


# === 11. Feature scaling =====================================================
#
# Gradient descent takes one learning rate for every weight.  If one feature
# runs in thousands and another in thousandths, J is a long, narrow valley: a
# rate small enough not to overshoot along the steep direction crawls along
# the shallow one.  Standardizing each feature to mean 0 and standard
# deviation 1 makes the valley round, and one rate suits every weight.
#
# Learn the means and deviations on the training data only, and apply those
# same numbers to any new data: the model was trained in those units.

def fit_scaling(X: Matrix) -> tuple[list[float], list[float]]:
    """The mean and (population) standard deviation of each feature of X.

    A feature that never varies gets deviation 1, so that standardizing it
    gives zeros rather than a division by zero.

    >>> fit_scaling([[1, 10], [3, 10]])
    ([2.0, 10.0], [1.0, 1.0])
    """
    m, n = _check_matrix(X)
    means, deviations = [], []
    for j in range(n):
        column = [float(x[j]) for x in X]
        # Squares of values beyond 1e154 overflow, so first divide the column
        # by a power of two 2^k that brings it into [−1, 1]: that is exact.
        k = math.frexp(max(map(abs, column)))[1]
        u = [math.ldexp(v, -k) for v in column]
        mean = math.fsum(u) / m
        deviation = math.sqrt(math.fsum((v - mean) ** 2 for v in u) / m)
        # Scale back up; the last doubling may round to inf but cannot raise.
        means.append(math.ldexp(mean, k - 1) * 2.0)
        deviation = math.ldexp(deviation, k - 1) * 2.0
        deviations.append(deviation if deviation > 0.0 else 1.0)
    return means, deviations


def _check_scaling(means: Vector, deviations: Vector, n: int) -> None:
    if _check_vector(means, "means") != n or _check_vector(deviations, "deviations") != n:
        raise ValueError(f"means and deviations need {n} values each, one per "
                         f"feature; they have {len(means)} and {len(deviations)}")
    for j, s in enumerate(deviations):
        if s <= 0:
            raise ValueError(f"deviations[{j}] is {s!r}; deviations must be positive")


def standardize(X: Matrix, means: Vector, deviations: Vector) -> list[list[float]]:
    """Each feature of X less its mean, over its deviation: a new list.

    >>> standardize([[1, 10], [3, 10], [4, 10]], [2.0, 10.0], [1.0, 1.0])
    [[-1.0, 0.0], [1.0, 0.0], [2.0, 0.0]]
    """
    _, n = _check_matrix(X)
    _check_scaling(means, deviations, n)
    result = [[(float(xj) - mu) / s for xj, mu, s in zip(x, means, deviations)] for x in X]
    for i, row in enumerate(result):
        if math.isfinite(sum(row)):     # the usual case: nothing overflowed
            continue
        for j, score in enumerate(row):
            if math.isinf(score):   # x − μ overflowed, though (x − μ)/σ may not
                row[j] = score = X[i][j] / deviations[j] - means[j] / deviations[j]
                if math.isinf(score):
                    raise ValueError(f"X[{i}][{j}] is {X[i][j]!r}, too many deviations "
                                     "from the mean to standardize as a float")
    return result


def unstandardize(w: Vector, b: float, means: Vector,
                  deviations: Vector) -> tuple[list[float], float]:
    """The weights for raw features that equal (w, b) on standardized ones.

    Since z = Σ wj·(xj − μj)/σj + b = Σ (wj/σj)·xj + (b − Σ wj·μj/σj).

    >>> unstandardize([2.0], 1.0, [10.0], [4.0])     # 2·(x − 10)/4 + 1
    ([0.5], -4.0)
    """
    n = _check_vector(w, "w")
    _check_number(b, "b")
    _check_scaling(means, deviations, n)
    raw_w = [wj / s for wj, s in zip(w, deviations)]
    raw_b = b - sum(wj * mu for wj, mu in zip(raw_w, means))
    if not (math.isfinite(raw_b) and all(math.isfinite(wj) for wj in raw_w)):
        raise ValueError("the weights in original units are too large for a float")
    return raw_w, raw_b


# === Beyond this file ========================================================
#
# The loops above touch one number at a time, which makes them easy to follow
# and slow: Python spends most of its time on bookkeeping.  The next step is
# vectorization: in the course's layout, with the examples as the columns of X,
# the whole pass is Z = wᵀX + b, A = σ(Z), dZ = A − Y, dw = X·dZᵀ/m, each one
# whole-array operation that numpy runs in compiled code, many times faster.
# After that: regularization, which keeps w small; several output neurons
# (softmax) for more than two classes; and hidden layers, which make a network.
