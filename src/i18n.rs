//! Every string the user sees, in English and 简体中文, and number formatting.
//!
//! A `match` over an enum rather than a translation crate: with two languages
//! and one screen, the compiler's exhaustiveness check proves every key has
//! both texts, which no lookup-by-string library gives; and it adds nothing to
//! the wasm. Terms follow the glossary of the domain brief.

use serde::{Deserialize, Serialize};

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
    VolumeHelp,
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
    IntradayApply,
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
    Load_,
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
    PanicBanner,
    Reload,
    ErrNotNumber,
    ErrRange,
    ErrInterval,
    ErrEngine,
    ErrTooLarge,
    ErrPatienceRatio,
    ErrNameEmpty,
    ErrPaste,
    Pasted,
    SlDefinitionC,
    SlDefinitionA,
    Seconds,
    Minutes,
    PerHour,
    Erlangs,
    Intervals,
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
        (Lang::En, VolumeHelp) => "calls offered in one interval",
        (Lang::Zh, VolumeHelp) => "一个时段内的来电数",
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
        (Lang::En, IntradayApply) => "Apply",
        (Lang::Zh, IntradayApply) => "应用",
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
        (Lang::En, Load_) => "Load",
        (Lang::Zh, Load_) => "载入",
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
        (Lang::En, PanicBanner) => "Something went wrong inside ccplan. Your saved data is safe; please reload the page.",
        (Lang::Zh, PanicBanner) => "ccplan 内部出错。已保存的数据是安全的；请刷新页面。",
        (Lang::En, Reload) => "Reload",
        (Lang::Zh, Reload) => "刷新",
        (Lang::En, ErrNotNumber) => "Enter a number.",
        (Lang::Zh, ErrNotNumber) => "请输入数字。",
        (Lang::En, ErrRange) => "Out of range:",
        (Lang::Zh, ErrRange) => "超出范围：",
        (Lang::En, ErrInterval) => "Choose 15, 30 or 60 minutes.",
        (Lang::Zh, ErrInterval) => "请选择 15、30 或 60 分钟。",
        (Lang::En, ErrEngine) => "These inputs cannot be calculated.",
        (Lang::Zh, ErrEngine) => "无法计算这些输入。",
        (Lang::En, ErrTooLarge) => "These inputs are beyond what ccplan calculates: at most 100 000 Erlangs of offered load and 200 000 agents.",
        (Lang::Zh, ErrTooLarge) => "这些输入超出了 ccplan 的计算范围：话务量最多 100 000 爱尔兰，坐席最多 200 000 个。",
        (Lang::En, ErrPatienceRatio) => "Mean patience must be between a millionth and a million million times the handle time.",
        (Lang::Zh, ErrPatienceRatio) => "平均耐心时长须在处理时长的百万分之一到一万亿倍之间。",
        (Lang::En, ErrNameEmpty) => "Give the scenario a name.",
        (Lang::Zh, ErrNameEmpty) => "请为方案命名。",
        (Lang::En, ErrPaste) => "Could not read these lines (enter one non-negative number per line):",
        (Lang::Zh, ErrPaste) => "无法读取以下行（每行输入一个非负数）：",
        (Lang::En, Pasted) => "intervals",
        (Lang::Zh, Pasted) => "个时段",
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
    }
}

/// A share as a percentage with one decimal: `0.8104` → `81.0 %`.
pub fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// A number with a fixed count of decimals, no grouping (so it reads back).
pub fn fixed(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// Seconds with one decimal and the unit of the language.
pub fn seconds(lang: Lang, value: f64) -> String {
    format!("{value:.1} {}", text(lang, Key::Seconds))
}
