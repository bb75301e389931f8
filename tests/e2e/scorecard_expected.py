#!/usr/bin/env python3
"""Independent expectations for the scorecard browser tests (mpmath).

Run: python3 tests/e2e/scorecard_expected.py. It prints every figure
scorecard.test.mjs asserts that is not a plain product, worked out from
first principles (Erlang C closed form, the offered-contacts geometric
series, compound attrition, the red/amber/green rule) rather than read off
the app.

The hand-checkable set-up ("FLAT" in the tests): a flat day of 10 one-hour
intervals, 20 open days a month, 200 paid hours per FTE, shrinkage 0, so one
FTE is exactly one agent in every interval of every open day and required
FTE = agents per interval. AHT 360 s, 80 % in 20 s, max occupancy 100 %,
Erlang C, cost 20 an hour, overhead 15 %. 20 000 new contacts a month is
1 000 a day, 100 an hour: 10 Erlangs.
"""
from mpmath import mp, mpf, factorial, exp

mp.dps = 40

AHT, T, SL = 360, 20, mpf('0.8')
OPEN_DAYS, OPEN_HOURS, PAID_HOURS = 20, 10, 200
COST, OVERHEAD = 20, mpf('0.15')


def erlang_c(n, a):
    a = mpf(a)
    below = sum(a**k / factorial(k) for k in range(n))
    top = a**n / factorial(n) * n / (n - a)
    return top / (below + top)


def c_metrics(n, a):
    pw = erlang_c(n, a)
    return dict(sl=1 - pw * exp(-(n - a) * mpf(T) / AHT), asa=pw * AHT / (n - a), occ=mpf(a) / n)


def required(a, max_occ=1):
    n = int(a) + 1
    while True:
        m = c_metrics(n, a)
        if m['sl'] >= SL and m['occ'] <= max_occ:
            return n, m
        n += 1


def traffic(new_contacts, fcr=1, repeat=mpf('0.5'), deflection=0):
    offered = mpf(new_contacts) * (1 - deflection) / (1 - (1 - mpf(fcr)) * repeat)
    per_hour = offered / OPEN_DAYS / OPEN_HOURS
    return offered, per_hour * AHT / 3600


def required_fte(agents):
    return mpf(agents) * OPEN_HOURS * OPEN_DAYS / PAID_HOURS


def cost(headcount):
    return headcount * PAID_HOURS * COST * (1 + OVERHEAD)


def status(value, target, at_least=True, margin=mpf('0.05')):
    shortfall = (target - value) if at_least else (value - target)
    if shortfall <= 0:
        return 'green'
    return 'amber' if shortfall <= abs(target) * margin else 'red'


print('FLAT set-up, 20 000 new contacts, FCR 100 %:')
offered, a = traffic(20000)
n, m = required(a)
print(f'  offered {offered}, traffic {a} E, agents {n}, required FTE {required_fte(n)}')
print(f'  at {n} agents: SL {mp.nstr(100 * m["sl"], 10)} %, ASA {mp.nstr(m["asa"], 10)} s, occupancy {mp.nstr(100 * m["occ"], 10)} %')
print(f'  total cost at headcount {n}: {cost(n)}; cost per contact {cost(n) / offered}')
print(f'  total cost at headcount 30: {cost(30)}; cost per contact {cost(30) / offered}')

print('FCR 70 %, repeat 50 %:')
offered7, a7 = traffic(20000, fcr=mpf('0.7'))
n7, m7 = required(a7)
print(f'  offered {offered7} (x {offered7 / offered}), traffic {a7} E, agents {n7}, required FTE {required_fte(n7)}')
print(f'  cost per contact at headcount 30: {cost(30) / offered7}')
print(f'  at headcount 14: cost per handled contact {cost(14) / offered7}, '
      f'per resolved contact (handled x FCR) {cost(14) / (offered7 * mpf("0.7"))}')

print('Volume doubled (40 000, FCR 100 %):')
offered2, a2 = traffic(40000)
n2, m2 = required(a2)
print(f'  traffic {a2} E, agents {n2}, required FTE {required_fte(n2)} (< 2 x {required_fte(n)})')

print('Growth 3 % a month (FCR 100 %), required FTE by month:')
print('  ' + ', '.join(str(required_fte(required(traffic(20000 * mpf('1.03') ** k)[1])[0])) for k in range(12)))

print('Example, fixed hiring 0, attrition 5 %: available FTE = 450 x 0.95^m:')
print('  ' + ', '.join(f'{mp.nstr(450 * mpf("0.95") ** k, 8)}' for k in range(12)))

print('Red/amber/green (CSAT, at least, margin 5 % of target):')
for value, target in [(80, 85), (81, 85), (80, 82), (80, 80), (80, 90)]:
    print(f'  {value} % vs {target} %: {status(mpf(value) / 100, mpf(target) / 100)}')

print('typing.test.mjs, FLAT set-up:')
print('  growth -0.5 % a month, required FTE by month: ' + ', '.join(
    str(required_fte(required(traffic(20000 * mpf('0.995') ** k)[1])[0])) for k in range(12)))
offered_jan, a_jan = traffic(20000 * mpf('1.05'))
print(f'  January index 1.05: {offered_jan} contacts, {a_jan} E, agents {required(a_jan)[0]}, '
      f'cost per contact at headcount 14: {mp.nstr(cost(14) / offered_jan, 6)}')
print('  attrition 2.5 %, no hiring, available FTE = 14 x 0.975^m: ' + ', '.join(
    mp.nstr(14 * mpf('0.975') ** k, 6) for k in range(12)))
for value, target in [(86, 85), (86, 90)]:
    print(f'  CSAT {value} % vs {target} %: {status(mpf(value) / 100, mpf(target) / 100)}')
