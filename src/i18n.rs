//! Every string the user sees, in English and 简体中文, and number formatting.
//!
//! A `match` over an enum rather than a translation crate: with two languages
//! and one screen, the compiler's exhaustiveness check proves every key has
//! both texts, which no lookup-by-string library gives; and it adds nothing to
//! the wasm. Terms follow the glossary of the domain brief.

use ccplan_engine::scorecard::KpiId;
use ccplan_engine::staffing::{Limit, Targets};
use serde::{Deserialize, Serialize};

use crate::model::fields::{FieldError, Spec};
use crate::model::number::format_plain;
use crate::model::staffing::{ModelChoice, StaffingInputs};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first language from the browser's list (`navigator.languages`).
    pub fn from_browser(languages: &[String]) -> Lang {
        languages
            .iter()
            .find_map(|l| {
                let l = l.to_ascii_lowercase();
                if l.starts_with("zh") {
                    Some(Lang::Zh)
                } else if l.starts_with("en") {
                    Some(Lang::En)
                } else {
                    None
                }
            })
            .unwrap_or_default()
    }

    /// `html lang` attribute value.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    AppSubtitle,
    Language,
    Inputs,
    Volume,
    Aht,
    SlTarget,
    SlSeconds,
    Interval,
    Shrinkage,
    MaxOccupancy,
    Model,
    ErlangC,
    ErlangA,
    Patience,
    CostPerHour,
    Results,
    RequiredAgents,
    ScheduledFte,
    ServiceLevel,
    Asa,
    PWait,
    Abandon,
    Occupancy,
    AgentHours,
    Cost,
    Met,
    NotMet,
    ReverseMode,
    ReverseHelp,
    Agents,
    AgentsOnPhones,
    Load,
    Unstable,
    StaffingCurve,
    StaffingCurveHelp,
    AxisAgents,
    AxisPercent,
    AxisSeconds,
    Target,
    Chosen,
    Intraday,
    IntradayHelp,
    IntradayVolumes,
    IntradayReset,
    AxisTime,
    AxisContacts,
    DayTotals,
    DayVolume,
    DayServiceLevel,
    DayAsa,
    PeakAgents,
    PaidHours,
    DayCost,
    Scenarios,
    ScenarioName,
    SaveAs,
    LoadScenario,
    Rename,
    Duplicate,
    Delete,
    NoScenarios,
    CopyOf,
    SavedScenarios,
    StorageCorrupt,
    StorageUnknownVersion,
    StorageFull,
    StorageUnavailable,
    Dismiss,
    ErrNotNumber,
    ErrRange,
    ErrInterval,
    ErrEngine,
    Computing,
    Currency,
    NoCurrency,
    MaxAsaLine,
    MaxAbandonLine,
    CurveTable,
    FirstMeeting,
    SummaryHiresNeeded,
    SummaryBalance,
    TargetAtMost,
    DayTable,
    UseInterval,
    UseIntervalShort,
    FromInterval,
    WriteBack,
    FixedAgentsLine,
    PageTitle,
    CompareGroupInputs,
    CompareGroupInterval,
    CompareGroupDay,
    CompareGroupPlan,
    Better,
    Worse,
    ComputingDay,
    MaxAsa,
    MaxAbandon,
    DecidedBy,
    EachTargetAlone,
    ErrTooLarge,
    ErrPatienceRatio,
    ErrNameEmpty,
    SlDefinitionC,
    SlDefinitionA,
    Seconds,
    Minutes,
    PerHour,
    Erlangs,
    Intervals,
    Horizon,
    MonthlyVolume,
    Growth,
    Fcr,
    RepeatShare,
    Deflection,
    AhtTrend,
    OpenDays,
    OpenHours,
    PaidHoursPerFte,
    StartHeadcount,
    Attrition,
    Hires,
    HireToRequirement,
    TrainingMonths,
    Ramp,
    ErrRamp,
    Overhead,
    MonthlyBudget,
    FirstMonth,
    Seasonality,
    NavStaffing,
    NavScorecard,
    ScorecardHelp,
    Demand,
    Staff,
    Costs,
    EnteredKpis,
    FteChart,
    ScorecardChart,
    CostChart,
    RequiredFte,
    AvailableFte,
    HiresBars,
    TotalCost,
    CostPerContact,
    AxisMonth,
    AxisFte,
    AxisMoney,
    LiveQueueTitle,
    LiveQueueIntro,
    LiveSpeed,
    LivePlay,
    LivePause,
    LiveReset,
    LiveClock,
    LiveBusy,
    LiveWaiting,
    LiveOffered,
    LiveAbandoned,
    LiveServiceLevel,
    CopyTable,
    TableCopied,
    TableNotCopied,
    ExerciseYourAnswer,
    ExerciseCheck,
    ExerciseRight,
    ExerciseWrong,
    ExerciseUnreadable,
    ExerciseSolution,
    ExercisesTitle,
    ExercisesIntro,
    ExerciseFromLink,
    ExerciseLinkBad,
    ExerciseWrite,
    ExerciseQuestion,
    ExerciseAsked,
    ExerciseMake,
    ExerciseOpen,
    ExerciseCannot,
    ExerciseLoad,
    ExerciseAgents,
    ExerciseServiceLevel,
    ExerciseLines,
    ExerciseFte,
    ExerciseCost,
    Lines,
    MathLines,
    SimTitle,
    SimIntro,
    SimDays,
    SimHours,
    SimRun,
    SimNewSeed,
    SimRunning,
    SimFormula,
    SimMean,
    SimSd,
    SimRange,
    SimChart,
    NavLearn,
    LearnTitle,
    LearnIntro,
    Step1,
    Step1Body,
    Step2,
    Step2Body,
    Step3,
    Step3Body,
    Step3NotYet,
    Step4,
    Step4Body,
    Step5,
    Step5Body,
    Step6,
    Step6Body,
    Step7,
    Step7Body,
    Step7NotYet,
    Step8,
    Step8Body,
    Step9,
    Step9Body,
    LearnYourObjective,
    LearnDayWorkload,
    LearnOnStaffing,
    LearnOnIntraday,
    LearnOnScorecard,
    LearnOnCompare,
    LearnShowMath,
    LearnLinesTraffic,
    LearnLinesNeeded,
    LearnBusy,
    LearnScaleTitle,
    LearnScaleCaption,
    LearnHalfinWhitt,
    LearnScaleBody,
    LearnPoolingApart,
    LearnPoolingTogether,
    LearnPatience,
    LearnCVersusATitle,
    LearnRequiredForSl,
    LearnAt,
    LearnCVersusABody,
    LearnGlossary,
    ShowMath,
    MathSymbols,
    MathRequired,
    MathLoad,
    MathErlangB,
    MathPWait,
    MathSl,
    MathAsa,
    MathOccupancy,
    MathOccupancyA,
    MathFte,
    MathAgentHours,
    MathCost,
    MathErlangA,
    MathErlangASums,
    MathUnstable,
    AxisAgentsFromRequired,
    TargetBand,
    Kpi,
    Perspective,
    Customer,
    Operations,
    Finance,
    People,
    InputMark,
    Green,
    Amber,
    Red,
    Summary,
    SummaryHires,
    SummaryStart,
    SummaryLate,
    SummaryNone,
    SummaryPeak,
    SummaryCpc,
    SummaryCpr,
    SummaryMonthsBelow,
    Example,
    ExampleMark,
    KpiCsat,
    KpiNps,
    KpiCes,
    KpiFcr,
    KpiServiceLevel,
    KpiAnswerRate,
    KpiAbandon,
    KpiAsa,
    KpiOccupancy,
    KpiSelfService,
    KpiRequiredFte,
    KpiAvailableFte,
    KpiCostPerContact,
    KpiCostPerResolved,
    KpiTotalCost,
    KpiAttrition,
    KpiAttendance,
    KpiTrainingCompletion,
    KpiEsat,
    ShareLink,
    ShareUrl,
    ShareHelp,
    Copied,
    LinkTooLong,
    LinkMalformed,
    LinkUnknownVersion,
    LinkInvalid,
    LinkOpened,
    StorageKeptInPlace,
    StorageKeptNotOverwritten,
    StorageWouldNotRead,
    StorageChangedElsewhere,
    StorageCurrentChangedElsewhere,
    NavCompare,
    CompareTitle,
    CompareHelp,
    CompareNeedTwo,
    CompareMax,
    CurrentInputs,
    CompareCurve,
    CompareProjection,
    Difference,
    DayPaidHours,
    PlanHires,
    PlanCostPerContact,
    PlanCostPerResolved,
    PlanPeakFte,
    ErrNameTaken,
    ErrListFull,
    AssumptionMark,
    ErrWhole,
    PreviewTitle,
    PreviewStart,
    PreviewVolume,
    PreviewAht,
    PreviewMore,
    MoreProblemLines,
    RowVolume,
    RowVolumeRange,
    RowAht,
    RowVolumeMissing,
    ApplyGoodLines,
    BadLinesAsZero,
    AppliedWithGaps,
    PreviewChart,
    RowColumns,
    RowTooMany,
    Line,
    LineSuffix,
    NotApplied,
    OpenCsv,
    ExportCsv,
    ExportMonthlyCsv,
    DownloadPng,
    ExportJson,
    ExportOne,
    ImportJson,
    Imported,
    ImportNotScenarios,
    ImportUnknownVersion,
    WhySlBelow100,
    WhyShrinkage,
    WhyFcr,
    StaleResults,
    CommaQuestion,
    CommasInNumbers,
    CommasColumns,
    ImportTooLarge,
    ImportBadScenario,
    ImportListFull,
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::En, AppTitle) => "ccplan",
        (Lang::Zh, AppTitle) => "ccplan",
        (Lang::En, AppSubtitle) => "Contact-centre staffing planner — exact Erlang C and Erlang A",
        (Lang::Zh, AppSubtitle) => "呼叫中心人力规划 — 精确的 Erlang C 与 Erlang A 模型",
        (Lang::En, Language) => "Language",
        (Lang::Zh, Language) => "语言",
        (Lang::En, Inputs) => "Inputs",
        (Lang::Zh, Inputs) => "输入",
        (Lang::En, Volume) => "Contacts per interval",
        (Lang::Zh, Volume) => "每时段来电量",
        (Lang::En, Aht) => "Average handle time (s)",
        (Lang::Zh, Aht) => "平均处理时长（秒）",
        (Lang::En, SlTarget) => "Service-level target (%)",
        (Lang::Zh, SlTarget) => "服务水平目标（%）",
        (Lang::En, SlSeconds) => "Answered within (s)",
        (Lang::Zh, SlSeconds) => "应答时限（秒）",
        (Lang::En, Interval) => "Interval length (min)",
        (Lang::Zh, Interval) => "时段长度（分钟）",
        (Lang::En, Shrinkage) => "Shrinkage (%)",
        (Lang::Zh, Shrinkage) => "缺勤/损耗率（%）",
        (Lang::En, MaxOccupancy) => "Maximum occupancy (%)",
        (Lang::Zh, MaxOccupancy) => "最高坐席占用率（%）",
        (Lang::En, Model) => "Queueing model",
        (Lang::Zh, Model) => "排队模型",
        (Lang::En, ErlangC) => "Erlang C (callers wait)",
        (Lang::Zh, ErlangC) => "Erlang C（来电者一直等待）",
        (Lang::En, ErlangA) => "Erlang A (callers abandon)",
        (Lang::Zh, ErlangA) => "Erlang A（来电者会放弃）",
        (Lang::En, Patience) => "Mean patience (s)",
        (Lang::Zh, Patience) => "平均耐心时长（秒）",
        (Lang::En, CostPerHour) => "Cost per paid agent-hour",
        (Lang::Zh, CostPerHour) => "每付薪坐席小时成本",
        (Lang::En, Results) => "Results",
        (Lang::Zh, Results) => "结果",
        (Lang::En, RequiredAgents) => "Required agents",
        (Lang::Zh, RequiredAgents) => "所需坐席",
        (Lang::En, ScheduledFte) => "Scheduled FTE (after shrinkage)",
        (Lang::Zh, ScheduledFte) => "排班全职人力当量（含损耗）",
        (Lang::En, ServiceLevel) => "Service level",
        (Lang::Zh, ServiceLevel) => "服务水平",
        (Lang::En, Asa) => "Average speed of answer",
        (Lang::Zh, Asa) => "平均应答速度",
        (Lang::En, PWait) => "Probability of waiting",
        (Lang::Zh, PWait) => "等待概率",
        (Lang::En, Abandon) => "Abandon rate",
        (Lang::Zh, Abandon) => "放弃率",
        (Lang::En, Occupancy) => "Occupancy",
        (Lang::Zh, Occupancy) => "坐席占用率",
        (Lang::En, AgentHours) => "Agent-hours (on the phones)",
        (Lang::Zh, AgentHours) => "坐席小时（在线）",
        (Lang::En, Cost) => "Cost of the interval",
        (Lang::Zh, Cost) => "本时段成本",
        (Lang::En, Met) => "✓ target met",
        (Lang::Zh, Met) => "✓ 达标",
        (Lang::En, NotMet) => "✗ target not met",
        (Lang::Zh, NotMet) => "✗ 未达标",
        (Lang::En, ReverseMode) => "Fix the number of agents (reverse mode)",
        (Lang::Zh, ReverseMode) => "固定坐席数（反向计算）",
        (Lang::En, ReverseHelp) => "See what a given number of agents achieves.",
        (Lang::Zh, ReverseHelp) => "查看给定坐席数能达到的指标。",
        (Lang::En, Agents) => "Agents",
        (Lang::Zh, Agents) => "坐席数",
        (Lang::En, AgentsOnPhones) => "Agents on the phones",
        (Lang::Zh, AgentsOnPhones) => "在线坐席",
        (Lang::En, Load) => "Offered load",
        (Lang::Zh, Load) => "话务量",
        (Lang::En, Unstable) => "Too few agents: the queue grows without limit (agents ≤ offered load).",
        (Lang::Zh, Unstable) => "坐席不足：队列将无限增长（坐席数 ≤ 话务量）。",
        (Lang::En, StaffingCurve) => "Staffing curve",
        (Lang::Zh, StaffingCurve) => "人力曲线",
        (Lang::En, StaffingCurveHelp) => "Service level, abandonment and ASA for each number of agents around the requirement.",
        (Lang::Zh, StaffingCurveHelp) => "所需坐席附近每个坐席数对应的服务水平、放弃率与平均应答速度。",
        (Lang::En, AxisAgents) => "Agents",
        (Lang::Zh, AxisAgents) => "坐席数",
        (Lang::En, AxisPercent) => "Percent (%)",
        (Lang::Zh, AxisPercent) => "百分比（%）",
        (Lang::En, AxisSeconds) => "ASA (s)",
        (Lang::Zh, AxisSeconds) => "平均应答速度（秒）",
        (Lang::En, Target) => "Target",
        (Lang::Zh, Target) => "目标",
        (Lang::En, Chosen) => "Chosen",
        (Lang::Zh, Chosen) => "当前",
        (Lang::En, Intraday) => "Intraday requirement",
        (Lang::Zh, Intraday) => "日内人力需求",
        (Lang::En, IntradayHelp) => "Contacts per interval for one day. Type or paste a column of numbers copied from a spreadsheet, one per interval.",
        (Lang::Zh, IntradayHelp) => "一天中每个时段的来电量。可输入或粘贴从电子表格复制的一列数字，每个时段一个。",
        (Lang::En, IntradayVolumes) => "Volumes per interval",
        (Lang::Zh, IntradayVolumes) => "各时段来电量",
        (Lang::En, IntradayReset) => "Typical weekday",
        (Lang::Zh, IntradayReset) => "典型工作日",
        (Lang::En, AxisTime) => "Interval start",
        (Lang::Zh, AxisTime) => "时段开始",
        (Lang::En, AxisContacts) => "Contacts",
        (Lang::Zh, AxisContacts) => "来电量",
        (Lang::En, DayTotals) => "Day totals",
        (Lang::Zh, DayTotals) => "全天合计",
        (Lang::En, DayVolume) => "Contacts",
        (Lang::Zh, DayVolume) => "来电量",
        (Lang::En, DayServiceLevel) => "Service level (volume-weighted)",
        (Lang::Zh, DayServiceLevel) => "服务水平（按来电量加权）",
        (Lang::En, DayAsa) => "ASA (answered calls)",
        (Lang::Zh, DayAsa) => "平均应答速度（已接通来电）",
        (Lang::En, PeakAgents) => "Peak agents",
        (Lang::Zh, PeakAgents) => "峰值坐席",
        (Lang::En, PaidHours) => "Paid hours",
        (Lang::Zh, PaidHours) => "付薪小时",
        (Lang::En, DayCost) => "Cost of the day",
        (Lang::Zh, DayCost) => "全天成本",
        (Lang::En, Scenarios) => "Scenarios",
        (Lang::Zh, Scenarios) => "方案",
        (Lang::En, ScenarioName) => "Scenario name",
        (Lang::Zh, ScenarioName) => "方案名称",
        (Lang::En, SaveAs) => "Save as",
        (Lang::Zh, SaveAs) => "另存为",
        (Lang::En, LoadScenario) => "Load",
        (Lang::Zh, LoadScenario) => "载入",
        (Lang::En, Rename) => "Rename",
        (Lang::Zh, Rename) => "重命名",
        (Lang::En, Duplicate) => "Duplicate",
        (Lang::Zh, Duplicate) => "复制",
        (Lang::En, Delete) => "Delete",
        (Lang::Zh, Delete) => "删除",
        (Lang::En, NoScenarios) => "No saved scenarios yet.",
        (Lang::Zh, NoScenarios) => "尚无已保存的方案。",
        (Lang::En, CopyOf) => "copy",
        (Lang::Zh, CopyOf) => "副本",
        (Lang::En, SavedScenarios) => "Saved scenarios",
        (Lang::Zh, SavedScenarios) => "已保存的方案",
        (Lang::En, StorageCorrupt) => "Saved data in this browser could not be read. It was kept under a backup key and the app started from defaults.",
        (Lang::Zh, StorageCorrupt) => "无法读取本浏览器中保存的数据。原始数据已备份，应用已使用默认值启动。",
        (Lang::En, StorageUnknownVersion) => "Saved data comes from a newer version of ccplan. It was kept under a backup key and the app started from defaults.",
        (Lang::Zh, StorageUnknownVersion) => "保存的数据来自更新版本的 ccplan。原始数据已备份，应用已使用默认值启动。",
        (Lang::En, StorageFull) => "Could not save: the browser's storage is full. What is on screen is kept; free some space or delete scenarios.",
        (Lang::Zh, StorageFull) => "无法保存：浏览器存储空间已满。屏幕上的内容仍保留；请释放空间或删除方案。",
        (Lang::En, StorageUnavailable) => "This browser does not allow saving (storage is disabled). Changes will not survive a reload.",
        (Lang::Zh, StorageUnavailable) => "此浏览器不允许保存（存储已禁用）。刷新后更改将丢失。",
        (Lang::En, Dismiss) => "Dismiss",
        (Lang::Zh, Dismiss) => "关闭",
        (Lang::En, WhySlBelow100) => "A target of 100 % can never be met: with random arrivals some callers always wait, however many agents there are.",
        (Lang::Zh, WhySlBelow100) => "100 % 的目标永远无法达到：来电随机到达，无论有多少座席，总有客户需要等待。",
        (Lang::En, WhyShrinkage) => "At 90 % or more almost no paid time is left on the phones.",
        (Lang::Zh, WhyShrinkage) => "达到 90 % 及以上时，几乎没有带薪时间用于接听。",
        (Lang::En, WhyFcr) => "Below 1 % almost every contact comes back, and the repeats never end.",
        (Lang::Zh, WhyFcr) => "低于 1 % 时几乎每个联系都会再次来电，重复来电无穷无尽。",
        (Lang::En, StaleResults) => "The results below do not reflect the highlighted field: they use its last valid value. Fix the field, or press Esc in it to put that value back.",
        (Lang::Zh, StaleResults) => "以下结果未反映高亮字段：仍使用其上一个有效值。请修正该字段，或在其中按 Esc 恢复该值。",
        (Lang::En, CommaQuestion) => "Every line reads two ways. What do the commas mean?",
        (Lang::Zh, CommaQuestion) => "每一行都有两种读法。逗号表示什么？",
        (Lang::En, CommasInNumbers) => "Part of the numbers (1,062 = one thousand and sixty-two; 32,5 = 32.5)",
        (Lang::Zh, CommasInNumbers) => "数字的一部分（1,062 = 一千零六十二；32,5 = 32.5）",
        (Lang::En, CommasColumns) => "Between columns (volume, AHT)",
        (Lang::Zh, CommasColumns) => "列分隔符（量，平均处理时长）",
        (Lang::En, ErrNotNumber) => "Enter a number.",
        (Lang::Zh, ErrNotNumber) => "请输入数字。",
        (Lang::En, ErrRange) => "Out of range:",
        (Lang::Zh, ErrRange) => "超出范围：",
        (Lang::En, ErrInterval) => "Choose 15, 30 or 60 minutes.",
        (Lang::Zh, ErrInterval) => "请选择 15、30 或 60 分钟。",
        (Lang::En, MaxAsa) => "Maximum ASA (s; 0 = no target)",
        (Lang::Zh, MaxAsa) => "平均应答速度上限（秒；0 = 不设）",
        (Lang::En, MaxAbandon) => "Maximum abandonment (%; 0 = no target)",
        (Lang::Zh, MaxAbandon) => "放弃率上限（%；0 = 不设）",
        (Lang::En, DecidedBy) => "Decided by: ",
        (Lang::Zh, DecidedBy) => "决定因素：",
        (Lang::En, EachTargetAlone) => "Each target alone needs:",
        (Lang::Zh, EachTargetAlone) => "各目标单独所需：",
        (Lang::En, ComputingDay) => "Planning the day in the background…",
        (Lang::Zh, ComputingDay) => "正在后台计算全天需求…",
        (Lang::En, CompareGroupInputs) => "Inputs",
        (Lang::Zh, CompareGroupInputs) => "输入",
        (Lang::En, CompareGroupInterval) => "One interval",
        (Lang::Zh, CompareGroupInterval) => "单个时段",
        (Lang::En, CompareGroupDay) => "The day",
        (Lang::Zh, CompareGroupDay) => "全天",
        (Lang::En, CompareGroupPlan) => "The plan (months)",
        (Lang::Zh, CompareGroupPlan) => "规划期（按月）",
        (Lang::En, Better) => "better",
        (Lang::Zh, Better) => "更好",
        (Lang::En, Worse) => "worse",
        (Lang::Zh, Worse) => "更差",
        (Lang::En, PageTitle) => "ccplan — contact-centre staffing planner",
        (Lang::Zh, PageTitle) => "ccplan — 呼叫中心人力规划",
        (Lang::En, FixedAgentsLine) => "Agents (fixed, reverse mode)",
        (Lang::Zh, FixedAgentsLine) => "坐席（固定，反向模式）",
        (Lang::En, DayTable) => "The day as a table",
        (Lang::Zh, DayTable) => "全天明细表",
        (Lang::En, UseInterval) => "Load into the calculator: interval",
        (Lang::Zh, UseInterval) => "载入上方计算：时段",
        (Lang::En, UseIntervalShort) => "Calculate",
        (Lang::Zh, UseIntervalShort) => "计算此时段",
        (Lang::En, FromInterval) => "Contacts from the day's interval at",
        (Lang::Zh, FromInterval) => "来电量取自全天时段",
        (Lang::En, WriteBack) => "Write back to the day at",
        (Lang::Zh, WriteBack) => "写回全天时段",
        (Lang::En, SummaryHiresNeeded) => "hiring to the requirement would need",
        (Lang::Zh, SummaryHiresNeeded) => "按需求招聘则需",
        (Lang::En, SummaryBalance) => "Staff against the requirement",
        (Lang::Zh, SummaryBalance) => "人力与需求对比",
        (Lang::En, TargetAtMost) => "target ≤",
        (Lang::Zh, TargetAtMost) => "目标 ≤",
        (Lang::En, CurveTable) => "The curve as a table (agents table)",
        (Lang::Zh, CurveTable) => "曲线明细表（坐席数对照表）",
        (Lang::En, FirstMeeting) => "first to meet",
        (Lang::Zh, FirstMeeting) => "首个达到",
        (Lang::En, MaxAsaLine) => "Max ASA",
        (Lang::Zh, MaxAsaLine) => "应答速度上限",
        (Lang::En, MaxAbandonLine) => "Max abandonment",
        (Lang::Zh, MaxAbandonLine) => "放弃率上限",
        (Lang::En, Currency) => "Currency",
        (Lang::Zh, Currency) => "货币",
        (Lang::En, NoCurrency) => "none",
        (Lang::Zh, NoCurrency) => "无",
        (Lang::En, Computing) => "Computing the plan…",
        (Lang::Zh, Computing) => "正在计算规划…",
        (Lang::En, ErrEngine) => "These inputs cannot be calculated.",
        (Lang::Zh, ErrEngine) => "无法计算这些输入。",
        (Lang::En, ErrTooLarge) => "These inputs are beyond what ccplan calculates: at most 100 000 Erlangs of offered load and 200 000 agents.",
        (Lang::Zh, ErrTooLarge) => "这些输入超出了 ccplan 的计算范围：话务量最多 100 000 爱尔兰，坐席最多 200 000 个。",
        (Lang::En, ErrPatienceRatio) => "Mean patience must be between a millionth and a million million times the handle time.",
        (Lang::Zh, ErrPatienceRatio) => "平均耐心时长须在处理时长的百万分之一到一万亿倍之间。",
        (Lang::En, ErrNameEmpty) => "Give the scenario a name.",
        (Lang::Zh, ErrNameEmpty) => "请为方案命名。",
        (Lang::En, SlDefinitionC) => "answered within the threshold",
        (Lang::Zh, SlDefinitionC) => "在时限内接通",
        (Lang::En, SlDefinitionA) => "answered within the threshold, over all offered calls",
        (Lang::Zh, SlDefinitionA) => "在时限内接通占全部来电的比例",
        (Lang::En, Seconds) => "s",
        (Lang::Zh, Seconds) => "秒",
        (Lang::En, Minutes) => "min",
        (Lang::Zh, Minutes) => "分钟",
        (Lang::En, PerHour) => "h",
        (Lang::Zh, PerHour) => "小时",
        (Lang::En, Erlangs) => "Erlangs",
        (Lang::Zh, Erlangs) => "爱尔兰",
        (Lang::En, Intervals) => "intervals",
        (Lang::Zh, Intervals) => "个时段",
        (Lang::En, Horizon) => "Horizon (months)",
        (Lang::Zh, Horizon) => "规划期（月）",
        (Lang::En, MonthlyVolume) => "New contacts per month",
        (Lang::Zh, MonthlyVolume) => "每月新来电量",
        (Lang::En, Growth) => "Volume growth (% per month)",
        (Lang::Zh, Growth) => "来电量增长（%/月）",
        (Lang::En, Fcr) => "First contact resolution (%)",
        (Lang::Zh, Fcr) => "首次呼叫解决率（%）",
        (Lang::En, RepeatShare) => "Unresolved contacts that call again (%)",
        (Lang::Zh, RepeatShare) => "未解决来电的重复来电比例（%）",
        (Lang::En, Deflection) => "Self-service / deflection (%)",
        (Lang::Zh, Deflection) => "自助服务率（%）",
        (Lang::En, AhtTrend) => "AHT trend (% per month)",
        (Lang::Zh, AhtTrend) => "平均处理时长趋势（%/月）",
        (Lang::En, OpenDays) => "Open days per month",
        (Lang::Zh, OpenDays) => "每月营业天数",
        (Lang::En, OpenHours) => "Open hours per day",
        (Lang::Zh, OpenHours) => "每日营业小时",
        (Lang::En, PaidHoursPerFte) => "Paid hours per FTE per month",
        (Lang::Zh, PaidHoursPerFte) => "每全职人力每月付薪小时",
        (Lang::En, StartHeadcount) => "Starting headcount",
        (Lang::Zh, StartHeadcount) => "期初人数",
        (Lang::En, Attrition) => "Attrition (% per month)",
        (Lang::Zh, Attrition) => "离职率（%/月）",
        (Lang::En, Hires) => "Hires per month",
        (Lang::Zh, Hires) => "每月招聘人数",
        (Lang::En, HireToRequirement) => "Hire to requirement",
        (Lang::Zh, HireToRequirement) => "按需求招聘",
        (Lang::En, TrainingMonths) => "Training (months, not productive)",
        (Lang::Zh, TrainingMonths) => "培训期（月，不产出）",
        (Lang::En, Ramp) => "New-hire AHT multiplier by month (e.g. 1.3, 1.15, 1.05)",
        (Lang::Zh, Ramp) => "新员工各月处理时长倍数（如 1.3, 1.15, 1.05）",
        (Lang::En, ErrRamp) => "Enter numbers from 1 to 5, separated by commas.",
        (Lang::Zh, ErrRamp) => "请输入 1 到 5 之间的数字，用逗号分隔。",
        (Lang::En, Overhead) => "Overhead (%)",
        (Lang::Zh, Overhead) => "管理费用（%）",
        (Lang::En, MonthlyBudget) => "Monthly budget (0 = none)",
        (Lang::Zh, MonthlyBudget) => "月度预算（0 = 无）",
        (Lang::En, FirstMonth) => "First month",
        (Lang::Zh, FirstMonth) => "起始月份",
        (Lang::En, Seasonality) => "Seasonality index by month",
        (Lang::Zh, Seasonality) => "各月季节指数",
        (Lang::En, NavStaffing) => "Staffing",
        (Lang::Zh, NavStaffing) => "人力需求",
        (Lang::En, NavScorecard) => "Scorecard",
        (Lang::Zh, NavScorecard) => "平衡记分卡",
        (Lang::En, ScorecardHelp) => "Month-by-month projection from the same exact engine. AHT, service-level target, shrinkage, model, cost and the intraday profile come from the staffing page.",
        (Lang::Zh, ScorecardHelp) => "使用同一精确引擎逐月预测。平均处理时长、服务水平目标、缺勤率、模型、成本和日内分布取自人力需求页面。",
        (Lang::En, Demand) => "Demand",
        (Lang::Zh, Demand) => "需求",
        (Lang::En, Staff) => "Staff",
        (Lang::Zh, Staff) => "人员",
        (Lang::En, Costs) => "Costs",
        (Lang::Zh, Costs) => "成本",
        (Lang::En, EnteredKpis) => "Entered KPIs (not computed)",
        (Lang::Zh, EnteredKpis) => "录入指标（非计算）",
        (Lang::En, FteChart) => "Required vs available FTE",
        (Lang::Zh, FteChart) => "所需与可用全职人力当量",
        (Lang::En, ScorecardChart) => "Projected service level and abandonment",
        (Lang::Zh, ScorecardChart) => "预计服务水平与放弃率",
        (Lang::En, CostChart) => "Total cost and cost per contact",
        (Lang::Zh, CostChart) => "总成本与单位服务成本",
        (Lang::En, RequiredFte) => "Required FTE",
        (Lang::Zh, RequiredFte) => "所需全职人力当量",
        (Lang::En, AvailableFte) => "Available FTE",
        (Lang::Zh, AvailableFte) => "可用全职人力当量",
        (Lang::En, HiresBars) => "Hires",
        (Lang::Zh, HiresBars) => "招聘",
        (Lang::En, TotalCost) => "Total cost",
        (Lang::Zh, TotalCost) => "总成本",
        (Lang::En, CostPerContact) => "Cost per contact",
        (Lang::Zh, CostPerContact) => "单位服务成本",
        (Lang::En, AxisMonth) => "Month",
        (Lang::Zh, AxisMonth) => "月份",
        (Lang::En, AxisFte) => "FTE",
        (Lang::Zh, AxisFte) => "全职人力当量",
        (Lang::En, AxisAgentsFromRequired) => "Agents above (+) or below (−) each scenario's requirement",
        (Lang::Zh, AxisAgentsFromRequired) => "相对各方案所需坐席的增减（+/−）",
        (Lang::En, ShowMath) => "Show the math",
        (Lang::Zh, ShowMath) => "显示计算过程",
        (Lang::En, MathSymbols) => "λ: contacts in the interval · AHT: average handle time (s) · t: interval length (s) · A: offered load (Erlangs) · N: agents · T: the service-level threshold (s) · s: shrinkage",
        (Lang::Zh, MathSymbols) => "λ：本时段来电量 · AHT：平均处理时长（秒）· t：时段长度（秒）· A：话务量（爱尔兰）· N：坐席数 · T：服务水平的时限（秒）· s：缺勤率",
        (Lang::En, MathRequired) => "The figures are for N agents: the smallest number meeting every target (see “Decided by”), or the number fixed in reverse mode —",
        (Lang::Zh, MathRequired) => "以下数字针对 N 名坐席：满足全部目标的最少人数（见“决定因素”），或反向模式中固定的人数 —",
        (Lang::En, MathLoad) => "Offered load: contacts × handle time over the interval",
        (Lang::Zh, MathLoad) => "话务量：来电量 × 处理时长 ÷ 时段长度",
        (Lang::En, MathErlangB) => "Erlang B (all lines busy), by its recursion: exact, never with factorials",
        (Lang::Zh, MathErlangB) => "Erlang B（全忙概率）的递推：精确，不用阶乘",
        (Lang::En, MathPWait) => "Probability that a caller waits (the Erlang C formula)",
        (Lang::Zh, MathPWait) => "来电需要等待的概率（Erlang C 公式）",
        (Lang::En, MathSl) => "Service level: the share answered within T seconds",
        (Lang::Zh, MathSl) => "服务水平：T 秒内接通的比例",
        (Lang::En, MathAsa) => "Average speed of answer",
        (Lang::Zh, MathAsa) => "平均应答速度",
        (Lang::En, MathOccupancy) => "Occupancy: the share of agents' time spent on contacts",
        (Lang::Zh, MathOccupancy) => "占用率：坐席时间中处理来电的比例",
        (Lang::En, MathOccupancyA) => "Occupancy: the load actually carried (abandoned calls are not handled) over the agents",
        (Lang::Zh, MathOccupancyA) => "占用率：实际承载的话务量（放弃的来电不处理）÷ 坐席数",
        (Lang::En, MathFte) => "Scheduled FTE: agents grossed up for shrinkage",
        (Lang::Zh, MathFte) => "排班人数：按缺勤率放大的坐席数",
        (Lang::En, MathAgentHours) => "Agent-hours on the phones in the interval",
        (Lang::Zh, MathAgentHours) => "本时段在线坐席小时",
        (Lang::En, MathCost) => "Cost of the interval: paid hours × the loaded hourly cost",
        (Lang::Zh, MathCost) => "本时段成本：付薪小时 × 每小时综合成本",
        (Lang::En, MathErlangA) => "Erlang A (M/M/N+M) adds callers who hang up when their patience runs out; patience is exponential with mean",
        (Lang::Zh, MathErlangA) => "Erlang A（M/M/N+M）考虑来电者耐心耗尽后挂断；耐心服从指数分布，均值为",
        (Lang::En, MathErlangASums) => ". Its probability of waiting, service level, ASA and abandonment have no closed form: ccplan sums the queue's states exactly (Garnett, Mandelbaum & Reiman, 2002; Mandelbaum & Zeltyn). With callers abandoning, fewer wait and those who wait are answered sooner, so Erlang C, which ignores abandonment, understates the service level; Erlang C is Erlang A's limit as patience grows without end.",
        (Lang::Zh, MathErlangASums) => "。其等待概率、服务水平、平均应答速度和放弃率没有封闭公式：ccplan 对排队状态精确求和（Garnett、Mandelbaum 与 Reiman，2002；Mandelbaum 与 Zeltyn）。有人放弃时，等待的人更少、等待者更快接通，因此忽略放弃的 Erlang C 会低估服务水平；耐心无限增大时 Erlang A 趋于 Erlang C。",
        (Lang::En, MathUnstable) => "N ≤ A: the agents cannot keep up, and Erlang C's queue grows without end; there is no service level to compute.",
        (Lang::Zh, MathUnstable) => "N ≤ A：坐席处理不过来，Erlang C 的队列无限增长，无法计算服务水平。",
        (Lang::En, NavLearn) => "Learn",
        (Lang::Zh, NavLearn) => "学习",
        (Lang::En, LearnTitle) => "Learn: the nine steps of resource planning",
        (Lang::Zh, LearnTitle) => "学习：人力资源规划九步曲",
        (Lang::En, LearnIntro) => "The classic method of contact-centre workforce planning, step by step, with this scenario's own numbers. Change an input on the staffing page and the numbers here change with it.",
        (Lang::Zh, LearnIntro) => "呼叫中心人力规划的经典方法，逐步讲解，并使用本方案的实际数字。在人力需求页面修改输入，这里的数字随之变化。",
        (Lang::En, Step1) => "1. Choose a service-level objective",
        (Lang::Zh, Step1) => "1. 确定服务水平目标",
        (Lang::En, Step1Body) => "Decide what service means: the share of contacts answered within a time (80 % within 20 s is common, not a standard), and the caps you will not exceed — occupancy, average speed of answer, abandonment. Higher targets cost more agents.",
        (Lang::Zh, Step1Body) => "确定服务的含义：在一定时间内接通的比例（80/20 常见，但并非行业标准），以及不可超过的上限——占用率、平均应答速度、放弃率。目标越高，所需坐席越多。",
        (Lang::En, Step2) => "2. Collect the data",
        (Lang::Zh, Step2) => "2. 收集数据",
        (Lang::En, Step2Body) => "Contacts per interval (first calls, repeats and redials all count) and the average handle time: talk, hold and after-call work. Also how much of paid time agents are really available (for shrinkage).",
        (Lang::Zh, Step2Body) => "每个时段的来电量（首次来电、重复来电和重拨都计入）以及平均处理时长：通话、保持和话后处理。还要了解坐席付薪时间中真正可用的比例（用于缺勤率）。",
        (Lang::En, Step3) => "3. Forecast the workload",
        (Lang::Zh, Step3) => "3. 预测工作量",
        (Lang::En, Step3Body) => "Workload is contacts × handle time, interval by interval, adjusted for known events: growth, campaigns, launches, price or policy changes.",
        (Lang::Zh, Step3Body) => "工作量 = 来电量 × 处理时长，按时段计算，并根据已知事件调整：客户增长、营销活动、新品上市、价格或政策变化。",
        (Lang::En, Step3NotYet) => "Not in ccplan yet: a forecast from history. Type or paste the forecast volumes on the staffing page.",
        (Lang::Zh, Step3NotYet) => "ccplan 尚不能根据历史数据预测。请在人力需求页面输入或粘贴预测来电量。",
        (Lang::En, Step4) => "4. Calculate the base staff",
        (Lang::Zh, Step4) => "4. 计算基本人力",
        (Lang::En, Step4Body) => "A queueing model turns each interval's load into agents: Erlang C when callers wait as long as needed, Erlang A when they hang up. The requirement is the smallest number of agents meeting every target.",
        (Lang::Zh, Step4Body) => "排队模型把每个时段的话务量换算为坐席数：来电者一直等待时用 Erlang C，会挂断时用 Erlang A。需求是满足全部目标的最少坐席数。",
        (Lang::En, Step5) => "5. Calculate the trunks (lines)",
        (Lang::Zh, Step5) => "5. 计算中继线",
        (Lang::En, Step5Body) => "Callers hold a line while they talk and while they wait in the queue, so lines carry more load than agents. Erlang B gives the lines for which few callers hear a busy signal.",
        (Lang::Zh, Step5Body) => "来电者在通话和排队等待时都占用线路，所以线路承载的话务量大于坐席。Erlang B 给出使很少来电者听到忙音所需的线路数。",
        (Lang::En, Step6) => "6. Add shrinkage",
        (Lang::Zh, Step6) => "6. 计算缺勤率（排班系数）",
        (Lang::En, Step6Body) => "Agents are not on the phones all the time they are paid: breaks, meetings, training, absence and leave. Scheduled staff = base staff / (1 − shrinkage).",
        (Lang::Zh, Step6Body) => "坐席并非在全部付薪时间都在线：休息、会议、培训、缺勤和休假。排班人数 = 基本人力 ÷ (1 − 缺勤率)。",
        (Lang::En, Step7) => "7. Organise the schedules",
        (Lang::Zh, Step7) => "7. 安排班次",
        (Lang::En, Step7Body) => "Shifts whose coverage follows the intraday requirement, interval by interval, with breaks placed where the load allows.",
        (Lang::Zh, Step7Body) => "班次的覆盖应逐时段贴合日内人力需求，并把休息安排在话务允许的时段。",
        (Lang::En, Step7NotYet) => "Not in ccplan yet: building shifts. The intraday requirement below the staffing page is what shifts must cover.",
        (Lang::Zh, Step7NotYet) => "ccplan 尚不能生成班次。人力需求页面下方的日内需求就是班次需要覆盖的内容。",
        (Lang::En, Step8) => "8. Calculate the costs",
        (Lang::Zh, Step8) => "8. 计算成本",
        (Lang::En, Step8Body) => "Paid agent-hours times the loaded hourly cost, and the cost per contact, month by month in the capacity plan.",
        (Lang::Zh, Step8Body) => "付薪坐席小时 × 每小时综合成本，以及单位服务成本，在容量规划中逐月计算。",
        (Lang::En, Step9) => "9. Repeat and monitor",
        (Lang::Zh, Step9) => "9. 重复并监控",
        (Lang::En, Step9Body) => "Repeat for each group and channel, compare the plan with what happened, and try what-ifs side by side before deciding.",
        (Lang::Zh, Step9Body) => "对每个组和渠道重复以上步骤，比较计划与实际，并在决策前并排比较各种假设方案。",
        (Lang::En, LearnYourObjective) => "This scenario",
        (Lang::Zh, LearnYourObjective) => "本方案",
        (Lang::En, LearnDayWorkload) => "The day's workload",
        (Lang::Zh, LearnDayWorkload) => "当日工作量",
        (Lang::En, LearnOnStaffing) => "Where: the staffing page",
        (Lang::Zh, LearnOnStaffing) => "位置：人力需求页面",
        (Lang::En, LearnOnIntraday) => "Where: the intraday requirement",
        (Lang::Zh, LearnOnIntraday) => "位置：日内人力需求",
        (Lang::En, LearnOnScorecard) => "Where: the scorecard page",
        (Lang::Zh, LearnOnScorecard) => "位置：平衡记分卡页面",
        (Lang::En, LearnOnCompare) => "Where: the compare page",
        (Lang::Zh, LearnOnCompare) => "位置：方案比较页面",
        (Lang::En, LearnShowMath) => "Where: the staffing page, “Show the math”",
        (Lang::Zh, LearnShowMath) => "位置：人力需求页面的“显示计算过程”",
        (Lang::En, LearnLinesTraffic) => "Load on the lines (talking and waiting)",
        (Lang::Zh, LearnLinesTraffic) => "线路承载的话务量（通话与等待）",
        (Lang::En, LearnLinesNeeded) => "Lines",
        (Lang::Zh, LearnLinesNeeded) => "线路数",
        (Lang::En, LearnBusy) => "busy signals",
        (Lang::Zh, LearnBusy) => "忙音",
        (Lang::En, LearnScaleTitle) => "Economies of scale and square-root staffing",
        (Lang::Zh, LearnScaleTitle) => "规模经济与平方根人力配置",
        (Lang::En, LearnScaleCaption) => "Agents needed as the load A grows, for the service-level target alone; β = (N − A)/√A",
        (Lang::Zh, LearnScaleCaption) => "随话务量 A 增长所需坐席（仅服务水平目标）；β = (N − A)/√A",
        (Lang::En, LearnHalfinWhitt) => "P(wait), Halfin–Whitt limit",
        (Lang::Zh, LearnHalfinWhitt) => "等待概率（Halfin–Whitt 极限）",
        (Lang::En, LearnScaleBody) => "Big centres run hotter at the same service level: the safety margin above the load grows only like √A, so N ≈ A + β·√A (square-root staffing) and occupancy rises towards 100 %. With a fixed β the chance of waiting tends to the Halfin–Whitt limit [1 + β·Φ(β)/φ(β)]⁻¹ (β = 1: 0.2234). The other side: a big centre one agent short at the peak loses service fast.",
        (Lang::Zh, LearnScaleBody) => "在相同服务水平下，大型中心的占用率更高：高于话务量的安全余量只按 √A 增长，因此 N ≈ A + β·√A（平方根人力配置），占用率趋近 100 %。β 固定时，等待概率趋于 Halfin–Whitt 极限 [1 + β·Φ(β)/φ(β)]⁻¹（β = 1 时为 0.2234）。反过来：大型中心在高峰时少一名坐席，服务水平会迅速下降。",
        (Lang::En, LearnPoolingApart) => "Pooling: ten queues of 10 Erlangs staffed apart need",
        (Lang::Zh, LearnPoolingApart) => "合并队列：十个 10 爱尔兰的队列分开配置需要",
        (Lang::En, LearnPoolingTogether) => "pooled into one",
        (Lang::Zh, LearnPoolingTogether) => "合并为一个队列需要",
        (Lang::En, LearnPatience) => "patience",
        (Lang::Zh, LearnPatience) => "耐心",
        (Lang::En, LearnCVersusATitle) => "Erlang C beside Erlang A",
        (Lang::Zh, LearnCVersusATitle) => "Erlang C 与 Erlang A 对比",
        (Lang::En, LearnRequiredForSl) => "Agents for the service-level target",
        (Lang::Zh, LearnRequiredForSl) => "满足服务水平目标的坐席数",
        (Lang::En, LearnAt) => "at",
        (Lang::Zh, LearnAt) => "在",
        (Lang::En, LearnCVersusABody) => "When callers hang up, fewer wait and those who stay are answered sooner: for the same agents Erlang A shows a higher service level and a shorter ASA than Erlang C, and needs fewer agents. Erlang C, which ignores abandonment, understates the service level — but the abandoned callers are customers not served.",
        (Lang::Zh, LearnCVersusABody) => "来电者挂断时，等待的人更少，留下的人更快接通：坐席数相同时，Erlang A 的服务水平更高、平均应答速度更短，所需坐席也更少。忽略放弃的 Erlang C 会低估服务水平——但放弃的来电者是没有得到服务的客户。",
        (Lang::En, LearnGlossary) => "Glossary",
        (Lang::Zh, LearnGlossary) => "术语表",
        (Lang::En, SimTitle) => "Simulated days beside the formula",
        (Lang::Zh, SimTitle) => "模拟多日与公式对比",
        (Lang::En, SimIntro) => "The formula gives the long-run average. A real day is one draw: calls arrive at random and handle times vary. Here the current interval's load, handle time and agents are held for whole days and a queue is simulated call by call (seeded, so a class sees the same days); each dot is one day's service level, the line the formula's.",
        (Lang::Zh, SimIntro) => "公式给出的是长期平均值。真实的一天只是一次抽样：来电随机到达，处理时长各不相同。这里把当前时段的话务量、处理时长和坐席数保持一整天，逐个来电模拟排队（有固定种子，全班看到的是相同的日子）；每个点是一天的服务水平，横线是公式的值。",
        (Lang::En, SimDays) => "Days",
        (Lang::Zh, SimDays) => "天数",
        (Lang::En, SimHours) => "Hours a day",
        (Lang::Zh, SimHours) => "每天小时数",
        (Lang::En, SimRun) => "Simulate",
        (Lang::Zh, SimRun) => "开始模拟",
        (Lang::En, SimNewSeed) => "New seed",
        (Lang::Zh, SimNewSeed) => "换一个种子",
        (Lang::En, SimRunning) => "Simulating in the background…",
        (Lang::Zh, SimRunning) => "正在后台模拟…",
        (Lang::En, SimFormula) => "Formula",
        (Lang::Zh, SimFormula) => "公式",
        (Lang::En, SimMean) => "Mean of the days",
        (Lang::Zh, SimMean) => "各日平均",
        (Lang::En, SimSd) => "Day-to-day spread (sd)",
        (Lang::Zh, SimSd) => "日间波动（标准差）",
        (Lang::En, SimRange) => "Lowest – highest day",
        (Lang::Zh, SimRange) => "最低 – 最高",
        (Lang::En, SimChart) => "Each day's service level (dots) and the formula's (line)",
        (Lang::Zh, SimChart) => "每天的服务水平（点）与公式值（线）",
        (Lang::En, Lines) => "Lines (trunks, ≤ 1 % busy)",
        (Lang::Zh, Lines) => "中继线（忙音 ≤ 1 %）",
        (Lang::En, MathLines) => "Lines: the fewest for which Erlang B gives at most 1 % busy signals, carrying the calls talking (A) and waiting (Lq, by Little's law)",
        (Lang::Zh, MathLines) => "线路数：Erlang B 下忙音不超过 1 % 的最少线路，承载通话中（A）和等待中（Lq，由 Little 定律）的来电",
        (Lang::En, ExerciseLoad) => "A queue gets 100 calls in 30 minutes with an average handle time of 180 s. What is the offered load, in Erlangs?",
        (Lang::Zh, ExerciseLoad) => "某队列 30 分钟内有 100 个来电，平均处理时长 180 秒。话务量是多少爱尔兰？",
        (Lang::En, ExerciseAgents) => "100 calls in 30 minutes, AHT 180 s, a target of 80 % answered within 20 s and occupancy at most 85 %. How many agents are needed?",
        (Lang::Zh, ExerciseAgents) => "30 分钟 100 个来电，平均处理时长 180 秒，目标 80 % 在 20 秒内接通，占用率不超过 85 %。需要多少名坐席？",
        (Lang::En, ExerciseServiceLevel) => "100 calls in 30 minutes, AHT 180 s, staffed for 60 % within 20 s with no occupancy cap. What service level (% within 20 s) do those agents give?",
        (Lang::Zh, ExerciseServiceLevel) => "30 分钟 100 个来电，平均处理时长 180 秒，按 60 %（20 秒内）配置坐席、无占用率上限。这些坐席实际达到的服务水平（20 秒内接通的百分比）是多少？",
        (Lang::En, ExerciseLines) => "100 calls in 30 minutes, AHT 180 s, staffed for 80/20. How many lines are needed for at most 1 % busy signals, counting callers talking and waiting?",
        (Lang::Zh, ExerciseLines) => "30 分钟 100 个来电，平均处理时长 180 秒，按 80/20 配置坐席。计入通话和等待中的来电，忙音不超过 1 % 需要多少条线路？",
        (Lang::En, ExerciseFte) => "100 calls in 30 minutes, AHT 180 s, 80/20, occupancy at most 85 % and 30 % shrinkage. How many FTE must be scheduled?",
        (Lang::En, ExerciseCost) => "100 calls in 30 minutes, AHT 180 s, 80/20, occupancy at most 85 %, 35 % shrinkage, and a paid agent-hour costs 22. What does staffing this half hour cost?",
        (Lang::Zh, ExerciseCost) => "30 分钟 100 个来电，平均处理时长 180 秒，80/20，占用率不超过 85 %，缺勤率 35 %，每付薪坐席小时成本 22。这半小时的人力成本是多少？",
        (Lang::Zh, ExerciseFte) => "30 分钟 100 个来电，平均处理时长 180 秒，80/20，占用率不超过 85 %，缺勤率 30 %。需要排班多少 FTE？",
        (Lang::En, ExerciseYourAnswer) => "Your answer",
        (Lang::Zh, ExerciseYourAnswer) => "你的答案",
        (Lang::En, ExerciseCheck) => "Check",
        (Lang::Zh, ExerciseCheck) => "核对",
        (Lang::En, ExerciseRight) => "✓ Right:",
        (Lang::Zh, ExerciseRight) => "✓ 正确：",
        (Lang::En, ExerciseWrong) => "✗ Not yet — try again, or open the worked solution.",
        (Lang::Zh, ExerciseWrong) => "✗ 还不对——再试一次，或查看解题过程。",
        (Lang::En, ExerciseUnreadable) => "Type a number (for example 14 or 88.8).",
        (Lang::Zh, ExerciseUnreadable) => "请输入一个数字（例如 14 或 88.8）。",
        (Lang::En, ExerciseSolution) => "Show the worked solution",
        (Lang::Zh, ExerciseSolution) => "显示解题过程",
        (Lang::En, ExercisesTitle) => "Classroom exercises",
        (Lang::Zh, ExercisesTitle) => "课堂练习",
        (Lang::En, ExercisesIntro) => "Try one of these, or write your own from the scenario on the staffing page and share it as a link: a student who opens it sees the question, answers it and is told whether it is right; the answer is computed by ccplan, never carried in the link.",
        (Lang::Zh, ExercisesIntro) => "可以试做下面的练习，或根据人力需求页面的当前方案编写练习并以链接分享：学生打开链接后看到题目、作答并得知是否正确；答案由 ccplan 计算，不包含在链接中。",
        (Lang::En, ExerciseFromLink) => "An exercise for you",
        (Lang::Zh, ExerciseFromLink) => "给你的练习",
        (Lang::En, ExerciseLinkBad) => "This exercise link is damaged or not one ccplan can use; ask for it again.",
        (Lang::Zh, ExerciseLinkBad) => "此练习链接已损坏或无法使用；请重新获取。",
        (Lang::En, ExerciseWrite) => "Write an exercise from the current inputs",
        (Lang::Zh, ExerciseWrite) => "根据当前输入编写练习",
        (Lang::En, ExerciseQuestion) => "The question",
        (Lang::Zh, ExerciseQuestion) => "题目",
        (Lang::En, ExerciseAsked) => "The figure asked for",
        (Lang::Zh, ExerciseAsked) => "所问的数字",
        (Lang::En, ExerciseMake) => "Make the link",
        (Lang::Zh, ExerciseMake) => "生成链接",
        (Lang::En, ExerciseOpen) => "Open it",
        (Lang::Zh, ExerciseOpen) => "打开",
        (Lang::En, ExerciseCannot) => "These inputs cannot make an exercise: write a question, and turn reverse mode off (an exercise asks what the situation needs).",
        (Lang::Zh, ExerciseCannot) => "这些输入无法生成练习：请写下题目，并关闭反向模式（练习问的是该情况的需求）。",
        (Lang::En, CopyTable) => "Copy the table",
        (Lang::Zh, CopyTable) => "复制表格",
        (Lang::En, TableCopied) => "Copied: paste it into a spreadsheet.",
        (Lang::Zh, TableCopied) => "已复制：可粘贴到电子表格。",
        (Lang::En, TableNotCopied) => "The browser would not copy: select the table and copy it.",
        (Lang::Zh, TableNotCopied) => "浏览器未能复制：请选中表格后复制。",
        (Lang::En, LiveQueueTitle) => "The queue, call by call",
        (Lang::Zh, LiveQueueTitle) => "排队过程，逐个来电",
        (Lang::En, LiveQueueIntro) => "The current interval's agents (squares: filled when busy) and the callers waiting (dots), simulated call by call. Watch how a queue builds up when several calls arrive close together, even with enough agents on average; with Erlang A, waiting callers hang up.",
        (Lang::Zh, LiveQueueIntro) => "当前时段的坐席（方块：忙时填充）和等待中的来电者（圆点），逐个来电模拟。即使平均坐席足够，几个来电接连到达时也会排起队；在 Erlang A 下，等待的来电者会挂断。",
        (Lang::En, LiveSpeed) => "Speed (simulated seconds per second)",
        (Lang::Zh, LiveSpeed) => "速度（每秒模拟的秒数）",
        (Lang::En, LivePlay) => "Play",
        (Lang::Zh, LivePlay) => "开始",
        (Lang::En, LivePause) => "Pause",
        (Lang::Zh, LivePause) => "暂停",
        (Lang::En, LiveReset) => "Start again from the current inputs",
        (Lang::Zh, LiveReset) => "按当前输入重新开始",
        (Lang::En, LiveClock) => "Simulated time",
        (Lang::Zh, LiveClock) => "模拟时间",
        (Lang::En, LiveBusy) => "Agents busy",
        (Lang::Zh, LiveBusy) => "忙碌坐席",
        (Lang::En, LiveWaiting) => "Callers waiting",
        (Lang::Zh, LiveWaiting) => "等待来电",
        (Lang::En, LiveOffered) => "Calls so far",
        (Lang::Zh, LiveOffered) => "累计来电",
        (Lang::En, LiveAbandoned) => "Hung up",
        (Lang::Zh, LiveAbandoned) => "已挂断",
        (Lang::En, LiveServiceLevel) => "Answered within T so far",
        (Lang::Zh, LiveServiceLevel) => "目前 T 秒内接通",
        (Lang::En, AxisMoney) => "Cost",
        (Lang::Zh, AxisMoney) => "成本",
        (Lang::En, TargetBand) => "Target",
        (Lang::Zh, TargetBand) => "目标",
        (Lang::En, Kpi) => "KPI",
        (Lang::Zh, Kpi) => "指标",
        (Lang::En, Perspective) => "Perspective",
        (Lang::Zh, Perspective) => "维度",
        (Lang::En, Customer) => "Customer",
        (Lang::Zh, Customer) => "客户",
        (Lang::En, Operations) => "Operations",
        (Lang::Zh, Operations) => "运营效率",
        (Lang::En, Finance) => "Finance",
        (Lang::Zh, Finance) => "财务",
        (Lang::En, People) => "People",
        (Lang::Zh, People) => "学习成长/员工",
        (Lang::En, InputMark) => "entered",
        (Lang::Zh, InputMark) => "录入",
        (Lang::En, Green) => "on target",
        (Lang::Zh, Green) => "达标",
        (Lang::En, Amber) => "near target",
        (Lang::Zh, Amber) => "接近目标",
        (Lang::En, Red) => "off target",
        (Lang::Zh, Red) => "未达标",
        (Lang::En, Summary) => "The answer",
        (Lang::Zh, Summary) => "结论",
        (Lang::En, SummaryHires) => "People to hire over the plan",
        (Lang::Zh, SummaryHires) => "规划期内需招聘人数",
        (Lang::En, SummaryStart) => "Start hiring by",
        (Lang::Zh, SummaryStart) => "最晚开始招聘",
        (Lang::En, SummaryLate) => "(already late: training takes longer than the time left)",
        (Lang::Zh, SummaryLate) => "（已晚：培训所需时间超过剩余时间）",
        (Lang::En, SummaryNone) => "no hiring needed",
        (Lang::Zh, SummaryNone) => "无需招聘",
        (Lang::En, SummaryPeak) => "Peak requirement",
        (Lang::Zh, SummaryPeak) => "需求峰值",
        (Lang::En, SummaryCpc) => "Average cost per handled contact",
        (Lang::Zh, SummaryCpc) => "平均单位处理成本",
        (Lang::En, SummaryCpr) => "Average cost per resolved contact (handled × FCR)",
        (Lang::Zh, SummaryCpr) => "平均单位解决成本（处理量 × 首次解决率）",
        (Lang::En, SummaryMonthsBelow) => "Months below the service-level target",
        (Lang::Zh, SummaryMonthsBelow) => "低于服务水平目标的月份数",
        (Lang::En, Example) => "Example: support centre annual plan",
        (Lang::Zh, Example) => "示例：客服中心年度规划",
        (Lang::En, ExampleMark) => "example",
        (Lang::Zh, ExampleMark) => "示例",
        (Lang::En, KpiCsat) => "CSAT",
        (Lang::Zh, KpiCsat) => "客户满意度",
        (Lang::En, KpiNps) => "NPS",
        (Lang::Zh, KpiNps) => "净推荐值",
        (Lang::En, KpiCes) => "CES (rated easy)",
        (Lang::Zh, KpiCes) => "客户费力度（评为容易）",
        (Lang::En, KpiFcr) => "First contact resolution",
        (Lang::Zh, KpiFcr) => "首次呼叫解决率",
        (Lang::En, KpiServiceLevel) => "Service level",
        (Lang::Zh, KpiServiceLevel) => "服务水平",
        (Lang::En, KpiAnswerRate) => "Answer rate",
        (Lang::Zh, KpiAnswerRate) => "接通率",
        (Lang::En, KpiAbandon) => "Abandon rate",
        (Lang::Zh, KpiAbandon) => "放弃率",
        (Lang::En, KpiAsa) => "Average speed of answer",
        (Lang::Zh, KpiAsa) => "平均应答速度",
        (Lang::En, KpiOccupancy) => "Occupancy",
        (Lang::Zh, KpiOccupancy) => "坐席占用率",
        (Lang::En, KpiSelfService) => "Self-service rate",
        (Lang::Zh, KpiSelfService) => "自助服务率",
        (Lang::En, KpiRequiredFte) => "Required FTE",
        (Lang::Zh, KpiRequiredFte) => "所需全职人力当量",
        (Lang::En, KpiAvailableFte) => "Available FTE",
        (Lang::Zh, KpiAvailableFte) => "可用全职人力当量",
        (Lang::En, KpiCostPerContact) => "Cost per handled contact",
        (Lang::Zh, KpiCostPerContact) => "单位处理成本（每通处理量）",
        (Lang::En, KpiCostPerResolved) => "Cost per resolved contact",
        (Lang::Zh, KpiCostPerResolved) => "单位解决成本（每个已解决问题）",
        (Lang::En, KpiTotalCost) => "Total cost (vs budget)",
        (Lang::Zh, KpiTotalCost) => "总成本（对比预算）",
        (Lang::En, KpiAttrition) => "Attrition (annualised)",
        (Lang::Zh, KpiAttrition) => "离职率（年化）",
        (Lang::En, KpiAttendance) => "Attendance",
        (Lang::Zh, KpiAttendance) => "出勤率",
        (Lang::En, KpiTrainingCompletion) => "Training completion",
        (Lang::Zh, KpiTrainingCompletion) => "培训完成率",
        (Lang::En, KpiEsat) => "Employee satisfaction",
        (Lang::Zh, KpiEsat) => "员工满意度",
        (Lang::En, ShareLink) => "Copy link",
        (Lang::Zh, ShareLink) => "复制链接",
        (Lang::En, ShareUrl) => "Link to these inputs",
        (Lang::Zh, ShareUrl) => "当前输入的链接",
        (Lang::En, ShareHelp) => "Anyone opening the link sees these inputs as an unsaved copy. Links hold up to 8 000 characters.",
        (Lang::Zh, ShareHelp) => "打开链接的人会看到这些输入的未保存副本。链接最长 8 000 个字符。",
        (Lang::En, Copied) => "Copied to the clipboard.",
        (Lang::Zh, Copied) => "已复制到剪贴板。",
        (Lang::En, LinkTooLong) => "This link is too long (over 8 000 characters) and was not opened.",
        (Lang::Zh, LinkTooLong) => "此链接过长（超过 8 000 个字符），未打开。",
        (Lang::En, LinkMalformed) => "This link is damaged or not a ccplan link, and was not opened.",
        (Lang::Zh, LinkMalformed) => "此链接已损坏或不是 ccplan 链接，未打开。",
        (Lang::En, LinkUnknownVersion) => "This link comes from a newer version of ccplan and was not opened.",
        (Lang::Zh, LinkUnknownVersion) => "此链接来自更新版本的 ccplan，未打开。",
        (Lang::En, LinkInvalid) => "This link holds values ccplan cannot use, and was not opened.",
        (Lang::Zh, LinkInvalid) => "此链接包含 ccplan 无法使用的值，未打开。",
        (Lang::En, LinkOpened) => "Opened from a shared link — not saved. Use “Save as” to keep it:",
        (Lang::Zh, LinkOpened) => "从共享链接打开——尚未保存。使用“另存为”保存：",
        (Lang::En, PreviewTitle) => "Preview",
        (Lang::Zh, PreviewTitle) => "预览",
        (Lang::En, PreviewStart) => "Start",
        (Lang::Zh, PreviewStart) => "开始",
        (Lang::En, PreviewVolume) => "Volume",
        (Lang::Zh, PreviewVolume) => "来电量",
        (Lang::En, PreviewAht) => "AHT (s)",
        (Lang::Zh, PreviewAht) => "处理时长（秒）",
        (Lang::En, MoreProblemLines) => "more lines with problems",
        (Lang::Zh, MoreProblemLines) => "行有问题（未列出）",
        (Lang::En, PreviewMore) => "more rows",
        (Lang::Zh, PreviewMore) => "更多行",
        (Lang::En, RowVolume) => "the volume is not a number:",
        (Lang::Zh, RowVolume) => "来电量不是数字：",
        (Lang::En, RowVolumeRange) => "the volume must be from 0 to 100 000:",
        (Lang::Zh, RowVolumeRange) => "来电量须在 0 到 100 000 之间：",
        (Lang::En, RowAht) => "the AHT must be a number of seconds from 1 to 7 200:",
        (Lang::Zh, RowAht) => "处理时长须为 1 到 7 200 秒：",
        (Lang::En, RowColumns) => "too many columns (at most start, volume, AHT):",
        (Lang::Zh, RowColumns) => "列数过多（最多：开始、来电量、处理时长）：",
        (Lang::En, RowTooMany) => "more than 96 intervals; the rest were left out",
        (Lang::Zh, RowTooMany) => "超过 96 个时段；其余未读取",
        (Lang::En, Line) => "Line",
        (Lang::Zh, Line) => "第",
        (Lang::En, LineSuffix) => "",
        (Lang::Zh, LineSuffix) => " 行",
        (Lang::En, NotApplied) => "Nothing was applied yet: fix the lines above, or apply the good lines (the chart keeps the previous day until then).",
        (Lang::Zh, NotApplied) => "尚未应用：请修正以上各行，或只应用有效行（在此之前图表保留之前的数据）。",
        (Lang::En, RowVolumeMissing) => "the volume is missing",
        (Lang::Zh, RowVolumeMissing) => "缺少来电量",
        (Lang::En, ApplyGoodLines) => "Apply the good lines",
        (Lang::Zh, ApplyGoodLines) => "只应用有效行",
        (Lang::En, BadLinesAsZero) => "Each bad line keeps its interval, planned as 0 contacts until it is fixed, so later lines stay at their times.",
        (Lang::Zh, BadLinesAsZero) => "每个有问题的行保留其时段，在修正前按 0 来电量计划，后续各行的时间不变。",
        (Lang::En, AppliedWithGaps) => "Applied: the good lines are the day; the lines above count as 0 contacts until they are fixed.",
        (Lang::Zh, AppliedWithGaps) => "已应用：有效行已成为当日数据；以上各行在修正前按 0 来电量计算。",
        (Lang::En, PreviewChart) => "Volumes read, one bar per interval (red: a bad line)",
        (Lang::Zh, PreviewChart) => "读取的来电量，每个时段一条（红色：有问题的行）",
        (Lang::En, OpenCsv) => "Open a CSV file",
        (Lang::Zh, OpenCsv) => "打开 CSV 文件",
        (Lang::En, ExportCsv) => "Download the interval table (CSV)",
        (Lang::Zh, ExportCsv) => "下载时段表（CSV）",
        (Lang::En, ExportMonthlyCsv) => "Download the monthly projection (CSV)",
        (Lang::Zh, ExportMonthlyCsv) => "下载月度预测（CSV）",
        (Lang::En, DownloadPng) => "Download chart (PNG)",
        (Lang::Zh, DownloadPng) => "下载图表（PNG）",
        (Lang::En, ExportJson) => "Export all scenarios (JSON)",
        (Lang::Zh, ExportJson) => "导出全部方案（JSON）",
        (Lang::En, ExportOne) => "Export",
        (Lang::Zh, ExportOne) => "导出",
        (Lang::En, ImportJson) => "Import scenarios (JSON file)",
        (Lang::Zh, ImportJson) => "导入方案（JSON 文件）",
        (Lang::En, Imported) => "Imported scenarios:",
        (Lang::Zh, Imported) => "已导入方案：",
        (Lang::En, ImportNotScenarios) => "This file is not a ccplan scenarios file; nothing was imported.",
        (Lang::Zh, ImportNotScenarios) => "此文件不是 ccplan 方案文件；未导入任何内容。",
        (Lang::En, ImportUnknownVersion) => "This file comes from a newer version of ccplan; nothing was imported.",
        (Lang::Zh, ImportUnknownVersion) => "此文件来自更新版本的 ccplan；未导入任何内容。",
        (Lang::En, ImportTooLarge) => "This file is too large (over 5 MB); nothing was imported.",
        (Lang::Zh, ImportTooLarge) => "此文件过大（超过 5 MB）；未导入任何内容。",
        (Lang::En, ImportBadScenario) => "Left out scenario number",
        (Lang::Zh, ImportBadScenario) => "未导入第几个方案：",
        (Lang::En, ImportListFull) => "The scenario list is full; the rest were left out.",
        (Lang::Zh, ImportListFull) => "方案列表已满；其余未导入。",
        (Lang::En, AssumptionMark) => "assumption",
        (Lang::Zh, AssumptionMark) => "假设",
        (Lang::En, ErrWhole) => "Enter a whole number.",
        (Lang::Zh, ErrWhole) => "请输入整数。",
        (Lang::En, ErrNameTaken) => "A scenario of that name exists; choose another name.",
        (Lang::Zh, ErrNameTaken) => "已有同名方案；请换一个名称。",
        (Lang::En, ErrListFull) => "The list is full (200 scenarios); delete one first.",
        (Lang::Zh, ErrListFull) => "方案列表已满（200 个）；请先删除一个。",
        (Lang::En, NavCompare) => "Compare",
        (Lang::Zh, NavCompare) => "方案比较",
        (Lang::En, CompareTitle) => "Compare scenarios",
        (Lang::Zh, CompareTitle) => "比较方案",
        (Lang::En, CompareHelp) => "Pick two to four scenarios. Differences are to the first one picked.",
        (Lang::Zh, CompareHelp) => "选择两到四个方案。差异以第一个选中的方案为基准。",
        (Lang::En, CompareNeedTwo) => "Pick at least two scenarios to compare.",
        (Lang::Zh, CompareNeedTwo) => "请至少选择两个方案进行比较。",
        (Lang::En, CompareMax) => "At most four scenarios can be compared at once.",
        (Lang::Zh, CompareMax) => "一次最多比较四个方案。",
        (Lang::En, CurrentInputs) => "Current inputs",
        (Lang::Zh, CurrentInputs) => "当前输入",
        (Lang::En, CompareCurve) => "Staffing curves: service level by number of agents",
        (Lang::Zh, CompareCurve) => "人力曲线：各坐席数的服务水平",
        (Lang::En, CompareProjection) => "Projections: required FTE by month",
        (Lang::Zh, CompareProjection) => "预测：各月所需全职人力当量",
        (Lang::En, Difference) => "vs first",
        (Lang::Zh, Difference) => "较第一个",
        (Lang::En, DayPaidHours) => "Paid hours (day)",
        (Lang::Zh, DayPaidHours) => "付薪小时（全天）",
        (Lang::En, PlanHires) => "Hires over the plan",
        (Lang::Zh, PlanHires) => "规划期招聘人数",
        (Lang::En, PlanCostPerResolved) => "Cost per resolved contact (plan)",
        (Lang::Zh, PlanCostPerResolved) => "单位解决成本（规划期）",
        (Lang::En, PlanCostPerContact) => "Cost per contact (plan)",
        (Lang::Zh, PlanCostPerContact) => "单位服务成本（规划期）",
        (Lang::En, PlanPeakFte) => "Peak required FTE",
        (Lang::Zh, PlanPeakFte) => "所需全职人力当量峰值",
        (Lang::En, StorageKeptNotOverwritten) => "Not saved: the unreadable data found at start is still kept as it was, and there is still no room to back it up, so it is not overwritten. Free some space (export your scenarios, delete old ones) and try again.",
        (Lang::Zh, StorageKeptNotOverwritten) => "未保存：启动时无法读取的数据仍原样保留，且仍无空间备份，因此不会被覆盖。请释放空间（导出方案、删除旧方案）后重试。",
        (Lang::En, StorageWouldNotRead) => "Not saved: what would have been written could not be read back. Your saved data is unchanged.",
        (Lang::Zh, StorageWouldNotRead) => "未保存：要写入的内容无法被正确读回。已保存的数据未改变。",
        (Lang::En, StorageCurrentChangedElsewhere) => "The inputs were also changed in another tab. This tab keeps what it shows and saves it with your next change; save either as a scenario to keep both.",
        (Lang::Zh, StorageCurrentChangedElsewhere) => "另一个标签页也修改了输入。本标签页保留当前显示的内容，并在你下次修改时保存；可将任一方另存为方案以保留两者。",
        (Lang::En, StorageChangedElsewhere) => "Your saved scenarios were changed in another tab; the list now shows them.",
        (Lang::Zh, StorageChangedElsewhere) => "已保存的方案在另一个标签页中被修改；列表现已更新。",
        (Lang::En, StorageKeptInPlace) => "Saved data in this browser could not be read, and storage is too full to back it up: it was left as it is and the app started from defaults.",
        (Lang::Zh, StorageKeptInPlace) => "无法读取本浏览器中保存的数据，且存储空间已满无法备份：数据保持原样，应用已使用默认值启动。",
    }
}

