// The phone and the cases of typing.mjs and trace-typing.mjs: the issue 26
// profile (390 × 844 CSS pixels, pixel ratio 3, the CPU slowed 4×) and what
// is typed where (each number typed digit by digit over the box's text).
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, locale: 'en-US' };
export const RATE = 4;

/** 0: the volume box in view; 1: the staffing curve in view; 2: the scorecard's growth box (within ±20 %). */
export const TYPING_CASES = [
  { name: 'staffing, volume box, box in view', hash: '#/', box: 'volume', view: 'volume', numbers: ['180', '240', '315', '270', '205'] },
  { name: 'staffing, volume box, staffing curve in view', hash: '#/', box: 'volume', view: 'staffing-curve', numbers: ['180', '240', '315', '270', '205'] },
  { name: 'scorecard, growth box, box in view', hash: '#/scorecard', box: 'growth', view: 'growth', numbers: ['3', '12', '5', '18', '7', '14', '9', '16', '4', '11', '6'], rounds: 10, plan: true },
];
