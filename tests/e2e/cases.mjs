// Inputs and expected figures shared by the tests. Every expected number was
// computed independently with high-precision math (tests/e2e/expected.py),
// never copied from the app.

/** The app's defaults: 200 contacts in 30 min at AHT 300 s (33.33 Erlangs), 80/20, occupancy ≤ 85 %. */
export const DEFAULT_RESULTS = {
  'required-agents': '40',
  fte: '57.1', // 40 / (1 − 30 % shrinkage)
  'service-level': '87.8 %',
  asa: '8.6 s',
  'p-wait': '19.1 %',
  occupancy: '83.3 %',
  load: '33.33 Erlangs',
  'agent-hours': '20.0 h', // 40 agents × 0.5 h
  cost: '714.29', // 57.14 FTE × 0.5 h × 25
};

/** 200 contacts in 60 min at AHT 180 s: 10 Erlangs, 80/20, no occupancy cap. */
export const TEN_ERLANGS = {
  interval: 60,
  volume: 200,
  aht: 180,
  'sl-target': 80,
  'sl-seconds': 20,
  'max-occupancy': 100,
};

export const TEN_ERLANGS_RESULTS = {
  'required-agents': '14',
  'service-level': '88.8 %',
  occupancy: '71.4 %',
  asa: '7.8 s',
  'p-wait': '17.4 %',
  load: '10.00 Erlangs',
  fte: '20.0', // 14 / 0.7
  cost: '500.00', // 20 FTE × 1 h × 25
};

/** TEN_ERLANGS in reverse mode with 13 agents. */
export const THIRTEEN_AGENTS_RESULTS = {
  'agents-on-phones': '13',
  'service-level': '79.6 %',
  asa: '17.1 s',
  occupancy: '76.9 %',
};

/** TEN_ERLANGS under Erlang A with mean patience 120 s (the app's default patience). */
export const ERLANG_A_RESULTS = {
  'required-agents': '12', // 11 agents give 74.2 %
  'service-level': '82.6 %',
  abandon: '6.2 %',
  occupancy: '78.2 %',
  'p-wait': '28.0 %',
};

/** A pasted day of ten 30-minute intervals, with the default settings. */
export const TEN_INTERVALS = [50, 80, 120, 160, 200, 240, 200, 150, 100, 60];
export const TEN_INTERVALS_RESULTS = {
  'day-volume': '1,360',
  'day-peak-agents': '48',
  'day-service-level': '86.5 %',
  'day-agent-hours': '140.0 h',
  'day-paid-hours': '200.0 h',
  'day-cost': '5,000.00',
};

/**
 * The day [120, 150] with per-interval AHT 300 s and 240 s (defaults otherwise):
 * both intervals carry 20 Erlangs, the second answered faster.
 */
export const TWO_INTERVALS_WITH_AHT_RESULTS = {
  'day-volume': '270',
  'day-peak-agents': '25', // 25 agents each: 85.0 % and 86.2 %
  'day-service-level': '85.7 %',
  'day-asa': '11.2 s', // (120 × 12.55 + 150 × 10.04) / 270
  'day-agent-hours': '25.0 h',
  'day-paid-hours': '35.7 h',
  'day-cost': '892.86',
};
/** The same day at the single AHT of 300 s. */
export const TWO_INTERVALS_RESULTS = {
  'day-volume': '270',
  'day-peak-agents': '30',
  'day-service-level': '83.4 %',
  'day-agent-hours': '27.5 h',
};

/** Storage keys and their schema envelope. */
export const KEY_CURRENT = 'ccplan.current';
export const KEY_SCENARIOS = 'ccplan.scenarios';
export const KEY_LANG = 'ccplan.lang';
export const SCHEMA_VERSION = 2;

/**
 * A complete, valid `Inputs` as version 1 stored it (the defaults but volume
 * 250, which needs 50 agents): no scorecard, per-interval AHT or day start.
 */
