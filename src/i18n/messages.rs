//! Sentences built around numbers and the model's types, in both languages.

use ccplan_engine::scorecard::KpiId;
use ccplan_engine::staffing::{Limit, Targets};

use super::{text, Key, Lang};
use crate::format::{fixed, grouped, money, percent, Currency};
use crate::model::exercise::Asked;
use crate::model::fields::{Field, FieldError, Reason, ScorecardField, Spec, StaffingField};
use crate::model::io::intervals_in::IntervalRow;
use crate::model::number::format_plain;
use crate::model::schedule::ScheduleOutcome;
use crate::model::staffing::{ModelChoice, Problem, ProblemKind, StaffingInputs, Stopped};

/// A day of the week (0 = Monday).
pub fn weekday_name(lang: Lang, weekday: usize) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let names = match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    };
    names[weekday % 7]
}

/// The name of row `i` of a schedule: its start, after its weekday when a
/// week is scheduled ("Tue 17:30").
pub fn schedule_row_name(lang: Lang, outcome: &ScheduleOutcome, i: usize) -> String {
    match outcome.interval_at(i) {
        (Some(weekday), at) => format!("{} {at}", weekday_name(lang, weekday)),
        (None, at) => at,
    }
}

/// What was read from a history: days, interval length and hours, the
/// dates and the open weekdays.
#[allow(clippy::too_many_arguments)]
pub fn history_summary(
    lang: Lang,
    days: usize,
    interval_min: u32,
    start_min: u32,
    width: usize,
    first: &str,
    last: &str,
    open: &[bool; 7],
) -> String {
    let end = start_min + width as u32 * interval_min;
    let hours = format!(
        "{:02}:{:02}–{:02}:{:02}",
        start_min / 60,
        start_min % 60,
        end / 60,
        end % 60
    );
    let weekdays = (0..7)
        .filter(|d| open[*d])
        .map(|d| weekday_name(lang, d))
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " });
    match lang {
        Lang::En => format!(
            "Read {days} {} of {interval_min}-minute intervals, {hours}, from {first} to {last}; open {weekdays}.",
            if days == 1 { "day" } else { "days" }
        ),
        Lang::Zh => format!(
            "已读取 {days} 天的数据，每 {interval_min} 分钟一个时段，{hours}，从 {first} 到 {last}；营业日：{weekdays}。"
        ),
    }
}

/// "Line 3" before a line quoted as written.
pub fn line_label(lang: Lang, line: usize) -> String {
    match lang {
        Lang::En => format!("Line {line}"),
        Lang::Zh => format!("第 {line} 行"),
    }
}

/// Why a line of history was not used, naming the line.
pub fn line_problem_text(
    lang: Lang,
    line: usize,
    problem: &ccplan_engine::history::LineProblem,
) -> String {
    use ccplan_engine::history::{Column, LineProblem as P};
    let column = |c: &Column| match (lang, c) {
        (Lang::En, Column::Contacts) => "contacts",
        (Lang::En, Column::Aht) => "AHT",
        (Lang::En, Column::Handled) => "handled",
        (Lang::En, Column::Abandoned) => "abandoned",
        (Lang::Zh, Column::Contacts) => "来电量",
        (Lang::Zh, Column::Aht) => "平均处理时长",
        (Lang::Zh, Column::Handled) => "接通量",
        (Lang::Zh, Column::Abandoned) => "放弃量",
    };
    let what = match (lang, problem) {
        (Lang::En, P::Columns(n)) => {
            format!("{n} columns; expected date, start, contacts (and up to three more)")
        }
        (Lang::Zh, P::Columns(n)) => {
            format!("有 {n} 列；应为日期、开始时间、来电量（最多再加三列）")
        }
        (Lang::En, P::Date(t)) => format!("“{t}” is not a date as YYYY-MM-DD"),
        (Lang::Zh, P::Date(t)) => format!("“{t}”不是 YYYY-MM-DD 格式的日期"),
        (Lang::En, P::Start(t)) => format!("“{t}” is not a time of day as HH:MM"),
        (Lang::Zh, P::Start(t)) => format!("“{t}”不是 HH:MM 格式的时间"),
        (Lang::En, P::Number(c, t)) => format!("the {} “{t}” is not a number", column(c)),
        (Lang::Zh, P::Number(c, t)) => format!("{}“{t}”不是数字", column(c)),
        (Lang::En, P::Range(c, v)) => format!("the {} {v} is not from 0 to 10,000,000", column(c)),
        (Lang::Zh, P::Range(c, v)) => format!("{} {v} 不在 0 到 10,000,000 之间", column(c)),
        (Lang::En, P::Duplicate(first)) => {
            format!("the same date and start as line {first} (that line is kept)")
        }
        (Lang::Zh, P::Duplicate(first)) => {
            format!("日期和开始时间与第 {first} 行重复（保留第 {first} 行）")
        }
        (Lang::En, P::FieldCount(found, expected)) => format!(
            "{found} fields where the header (or most lines) has {expected}; in a comma-separated file a number written with a thousands separator splits in two: write 2073 or \"2,073\""
        ),
        (Lang::Zh, P::FieldCount(found, expected)) => format!(
            "有 {found} 个字段，而表头（或多数行）为 {expected} 个；逗号分隔的文件中，带千位分隔符的数字会被拆成两列：请写成 2073 或 \"2,073\""
        ),
        (Lang::En, P::Quote) => "a quote (\") is opened and not closed on this line".into(),
        (Lang::Zh, P::Quote) => "本行的引号（\"）只有开头没有结尾".into(),
    };
    match lang {
        Lang::En => format!("Line {line}: {what}."),
        Lang::Zh => format!("第 {line} 行：{what}。"),
    }
}

