"""statsmodels' ETS models on the issue's holdout of the bank history (the
last 20 observed days, from Thursday 2003-08-28, trained on the days
before), beside the seasonal naive forecast: the numbers BENCHMARKS.md
quotes. statsmodels needs a series without gaps, so each missing holiday
takes the value of the same weekday a week before.

Run from the repo root: python3 engine/tests/reference/forecast_holdout_statsmodels.py
(statsmodels 0.14.6, as forecast_generate.py pins; about 5 s).
"""
import warnings
import numpy as np
import pandas as pd
import statsmodels
warnings.filterwarnings('ignore')
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
df = pd.read_csv('engine/tests/reference/bank-calls-train-30min.csv')
d = df.groupby('date')['calls'].sum(); d.index=pd.to_datetime(d.index)
cal = pd.bdate_range(d.index[0], d.index[-1]); s = d.reindex(cal)
cut = cal.get_loc(pd.Timestamp('2003-08-28'))
train = s.iloc[:cut].copy()
for i in range(len(train)):
    if np.isnan(train.iloc[i]): train.iloc[i] = train.iloc[i-5]
test = s.iloc[cut:]
y = train.values
def mape(f):
    m = ~np.isnan(test.values)
    return np.mean(np.abs(f[m]-test.values[m])/test.values[m])*100
naive = np.array([y[len(y)-5 + (h%5)] for h in range(len(test))])
print('naive', mape(naive))
for err in ['add','mul']:
  for trend in [None,'add']:
    for damped in ([False,True] if trend else [False]):
      for seas in ['add','mul']:
        try:
          m = ETSModel(y, error=err, trend=trend, damped_trend=damped, seasonal=seas, seasonal_periods=5).fit(disp=False, maxiter=2000)
          f = m.forecast(len(test))
          print(err,trend,damped,seas, round(mape(f),3), 'aicc', round(m.aicc,1))
        except Exception as e: print(err,trend,damped,seas,'fail',e)
print('statsmodels', statsmodels.__version__)
