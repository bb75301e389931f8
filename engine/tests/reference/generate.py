#!/usr/bin/env python3
r"""
High-precision reference data for the Erlang B / C / A models.

Regenerate (from the repository root /work/main):

    python3 engine/tests/reference/generate.py            # writes reference.jsonl
    python3 engine/tests/reference/generate.py --check    # only the self-checks

Requires Python 3 and mpmath (tested with mpmath 1.3.0).  All arithmetic is done
with mpmath at ``mp.dps = 50`` (about 166 bits).  Every input (traffic, agents,
AHT, threshold, patience) is a Python float (IEEE f64) or an int and is converted
exactly with ``mpf(float_value)``, so a Rust test that parses the JSON number
gets the very same binary input.  Derived quantities (lambda = A/S, theta = 1/P,
...) are formed in 50-digit arithmetic, never in f64.  The output is
deterministic (no randomness).  Outputs are written as JSON strings with 25
significant digits ("d.ddd...de+XX"), correctly rounded from the 50-digit value.

A line is NOT emitted if any of its output values is nonzero but smaller than
1e-300 in magnitude (not representable as a normal f64); such skips and the
Erlang A cases dropped as too expensive are listed on stderr at the end.

Notation: A = offered load (Erlangs) = lambda*S, N = agents, S = AHT (s),
T = service-level threshold (s), P = mean patience (s), mu = 1/S, theta = 1/P,
lambda = A/S.

Erlang B
--------
B(x, A) = A^x e^{-A} / Gamma(x+1, A), with Gamma(s, z) the UPPER incomplete
gamma function (mpmath ``gammainc(s, a=z)``).  For integer x = N this equals
(A^N/N!) / sum_{k=0..N} A^k/k!, and B(0, A) = 1.
Checks: every integer line is compared with the literal sum
sum_{k=0..N} A^k/k! (terms built by t_k = t_{k-1} A / k) to 1e-40 relative;
every fractional line is compared with the upward recursion
B(x+1) = A B(x) / (x + 1 + A B(x)) started from the fractional part; a few small
cases are compared with the integral 1/B(x, A) = A int_0^inf (1+t)^x e^{-At} dt
(mpmath quad).

Erlang C (M/M/N, N > A, N possibly fractional, B = continuous Erlang B)
------------------------------------------------------------------------
p_wait        = N B / (N - A (1 - B))
service_level = 1 - p_wait exp(-(N - A) T / S)
asa_s         = p_wait S / (N - A)
occupancy     = A / N
queue_length  = p_wait A / (N - A)
Self-check: integer N compared with the explicit geometric stationary sum and
with Erlang A at huge patience (P = 1e12).

Erlang A (M/M/N+M, FCFS, exponential patience with mean P, integer N >= 1)
-------------------------------------------------------------------------
Birth-death chain, birth rate lambda, death rate n mu (n <= N),
N mu + (n - N) theta (n > N).  Unnormalised weights relative to state N:
    r_N = 1,  r_{n-1} = r_n * n / A                       (n <= N)
    r_{N+k} = r_{N+k-1} * A / (N + k S/P)                 (k >= 1)
Both sums are accumulated explicitly term by term; a sum is truncated only
when a rigorous geometric bound on the remaining tail (the successive term
ratios are monotonically decreasing and < 1) is below 1e-60 of every partial
sum it feeds (p_wait, answered, abandoned, ASA numerator, each SL sum,
E[queue]).  Z = sum of all r_n.  By PASTA an arrival sees n with prob r_n / Z.

An arrival that finds N + k (k >= 0 waiting ahead) has offered wait
V = sum_{j=0..k} Exp(theta (a + j)),  a = N mu / theta = N P / S,
and patience tau ~ Exp(theta); it is served iff tau >= V.  Closed forms used
(all exact):
  * theta V has E[exp(-s theta V)] = prod_{j=0..k} (a+j)/(a+j+s), i.e.
    exp(-theta V) ~ Beta(a, k+1).  Hence
    P(served | k) = E[exp(-theta V)] = a / (a + k + 1).
  * Tilting by exp(-theta V) gives V' = sum_{j=0..k} Exp(theta (a+1+j)), with
    exp(-theta V') ~ Beta(a+1, k+1), and
    P(served, V <= T | k)   = a/(a+k+1) * P(V' <= T),
    E[V 1{served} | k]      = a/(a+k+1) * E[V'],
    E[V'] = (1/theta) H_k,  H_k = sum_{j=0..k} 1/(a+1+j).
  * For integer second parameter the Beta CDF is a negative-binomial sum:
    with u0 = exp(-theta T), alpha = a + 1,
    P(V' >= T) = I_{u0}(alpha, k+1) = sum_{j=0..k} q_j,
    q_j = u0^alpha (alpha)_j / j! (1-u0)^j   (NB(alpha, u0) pmf),
    so P(V' < T) = s_k = sum_{j>k} q_j.
The SL sum sum_k w_k s_k (w_k = r_{N+k} a/(a+k+1)) is evaluated WITHOUT
cancellation by exchanging the order of summation:
    sum_{k<=K} w_k s_k = sum_{j=1..K} q_j W_{<j} + s_K W_{<=K},
with W the cumulative sums of w; s_K itself is 1 - c_K if c_K <= 1/2, else the
explicit NB tail sum_{j>K} q_j (all terms positive).
Outputs:
  p_wait                 = sum_{k>=0} r_{N+k} / Z
  answered               = (sum_{n<N} r_n + sum_k w_k) / Z
  p_abandon              = sum_k r_{N+k} (k+1)/(a+k+1) / Z   (summed directly)
  service_level          = (sum_{n<N} r_n + sum_k w_k s_k) / Z   (T = 0: no wait only)
  service_level_answered = service_level / answered
  asa_s                  = (1/theta) sum_k w_k H_k / (Z answered)
  occupancy              = A answered / N
Checks on every Erlang A case: answered + p_abandon = 1; the flow identity
lambda p_abandon = theta E[queue]; E[busy agents] = A answered;
sum_{n<=N} r_n = 1/B(N, A) (gammainc Erlang B).
Self-checks (--check, also run before generation):
  * per-k closed forms vs numerical integration (mpmath quad) of the
    hypoexponential density of V (distinct rates, partial fractions), and the
    NB sum vs mpmath betainc;
  * whole small cases vs an independent slow implementation: stationary
    distribution from log-gamma closed forms, P(V' <= T) from mpmath betainc,
    E[V'] from digamma differences;
  * P(wait > 0) vs the Mandelbaum-Zeltyn closed form with the lower incomplete
    gamma function;
  * Erlang A with P = 1e12 agrees with Erlang C (rel. 1e-8).
Requirement searches (model "requirement")
------------------------------------------
The smallest whole N meeting tight targets (service level within T, and
optionally a maximum ASA and a maximum abandonment) at 10 000 and 50 000
Erlangs, Erlang C and Erlang A: galloping from ceil(A + sqrt(A)) in steps of
sqrt(A), then bisection, each verdict on the 50-digit figures above. Known
misses are not evaluated: Erlang C needs N > A, and under Erlang A at most
N/A of the calls are answered (A (1 - p_abandon) <= N busy agents), so no N
below ceil(SL A) - 1 meets a service level SL. A case is refused (assertion)
if any figure it decides on is within 1e-8 relative of its target. Written:
the inputs, `agents`, the figures at `agents` and, prefixed `below_`, at
`agents - 1` (absent for an unstable Erlang C queue).

Performance: an Erlang A case is dropped (not emitted) if the mode of its queue
distribution, (A - N) P / S, lies beyond k = 100000, or if it needs more than
300000 queue terms (huge patience with N << A).
"""