/// Why shifts cannot be scheduled, in `lang`; `at` names interval `i` by
/// its start.
pub fn schedule_error_text(
    lang: Lang,
    error: &ccplan_engine::schedule::ScheduleError,
    at: &dyn Fn(usize) -> String,
) -> String {
    use ccplan_engine::schedule::{ScheduleError as E, MAX_VARIANTS};
    match (lang, error) {
        (Lang::En, E::NoIntervals) => "The staffing page's day has no intervals to cover.".into(),
        (Lang::Zh, E::NoIntervals) => "人力需求页面的当天没有需要覆盖的时段。".into(),
        (Lang::En, E::NoTemplates) => "There are no shifts: add one.".into(),
        (Lang::Zh, E::NoTemplates) => "没有班次：请添加一个。".into(),
        (Lang::En, E::Length(name, step)) => format!("Shift “{name}”: its length must be a whole number of the day's {step}-minute intervals."),
        (Lang::Zh, E::Length(name, step)) => format!("班次“{}”：时长须为当天 {step} 分钟时段的整数倍。", shift_name(lang, name)),
        (Lang::En, E::StartWindow(name, step)) => format!("Shift “{name}”: the earliest start must come before the latest, on the day's {step}-minute grid, and starts must be a whole number of intervals apart."),
        (Lang::Zh, E::StartWindow(name, step)) => format!("班次“{}”：最早开始须不晚于最晚开始，落在当天 {step} 分钟的时段网格上，开始间隔须为时段的整数倍。", shift_name(lang, name)),
        (Lang::En, E::Break(name)) => format!("Shift “{name}”: its break must be a whole number of intervals long and start on the grid, after the shift starts and before it ends."),
        (Lang::Zh, E::Break(name)) => format!("班次“{}”：休息时长须为时段的整数倍，开始时间落在时段网格上，且在班次开始之后、结束之前。", shift_name(lang, name)),
        (Lang::En, E::Cost(name, cost)) => format!("Shift “{name}”: a cost per paid hour of {cost} cannot be used (0 to 1,000,000)."),
        (Lang::Zh, E::Cost(name, cost)) => format!("班次“{}”：每有薪小时成本 {cost} 无法使用（应为 0 到 1,000,000）。", shift_name(lang, name)),
        (Lang::En, E::NoVariant(names)) => format!("No shift fits in the day: {names} cannot start and end within it."),
        (Lang::Zh, E::NoVariant(names)) => format!("没有班次能放进当天：{} 无法在当天内开始并结束。", names.split(", ").map(|n| shift_name(lang, n)).collect::<Vec<_>>().join("、")),
        (Lang::En, E::TooManyVariants(n)) => format!("These shifts make {} start and break combinations; at most {} are solved. Narrow a start window or widen its step.", grouped(*n as f64, 0), grouped(MAX_VARIANTS as f64, 0)),
        (Lang::Zh, E::TooManyVariants(n)) => format!("这些班次产生 {} 种开始与休息组合，最多只能求解 {} 种。请缩小开始时间范围或加大间隔。", grouped(*n as f64, 0), grouped(MAX_VARIANTS as f64, 0)),
        (Lang::En, E::Uncovered(i, need)) => format!("No shift covers {} (it needs {need} agents): widen a start window or add a shift.", at(*i)),
        (Lang::Zh, E::Uncovered(i, need)) => format!("没有班次覆盖 {}（需要 {need} 人）：请扩大开始时间范围或添加班次。", at(*i)),
        (Lang::En, E::Infeasible) => "The caps leave no schedule that covers every interval: raise a cap.".into(),
        (Lang::Zh, E::Infeasible) => "在这些人数上限下，没有排班能覆盖每个时段：请提高上限。".into(),
        (Lang::En, E::NotFound(nodes)) => format!("No schedule was found within {} search nodes.", grouped(*nodes as f64, 0)),
        (Lang::Zh, E::NotFound(nodes)) => format!("在 {} 个搜索节点内未找到排班。", grouped(*nodes as f64, 0)),
        (Lang::En, other) => format!("These shifts cannot cover the day: {other}."),
        (Lang::Zh, other) => format!("这些班次无法覆盖当天需求：{other}。"),
    }
}

