//! The glossary (English / 简体中文, domain.md §5), and which labels' terms it
//! explains.

use super::{Key, Lang};

/// A term the glossary explains; its id is the link's (`#/learn?term=occupancy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    ServiceLevel,
    AverageHandleTime,
    AfterCallWork,
    TalkTime,
    AverageSpeedOfAnswer,
    AbandonRate,
    AnswerRate,
    Occupancy,
    Shrinkage,
    FullTimeEquivalent,
    Headcount,
    Interval,
    Forecast,
    StaffingRequirement,
    Schedule,
    Shift,
    AgentSeat,
    TrunkLine,
    OfferedLoad,
    Erlang,
    Patience,
    FirstContactResolution,
    CustomerSatisfaction,
    NetPromoterScore,
    CostPerContact,
    Attrition,
    BalancedScorecard,
    WhatIf,
    Scenario,
    Ets,
    Aicc,
    Mape,
    Wape,
    Bias,
    PredictionInterval,
}

impl Term {
    /// The id in links and on the Learn page's entries.
    pub fn id(self) -> &'static str {
        match self {
            Term::ServiceLevel => "service-level",
            Term::AverageHandleTime => "average-handle-time",
            Term::AfterCallWork => "after-call-work",
            Term::TalkTime => "talk-time",
            Term::AverageSpeedOfAnswer => "average-speed-of-answer",
            Term::AbandonRate => "abandon-rate",
            Term::AnswerRate => "answer-rate",
            Term::Occupancy => "occupancy",
            Term::Shrinkage => "shrinkage",
            Term::FullTimeEquivalent => "full-time-equivalent",
            Term::Headcount => "headcount",
            Term::Interval => "interval",
            Term::Forecast => "forecast",
            Term::StaffingRequirement => "staffing-requirement",
            Term::Schedule => "schedule",
            Term::Shift => "shift",
            Term::AgentSeat => "agent-seat",
            Term::TrunkLine => "trunk-line",
            Term::OfferedLoad => "offered-load",
            Term::Erlang => "erlang",
            Term::Patience => "patience",
            Term::FirstContactResolution => "first-contact-resolution",
            Term::CustomerSatisfaction => "customer-satisfaction",
            Term::NetPromoterScore => "net-promoter-score",
            Term::CostPerContact => "cost-per-contact",
            Term::Attrition => "attrition",
            Term::BalancedScorecard => "balanced-scorecard",
            Term::WhatIf => "what-if",
            Term::Scenario => "scenario",
            Term::Ets => "ets",
            Term::Aicc => "aicc",
            Term::Mape => "mape",
            Term::Wape => "wape",
            Term::Bias => "bias",
            Term::PredictionInterval => "prediction-interval",
        }
    }

    /// The term a link names; `None` for one the glossary does not have.
    pub fn from_id(id: &str) -> Option<Term> {
        GLOSSARY.iter().map(|e| e.term).find(|t| t.id() == id)
    }
}