import argparse
import json
import math
import sys
import time

import mpmath
from mpmath import mp, mpf

mp.dps = 50

SIG = 25                       # significant digits written
EPS = mpf(10) ** -60           # relative truncation threshold of all sums
TINY = mpf(10) ** -300         # smaller nonzero outputs are not emitted
MAX_TERMS = 300000             # per Erlang A case (queue part)
KPEAK_MAX = 100000             # a priori drop if the queue mode is beyond this
NB_TAIL_MAX = 2000000

OUT_NAME = "reference.jsonl"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def mpin(x):
    """Exact conversion of an f64 (or int) input."""
    assert isinstance(x, (int, float)) and not isinstance(x, bool)
    return mpf(x)


def fmt(x):
    """25 significant digits, scientific, e.g. 8.123456789012345678901234e-01."""
    x = mpf(x)
    if x == 0:
        return "0." + "0" * (SIG - 1) + "e+00"
    s = mpmath.libmp.to_str(x._mpf_, SIG, strip_zeros=False, min_fixed=1, max_fixed=0)
    if "e" in s:
        mant, ex = s.split("e")
        ex = int(ex)
    else:
        mant, ex = s, 0
    assert len(mant.lstrip("-").replace(".", "")) == SIG, s
    return "%se%s%02d" % (mant, "-" if ex < 0 else "+", abs(ex))


def rel_close(x, y, tol):
    x, y = mpf(x), mpf(y)
    if x == y:
        return True
    return abs(x - y) <= tol * max(abs(x), abs(y))


def assert_close(x, y, tol, what):
    if not rel_close(x, y, tol):
        raise AssertionError("%s: %s vs %s (rel diff %s)" % (
            what, mpmath.nstr(x, 30), mpmath.nstr(y, 30),
            mpmath.nstr(abs(x - y) / max(abs(x), abs(y)), 5)))