export const VALID_INPUTS_V1 = {
  volume: 250,
  aht_s: 300,
  sl_target_pct: 80,
  sl_seconds: 20,
  interval_min: 30,
  shrinkage_pct: 30,
  max_occupancy_pct: 85,
  model: 'erlang_c',
  patience_s: 120,
  cost_per_hour: 25,
  reverse: false,
  agents: 40,
  intraday: [120, 150],
};

/**
 * The same inputs as the app writes them now: with the fields version 2 added
 * (no per-interval AHT, the day from 08:00) and the ASA and abandonment
 * targets added since (0: none; data without them reads as 0), the two
 * whole-plan what-ifs (as entered), and the calculator as one interval of the
 * day (issue 25): its 250 contacts are the volume of the day's interval 1,
 * picked — as the app writes VALID_INPUTS_V1 after reading it.
 */
export const VALID_INPUTS = {
  ...VALID_INPUTS_V1, intraday: [120, 250], calculator_interval: 1, intraday_aht: [], day_start_min: 480, max_asa_s: 0, max_abandon_pct: 0,
  volume_scale_pct: 100, aht_change_s: 0,
};

export const envelope = (data, version = SCHEMA_VERSION) => JSON.stringify({ version, data });

// Figures for typing.test.mjs: the defaults (200 contacts in 30 min, AHT
// 300 s, 80/20, occupancy ≤ 85 %, shrinkage 30 %, cost 25) with one or more
// values changed; expected.py, section "typing.test.mjs".

/** The staffing results, in expected.py's order: agents, FTE, SL, ASA, P(wait), occupancy, load, agent-hours, cost. */
const staffingResults = (agents, fte, sl, asa, pWait, occupancy, load, agentHours, cost) => ({
  'required-agents': agents, fte, 'service-level': sl, asa, 'p-wait': pWait, occupancy, load, 'agent-hours': agentHours, cost,
});

/** Shrinkage 32.5 %: the same 40 agents; 40 / 0.675 = 59.26 FTE; × 0.5 h × 25. */
export const SHRINKAGE_32_5_RESULTS = { ...DEFAULT_RESULTS, fte: '59.3', cost: '740.74' };
/** Cost 22.5 an hour: 57.14 FTE × 0.5 h × 22.5. */
export const COST_22_5_RESULTS = { ...DEFAULT_RESULTS, cost: '642.86' };
/** AHT 187.5 s: 20.83 Erlangs; 24 agents would be 86.8 % occupied, so 25. */
export const AHT_187_5_RESULTS = staffingResults('25', '35.7', '81.5 %', '13.0 s', '28.9 %', '83.3 %', '20.83 Erlangs', '12.5 h', '446.43');
/** A 90 % target (in 20 s). */
export const SL_90_RESULTS = staffingResults('41', '58.6', '91.5 %', '5.5 s', '14.1 %', '81.3 %', '33.33 Erlangs', '20.5 h', '732.14');
/** 1062 contacts: 177 Erlangs. */
export const VOLUME_1062_RESULTS = staffingResults('209', '298.6', '99.9 %', '0.1 s', '1.2 %', '84.7 %', '177.00 Erlangs', '104.5 h', '3,732.14');
/** 120 contacts: 20 Erlangs. */
export const VOLUME_120_RESULTS = staffingResults('25', '35.7', '85.0 %', '12.5 s', '20.9 %', '80.0 %', '20.00 Erlangs', '12.5 h', '446.43');
/** 1000 contacts (typed as 1e3): 166.67 Erlangs. */
export const VOLUME_1000_RESULTS = staffingResults('197', '281.4', '99.8 %', '0.1 s', '1.4 %', '84.6 %', '166.67 Erlangs', '98.5 h', '3,517.86');
/** Several values as typed (shrinkage with a decimal comma), in page order. */
export const TYPED_INPUTS = { volume: '250', aht: '187.5', shrinkage: '32,5', 'cost-per-hour': '22.5' };
/** TYPED_INPUTS: 250 contacts at AHT 187.5 s (26.04 Erlangs), shrinkage 32.5 %, cost 22.5. */
export const TYPED_INPUTS_RESULTS = staffingResults('31', '45.9', '84.6 %', '9.9 s', '26.1 %', '84.0 %', '26.04 Erlangs', '15.5 h', '516.67');