/// One glossary entry: the term, in English and in Chinese, and what it
/// means in each language.
pub struct GlossaryEntry {
    pub term: Term,
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
/// Erlang A and the forecast page's terms added), as the Learn page lists it.
pub const GLOSSARY: [GlossaryEntry; 35] = [
    GlossaryEntry {
        term: Term::ServiceLevel,
        en: "service level",
        zh: "服务水平",
        meaning_en: "The share of contacts answered within a threshold time; 80/20 means 80 % answered within 20 seconds.",
        meaning_zh: "在设定时限内接通的来电比例；80/20 指 80 % 的来电在 20 秒内接通。",
    },
    GlossaryEntry {
        term: Term::AverageHandleTime,
        en: "average handle time (AHT)",
        zh: "平均处理时长",
        meaning_en: "The mean time an agent spends on one contact: talk time, hold and after-call work.",
        meaning_zh: "坐席处理一通来电的平均时间：通话、保持加话后处理。",
    },
    GlossaryEntry {
        term: Term::AfterCallWork,
        en: "after-call work",
        zh: "话后处理",
        meaning_en: "What an agent does after the caller hangs up (notes, follow-up) before the next contact; part of AHT.",
        meaning_zh: "客户挂断后、接下一通前坐席完成的工作（记录、跟进），计入平均处理时长。",
    },
    GlossaryEntry {
        term: Term::TalkTime,
        en: "talk time",
        zh: "通话时长",
        meaning_en: "The time agent and caller are connected, hold included.",
        meaning_zh: "坐席与客户接通的时间（含保持）。",
    },
    GlossaryEntry {
        term: Term::AverageSpeedOfAnswer,
        en: "average speed of answer (ASA)",
        zh: "平均应答速度",
        meaning_en: "The mean wait before an answer over all answered contacts; those answered at once count as 0 s.",
        meaning_zh: "所有已接通来电的平均等待时间，立即接通的按 0 秒计。",
    },
    GlossaryEntry {
        term: Term::AbandonRate,
        en: "abandon rate",
        zh: "放弃率",
        meaning_en: "The share of offered contacts whose caller hangs up before being answered.",
        meaning_zh: "客户在接通前挂断的来电占全部来电的比例。",
    },
    GlossaryEntry {
        term: Term::AnswerRate,
        en: "answer rate",
        zh: "接通率",
        meaning_en: "The share of offered contacts that are answered: 1 − abandon rate.",
        meaning_zh: "被接通的来电占全部来电的比例：1 − 放弃率。",
    },
    GlossaryEntry {
        term: Term::Occupancy,
        en: "occupancy",
        zh: "坐席占用率",
        meaning_en: "The share of agents' time on the phones spent handling contacts: A ÷ N. Held above about 85–90 %, agents tire.",
        meaning_zh: "坐席在线时间中处理来电的比例：A ÷ N。长期高于约 85–90 %，坐席容易疲惫。",
    },
    GlossaryEntry {
        term: Term::Shrinkage,
        en: "shrinkage",
        zh: "缩减率",
        meaning_en: "The share of paid time agents cannot take contacts: breaks, training, meetings, absence. Absenteeism is only one of its parts.",
        meaning_zh: "付薪时间中坐席不能接听的比例（人力损耗）：休息、培训、会议、缺勤合计；缺勤率只是其中一部分。",
    },
    GlossaryEntry {
        term: Term::FullTimeEquivalent,
        en: "full-time equivalent (FTE)",
        zh: "全职等效人数",
        meaning_en: "Paid staff counted in full-time units: agents on the phones ÷ (1 − shrinkage).",
        meaning_zh: "按全职折算的人力：在线坐席数 ÷ (1 − 缩减率)。",
    },
    GlossaryEntry {
        term: Term::Headcount,
        en: "headcount",
        zh: "人数",
        meaning_en: "People employed, whatever their hours; a part-timer counts as one.",
        meaning_zh: "在职人数，不论工时，兼职也计为一人。",
    },
    GlossaryEntry {
        term: Term::Interval,
        en: "interval",
        zh: "时段",
        meaning_en: "The time slot (15, 30 or 60 minutes) for which contacts are forecast and agents computed.",
        meaning_zh: "预测来电量并计算坐席数的时间单位（15、30 或 60 分钟）。",
    },
    GlossaryEntry {
        term: Term::Forecast,
        en: "forecast",
        zh: "预测",
        meaning_en: "The contacts (and AHT) expected per interval, from history adjusted for known events.",
        meaning_zh: "根据历史数据并考虑已知事件得出的各时段预计来电量（及处理时长）。",
    },
    GlossaryEntry {
        term: Term::StaffingRequirement,
        en: "staffing requirement",
        zh: "人力需求",
        meaning_en: "The agents needed on the phones in an interval to meet every target at once.",
        meaning_zh: "某时段同时满足所有目标所需的在线坐席数。",
    },
    GlossaryEntry {
        term: Term::Schedule,
        en: "schedule",
        zh: "排班",
        meaning_en: "Who works which shift, breaks included, so that the agents present follow the requirement.",
        meaning_zh: "安排谁上哪个班次（含休息），使在岗坐席贴合人力需求。",
    },
    GlossaryEntry {
        term: Term::Shift,
        en: "shift",
        zh: "班次",
        meaning_en: "One working period: its start, its length and its breaks.",
        meaning_zh: "一个工作时段：开始时间、时长和休息。",
    },
    GlossaryEntry {
        term: Term::AgentSeat,
        en: "agent / seat",
        zh: "坐席",
        meaning_en: "A person who takes contacts; a seat is also the workstation they use.",
        meaning_zh: "接听来电的人员；坐席也指其使用的工位。",
    },
    GlossaryEntry {
        term: Term::TrunkLine,
        en: "trunk / line",
        zh: "中继线",
        meaning_en: "A telephone line into the centre; every call talking or waiting holds one. Sized with Erlang B.",
        meaning_zh: "接入呼叫中心的电话线路；通话中和排队中的来电各占一条。用 Erlang B 计算。",
    },
    GlossaryEntry {
        term: Term::OfferedLoad,
        en: "offered load",
        zh: "话务量",
        meaning_en: "The work arriving, in Erlangs: contacts × AHT ÷ interval length. 10 Erlangs would keep 10 agents busy all the time.",
        meaning_zh: "到达的工作量，以爱尔兰计：来电量 × 平均处理时长 ÷ 时段长度。10 爱尔兰足以让 10 名坐席一直忙碌。",
    },
    GlossaryEntry {
        term: Term::Erlang,
        en: "Erlang",
        zh: "爱尔兰",
        meaning_en: "The unit of load: one Erlang is one agent or line busy for the whole interval.",
        meaning_zh: "话务量单位：1 爱尔兰即一名坐席或一条线路整个时段都在忙。",
    },
    GlossaryEntry {
        term: Term::Patience,
        en: "patience",
        zh: "客户耐心时长",
        meaning_en: "How long callers wait, on average, before hanging up. Erlang A uses it; Erlang C assumes nobody hangs up.",
        meaning_zh: "客户挂断前平均愿意等待的时间。Erlang A 使用它；Erlang C 假设没有人挂断。",
    },
    GlossaryEntry {
        term: Term::FirstContactResolution,
        en: "first contact resolution (FCR)",
        zh: "首次呼叫解决率",
        meaning_en: "The share of contacts resolved at the first contact, with no repeat call.",
        meaning_zh: "首次联络即解决、无需再次来电的比例。",
    },
    GlossaryEntry {
        term: Term::CustomerSatisfaction,
        en: "customer satisfaction (CSAT)",
        zh: "客户满意度",
        meaning_en: "The share of surveyed customers satisfied with the contact.",
        meaning_zh: "接受调查的客户中对服务满意的比例。",
    },
    GlossaryEntry {
        term: Term::NetPromoterScore,
        en: "net promoter score (NPS)",
        zh: "净推荐值",
        meaning_en: "% promoters (9–10) minus % detractors (0–6) when asked whether they would recommend; −100 to 100.",
        meaning_zh: "被问是否愿意推荐时，推荐者（9–10 分）比例减去贬损者（0–6 分）比例，范围 −100 到 100。",
    },
    GlossaryEntry {
        term: Term::CostPerContact,
        en: "cost per contact",
        zh: "单位服务成本",
        meaning_en: "The centre's total cost ÷ the contacts it handled.",
        meaning_zh: "呼叫中心总成本 ÷ 处理的来电量。",
    },
    GlossaryEntry {
        term: Term::Attrition,
        en: "attrition",
        zh: "离职率",
        meaning_en: "The share of agents who leave per month (or year).",
        meaning_zh: "每月（或每年）离职坐席的比例。",
    },
    GlossaryEntry {
        term: Term::BalancedScorecard,
        en: "balanced scorecard",
        zh: "平衡记分卡",
        meaning_en: "A few KPIs across service, quality, cost and people, each with a target, read together.",
        meaning_zh: "涵盖服务、质量、成本和人员的几项关键指标，各有目标，放在一起看。",
    },
    GlossaryEntry {
        term: Term::WhatIf,
        en: "what-if",
        zh: "假设分析",
        meaning_en: "Changing one input (volume, AHT…) to see what follows for staff, service and cost.",
        meaning_zh: "改变一个输入（来电量、处理时长……），看人力、服务和成本随之如何变化。",
    },
    GlossaryEntry {
        term: Term::Scenario,
        en: "scenario",
        zh: "方案",
        meaning_en: "A named set of inputs, saved to compare with others.",
        meaning_zh: "一组有名称的输入，保存下来与其他方案比较。",
    },
    GlossaryEntry {
        term: Term::Ets,
        en: "exponential smoothing (ETS)",
        zh: "指数平滑法（ETS）",
        meaning_en: "The forecast's model family: level, trend and season, each updated by a weighted average that gives recent days more weight (error, trend, season).",
        meaning_zh: "预测所用的模型族：水平、趋势和季节性，各自按加权平均更新，越近的日子权重越大（误差、趋势、季节）。",
    },
    GlossaryEntry {
        term: Term::Aicc,
        en: "AICc",
        zh: "修正赤池信息准则（AICc）",
        meaning_en: "Akaike's information criterion corrected for short histories: how the forecast picks among models; lower is better, and extra parameters are penalised.",
        meaning_zh: "针对较短历史修正的赤池信息准则：预测据此在模型之间选择，越小越好，多余的参数会被扣分。",
    },
    GlossaryEntry {
        term: Term::Mape,
        en: "mean absolute percentage error (MAPE)",
        zh: "平均绝对百分比误差（MAPE）",
        meaning_en: "The mean of |actual − forecast| ÷ actual over the periods checked; quiet periods weigh as much as busy ones.",
        meaning_zh: "所检验各期 |实际 − 预测| ÷ 实际 的平均值；话务少的时段与繁忙时段权重相同。",
    },
    GlossaryEntry {
        term: Term::Wape,
        en: "weighted absolute percentage error (WAPE)",
        zh: "加权绝对百分比误差（WAPE）",
        meaning_en: "Σ|actual − forecast| ÷ Σ actual: the error weighted by volume, so busy periods count most.",
        meaning_zh: "Σ|实际 − 预测| ÷ Σ实际：按来电量加权的误差，繁忙时段影响最大。",
    },
    GlossaryEntry {
        term: Term::Bias,
        en: "bias",
        zh: "偏差",
        meaning_en: "Σ(forecast − actual) ÷ Σ actual: whether the forecast runs high (positive) or low (negative) on the whole.",
        meaning_zh: "Σ(预测 − 实际) ÷ Σ实际：预测整体偏高（正）还是偏低（负）。",
    },
    GlossaryEntry {
        term: Term::PredictionInterval,
        en: "prediction interval",
        zh: "预测区间",
        meaning_en: "The range the actual volume should fall in with a stated probability (e.g. 80 %); wider further ahead.",
        meaning_zh: "实际来电量以给定概率（如 80 %）落入的范围；预测得越远，区间越宽。",
    },
];

/// The glossary entry a label's term is explained by, if any.
pub fn glossary_term(label: Key) -> Option<Term> {
    Some(match label {
        Key::ServiceLevel => Term::ServiceLevel,
        Key::Asa => Term::AverageSpeedOfAnswer,
        Key::Abandon => Term::AbandonRate,
        Key::Occupancy => Term::Occupancy,
        Key::ScheduledFte => Term::FullTimeEquivalent,
        Key::Load => Term::OfferedLoad,
        Key::Lines => Term::TrunkLine,
        Key::RequiredAgents => Term::StaffingRequirement,
        Key::Aht => Term::AverageHandleTime,
        Key::SlTarget | Key::SlSeconds => Term::ServiceLevel,
        Key::Interval => Term::Interval,
        Key::Shrinkage => Term::Shrinkage,
        Key::MaxOccupancy => Term::Occupancy,
        Key::MaxAsa => Term::AverageSpeedOfAnswer,
        Key::MaxAbandon => Term::AbandonRate,
        Key::Patience => Term::Patience,
        Key::Agents => Term::AgentSeat,
        Key::Fcr => Term::FirstContactResolution,
        Key::Attrition => Term::Attrition,
        Key::StartHeadcount => Term::Headcount,
        _ => return None,
    })
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
            assert!(GLOSSARY.iter().any(|e| e.term == term), "{term:?}");
        }
        for entry in &GLOSSARY {
            assert!(!entry.meaning(Lang::En).is_empty() && !entry.meaning(Lang::Zh).is_empty());
        }
        assert_eq!(glossary_term(Key::Cost), None);
        for entry in &GLOSSARY {
            assert_eq!(Term::from_id(entry.term.id()), Some(entry.term));
        }
        assert_eq!(GLOSSARY.len(), 35);
        assert_eq!(Term::from_id("occupancy"), Some(Term::Occupancy));
        assert_eq!(Term::from_id("nonsense"), None);
    }

    /// The domain brief's glossary (copied from ../shared/domain.md §5):
    /// its "english 中文" pairs, split on " · ".
    fn domain_pairs() -> Vec<(String, String)> {
        let text = include_str!("../../tests/fixtures/domain-glossary.md");
        let start = text.find("service level").unwrap();
        let end = text[start..].find("\n\n").map_or(text.len(), |e| start + e);
        let joined = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        joined
            .split(" · ")
            .filter_map(|item| {
                let cut = item.find(|c: char| !c.is_ascii())?;
                let en = item[..cut].trim().to_string();
                let zh: String = item[cut..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '(')
                    .collect();
                Some((en, zh))
            })
            .collect()
    }

    /// "average handle time (AHT)" is "average handle time" in the brief.
    fn bare(en: &str) -> &str {
        en.split(" (").next().unwrap_or(en).trim()
    }

    #[test]
    fn the_terms_agree_with_the_domain_glossary() {
        let pairs = domain_pairs();
        assert!(pairs.len() > 40, "{pairs:?}");
        assert!(
            pairs.contains(&("shrinkage".into(), "缩减率".into())),
            "{pairs:?}"
        );
        assert!(
            pairs.contains(&("absenteeism".into(), "缺勤率".into())),
            "{pairs:?}"
        );
        let mut matched = 0;
        for entry in &GLOSSARY {
            if let Some((_, zh)) = pairs.iter().find(|(en, _)| en == bare(entry.en)) {
                matched += 1;
                assert!(
                    entry.zh.contains(zh.as_str()),
                    "{}: {} is not {zh}",
                    entry.en,
                    entry.zh
                );
            }
        }
        assert!(
            matched >= 28,
            "only {matched} terms are in the brief's glossary"
        );
        // Shrinkage is 缩减率 wherever the Chinese interface names it; 缺勤 is only absenteeism itself.
        for key in [
            Key::Shrinkage,
            Key::MathFte,
            Key::ScheduleAfterShrinkage,
            Key::AxisAgentsScheduled,
            Key::Step6,
        ] {
            let zh = crate::i18n::text(Lang::Zh, key);
            assert!(zh.contains("缩减") && !zh.contains("缺勤"), "{key:?}: {zh}");
        }
        for entry in &GLOSSARY {
            assert!(
                !entry.zh.contains("缺勤/") && !entry.zh.contains("人力当量"),
                "{}",
                entry.zh
            );
        }
    }

    #[test]
    fn the_forecast_terms_are_in_both_languages() {
        for (term, en, zh) in [
            (Term::Ets, "ETS", "指数平滑"),
            (Term::Aicc, "AICc", "赤池"),
            (Term::Mape, "MAPE", "平均绝对百分比误差"),
            (Term::Wape, "WAPE", "加权绝对百分比误差"),
            (Term::Bias, "bias", "偏差"),
            (Term::PredictionInterval, "prediction interval", "预测区间"),
        ] {
            let entry = GLOSSARY.iter().find(|e| e.term == term).unwrap();
            assert!(entry.en.contains(en) && entry.zh.contains(zh), "{term:?}");
            assert!(!entry.meaning_en.is_empty() && !entry.meaning_zh.is_empty());
        }
    }
}