# ----------------------------------------------------------------- Erlang B

def erlang_b(x, A):
    """Continuous Erlang B via the upper incomplete gamma function."""
    x, A = mpf(x), mpf(A)
    if x == 0:
        return mpf(1)
    return mp.exp(x * mp.log(A) - A) / mp.gammainc(x + 1, a=A)


def erlang_b_direct(N, A):
    """Literal (A^N/N!) / sum_{k=0..N} A^k/k!, integer N."""
    A = mpf(A)
    t = mpf(1)
    s = mpf(1)
    for k in range(1, N + 1):
        t = t * A / k
        s += t
    return t / s


def erlang_b_recursion(x, A):
    """Upward recursion B(y+1) = A B(y) / (y+1 + A B(y)) from y = frac(x)."""
    x, A = mpf(x), mpf(A)
    m = int(mp.floor(x))
    y = x - m
    b = erlang_b(y, A)
    for i in range(1, m + 1):
        b = A * b / (y + i + A * b)
    return b


def erlang_b_integral(x, A):
    """1/B(x,A) = A int_0^inf (1+t)^x e^{-A t} dt (small cases only)."""
    x, A = mpf(x), mpf(A)
    peak = max(x / A - 1, mpf(0))
    pts = [0, peak, peak + 1, peak + 10 / A + 10, mp.inf] if peak > 0 else [0, 1 / A, 10 / A, 100 / A, mp.inf]
    f = lambda t: mp.exp(x * mp.log1p(t) - A * t)
    return 1 / (A * mp.quad(f, pts))


# ----------------------------------------------------------------- Erlang C

def erlang_c(A, N, S, T):
    A, N, S, T = mpf(A), mpf(N), mpf(S), mpf(T)
    assert N > A
    B = erlang_b(N, A)
    pw = N * B / (N - A * (1 - B))
    return {
        "p_wait": pw,
        "service_level": 1 - pw * mp.exp(-(N - A) * T / S),
        "asa_s": pw * S / (N - A),
        "occupancy": A / N,
        "queue_length": pw * A / (N - A),
    }


# ----------------------------------------------------------------- Erlang A

class Dropped(Exception):
    pass


def erlang_a(A, N, S, P, Ts, max_terms=MAX_TERMS):
    """Erlang A for integer N >= 1 and a list of thresholds Ts.

    Returns (list of result dicts, one per T, number of queue terms)."""
    assert isinstance(N, int) and N >= 1
    A, S, P = mpf(A), mpf(S), mpf(P)
    theta = 1 / P
    a = N * P / S            # N mu / theta
    alpha = a + 1
    c = S / P                # r_{N+k} / r_{N+k-1} = A / (N + k c)

    # ---- states 0..N-1 (relative to r_N = 1)
    L = mpf(0)               # sum_{n<N} r_n
    Ln = mpf(0)              # sum_{n<N} n r_n
    t = mpf(1)
    for n in range(N, 0, -1):
        t = t * n / A        # r_{n-1}
        L += t
        Ln += (n - 1) * t
        rho = (n - 1) / A    # next ratio, decreasing further down
        if rho < 1 and t * rho / (1 - rho) < EPS * L:
            break

    # ---- per-threshold NB state: [q_k, c_k, acc, 1-u0]
    states = []
    for T in Ts:
        T = mpf(T)
        if T == 0:
            states.append(None)
            continue
        x = T * theta
        states.append([mp.exp(-alpha * x), mpf(0), mpf(0), -mp.expm1(-x)])

    U = mpf(0)      # sum r_{N+k}
    Wans = mpf(0)   # sum r a/(a+k+1)
    Ab = mpf(0)     # sum r (k+1)/(a+k+1)
    Q = mpf(0)      # sum k r
    ASAn = mpf(0)   # sum w H_k
    H = mpf(0)
    Wcum = mpf(0)
    r = mpf(1)
    k = 0
    half = mpf(1) / 2
    sfloor = mpf(10) ** -45
    while True:
        den = a + k + 1
        w = r * a / den
        ab = r * (k + 1) / den
        H += 1 / (a + 1 + k)
        U += r
        Wans += w
        Ab += ab
        Q += k * r
        ASAn += w * H
        for st in states:
            if st is None:
                continue
            q = st[0]
            st[2] += q * Wcum
            st[1] += q
            st[0] = q * (alpha + k) * st[3] / (k + 1)
        Wcum += w
        rho = A / (N + (k + 1) * c)
        if rho < 1 and k >= 1:
            tail = r * rho / (1 - rho)
            ok = (tail < EPS * U and tail < EPS * Wans and tail < EPS * Ab
                  and tail * (H + 1 / ((1 - rho) * (a + k + 2))) < EPS * ASAn
                  and tail * (k + 1 / (1 - rho)) < EPS * Q)
            if ok:
                for st in states:
                    if st is None:
                        continue
                    sb = max(1 - st[1], mpf(0)) + sfloor
                    if not tail * sb < EPS * (L + st[2]):
                        ok = False
                        break
            if ok:
                break
        k += 1
        if k > max_terms:
            raise Dropped("more than %d queue terms" % max_terms)
        r = r * rho
    K = k

    Z = L + U
    answered = L + Wans
    results = []
    for T, st in zip(Ts, states):
        if st is None:
            slnum = L
        else:
            qn, cK, acc, om = st
            if cK <= half:
                sK = 1 - cK
            else:
                sK = mpf(0)
                q = qn
                j = K + 1
                while q != 0:
                    sK += q
                    rq = (alpha + j) * om / (j + 1)
                    if rq < 1 and q * rq / (1 - rq) < EPS * sK:
                        break
                    q *= rq
                    j += 1
                    if j - K > NB_TAIL_MAX:
                        # fall back to the regularized incomplete beta function
                        sK = mp.betainc(K + 1, alpha, 0, om, regularized=True)
                        break
            slnum = L + acc + sK * Wcum
        results.append({
            "p_wait": U / Z,
            "p_abandon": Ab / Z,
            "service_level": slnum / Z,
            "service_level_answered": slnum / answered,
            "asa_s": ASAn / (theta * answered),
            "occupancy": A * answered / (N * Z),
        })

    # ---- consistency checks (every case)
    assert_close(answered + Ab, Z, mpf(10) ** -45, "answered + abandoned = 1")
    assert_close(Ab, Q * S / (P * A), mpf(10) ** -40, "lambda p_ab = theta E[Q]")
    assert_close(Ln + N * U, A * answered, mpf(10) ** -40, "E[busy] = A answered")
    assert_close(L + 1, 1 / erlang_b(N, A), mpf(10) ** -40, "lower sum vs Erlang B")
    prev = None
    for T, res in sorted(zip(Ts, results), key=lambda z: z[0]):
        assert res["service_level"] <= answered / Z * (1 + mpf(10) ** -45)
        if prev is not None:
            assert res["service_level"] >= prev * (1 - mpf(10) ** -45)
        prev = res["service_level"]
    return results, K