/// Why there is no forecast.
pub fn forecast_problem_text(
    lang: Lang,
    problem: &crate::model::forecast::ForecastProblem,
) -> String {
    use crate::model::forecast::ForecastProblem as P;
    match (lang, problem) {
        (Lang::En, P::NoHistory) => "No line could be used: nothing to forecast.".into(),
        (Lang::Zh, P::NoHistory) => "没有可用的数据行，无法预测。".into(),
        (Lang::En, P::TooLong(n)) => format!("{} lines is more than ccplan reads ({}): about ten years of 30-minute intervals. Shorten the history.", grouped(*n as f64, 0), grouped(ccplan_engine::history::MAX_LINES as f64, 0)),
        (Lang::Zh, P::TooLong(n)) => format!("{} 行超过了 ccplan 可读取的上限（{} 行，约十年的 30 分钟数据）。请缩短历史数据。", grouped(*n as f64, 0), grouped(ccplan_engine::history::MAX_LINES as f64, 0)),
        (Lang::En, P::Granularity(step)) => format!("Interval starts are {step} minutes apart: use 5-, 15-, 30- or 60-minute intervals."),
        (Lang::Zh, P::Granularity(step)) => format!("时段开始时间相隔 {step} 分钟：请使用 5、15、30 或 60 分钟的时段。"),
        (Lang::En, P::Mixed(a, b)) => format!("Some days have {a}-minute intervals and others {b}-minute ones: use one interval length throughout."),
        (Lang::Zh, P::Mixed(a, b)) => format!("有些日期是 {a} 分钟时段，另一些是 {b} 分钟：请统一时段长度。"),
        (Lang::En, P::Span) => "The history spans more than eleven years.".into(),
        (Lang::Zh, P::Span) => "历史数据跨度超过十一年。".into(),
        (Lang::En, P::TooShort(needed, got)) => format!("A forecast needs at least {needed} days with contacts (days left out do not count); this history has {got}. Add older history, or leave out fewer days."),
        (Lang::Zh, P::TooShort(needed, got)) => format!("预测至少需要 {needed} 天有来电量的历史数据（已排除的日期不计）；当前只有 {got} 天。请补充更早的历史数据，或减少排除的日期。"),
        (Lang::En, P::OneWeekday(day)) => format!("This history has contacts on {} only. The forecast learns how the days of the week differ, so it needs history on at least two weekdays: add the other days the centre opens on (a centre open one day a week can plan that day on the Staffing page).", weekday_name(lang, *day)),
        (Lang::Zh, P::OneWeekday(day)) => format!("历史数据只有{}的来电量。预测需要学习一周内各天的差异，至少需要两个不同星期几的数据：请补充中心其他营业日的历史数据（若中心每周只营业一天，可在“人力需求”页直接按该日计算）。", weekday_name(lang, *day)),
        (Lang::En, P::Unbounded(model)) => format!("{} gives no meaningful forecast of this history: its prediction interval runs past {} times the largest day, usually because of one outlying day. Leave that day out, or choose another model (“Best by AICc” picks one that works).", model.name(), ccplan_engine::forecast::MAX_FORECAST_RATIO),
        (Lang::Zh, P::Unbounded(model)) => format!("{} 无法对这段历史数据给出有意义的预测：其预测区间超过最大单日量的 {} 倍，通常是某一个异常日所致。请排除该日期，或换用其他模型（“按 AICc 自动选择”会选用可用的模型）。", model.name(), ccplan_engine::forecast::MAX_FORECAST_RATIO),
        (Lang::En, P::ZeroDay) => "The multiplicative model needs every day above 0 contacts: choose another model or leave the empty days out.".into(),
        (Lang::Zh, P::ZeroDay) => "乘法模型要求每天来电量大于 0：请换用其他模型，或排除来电为 0 的日期。".into(),
        (Lang::En, P::Ambiguous) => "The history's numbers read two ways: choose how to read them above; nothing is forecast until then.".into(),
        (Lang::Zh, P::Ambiguous) => "历史数据中的数字有两种读法：请在上方选择读法，选择之前不做预测。".into(),
        (Lang::En, P::NoShape) => "The day totals are known but no day shows how contacts spread over its intervals (every day used is corrected or has no contacts in its intervals): put back, as it was, at least one day with interval contacts.".into(),
        (Lang::Zh, P::NoShape) => "已有每日总量，但没有任何一天的数据能说明来电在各时段的分布（所用日期都已修正总量或各时段来电为 0）：请至少恢复一天有时段来电的原始数据。".into(),
        (Lang::En, P::Engine(detail)) => format!("The forecast could not be made: {detail}."),
        (Lang::Zh, P::Engine(detail)) => format!("无法预测：{detail}。"),
    }
}

/// A chart's or a column's title for money, naming the currency (`Cost (¥)`).
pub fn money_title(title: &str, currency: Currency) -> String {
    match currency.symbol() {
        "" => title.to_string(),
        symbol => format!("{title} ({symbol})"),
    }
}

/// Seconds with one decimal and the unit of the language.
pub fn seconds(lang: Lang, value: f64) -> String {
    format!("{} {}", fixed(value, 1), text(lang, Key::Seconds))
}

/// A staffing target in words, with its value: "occupancy ≤ 85 %".
pub fn limit_text(lang: Lang, limit: Limit, targets: &Targets) -> String {
    let share = |v: f64| format_plain((v * 100.0 * 1e6).round() / 1e6);
    let (en, zh) = match limit {
        Limit::ServiceLevel => {
            let (sl, t) = (
                share(targets.service_level()),
                format_plain(targets.target_s()),
            );
            (
                format!("service level {sl} % within {t} s"),
                format!("服务水平 {sl} %（{t} 秒内）"),
            )
        }
        Limit::MaxAsa => {
            let cap = format_plain(targets.max_asa_s().unwrap_or(0.0));
            (format!("ASA ≤ {cap} s"), format!("平均应答速度 ≤ {cap} 秒"))
        }
        Limit::MaxAbandon => {
            let cap = share(targets.max_abandon().unwrap_or(0.0));
            (
                format!("abandonment ≤ {cap} %"),
                format!("放弃率 ≤ {cap} %"),
            )
        }
        Limit::MaxOccupancy => {
            let cap = share(targets.max_occupancy().unwrap_or(0.0));
            (
                format!("occupancy ≤ {cap} %"),
                format!("坐席占用率 ≤ {cap} %"),
            )
        }
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// `label: value`, with the colon of the language.
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{label}: {value}"),
        Lang::Zh => format!("{label}：{value}"),
    }
}