/// A share as a percentage with one decimal: `0.8104` → `81.0 %`.
pub fn percent(share: f64) -> String {
    format!("{} %", fixed(share * 100.0, 1))
}

/// A number with a fixed count of decimals, no grouping (so it reads back);
/// never `-0.0` (a value that rounds to zero shows as zero).
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => text,
    }
}

/// A number for reading, with thousands separated: `12,232.14`, `3,349`
/// (both languages). Not for text that must read back as a plain number
/// (CSV, boxes): that is [`fixed`].
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if whole.len() <= 3 {
        return text;
    }
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The currency symbol money is shown with, chosen by the user; none by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Currency {
    #[default]
    None,
    Yuan,
    Dollar,
    Euro,
    Pound,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::None,
        Currency::Yuan,
        Currency::Dollar,
        Currency::Euro,
        Currency::Pound,
    ];

    /// The stored code, also the `<option>` value.
    pub fn code(self) -> &'static str {
        match self {
            Currency::None => "none",
            Currency::Yuan => "CNY",
            Currency::Dollar => "USD",
            Currency::Euro => "EUR",
            Currency::Pound => "GBP",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::None => "",
            Currency::Yuan => "¥",
            Currency::Dollar => "$",
            Currency::Euro => "€",
            Currency::Pound => "£",
        }
    }
}