def erlang_a_slow(A, N, S, P, T, K):
    """Independent slow Erlang A for self-checks (fixed queue truncation K)."""
    A, S, P, T = mpf(A), mpf(S), mpf(P), mpf(T)
    theta = 1 / P
    a = N * P / S
    y = A * P / S                       # lambda / theta
    lg = [n * mp.log(A) - mp.loggamma(n + 1) for n in range(N + 1)]
    lq = [lg[N] + k * mp.log(y) + mp.loggamma(a + 1) - mp.loggamma(a + k + 1)
          for k in range(K + 1)]
    m = max(lg + lq)
    pl = [mp.exp(v - m) for v in lg[:N]]
    pq = [mp.exp(v - m) for v in lq]
    Z = mp.fsum(pl) + mp.fsum(pq)
    assert pq[-1] < mpf(10) ** -70 * Z, "slow: K too small"
    nowait = mp.fsum(pl)
    ans = nowait
    sl = nowait
    asa = mpf(0)
    ab = mpf(0)
    u0 = mp.exp(-theta * T)
    cut = mpf(10) ** -70 * Z
    for k in range(K + 1):
        if pq[k] < cut:          # negligible (< 1e-70 relative) contribution
            continue
        ps = a / (a + k + 1)
        ans += pq[k] * ps
        ab += pq[k] * (1 - ps)
        if T > 0:
            F = mp.betainc(a + 1, k + 1, u0, 1, regularized=True)
            sl += pq[k] * ps * F
        asa += pq[k] * ps * (mp.digamma(a + k + 2) - mp.digamma(a + 1)) / theta
    return {
        "p_wait": mp.fsum(pq) / Z,
        "p_abandon": ab / Z,
        "service_level": sl / Z,
        "service_level_answered": sl / ans,
        "asa_s": asa / ans,
        "occupancy": A * ans / (N * Z),
    }


# ----------------------------------------------------------------- self-checks