/// The key inputs of a staffing chart, for the line under a downloaded
/// chart's title: the interval's contacts (or the day's intervals), AHT,
/// the service-level target and the model.
pub fn inputs_caption(lang: Lang, inputs: &StaffingInputs, day: bool) -> String {
    let (minutes, aht) = (
        format_plain(inputs.interval_min),
        format_plain(inputs.aht_s),
    );
    let (sl, t) = (
        format_plain(inputs.sl_target_pct),
        format_plain(inputs.sl_seconds),
    );
    let model = text(
        lang,
        match inputs.model {
            ModelChoice::ErlangC => Key::ErlangC,
            ModelChoice::ErlangA => Key::ErlangA,
        },
    );
    let count = inputs.intraday.len();
    let volume = format_plain(inputs.volume);
    match (lang, day) {
        (Lang::En, false) => format!("{volume} contacts per {minutes} min · AHT {aht} s · target {sl} % within {t} s · {model}"),
        (Lang::En, true) if count == 1 => format!("1 interval of {minutes} min · AHT {aht} s · target {sl} % within {t} s · {model}"),
        (Lang::En, true) => format!("{count} intervals of {minutes} min · AHT {aht} s · target {sl} % within {t} s · {model}"),
        (Lang::Zh, false) => format!("每 {minutes} 分钟 {volume} 通 · 平均处理时长 {aht} 秒 · 目标 {sl} %（{t} 秒内）· {model}"),
        (Lang::Zh, true) => format!("{count} 个 {minutes} 分钟时段 · 平均处理时长 {aht} 秒 · 目标 {sl} %（{t} 秒内）· {model}"),
    }
}

/// The plan's staff against its requirement in words: the largest
/// shortfall (and in how many months), the largest surplus, with months.
pub fn balance_text(lang: Lang, summary: &ccplan_engine::capacity::Summary) -> String {
    let short = summary.largest_shortfall.map(|(fte, month)| {
        let (fte, month, n) = (fixed(fte, 1), month_label(month), summary.months_short);
        match lang {
            Lang::En if n == 1 => format!("short in 1 month, {fte} FTE ({month})"),
            Lang::En => format!("short in {n} months, up to {fte} FTE ({month})"),
            Lang::Zh => format!("{n} 个月人手不足，全职等效人数最多缺 {fte}（{month}）"),
        }
    });
    let surplus = summary.largest_surplus.map(|(fte, month)| {
        let (fte, month) = (fixed(fte, 1), month_label(month));
        match lang {
            Lang::En => format!("surplus up to {fte} FTE ({month})"),
            Lang::Zh => format!("全职等效人数最多富余 {fte}（{month}）"),
        }
    });
    let never_short = match lang {
        Lang::En => "never short",
        Lang::Zh => "无短缺",
    };
    let separator = match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    };
    [short.unwrap_or_else(|| never_short.to_string())]
        .into_iter()
        .chain(surplus)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A count of agents: "39 agents", "39 名坐席".
pub fn agents_text(lang: Lang, agents: u32) -> String {
    match lang {
        Lang::En if agents == 1 => "1 agent".to_string(),
        Lang::En => format!("{agents} agents"),
        Lang::Zh => format!("{agents} 名坐席"),
    }
}

/// The name of a scorecard KPI.
pub fn kpi_name(id: KpiId) -> Key {
    match id {
        KpiId::Csat => Key::KpiCsat,
        KpiId::Nps => Key::KpiNps,
        KpiId::Ces => Key::KpiCes,
        KpiId::Fcr => Key::KpiFcr,
        KpiId::ServiceLevel => Key::KpiServiceLevel,
        KpiId::AnswerRate => Key::KpiAnswerRate,
        KpiId::Abandon => Key::KpiAbandon,
        KpiId::Asa => Key::KpiAsa,
        KpiId::Occupancy => Key::KpiOccupancy,
        KpiId::SelfService => Key::KpiSelfService,
        KpiId::RequiredFte => Key::KpiRequiredFte,
        KpiId::AvailableFte => Key::KpiAvailableFte,
        KpiId::CostPerContact => Key::KpiCostPerContact,
        KpiId::CostPerResolved => Key::KpiCostPerResolved,
        KpiId::TotalCost => Key::KpiTotalCost,
        KpiId::Attrition => Key::KpiAttrition,
        KpiId::Attendance => Key::KpiAttendance,
        KpiId::TrainingCompletion => Key::KpiTrainingCompletion,
        KpiId::Esat => Key::KpiEsat,
    }
}

/// The label of a field's box and slider.
pub fn field_label(field: Field) -> Key {
    match field {
        Field::Staffing(StaffingField::Volume) => Key::Volume,
        Field::Staffing(StaffingField::Aht) => Key::Aht,
        Field::Staffing(StaffingField::SlTarget) => Key::SlTarget,
        Field::Staffing(StaffingField::SlSeconds) => Key::SlSeconds,
        Field::Staffing(StaffingField::Interval) => Key::Interval,
        Field::Staffing(StaffingField::Shrinkage) => Key::Shrinkage,
        Field::Staffing(StaffingField::MaxOccupancy) => Key::MaxOccupancy,
        Field::Staffing(StaffingField::MaxAsa) => Key::MaxAsa,
        Field::Staffing(StaffingField::MaxAbandon) => Key::MaxAbandon,
        Field::Staffing(StaffingField::Patience) => Key::Patience,
        Field::Staffing(StaffingField::CostPerHour) => Key::CostPerHour,
        Field::Staffing(StaffingField::Agents) => Key::Agents,
        Field::Staffing(StaffingField::VolumeScale) => Key::VolumeScale,
        Field::Staffing(StaffingField::AhtChange) => Key::AhtChange,
        Field::Scorecard(ScorecardField::Horizon) => Key::Horizon,
        Field::Scorecard(ScorecardField::MonthlyVolume) => Key::MonthlyVolume,
        Field::Scorecard(ScorecardField::Growth) => Key::Growth,
        Field::Scorecard(ScorecardField::Fcr) => Key::Fcr,
        Field::Scorecard(ScorecardField::Repeat) => Key::RepeatShare,
        Field::Scorecard(ScorecardField::Deflection) => Key::Deflection,
        Field::Scorecard(ScorecardField::AhtTrend) => Key::AhtTrend,
        Field::Scorecard(ScorecardField::OpenDays) => Key::OpenDays,
        Field::Scorecard(ScorecardField::OpenHours) => Key::OpenHours,
        Field::Scorecard(ScorecardField::PaidHours) => Key::PaidHoursPerFte,
        Field::Scorecard(ScorecardField::StartHeadcount) => Key::StartHeadcount,
        Field::Scorecard(ScorecardField::Attrition) => Key::Attrition,
        Field::Scorecard(ScorecardField::Hires) => Key::Hires,
        Field::Scorecard(ScorecardField::Training) => Key::TrainingMonths,
        Field::Scorecard(ScorecardField::Overhead) => Key::Overhead,
        Field::Scorecard(ScorecardField::Budget) => Key::MonthlyBudget,
    }
}