/// An amount of money for reading: the currency's symbol, then the number
/// with thousands separated (`¥12,232.14`; `-¥5.00`).
pub fn money(currency: Currency, value: f64, decimals: usize) -> String {
    let amount = grouped(value, decimals);
    match amount.strip_prefix('-') {
        Some(rest) => format!("-{}{rest}", currency.symbol()),
        None => format!("{}{amount}", currency.symbol()),
    }
}

/// One glossary entry: an id for links (`#/learn?term=occupancy`), the
/// term in English and in Chinese, and what it means in each language.
pub struct GlossaryEntry {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub meaning_en: &'static str,
    pub meaning_zh: &'static str,
}

impl GlossaryEntry {
    pub fn meaning(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.meaning_en,
            Lang::Zh => self.meaning_zh,
        }
    }
}

/// The glossary (English / 简体中文, domain.md §5, with patience added for
/// Erlang A), as the Learn page lists it.
pub const GLOSSARY: [GlossaryEntry; 29] = [
    GlossaryEntry {
        id: "service-level",
        en: "service level",
        zh: "服务水平",
        meaning_en: "The share of contacts answered within a threshold time; 80/20 means 80 % answered within 20 seconds.",
        meaning_zh: "在设定时限内接通的来电比例；80/20 指 80 % 的来电在 20 秒内接通。",
    },
    GlossaryEntry {
        id: "average-handle-time",
        en: "average handle time (AHT)",
        zh: "平均处理时长",
        meaning_en: "The mean time an agent spends on one contact: talk time, hold and after-call work.",
        meaning_zh: "坐席处理一通来电的平均时间：通话、保持加话后处理。",
    },
    GlossaryEntry {
        id: "after-call-work",
        en: "after-call work",
        zh: "话后处理",
        meaning_en: "What an agent does after the caller hangs up (notes, follow-up) before the next contact; part of AHT.",
        meaning_zh: "客户挂断后、接下一通前坐席完成的工作（记录、跟进），计入平均处理时长。",
    },
    GlossaryEntry {
        id: "talk-time",
        en: "talk time",
        zh: "通话时长",
        meaning_en: "The time agent and caller are connected, hold included.",
        meaning_zh: "坐席与客户接通的时间（含保持）。",
    },
    GlossaryEntry {
        id: "average-speed-of-answer",
        en: "average speed of answer (ASA)",
        zh: "平均应答速度",
        meaning_en: "The mean wait before an answer over all answered contacts; those answered at once count as 0 s.",
        meaning_zh: "所有已接通来电的平均等待时间，立即接通的按 0 秒计。",
    },
    GlossaryEntry {
        id: "abandon-rate",
        en: "abandon rate",
        zh: "放弃率",
        meaning_en: "The share of offered contacts whose caller hangs up before being answered.",
        meaning_zh: "客户在接通前挂断的来电占全部来电的比例。",
    },
    GlossaryEntry {
        id: "answer-rate",
        en: "answer rate",
        zh: "接通率",
        meaning_en: "The share of offered contacts that are answered: 1 − abandon rate.",
        meaning_zh: "被接通的来电占全部来电的比例：1 − 放弃率。",
    },
    GlossaryEntry {
        id: "occupancy",
        en: "occupancy",
        zh: "坐席占用率",
        meaning_en: "The share of agents' time on the phones spent handling contacts: A ÷ N. Held above about 85–90 %, agents tire.",
        meaning_zh: "坐席在线时间中处理来电的比例：A ÷ N。长期高于约 85–90 %，坐席容易疲惫。",
    },
    GlossaryEntry {
        id: "shrinkage",
        en: "shrinkage",
        zh: "缺勤/损耗率",
        meaning_en: "The share of paid time agents cannot take contacts: breaks, training, meetings, absence.",
        meaning_zh: "带薪时间中坐席不能接听的比例：休息、培训、会议、缺勤。",
    },
    GlossaryEntry {
        id: "full-time-equivalent",
        en: "full-time equivalent (FTE)",
        zh: "全职人力当量",
        meaning_en: "Paid staff counted in full-time units: agents on the phones ÷ (1 − shrinkage).",
        meaning_zh: "按全职折算的人力：在线坐席数 ÷ (1 − 缺勤/损耗率)。",
    },
    GlossaryEntry {
        id: "headcount",
        en: "headcount",
        zh: "人数",
        meaning_en: "People employed, whatever their hours; a part-timer counts as one.",
        meaning_zh: "在职人数，不论工时，兼职也计为一人。",
    },
    GlossaryEntry {
        id: "interval",
        en: "interval",
        zh: "时段",
        meaning_en: "The time slot (15, 30 or 60 minutes) for which contacts are forecast and agents computed.",
        meaning_zh: "预测来电量并计算坐席数的时间单位（15、30 或 60 分钟）。",
    },
    GlossaryEntry {
        id: "forecast",
        en: "forecast",
        zh: "预测",
        meaning_en: "The contacts (and AHT) expected per interval, from history adjusted for known events.",
        meaning_zh: "根据历史数据并考虑已知事件得出的各时段预计来电量（及处理时长）。",
    },
    GlossaryEntry {
        id: "staffing-requirement",
        en: "staffing requirement",
        zh: "人力需求",
        meaning_en: "The agents needed on the phones in an interval to meet every target at once.",
        meaning_zh: "某时段同时满足所有目标所需的在线坐席数。",
    },
    GlossaryEntry {
        id: "schedule",
        en: "schedule",
        zh: "排班",
        meaning_en: "Who works which shift, breaks included, so that the agents present follow the requirement.",
        meaning_zh: "安排谁上哪个班次（含休息），使在岗坐席贴合人力需求。",
    },
    GlossaryEntry {
        id: "shift",
        en: "shift",
        zh: "班次",
        meaning_en: "One working period: its start, its length and its breaks.",
        meaning_zh: "一个工作时段：开始时间、时长和休息。",
    },
    GlossaryEntry {
        id: "agent-seat",
        en: "agent / seat",
        zh: "坐席",
        meaning_en: "A person who takes contacts; a seat is also the workstation they use.",
        meaning_zh: "接听来电的人员；坐席也指其使用的工位。",
    },
    GlossaryEntry {
        id: "trunk-line",
        en: "trunk / line",
        zh: "中继线",
        meaning_en: "A telephone line into the centre; every call talking or waiting holds one. Sized with Erlang B.",
        meaning_zh: "接入呼叫中心的电话线路；通话中和排队中的来电各占一条。用 Erlang B 计算。",
    },
    GlossaryEntry {
        id: "offered-load",
        en: "offered load",
        zh: "话务量",
        meaning_en: "The work arriving, in Erlangs: contacts × AHT ÷ interval length. 10 Erlangs would keep 10 agents busy all the time.",
        meaning_zh: "到达的工作量，以爱尔兰计：来电量 × 平均处理时长 ÷ 时段长度。10 爱尔兰足以让 10 名坐席一直忙碌。",
    },
    GlossaryEntry {
        id: "erlang",
        en: "Erlang",
        zh: "爱尔兰",
        meaning_en: "The unit of load: one Erlang is one agent or line busy for the whole interval.",
        meaning_zh: "话务量单位：1 爱尔兰即一名坐席或一条线路整个时段都在忙。",
    },
    GlossaryEntry {
        id: "patience",
        en: "patience",
        zh: "客户耐心时长",
        meaning_en: "How long callers wait, on average, before hanging up. Erlang A uses it; Erlang C assumes nobody hangs up.",
        meaning_zh: "客户挂断前平均愿意等待的时间。Erlang A 使用它；Erlang C 假设没有人挂断。",
    },
    GlossaryEntry {
        id: "first-contact-resolution",
        en: "first contact resolution (FCR)",
        zh: "首次呼叫解决率",
        meaning_en: "The share of contacts resolved at the first contact, with no repeat call.",
        meaning_zh: "首次联络即解决、无需再次来电的比例。",
    },
    GlossaryEntry {
        id: "customer-satisfaction",
        en: "customer satisfaction (CSAT)",
        zh: "客户满意度",
        meaning_en: "The share of surveyed customers satisfied with the contact.",
        meaning_zh: "接受调查的客户中对服务满意的比例。",
    },
    GlossaryEntry {
        id: "net-promoter-score",
        en: "net promoter score (NPS)",
        zh: "净推荐值",
        meaning_en: "% promoters (9–10) minus % detractors (0–6) when asked whether they would recommend; −100 to 100.",
        meaning_zh: "被问是否愿意推荐时，推荐者（9–10 分）比例减去贬损者（0–6 分）比例，范围 −100 到 100。",
    },
    GlossaryEntry {
        id: "cost-per-contact",
        en: "cost per contact",
        zh: "单位服务成本",
        meaning_en: "The centre's total cost ÷ the contacts it handled.",
        meaning_zh: "呼叫中心总成本 ÷ 处理的来电量。",
    },
    GlossaryEntry {
        id: "attrition",
        en: "attrition",
        zh: "离职率",
        meaning_en: "The share of agents who leave per month (or year).",
        meaning_zh: "每月（或每年）离职坐席的比例。",
    },
    GlossaryEntry {
        id: "balanced-scorecard",
        en: "balanced scorecard",
        zh: "平衡记分卡",
        meaning_en: "A few KPIs across service, quality, cost and people, each with a target, read together.",
        meaning_zh: "涵盖服务、质量、成本和人员的几项关键指标，各有目标，放在一起看。",
    },
    GlossaryEntry {
        id: "what-if",
        en: "what-if",
        zh: "假设分析",
        meaning_en: "Changing one input (volume, AHT…) to see what follows for staff, service and cost.",
        meaning_zh: "改变一个输入（来电量、处理时长……），看人力、服务和成本随之如何变化。",
    },
    GlossaryEntry {
        id: "scenario",
        en: "scenario",
        zh: "方案",
        meaning_en: "A named set of inputs, saved to compare with others.",
        meaning_zh: "一组有名称的输入，保存下来与其他方案比较。",
    },
];