def self_check():
    t0 = time.time()
    tol40 = mpf(10) ** -40
    # Erlang B: incomplete gamma vs direct sum (integer), recursion and
    # integral representation (fractional)
    for A, N in [(0.01, 1), (0.5, 3), (2.5, 2), (37.3, 40), (100.0, 130),
                 (1000.0, 900), (5000.0, 5213), (50000.0, 50001)]:
        assert_close(erlang_b(N, A), erlang_b_direct(N, A), tol40, "B direct %s %s" % (A, N))
    assert erlang_b(0, 3.0) == 1
    for A, x in [(0.5, 0.5), (2.5, 1.25), (10.0, 7.5), (37.3, 37.0), (0.01, 2.75)]:
        bi = erlang_b_integral(x, A)
        assert_close(erlang_b(x, A), bi, mpf(10) ** -35, "B integral %s %s" % (A, x))
        assert_close(erlang_b(x, A), erlang_b_recursion(x, A), tol40, "B recursion %s %s" % (A, x))

    # Erlang C vs explicit stationary sums (integer N)
    for A, N, S, T in [(2.5, 4, 180.0, 20.0), (10.0, 13, 300.0, 60.0)]:
        Am = mpf(A)
        terms = [mpf(1)]
        for n in range(1, N + 1):
            terms.append(terms[-1] * Am / n)
        rho = Am / N
        Zs = mp.fsum(terms[:N]) + terms[N] / (1 - rho)
        pw = terms[N] / (1 - rho) / Zs
        lq = terms[N] * rho / (1 - rho) ** 2 / Zs
        res = erlang_c(A, N, S, T)
        assert_close(res["p_wait"], pw, tol40, "C p_wait")
        assert_close(res["queue_length"], lq, tol40, "C Lq")
        assert_close(res["asa_s"], lq / (Am / S), tol40, "C Little")

    # Erlang A: per-k closed forms vs quad of the hypoexponential density
    for N, S, P, T in [(3, 180.0, 120.0, 60.0), (1, 300.0, 30.0, 20.0), (5, 180.0, 600.0, 600.0)]:
        Sm, Pm, Tm = mpf(S), mpf(P), mpf(T)
        theta = 1 / Pm
        a = N * Pm / Sm
        alpha = a + 1
        u0 = mp.exp(-theta * Tm)
        for k in range(0, 5):
            rates = [theta * (a + j) for j in range(k + 1)]
            coef = []
            for i, ri in enumerate(rates):
                cf = mpf(1)
                for j, rj in enumerate(rates):
                    if j != i:
                        cf *= rj / (rj - ri)
                coef.append(cf)
            dens = lambda v: mp.fsum(ci * ri * mp.exp(-ri * v) for ci, ri in zip(coef, rates))
            p_served = mp.quad(lambda v: dens(v) * mp.exp(-theta * v), [0, Pm, 10 * Pm, mp.inf])
            p_sl = mp.quad(lambda v: dens(v) * mp.exp(-theta * v), [0, Tm])
            m1 = mp.quad(lambda v: v * dens(v) * mp.exp(-theta * v), [0, Pm, 10 * Pm, mp.inf])
            ps = a / (a + k + 1)
            assert_close(p_served, ps, mpf(10) ** -35, "P(served|k)")
            # NB finite sum for P(V' >= T)
            q = u0 ** alpha
            cdf = mpf(0)
            for j in range(k + 1):
                cdf += q
                q = q * (alpha + j) * (1 - u0) / (j + 1)
            assert_close(cdf, mp.betainc(alpha, k + 1, 0, u0, regularized=True), tol40, "NB vs betainc")
            assert_close(p_sl, ps * (1 - cdf), mpf(10) ** -35, "P(served, V<=T|k)")
            Hk = mp.fsum(1 / (a + 1 + j) for j in range(k + 1))
            assert_close(m1, ps * Hk / theta, mpf(10) ** -35, "E[V 1{served}|k]")

    # Erlang A: fast vs independent slow implementation, and Mandelbaum-Zeltyn P(W>0)
    for A, N, S, P, Ts, K in [
        (2.5, 3, 180.0, 120.0, [0.0, 20.0, 600.0], 400),
        (10.0, 4, 300.0, 30.0, [20.0, 60.0], 300),
        (0.5, 1, 180.0, 1.0, [0.0, 20.0, 600.0], 150),
        (37.3, 40, 300.0, 600.0, [20.0, 60.0], 1500),
        (5.0, 2, 180.0, 600.0, [60.0, 600.0], 600),
    ]:
        fast, _ = erlang_a(A, N, S, P, Ts)
        for T, res in zip(Ts, fast):
            slow = erlang_a_slow(A, N, S, P, T, K)
            for key in res:
                assert_close(res[key], slow[key], tol40, "A fast vs slow %s (%s)" % (key, (A, N, S, P, T)))
        Am, Sm, Pm = mpf(A), mpf(S), mpf(P)
        x = N * Pm / Sm
        yv = Am * Pm / Sm
        Axy = x * mp.exp(yv) * yv ** (-x) * mp.gammainc(x, 0, yv)
        E = erlang_b(N, A)
        pw_mz = Axy * E / (1 + (Axy - 1) * E)
        assert_close(fast[0]["p_wait"], pw_mz, tol40, "Mandelbaum-Zeltyn P(W>0)")
        rho = Am / N
        pab_mz = pw_mz * (1 / (rho * Axy) + 1 - 1 / rho)
        assert_close(fast[0]["p_abandon"], pab_mz, mpf(10) ** -38, "Mandelbaum-Zeltyn P(Ab)")

    # Erlang A with huge patience -> Erlang C
    for A, N, S, T in [(2.5, 4, 180.0, 20.0), (10.0, 12, 300.0, 60.0)]:
        resa, _ = erlang_a(A, N, S, 1e12, [T])
        resc = erlang_c(A, N, S, T)
        for key in ("p_wait", "service_level", "asa_s", "occupancy"):
            assert_close(resa[0][key], resc[key], mpf(10) ** -8, "A->C %s" % key)
        assert resa[0]["p_abandon"] < mpf(10) ** -8
    log("self-check passed (%.1f s)" % (time.time() - t0))