/// Why a field's limits are where they are, in words.
fn reason_text(reason: Reason) -> Key {
    match reason {
        Reason::NoServiceIsPerfect => Key::WhySlBelow100,
        Reason::ShrinkageLeavesSomeone => Key::WhyShrinkage,
        Reason::SomeContactsAreResolved => Key::WhyFcr,
    }
}

/// Why the engine could not answer, with its own (English) detail after
/// the translated sentence where it gave one.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let key = match problem.kind {
        ProblemKind::TooLarge => Key::ErrTooLarge,
        ProblemKind::PatienceRatio => Key::ErrPatienceRatio,
        ProblemKind::Unstable => Key::MathUnstable,
        ProblemKind::Engine => Key::ErrEngine,
        ProblemKind::Stopped(why) => stopped_text(why),
        ProblemKind::TooManySimulatedCalls => Key::ErrTooManySimulatedCalls,
    };
    match problem.detail.as_str() {
        "" => text(lang, key).to_string(),
        detail => format!("{} ({detail})", text(lang, key)),
    }
}

/// A history too long to show in its box (`megabytes` already formatted).
pub fn long_history_text(lang: Lang, megabytes: &str) -> String {
    match lang {
        Lang::En => format!("The history read ({megabytes} MB) is kept but not shown in the box; paste or open a file to replace it."),
        Lang::Zh => format!("已读取的历史数据（{megabytes} MB）已保留，但不在框中显示；粘贴或打开文件即可替换。"),
    }
}

/// A schedule the search did not prove best: what it found and the bound,
/// of the same named quantity (the agent-intervals over or short under a
/// headcount cap, else the cost), both already formatted.
pub fn best_found_text(lang: Lang, capped: bool, found: &str, bound: &str) -> String {
    match (lang, capped) {
        (Lang::En, true) => format!("Best found within the search budget: {found} agent-intervals over or short (together); no schedule within the cap has fewer than {bound}"),
        (Lang::En, false) => format!("Best found within the search budget: cost {found}; no schedule covering every interval costs less than {bound}"),
        (Lang::Zh, true) => format!("在搜索预算内找到的最佳方案：人员过多或不足的“人·时段”合计 {found}；在人数上限内，任何方案都不少于 {bound}"),
        (Lang::Zh, false) => format!("在搜索预算内找到的最佳方案：成本 {found}；覆盖所有时段的方案，成本都不低于 {bound}"),
    }
}

/// Issue 25, item 8: a pasted line read as a row of volumes, for the
/// button that picks that reading: "3 intervals: 8, 120, 300".
pub fn row_volumes_text(lang: Lang, volumes: &[f64]) -> String {
    let listed: Vec<String> = volumes.iter().map(|v| format_plain(*v)).collect();
    match lang {
        Lang::En => format!(
            "{}: {}",
            intervals_text(lang, volumes.len()),
            listed.join(", ")
        ),
        Lang::Zh => format!(
            "{}，来电量依次为 {}",
            intervals_text(lang, volumes.len()),
            listed.join("、")
        ),
    }
}

/// Issue 25, item 8: the same line read as one interval (start, volume,
/// AHT): "1 interval starting 08:00: 120 contacts, AHT 300 s".
pub fn row_interval_text(lang: Lang, row: &IntervalRow) -> String {
    let volume = format_plain(row.volume);
    let aht = row.aht_s.map(format_plain).unwrap_or_default();
    match (lang, row.start.as_deref()) {
        (Lang::En, Some(start)) => {
            format!("1 interval starting {start}: {volume} contacts, AHT {aht} s")
        }
        (Lang::En, None) => format!("1 interval: {volume} contacts, AHT {aht} s"),
        (Lang::Zh, Some(start)) => {
            format!("1 个时段，{start} 开始：来电量 {volume}，平均处理时长 {aht} 秒")
        }
        (Lang::Zh, None) => format!("1 个时段：来电量 {volume}，平均处理时长 {aht} 秒"),
    }
}

/// Issue 25, item 9: what "Load" loaded: the example (`None`) or the
/// scenario named.
pub fn loaded_text(lang: Lang, scenario: Option<&str>) -> String {
    match (lang, scenario) {
        (Lang::En, None) => "Example loaded".into(),
        (Lang::En, Some(name)) => format!("Scenario “{name}” loaded"),
        (Lang::Zh, None) => "已载入示例".into(),
        (Lang::Zh, Some(name)) => format!("已载入方案“{name}”"),
    }
}