/// The glossary entry a label's term is explained by, if any.
pub fn glossary_term(label: Key) -> Option<&'static str> {
    Some(match label {
        Key::ServiceLevel => "service-level",
        Key::Asa => "average-speed-of-answer",
        Key::Abandon => "abandon-rate",
        Key::Occupancy => "occupancy",
        Key::ScheduledFte => "full-time-equivalent",
        Key::Load => "offered-load",
        Key::Lines => "trunk-line",
        Key::RequiredAgents => "staffing-requirement",
        Key::Aht => "average-handle-time",
        Key::SlTarget | Key::SlSeconds => "service-level",
        Key::Interval => "interval",
        Key::Shrinkage => "shrinkage",
        Key::MaxOccupancy => "occupancy",
        Key::MaxAsa => "average-speed-of-answer",
        Key::MaxAbandon => "abandon-rate",
        Key::Patience => "patience",
        Key::Agents => "agent-seat",
        Key::Fcr => "first-contact-resolution",
        Key::Attrition => "attrition",
        Key::StartHeadcount => "headcount",
        _ => return None,
    })
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
            let (sl, t) = (share(targets.service_level), format_plain(targets.target_s));
            (
                format!("service level {sl} % within {t} s"),
                format!("服务水平 {sl} %（{t} 秒内）"),
            )
        }
        Limit::MaxAsa => {
            let cap = format_plain(targets.max_asa_s.unwrap_or(0.0));
            (format!("ASA ≤ {cap} s"), format!("平均应答速度 ≤ {cap} 秒"))
        }
        Limit::MaxAbandon => {
            let cap = share(targets.max_abandon.unwrap_or(0.0));
            (
                format!("abandonment ≤ {cap} %"),
                format!("放弃率 ≤ {cap} %"),
            )
        }
        Limit::MaxOccupancy => {
            let cap = share(targets.max_occupancy.unwrap_or(0.0));
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
            Lang::Zh => format!("{n} 个月人手不足，最多缺 {fte} FTE（{month}）"),
        }
    });
    let surplus = summary.largest_surplus.map(|(fte, month)| {
        let (fte, month) = (fixed(fte, 1), month_label(month));
        match lang {
            Lang::En => format!("surplus up to {fte} FTE ({month})"),
            Lang::Zh => format!("最多富余 {fte} FTE（{month}）"),
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

/// Why a typed value is refused, in words: the range (with the reason for
/// it where the field has one), or what kind of value is wanted.
pub fn field_message(lang: Lang, spec: &Spec, error: FieldError) -> String {
    match error {
        FieldError::Empty | FieldError::NotNumber => text(lang, Key::ErrNotNumber).to_string(),
        FieldError::Whole => text(lang, Key::ErrWhole).to_string(),
        FieldError::Choice(_) => text(lang, Key::ErrInterval).to_string(),
        FieldError::Range { min, max } => {
            let range = format!("{} {min} – {max}", text(lang, Key::ErrRange));
            match spec.why {
                Some(why) => format!("{range}. {}", text(lang, why)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glossary_link_has_its_entry() {
        for key in [
            Key::ServiceLevel,
            Key::Asa,
            Key::Abandon,
            Key::Occupancy,
            Key::ScheduledFte,
            Key::Load,
            Key::Lines,
            Key::RequiredAgents,
            Key::Aht,
            Key::SlTarget,
            Key::SlSeconds,
            Key::Interval,
            Key::Shrinkage,
            Key::MaxOccupancy,
            Key::MaxAsa,
            Key::MaxAbandon,
            Key::Patience,
            Key::Agents,
            Key::Fcr,
            Key::Attrition,
            Key::StartHeadcount,
        ] {
            let term = glossary_term(key).unwrap();
            assert!(GLOSSARY.iter().any(|e| e.id == term), "{term}");
        }
        for entry in &GLOSSARY {
            assert!(!entry.meaning(Lang::En).is_empty() && !entry.meaning(Lang::Zh).is_empty());
        }
        assert_eq!(glossary_term(Key::Cost), None);
    }

    #[test]
    fn numbers_never_show_minus_zero() {
        assert_eq!(fixed(-0.0, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.05, 2), "-0.05");
        assert_eq!(percent(-0.0001), "0.0 %");
        assert_eq!(fixed(1062.0, 0), "1062");
    }

    #[test]
    fn figures_group_thousands_and_money_takes_its_symbol() {
        assert_eq!(grouped(12_232.144, 2), "12,232.14");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1_000.0, 0), "1,000");
        assert_eq!(grouped(-9_600_000.0, 0), "-9,600,000");
        assert_eq!(grouped(-0.001, 1), "0.0");
        assert_eq!(money(Currency::None, 714.286, 2), "714.29");
        assert_eq!(money(Currency::Yuan, 12_232.14, 2), "¥12,232.14");
        assert_eq!(money(Currency::Euro, -5.0, 2), "-€5.00");
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("XYZ"), None);
    }
}