# ----------------------------------------------------------------- cases

B_LOADS = [0.01, 0.1, 0.5, 1.0, 2.5, 10.0, 37.3, 100.0, 512.7, 1000.0, 5000.0, 20000.0, 50000.0]
C_LOADS = [0.01, 0.5, 2.5, 10.0, 37.3, 100.0, 512.7, 1000.0, 5000.0, 20000.0, 50000.0]
A_LOADS = [0.01, 0.5, 2.5, 10.0, 37.3, 100.0, 512.7, 1000.0, 5000.0, 20000.0, 50000.0]
AHTS_C = [30.0, 180.0, 300.0, 600.0]
TS_C = [0.0, 0.001, 20.0, 60.0, 3600.0, 1e6]
AHTS_A = [180.0, 300.0]
PATIENCES = [1.0, 30.0, 120.0, 600.0, 1e5]
TS_A = [0.0, 20.0, 60.0, 600.0]


def b_integer_cases():
    out = []
    for li, A in enumerate(B_LOADS):
        Ns = {1, max(1, round(A / 2)), math.floor(A), math.floor(A) + 1,
              math.ceil(A + 3 * math.sqrt(A)), math.ceil(A + 10 * math.sqrt(A))}
        if A in (0.01, 37.3, 50000.0):
            Ns.add(0)
        if A in (0.01, 0.5):
            Ns |= {3, 10, 50}
        if A == 50000.0:
            Ns |= {50001, 55000, 57000, 60000}
        for N in sorted(Ns):
            out.append((A, N))
    # N = 60 000 with a blocking a double can hold (at A = 50 000 it is ~1e-411).
    out += [(58000.0, 60000), (59500.0, 60000)]
    return out


def b_fractional_cases():
    out = []
    small = [0.5, 1.25, 7.5, 100.75]
    for li, A in enumerate(B_LOADS):
        xs = [A + 0.3, small[li % 4], small[(li + 1) % 4]]
        if A - 0.3 > 0:
            xs.append(A - 0.3)
        if A == 50000.0:
            xs.append(50000.5)
        for x in sorted(set(xs)):
            if x != math.floor(x):
                out.append((A, x))
    return out


def c_cases():
    out = []
    i = 0
    for li, A in enumerate(C_LOADS):
        Ns = [
            math.floor(A) + 1,                       # just above A
            A + 0.001 * max(1.0, A),                 # barely stable
            A + math.sqrt(A),                        # moderate (square-root staffing)
            math.ceil(A + 10 * math.sqrt(A)),        # large margin
        ]
        for j, N in enumerate(Ns):
            if isinstance(N, float) and N == math.floor(N):
                N = int(N)
            assert N > A
            S = AHTS_C[(li + j) % 4]
            if j == 0:
                Ts = [TS_C[li % 2], TS_C[2 + li % 3], TS_C[5]]
            else:
                Ts = [TS_C[(li + 2 * j) % 6], TS_C[(li + 2 * j + 3) % 6]]
            for T in sorted(Ts):
                out.append((A, N, S, T))
            i += 1
    # The largest agent count, just above and well above its load.
    out += [(59999.5, 60000, 300.0, 20.0), (59000.0, 60000, 180.0, 0.001)]
    return out


def a_cases():
    out = []
    for li, A in enumerate(A_LOADS):
        Ns = sorted({1, max(1, math.floor(A / 2)), max(1, round(A)),
                     math.ceil(A + math.sqrt(A))})
        if A < 1:
            Ns = sorted(set(Ns) | {2, 3})
        for j, N in enumerate(Ns):
            for m in range(2):
                P = PATIENCES[(li + j + 2 * m) % 5]
                S = AHTS_A[(li + j + m) % 2]
                Ts = [TS_A[(li + j + m) % 4], TS_A[(li + j + m + 2) % 4]][:2 - m]
                out.append((A, N, S, P, sorted(Ts)))
    # moderate overload with long patience (N < A, representable results)
    out += [
        (10.0, 9, 300.0, 1e5, [20.0, 600.0]),
        (100.0, 95, 180.0, 1e5, [60.0]),
        (1000.0, 900, 300.0, 600.0, [20.0, 60.0]),
        (5000.0, 4000, 180.0, 120.0, [20.0]),
    ]
    return out