/// Issue 25, item 12: a week's open days: "1 open day", "5 open days",
/// "5 个营业日".
pub fn open_days_text(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 open day".into(),
        (Lang::En, _) => format!("{count} open days"),
        (Lang::Zh, _) => format!("{count} 个营业日"),
    }
}

/// Issue 25, item 12: the answer in one sentence, for the results' live
/// region: the agents required and the service level (with the user's
/// agents in reverse mode; "queue unstable" when it cannot keep up).
pub fn answer_sentence(
    lang: Lang,
    required: u32,
    with_agents: Option<f64>,
    sl: Option<f64>,
) -> String {
    let sl = sl.map(percent);
    match (lang, with_agents, sl) {
        (Lang::En, None, Some(sl)) => format!(
            "{} required; service level {sl}.",
            agents_text(lang, required)
        ),
        (Lang::En, None, None) => format!("{} required.", agents_text(lang, required)),
        (Lang::En, Some(n), Some(sl)) => format!(
            "With {}: service level {sl}; {required} required.",
            agents_text(lang, n.round() as u32)
        ),
        (Lang::En, Some(n), None) => format!(
            "With {}: queue unstable; {required} required.",
            agents_text(lang, n.round() as u32)
        ),
        (Lang::Zh, None, Some(sl)) => format!("需要 {required} 名坐席；服务水平 {sl}。"),
        (Lang::Zh, None, None) => format!("需要 {required} 名坐席。"),
        (Lang::Zh, Some(n), Some(sl)) => format!(
            "{} 名坐席时服务水平 {sl}；需要 {required} 名。",
            grouped(n, 0)
        ),
        (Lang::Zh, Some(n), None) => {
            format!("{} 名坐席时队列不稳定；需要 {required} 名。", grouped(n, 0))
        }
    }
}

/// Issue 25, item 12: why a row of the agents table has no figures: with
/// Erlang C, `agents` no more than the offered load never empty the queue.
pub fn unstable_row_text(lang: Lang, agents: u32, traffic: f64) -> String {
    let load = grouped(traffic, 2);
    match lang {
        Lang::En => format!("queue unstable: {agents} ≤ {load} Erlangs of load"),
        Lang::Zh => format!("队列不稳定：{agents} 名坐席 ≤ 话务量 {load} 爱尔兰"),
    }
}

/// A number of intervals: "1 interval", "29 intervals", "29 个时段".
pub fn intervals_text(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En if count == 1 => "1 interval".to_string(),
        Lang::En => format!("{count} intervals"),
        Lang::Zh => format!("{count} 个时段"),
    }
}

/// A calculation running in the engine worker for `seconds`.
pub fn working_text(lang: Lang, seconds: u64) -> String {
    match lang {
        Lang::En => format!("Calculating… ({seconds} s)"),
        Lang::Zh => format!("正在计算…（{seconds} 秒）"),
    }
}

/// Why the engine worker gave no answer, and what to do.
pub fn stopped_text(why: Stopped) -> Key {
    match why {
        Stopped::Cancelled => Key::StoppedCancelled,
        Stopped::Crashed => Key::StoppedCrashed,
        Stopped::NotLoaded => Key::StoppedNotLoaded,
    }
}

/// The question of a built-in exercise (`model::exercise::built_in`), by
/// the figure it asks for.
pub fn built_in_question(asked: Asked) -> Key {
    match asked {
        Asked::Load => Key::ExerciseLoad,
        Asked::RequiredAgents => Key::ExerciseAgents,
        Asked::ServiceLevel => Key::ExerciseServiceLevel,
        Asked::Lines => Key::ExerciseLines,
        Asked::Fte => Key::ExerciseFte,
        Asked::Cost => Key::ExerciseCost,
        // No built-in exercise asks these (a test checks it): a trainer's
        // link carries its own question.
        Asked::Asa | Asked::Occupancy => Key::ExerciseAgents,
    }
}

/// Why a typed value is refused, in words: the range (with the reason for
/// it where the field has one), or what kind of value is wanted.
pub fn field_message(lang: Lang, spec: &Spec, error: FieldError) -> String {
    match error {
        FieldError::Empty | FieldError::NotNumber => text(lang, Key::ErrNotNumber).to_string(),
        FieldError::Whole => text(lang, Key::ErrWhole).to_string(),
        FieldError::Choice(_) => text(lang, Key::ErrInterval).to_string(),
        FieldError::ChangedAht { min, max } => {
            format!("{} {min} – {max}", text(lang, Key::ErrChangedAht))
        }
        FieldError::Range { min, max } => {
            let range = format!("{} {min} – {max}", text(lang, Key::ErrRange));
            match spec.why {
                Some(why) => format!("{range}. {}", text(lang, reason_text(why))),
                None => range,
            }
        }
    }
}

/// A KPI value in its unit: shares as "81.0 %", seconds, FTE with one
/// decimal, money with two (whole above 1 000), thousands separated.
pub fn kpi_value(
    lang: Lang,
    currency: Currency,
    unit: ccplan_engine::scorecard::Unit,
    value: f64,
) -> String {
    use ccplan_engine::scorecard::Unit;
    match unit {
        Unit::Share => percent(value),
        Unit::Seconds => seconds(lang, value),
        Unit::Fte => grouped(value, 1),
        Unit::Money if value.abs() >= 1_000.0 => money(currency, value, 0),
        Unit::Money => money(currency, value, 2),
        Unit::Number => grouped(value, 0),
    }
}

/// The labels of a plan's months, in order.
pub fn month_labels(plan: &ccplan_engine::capacity::CapacityPlan) -> Vec<String> {
    plan.months.iter().map(|m| month_label(m.month)).collect()
}

