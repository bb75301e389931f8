#!/usr/bin/env python3
"""Independent expectations for the browser tests (high-precision mpmath).

Run: python3 tests/e2e/expected.py. It prints every figure the tests assert
that is not a plain sum, so each can be checked against first principles
rather than against what the app shows. Erlang C is the closed form;
Erlang A (M/M/N+M, Garnett–Mandelbaum–Reiman) is the birth–death chain
summed directly, with service level = P(answered within T) over all offered
calls, from the waiting-position chain of a tagged arrival (PASTA).
"""
from mpmath import mp, mpf, factorial, exp, matrix, expm

mp.dps = 40


def erlang_c(n, a):
    a = mpf(a)
    below = sum(a**k / factorial(k) for k in range(n))
    top = a**n / factorial(n) * n / (n - a)
    return top / (below + top)


def c_metrics(n, a, aht, t):
    pw = erlang_c(n, a)
    return dict(sl=1 - pw * exp(-(n - a) * mpf(t) / aht), asa=pw * aht / (n - a), pw=pw, occ=mpf(a) / n)


def required_c(a, aht, sl, t, max_occ):
    n = int(a) + 1
    while True:
        m = c_metrics(n, a, aht, t)
        if m['sl'] >= sl and m['occ'] <= max_occ:
            return n, m
        n += 1


def a_metrics(n, a, aht, patience, t):
    mu = mpf(1) / aht
    lam = mpf(a) * mu
    theta = mpf(1) / patience
    top = n + 400
    p = [mpf(1)]
    for k in range(1, top + 1):
        p.append(p[-1] * lam / (min(k, n) * mu + max(k - n, 0) * theta))
    total = sum(p)
    p = [x / total for x in p]
    sl = sum(p[:n])  # a free agent: answered at once
    for j in range(top - n):  # j callers already waiting ahead of the arrival
        if p[n + j] < mpf(10) ** -25:
            break
        size = j + 1  # states: j, j-1, …, 0 callers ahead; then answered, abandoned
        q = matrix(size + 2, size + 2)
        for s in range(size):
            ahead = j - s
            move = n * mu + ahead * theta
            q[s, s + 1 if ahead > 0 else size] = move
            q[s, size + 1] = theta
            q[s, s] = -(move + theta)
        sl += p[n + j] * expm(q * t)[0, size]
    queue = sum((k - n) * p[k] for k in range(n, top + 1))
    busy = sum(min(k, n) * p[k] for k in range(top + 1))
    return dict(sl=sl, abandon=theta * queue / lam, occ=busy / n, pw=sum(p[n:]))


def a_abandon(n, a, aht, patience):
    """Erlang A abandonment alone (no waiting-time sums): θ·E[queue]/λ."""
    mu, theta = mpf(1) / aht, mpf(1) / patience
    lam = mpf(a) * mu
    p = [mpf(1)]
    for k in range(1, n + 2000):
        p.append(p[-1] * lam / (min(k, n) * mu + max(k - n, 0) * theta))
    return theta * sum((k - n) * p[k] for k in range(n, len(p))) / sum(p) / lam


def pct(x):
    return f'{float(x) * 100:.1f} %'