# ----------------------------------------------------------------- requirement searches

# The smallest whole N meeting every target, at 10 000 and 50 000 Erlangs with
# tight targets: (A, S, P or None for Erlang C, target SL, T, max ASA, max abandon).
REQUIREMENT_CASES = [
    (10000.0, 300.0, None, 0.99, 5.0, None, None),
    (10000.0, 300.0, None, 0.95, 10.0, None, None),
    (10000.0, 180.0, None, 0.8, 20.0, 1.0, None),
    (50000.0, 300.0, None, 0.99, 5.0, None, None),
    (50000.0, 300.0, None, 0.95, 10.0, None, None),
    (50000.0, 180.0, None, 0.8, 20.0, 0.5, None),
    (10000.0, 300.0, 120.0, 0.95, 10.0, None, None),
    (10000.0, 300.0, 600.0, 0.99, 5.0, None, 0.002),
    (10000.0, 180.0, 120.0, 0.8, 20.0, 1.0, 0.001),
    (50000.0, 300.0, 120.0, 0.95, 10.0, None, None),
    (50000.0, 300.0, 600.0, 0.99, 5.0, None, 0.002),
    (50000.0, 180.0, 120.0, 0.8, 20.0, 0.5, 0.001),
]
REQUIREMENT_MARGIN = mpf(10) ** -8   # no figure this close (relative) to its target


def requirement_figures(A, N, S, P, T):
    """Figures at N agents (None: an unstable Erlang C queue)."""
    if P is None:
        if N <= A:
            return None
        res = erlang_c(A, N, S, T)
        res["p_abandon"] = mpf(0)
        return res
    results, _ = erlang_a(A, N, S, P, [T])
    return results[0]


def requirement_met(res, sl, asa, abandon):
    """Whether figures meet every target; also refuses razor-close figures,
    whose verdict a double could not be trusted to reproduce."""
    if res is None:
        return False
    checks = [(res["service_level"], mpf(sl), True)]
    if asa is not None:
        checks.append((res["asa_s"], mpf(asa), False))
    if abandon is not None:
        checks.append((res["p_abandon"], mpf(abandon), False))
    met = True
    for value, target, at_least in checks:
        assert abs(value - target) > REQUIREMENT_MARGIN * target, \
            "figure %s too close to target %s" % (mpmath.nstr(value, 20), target)
        met = met and (value >= target if at_least else value <= target)
    return met


def required_agents(A, S, P, sl, T, asa, abandon):
    """Smallest whole N meeting every target, by galloping and bisection on
    the 50-digit figures (each monotone in N). Returns (N, figures at N,
    figures at N - 1)."""
    cache = {}

    def met(N):
        if N not in cache:
            res = requirement_figures(A, N, S, P, T)
            cache[N] = (requirement_met(res, sl, asa, abandon), res)
        return cache[N][0]

    # Agents answer at most N/A of the calls (A(1 - P(abandon)) <= N busy), and
    # never fewer than ceil(sl A) - 1 meet the service level.
    floor_known = max(math.ceil(sl * A) - 1, math.floor(A) if P is None else 0)
    step = math.ceil(math.sqrt(A))
    hi = math.ceil(A + math.sqrt(A))
    while not met(hi):
        hi += step
        step *= 2
    lo = max(hi - math.ceil(math.sqrt(A)), floor_known)
    step = math.ceil(math.sqrt(A))
    while lo > floor_known and met(lo):
        hi = lo
        step *= 2
        lo = max(lo - step, floor_known)
    while hi - lo > 1:
        mid = (hi + lo) // 2
        if met(mid):
            hi = mid
        else:
            lo = mid
    at = cache[hi][1]
    below = requirement_figures(A, hi - 1, S, P, T)
    assert not requirement_met(below, sl, asa, abandon)
    return hi, at, below


FIGURES_C = ("p_wait", "service_level", "asa_s", "occupancy", "queue_length")
FIGURES_A = ("p_wait", "p_abandon", "service_level", "service_level_answered", "asa_s", "occupancy")