/// "2027-01": the month label used in tables and charts.
pub fn month_label(month: ccplan_engine::capacity::Month) -> String {
    format!("{}-{:02}", month.year, month.month)
}

// Issue 25, item 10: units and shift names made of a length, in the page's language.

/// A number of minutes with its unit: "30 min", "30 分钟".
pub fn minutes_text(lang: Lang, minutes: impl std::fmt::Display) -> String {
    match lang {
        Lang::En => format!("{minutes} min"),
        Lang::Zh => format!("{minutes} 分钟"),
    }
}

/// An average handle time with its name and unit: "AHT 300 s", "平均处理时长 300 秒".
pub fn aht_text(lang: Lang, aht: &str) -> String {
    match lang {
        Lang::En => format!("AHT {aht} s"),
        Lang::Zh => format!("平均处理时长 {aht} 秒"),
    }
}

/// A number of hours (already formatted) with its unit: "8.5 h", "8.5 小时".
pub fn hours_text(lang: Lang, hours: &str) -> String {
    match lang {
        Lang::En => format!("{hours} h"),
        Lang::Zh => format!("{hours} 小时"),
    }
}

/// A shift's name as the page shows it: a name made of the shift's length
/// ("8.5 h") reads "8.5 小时班" in Chinese; the planner's own names, and
/// every name in English, are shown as typed.
pub fn shift_name(lang: Lang, name: &str) -> String {
    match (lang, crate::model::schedule::length_named_hours(name)) {
        (Lang::Zh, Some(hours)) => format!("{hours} 小时班"),
        _ => name.to_string(),
    }
}

// Issue 25, item 5: a schedule's shortfall explained.

/// A run of short intervals in words: where, how short, why
/// ("17:00–21:00: 42 agent-intervals short (at most 9 in one interval):
/// the headcount cap of 20 agents is used up.").
pub fn short_run_text(lang: Lang, run: &crate::model::shortfall::ShortRun) -> String {
    use crate::model::shortfall::ShortWhy as W;
    use crate::model::staffing::clock;
    let day = run.day.map(|d| weekday_name(lang, d));
    let span = match day {
        Some(day) => format!("{day} {}–{}", clock(run.from_min), clock(run.to_min)),
        None => format!("{}–{}", clock(run.from_min), clock(run.to_min)),
    };
    let (short, most) = (grouped(run.short as f64, 0), run.most_short);
    match lang {
        Lang::En => {
            let why = match &run.why {
                W::HeadcountCap(cap) => format!("the headcount cap of {cap} agents is used up"),
                W::ShiftCap(name, cap) => format!("the cap of {cap} agents on “{name}” is used up"),
                W::NoWindow => "no shift's start window reaches these intervals".to_string(),
                W::WouldOverstaff => "the shifts that work them would overstaff the hours around them by more than they cover".to_string(),
                W::SearchStopped => "the search stopped before it found a better schedule".to_string(),
            };
            format!(
                "{span}: {short} agent-intervals short (at most {most} in one interval) — {why}."
            )
        }
        Lang::Zh => {
            let why = match &run.why {
                W::HeadcountCap(cap) => format!("总人数上限 {cap} 人已用满"),
                W::ShiftCap(name, cap) => {
                    format!("班次“{}”的人数上限 {cap} 人已用满", shift_name(lang, name))
                }
                W::NoWindow => "没有任何班次的开始时间范围能覆盖这些时段".to_string(),
                W::WouldOverstaff => {
                    "能覆盖它们的班次会让前后时段超配，超配多于所补的缺口".to_string()
                }
                W::SearchStopped => "搜索在找到更好的排班之前已停止".to_string(),
            };
            format!("{span}：人力缺口 {short} 个坐席·时段（单个时段最多缺 {most} 人）——{why}。")
        }
    }
}