if __name__ == '__main__':
    # Defaults: 200 contacts / 30 min, AHT 300 s, 80/20, max occupancy 85 %, shrinkage 30 %, cost 25.
    a = mpf(200) * 300 / 1800
    n, m = required_c(a, 300, mpf('0.8'), 20, mpf('0.85'))
    print('defaults', n, pct(m['sl']), f"asa {float(m['asa']):.1f}", 'p-wait', pct(m['pw']), 'occ', pct(m['occ']),
          f'fte {float(n / mpf("0.7")):.1f}', f'cost {float(n / mpf("0.7") * mpf("0.5") * 25):.2f}')
    for volume in (201, 250, 2000):
        print('defaults but volume', volume, required_c(mpf(volume) * 300 / 1800, 300, mpf('0.8'), 20, mpf('0.85'))[0])
    # Ten Erlangs: 200 / 60 min, AHT 180 s, 80/20, max occupancy 100 %.
    n, m = required_c(10, 180, mpf('0.8'), 20, 1)
    print('10 E', n, pct(m['sl']), f"asa {float(m['asa']):.1f}", 'p-wait', pct(m['pw']), 'occ', pct(m['occ']))
    n, m = required_c(mpf(201) * 180 / 3600, 180, mpf('0.8'), 20, 1)
    print('10.05 E', n, pct(m['sl']))
    m = c_metrics(13, 10, 180, 20)
    print('10 E, 13 agents', pct(m['sl']), f"asa {float(m['asa']):.1f}", 'occ', pct(m['occ']))
    # Erlang A, patience 120 s.
    for n in range(11, 14):
        m = a_metrics(n, 10, 180, 120, 20)
        print('10 E Erlang A', n, 'sl', pct(m['sl']), 'abandon', pct(m['abandon']), 'occ', pct(m['occ']), 'p-wait', pct(m['pw']))
    # Intraday pastes with the default settings.
    for volumes in ([50, 80, 120, 160, 200, 240, 200, 150, 100, 60], [120, 150]):
        peak, within, hours = 0, 0, 0
        for v in volumes:
            n, m = required_c(mpf(v) * 300 / 1800, 300, mpf('0.8'), 20, mpf('0.85'))
            peak, within, hours = max(peak, n), within + v * m['sl'], hours + n * mpf('0.5')
        print('day', volumes, 'volume', sum(volumes), 'peak', peak, 'sl', pct(within / sum(volumes)),
              f'agent-hours {float(hours):.1f}', f'paid {float(hours / mpf("0.7")):.1f}',
              f'cost {float(hours / mpf("0.7") * 25):.2f}')
    # A pasted day with an AHT per interval (third column): [120, 150] at 300 s and 240 s.
    volumes, ahts = [120, 150], [300, 240]
    peak, within, hours, waiting = 0, 0, 0, 0
    for v, aht in zip(volumes, ahts):
        n, m = required_c(mpf(v) * aht / 1800, aht, mpf('0.8'), 20, mpf('0.85'))
        print('  interval', v, 'at AHT', aht, 'agents', n, 'sl', pct(m['sl']), f"asa {float(m['asa']):.2f}")
        peak, within, hours, waiting = max(peak, n), within + v * m['sl'], hours + n * mpf('0.5'), waiting + v * m['asa']
    print('day', volumes, 'aht', ahts, 'volume', sum(volumes), 'peak', peak, 'sl', pct(within / sum(volumes)),
          f'asa {float(waiting / sum(volumes)):.1f}', f'agent-hours {float(hours):.1f}',
          f'paid {float(hours / mpf("0.7")):.1f}', f'cost {float(hours / mpf("0.7") * 25):.2f}')

    # typing.test.mjs: the defaults with values typed key by key (cases.mjs).
    def staffing(label, volume=200, aht=300, sl='0.8', shrinkage='0.3', cost=25):
        a = mpf(volume) * mpf(aht) / 1800
        n, m = required_c(a, mpf(aht), mpf(sl), 20, mpf('0.85'))
        fte = n / (1 - mpf(shrinkage))
        print(label, 'agents', n, f'fte {float(fte):.1f}', 'sl', pct(m['sl']), f"asa {float(m['asa']):.1f}",
              'p-wait', pct(m['pw']), 'occ', pct(m['occ']), f'load {float(a):.2f}', f'agent-hours {n * 0.5:.1f}',
              f'cost {float(fte * mpf("0.5") * mpf(cost)):.2f}')
    staffing('shrinkage 32.5', shrinkage='0.325')
    for cost in ('22.5', 22, 1022):
        staffing(f'cost {cost}', cost=mpf(cost))
    staffing('aht 187.5', aht=mpf('187.5'))
    print('  aht 187.5 with 24 agents: occ', pct(mpf(200) * mpf('187.5') / 1800 / 24))
    staffing('sl 90', sl='0.9')
    for volume in (1062, 120, 1000):
        staffing(f'volume {volume}', volume=volume)
    staffing('volume 250, aht 187.5, shrinkage 32.5, cost 22.5', volume=250, aht=mpf('187.5'), shrinkage='0.325', cost=mpf('22.5'))
    # Pasted days with commas (default settings; AHT per interval where given).
    for volumes, ahts in (([1062, 980, 1200], None), ([1062, 1200, 1350], None), ([1, 1, 1], [62, 200, 350]), ([1062, 980], None)):
        ahts = ahts or [300] * len(volumes)
        peak, hours = 0, 0
        for v, aht in zip(volumes, ahts):
            n, _ = required_c(mpf(v) * aht / 1800, aht, mpf('0.8'), 20, mpf('0.85'))
            peak, hours = max(peak, n), hours + n * mpf('0.5')
        print('day', volumes, 'aht', ahts, 'volume', sum(volumes), 'peak', peak, f'agent-hours {float(hours):.1f}')

    # explain.test.mjs: what each target needs alone (defaults: 33.3 Erlangs, AHT 300 s).
    a = mpf(200) * 300 / 1800
    for cap in (5, 10):
        n = int(a) + 1
        while c_metrics(n, a, 300, 20)['asa'] > cap:
            n += 1
        m = c_metrics(n, a, 300, 20)
        print(f'ASA <= {cap} s alone', n, f"asa {float(m['asa']):.1f}",
              f"(at {n - 1}: {float(c_metrics(n - 1, a, 300, 20)['asa']):.1f})", f'fte {float(n / mpf("0.7")):.1f}')
    # The example: 225 Erlangs, AHT 270 s, Erlang A, patience 120 s; abandonment <= 7 % alone.
    for n in (211, 212):
        print('example abandonment at', n, 'agents', pct(a_abandon(n, mpf(1500) * 270 / 1800, 270, 120)))
    # …and the occupancy cap alone (offered load ÷ agents <= 85 %), which decides (compare.test.mjs too).
    a = mpf(1500) * 270 / 1800
    print('example occupancy <= 85 % alone', next(n for n in range(int(a) + 1, 1000) if a / n <= mpf('0.85')))

    # explain.test.mjs: reverse mode carries into the day —
    # 36 agents in every interval of the built-in weekday (24 half-hours from 08:00, its shape
    # scaled so the busiest half-hour has 200 contacts), defaults otherwise.
    import math
    shape = [0.15 + math.exp(-((8 + (i + 0.5) / 2 - 11) / 1.6) ** 2)
             + 0.75 * math.exp(-((8 + (i + 0.5) / 2 - 14.5) / 2) ** 2) for i in range(24)]
    week = [math.floor(s / max(shape) * 200 + 0.5) for s in shape]
    within = sum(v * c_metrics(36, mpf(v) * 300 / 1800, 300, 20)['sl'] for v in week)
    print('reverse day, 36 agents: volume', sum(week), 'sl', pct(within / sum(week)), 'agent-hours', 36 * 0.5 * 24,
          f'paid {36 * 0.5 * 24 / 0.7:.1f}')
    # …planned again: each interval's requirement (80/20, occupancy <= 85 %), the peak and the day's cost.
    needs = [required_c(mpf(v) * 300 / 1800, 300, mpf('0.8'), 20, mpf('0.85'))[0] for v in week]
    print('built-in day planned: peak', max(needs), f'cost {float(sum(needs) / mpf("0.7") * mpf("0.5") * 25):.2f}',
          'busiest', week.index(max(week)), max(week))

    # inputs.test.mjs, charts.test.mjs: the built-in day follows the interval length and the
    # calculator shows its busiest interval: the load there at AHT 300 s.
    for minutes in (15, 30, 60):
        n = int(12 * 60 / minutes)
        raw = [0.15 + math.exp(-((8 + (i + 0.5) * minutes / 60 - 11) / 1.6) ** 2)
               + 0.75 * math.exp(-((8 + (i + 0.5) * minutes / 60 - 14.5) / 2) ** 2) for i in range(n)]
        day = [math.floor(r / max(shape) * 200 * minutes / 30 + 0.5) for r in raw]
        print(f'built-in day of {minutes}-minute intervals: total', sum(day), 'busiest', max(day),
              f'load {float(mpf(max(day)) * 300 / (minutes * 60)):.2f} Erlangs')

    # learn.test.mjs: trunks for the defaults (33.3 Erlangs, 40 agents): lines
    # carry the calls talking and waiting, A + Lq with Lq = P(wait)·A/(N − A);
    # the fewest lines with Erlang B blocking <= 1 % (B by its recursion).
    a = mpf(200) * 300 / 1800
    m = c_metrics(40, a, 300, 20)
    on_lines = a + m['pw'] * a / (40 - a)
    b, lines = mpf(1), 0
    while b > mpf('0.01'):
        lines += 1
        b = on_lines * b / (lines + on_lines * b)
    print('trunks for the defaults: traffic on lines', f'{float(on_lines):.2f}', 'lines', lines)
    # Simulated days (learn.test.mjs): Erlang C at 10 Erlangs, AHT 180 s.
    for n in (14, 12):
        print('10 E, AHT 180 s,', n, 'agents: sl', pct(c_metrics(n, 10, 180, 20)['sl']))

    # share.test.mjs: the shared scenario (volume 300, defaults otherwise) edited to AHT 240 s.
    n, m = required_c(mpf(300) * 240 / 1800, 240, mpf('0.8'), 20, mpf('0.85'))
    print('volume 300, aht 240', n, pct(m['sl']))