# ----------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only run the self-checks")
    ap.add_argument("--out", default=None, help="output path (default: reference.jsonl next to this script)")
    args = ap.parse_args()

    self_check()
    if args.check:
        return

    import os
    out_path = args.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), OUT_NAME)
    t_start = time.time()
    lines = []
    skipped = []
    dropped = []
    counts = {"erlang_b": 0, "erlang_c": 0, "erlang_a": 0, "requirement": 0}

    def emit(inputs, outputs, model):
        small = [k for k, v in outputs.items() if v != 0 and abs(v) < TINY]
        if small:
            skipped.append((inputs, small, {k: mpmath.nstr(outputs[k], 5) for k in small}))
            return
        obj = dict(inputs)
        for k, v in outputs.items():
            obj[k] = fmt(v)
        lines.append(json.dumps(obj))
        counts[model] += 1

    # Erlang B: integer N checked against the direct sum, fractional N
    # against the recursion from the fractional part.
    for kind, cases, independent, name in (
        ("integer", b_integer_cases(), erlang_b_direct, "B direct"),
        ("fractional", b_fractional_cases(), erlang_b_recursion, "B recursion"),
    ):
        t0 = time.time()
        for A, N in cases:
            b = erlang_b(N, A)
            assert_close(b, independent(N, A), mpf(10) ** -40, "%s (%s, %s)" % (name, A, N))
            emit({"model": "erlang_b", "traffic": A, "agents": N}, {"blocking": b}, "erlang_b")
        log("erlang_b %s done (%.1f s)" % (kind, time.time() - t0))

    # Erlang C
    t0 = time.time()
    for A, N, S, T in c_cases():
        res = erlang_c(A, N, S, T)
        if isinstance(N, int):
            assert_close(erlang_b(N, A), erlang_b_direct(N, A), mpf(10) ** -40, "B direct (C)")
        emit({"model": "erlang_c", "traffic": A, "agents": N, "aht_s": S, "target_s": T},
             res, "erlang_c")
    log("erlang_c done (%.1f s)" % (time.time() - t0))

    # Erlang A
    cases = a_cases()
    for ci, (A, N, S, P, Ts) in enumerate(cases):
        t0 = time.time()
        kpeak = max(0.0, (A - N) * P / S)
        tag = "A=%s N=%s S=%s P=%s T=%s" % (A, N, S, P, Ts)
        if kpeak > KPEAK_MAX:
            dropped.append((tag, "queue mode at k ~ %.3g, too many terms" % kpeak))
            log("erlang_a [%d/%d] %s: DROPPED (queue mode ~%.3g)" % (ci + 1, len(cases), tag, kpeak))
            continue
        try:
            results, K = erlang_a(A, N, S, P, Ts)
        except Dropped as e:
            dropped.append((tag, str(e)))
            log("erlang_a [%d/%d] %s: DROPPED (%s)" % (ci + 1, len(cases), tag, e))
            continue
        for T, res in zip(Ts, results):
            emit({"model": "erlang_a", "traffic": A, "agents": N, "aht_s": S,
                  "patience_s": P, "target_s": T}, res, "erlang_a")
        log("erlang_a [%d/%d] %s: %d queue terms, %.1f s" % (ci + 1, len(cases), tag, K + 1, time.time() - t0))

    # Requirement searches at 10 000 and 50 000 Erlangs
    for A, S, P, sl, T, asa, abandon in REQUIREMENT_CASES:
        t0 = time.time()
        N, at, below = required_agents(A, S, P, sl, T, asa, abandon)
        inputs = {"model": "requirement", "queue": "erlang_c" if P is None else "erlang_a",
                  "traffic": A, "aht_s": S}
        if P is not None:
            inputs["patience_s"] = P
        inputs.update({"target_sl": sl, "target_s": T})
        if asa is not None:
            inputs["max_asa_s"] = asa
        if abandon is not None:
            inputs["max_abandon"] = abandon
        inputs["agents"] = N
        names = FIGURES_C if P is None else FIGURES_A
        outputs = {}
        for prefix, res in (("", at), ("below_", below)):
            if res is None:
                continue
            for k in names:
                outputs[prefix + k] = res[k]
        emit(inputs, outputs, "requirement")
        log("requirement %s: N = %d (%.1f s)" % (json.dumps(inputs), N, time.time() - t0))

    with open(out_path, "w") as f:
        for line in lines:
            f.write(line + "\n")

    log("")
    log("wrote %d lines to %s in %.1f s" % (len(lines), out_path, time.time() - t_start))
    for k, v in counts.items():
        log("  %s: %d lines" % (k, v))
    if skipped:
        log("skipped %d lines (nonzero output below 1e-300):" % len(skipped))
        for inputs, keys, vals in skipped:
            log("  %s -> %s" % (json.dumps(inputs), vals))
    if dropped:
        log("dropped %d Erlang A cases (too expensive):" % len(dropped))
        for tag, why in dropped:
            log("  %s: %s" % (tag, why))


if __name__ == "__main__":
    main()