/// What would cover (part of) a run: "3 more agents on “4 h”, starting
/// at 17:00", or a new shift starting or ending there. A run's covers
/// together cover it.
pub fn short_cover_text(lang: Lang, cover: &crate::model::shortfall::Cover) -> String {
    use crate::model::shortfall::Cover;
    use crate::model::staffing::clock;
    match (lang, cover) {
        (
            _,
            Cover::More {
                shift,
                agents,
                first_start_min,
                last_start_min,
            },
        ) => {
            let (from, to) = (clock(*first_start_min), clock(*last_start_min));
            let single = first_start_min == last_start_min;
            match lang {
                Lang::En => format!(
                    "{agents} more {} on “{shift}”, starting {}.",
                    if *agents == 1 { "agent" } else { "agents" },
                    if single {
                        format!("at {from}")
                    } else {
                        format!("between {from} and {to}")
                    }
                ),
                Lang::Zh => format!(
                    "在“{}”上再排 {agents} 名坐席，{}开始。",
                    shift_name(lang, shift),
                    if single {
                        format!("{from} ")
                    } else {
                        format!("{from}–{to} 之间")
                    }
                ),
            }
        }
        (
            _,
            Cover::NewShift {
                from_min,
                to_min,
                starting,
            },
        ) => {
            let (from, to) = (clock(*from_min), clock(*to_min));
            let at = if *starting { &from } else { &to };
            match (lang, starting) {
                (Lang::En, true) => format!("A shift starting at {at} would cover {from}–{to}."),
                (Lang::En, false) => format!("A shift ending at {at} would cover {from}–{to}."),
                (Lang::Zh, true) => format!("增加一个 {at} 开始的班次，可覆盖 {from}–{to}。"),
                (Lang::Zh, false) => format!("增加一个 {at} 结束的班次，可覆盖 {from}–{to}。"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_best_found_schedule_names_what_its_bound_is_of() {
        let capped = best_found_text(Lang::En, true, "874", "873");
        assert!(
            capped.contains("874 agent-intervals over or short (together)")
                && capped.ends_with("fewer than 873"),
            "{capped}"
        );
        let cost = best_found_text(Lang::Zh, false, "7,240", "7,200");
        assert!(
            cost.contains("成本 7,240") && cost.contains("不低于 7,200"),
            "{cost}"
        );
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(intervals_text(Lang::En, 1), "1 interval");
        assert_eq!(intervals_text(Lang::En, 29), "29 intervals");
        assert_eq!(intervals_text(Lang::Zh, 1), "1 个时段");
        let open = [true, false, false, false, false, false, false];
        let one = history_summary(Lang::En, 1, 30, 420, 2, "2003-03-03", "2003-03-03", &open);
        assert!(
            one.starts_with("Read 1 day of 30-minute intervals"),
            "{one}"
        );
        let two = history_summary(Lang::En, 2, 30, 420, 2, "2003-03-03", "2003-03-10", &open);
        assert!(two.starts_with("Read 2 days of"), "{two}");
    }

    #[test]
    fn schedule_problems_are_worded_in_both_languages_with_times_not_indices() {
        use ccplan_engine::schedule::ScheduleError as E;
        let at = |i: usize| crate::model::staffing::clock(420 + 30 * i as u32);
        let uncovered = E::Uncovered(27, 12);
        assert_eq!(
            schedule_error_text(Lang::En, &uncovered, &at),
            "No shift covers 20:30 (it needs 12 agents): widen a start window or add a shift."
        );
        assert_eq!(
            schedule_error_text(Lang::Zh, &uncovered, &at),
            "没有班次覆盖 20:30（需要 12 人）：请扩大开始时间范围或添加班次。"
        );
        for e in [
            E::NoIntervals,
            E::NoTemplates,
            E::Length("a".into(), 30),
            E::StartWindow("a".into(), 30),
            E::Break("a".into()),
            E::Cost("a".into(), -1.0),
            E::NoVariant("a, b".into()),
            E::TooManyVariants(5_952),
            E::Infeasible,
            E::NotFound(5_000),
        ] {
            let zh = schedule_error_text(Lang::Zh, &e, &at);
            // Worded in Chinese, not the engine's English.
            assert!(!zh.contains(&e.to_string()), "{zh}");
            assert_ne!(schedule_error_text(Lang::En, &e, &at), zh);
        }
    }

    #[test]
    fn no_built_in_exercise_asks_a_figure_without_its_own_question() {
        use crate::model::exercise::built_in;
        let asked: Vec<Asked> = built_in().iter().map(|e| e.asked).collect();
        assert!(!asked.contains(&Asked::Asa) && !asked.contains(&Asked::Occupancy));
        let mut keys: Vec<_> = asked.iter().map(|a| built_in_question(*a)).collect();
        keys.dedup();
        assert_eq!(keys.len(), asked.len(), "one question per exercise");
    }

    // Issue 25, items 5 and 10.
    #[test]
    fn a_shortfall_and_shift_names_read_in_both_languages() {
        use crate::model::shortfall::{Cover, ShortRun, ShortWhy};
        assert_eq!(shift_name(Lang::Zh, "8.5 h"), "8.5 小时班");
        assert_eq!(shift_name(Lang::En, "8.5 h"), "8.5 h");
        assert_eq!(shift_name(Lang::Zh, "Early"), "Early");
        assert_eq!(minutes_text(Lang::Zh, 30), "30 分钟");
        assert_eq!(hours_text(Lang::Zh, "8.0"), "8.0 小时");
        assert_eq!(aht_text(Lang::Zh, "300"), "平均处理时长 300 秒");
        let run = ShortRun {
            day: None,
            from_min: 17 * 60,
            to_min: 21 * 60,
            short: 42,
            most_short: 9,
            why: ShortWhy::HeadcountCap(20),
            covers: vec![
                Cover::More {
                    shift: "4 h".into(),
                    agents: 9,
                    first_start_min: 17 * 60,
                    last_start_min: 17 * 60,
                },
                Cover::More {
                    shift: "8.5 h".into(),
                    agents: 1,
                    first_start_min: 12 * 60,
                    last_start_min: 12 * 60 + 30,
                },
                Cover::NewShift {
                    from_min: 21 * 60,
                    to_min: 22 * 60,
                    starting: false,
                },
            ],
        };
        assert_eq!(
            short_run_text(Lang::En, &run),
            "17:00–21:00: 42 agent-intervals short (at most 9 in one interval) — the headcount cap of 20 agents is used up."
        );
        assert_eq!(
            short_run_text(Lang::Zh, &run),
            "17:00–21:00：人力缺口 42 个坐席·时段（单个时段最多缺 9 人）——总人数上限 20 人已用满。"
        );
        let covers = |lang| {
            run.covers
                .iter()
                .map(|c| short_cover_text(lang, c))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            covers(Lang::En),
            [
                "9 more agents on “4 h”, starting at 17:00.",
                "1 more agent on “8.5 h”, starting between 12:00 and 12:30.",
                "A shift ending at 22:00 would cover 21:00–22:00."
            ]
        );
        assert_eq!(
            covers(Lang::Zh),
            [
                "在“4 小时班”上再排 9 名坐席，17:00 开始。",
                "在“8.5 小时班”上再排 1 名坐席，12:00–12:30 之间开始。",
                "增加一个 22:00 结束的班次，可覆盖 21:00–22:00。"
            ]
        );
    }
}
