//! Classroom exercises: a situation (the staffing inputs), a question in
//! the trainer's words and the figure asked for. The answer is never in the
//! link: the app computes it from the situation, so a student checks an
//! answer against the same engine that gives the worked solution.

use serde::{Deserialize, Serialize};

use crate::model::number::parse_number;
use crate::model::staffing::{compute, typical_weekday_with_peak, IntervalResult, StaffingInputs};

/// Longest question a link may carry, in characters (the trainer's box
/// holds no more).
pub use crate::model::limits::MAX_QUESTION_CHARS;

/// Signs a student may type before a cost (`$250`, `¥ 250`).
const CURRENCY_SIGNS: &str = "$€£¥₹₩";

/// The figure an exercise asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asked {
    Load,
    RequiredAgents,
    ServiceLevel,
    Asa,
    Occupancy,
    Fte,
    Lines,
    Cost,
}

impl Asked {
    pub const ALL: [Asked; 8] = [
        Asked::Load,
        Asked::RequiredAgents,
        Asked::ServiceLevel,
        Asked::Asa,
        Asked::Occupancy,
        Asked::Fte,
        Asked::Lines,
        Asked::Cost,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Asked::Load => "load",
            Asked::RequiredAgents => "required_agents",
            Asked::ServiceLevel => "service_level",
            Asked::Asa => "asa",
            Asked::Occupancy => "occupancy",
            Asked::Fte => "fte",
            Asked::Lines => "lines",
            Asked::Cost => "cost",
        }
    }

    pub fn from_code(code: &str) -> Option<Asked> {
        Asked::ALL.into_iter().find(|a| a.code() == code)
    }

    /// How far an answer may be from the computed one and still be right:
    /// whole numbers exactly, the rest to the last digit the page shows.
    fn tolerance(self) -> f64 {
        match self {
            Asked::RequiredAgents | Asked::Lines => 0.0,
            Asked::Load | Asked::Cost => 0.01,
            Asked::ServiceLevel | Asked::Occupancy | Asked::Asa | Asked::Fte => 0.1,
        }
    }

    /// Decimals of the answer as the page shows it.
    pub fn decimals(self) -> usize {
        match self {
            Asked::RequiredAgents | Asked::Lines => 0,
            Asked::Load | Asked::Cost => 2,
            _ => 1,
        }
    }
}

/// An exercise as a link carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub question: String,
    pub asked: Asked,
    pub inputs: StaffingInputs,
    /// The trainer's choice that students see no worked solution (only
    /// whether their answer is right). Left out of the link when false, so
    /// links made before the choice existed read the same.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hide_solution: bool,
}

/// How a typed answer compares with the computed one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Right,
    Wrong,
    /// Not a number.
    Unreadable,
    /// Nothing typed yet: not an attempt, the student is asked for a number.
    Empty,
}

impl Exercise {
    /// Whether a link's exercise may be shown: a question of sensible
    /// length, inputs that pass every check stored data must pass, and a
    /// figure that exists for them (an unstable queue has no service level).
    pub fn is_valid(&self) -> bool {
        let length = self.question.chars().count();
        length > 0
            && length <= MAX_QUESTION_CHARS
            && !self.inputs.reverse
            && self.inputs.is_valid()
            && self.answer().is_some()
    }

    /// The interval's result for the situation.
    pub fn result(&self) -> Option<IntervalResult> {
        compute(&self.inputs).interval.ok()
    }

    /// The answer, in the unit the page shows (% for shares, s, agents…).
    pub fn answer(&self) -> Option<f64> {
        let r = self.result()?;
        let m = r.metrics;
        Some(match self.asked {
            Asked::Load => r.traffic,
            Asked::RequiredAgents => f64::from(r.required_agents),
            Asked::ServiceLevel => m?.service_level * 100.0,
            Asked::Asa => m?.asa_s,
            Asked::Occupancy => m?.occupancy * 100.0,
            Asked::Fte => r.scheduled_fte,
            Asked::Lines => f64::from(
                crate::model::learn::trunks(&r, crate::model::learn::DEFAULT_MAX_BLOCKING)?.lines,
            ),
            Asked::Cost => r.cost,
        })
    }

    /// Checks a typed answer (`14`, `88.8`, `88,8`, `88.8 %`, `¥ 262.50`)
    /// against the answer rounded as the page shows it.
    pub fn check(&self, typed: &str) -> Verdict {
        if typed.trim().is_empty() {
            return Verdict::Empty;
        }
        let cleaned = typed
            .trim()
            .trim_start_matches(|c: char| CURRENCY_SIGNS.contains(c) || c.is_whitespace())
            .trim_end_matches('%')
            .trim_end_matches('s')
            .trim();
        let (Ok(value), Some(answer)) = (parse_number(cleaned), self.answer()) else {
            return Verdict::Unreadable;
        };
        let scale = 10_f64.powi(self.asked.decimals() as i32);
        let shown = (answer * scale).round() / scale;
        if (value - shown).abs() <= self.asked.tolerance() + 1e-9 {
            Verdict::Right
        } else {
            Verdict::Wrong
        }
    }
}

/// The built-in exercises, one per step ccplan computes (1, 4, 5, 6, 8);
/// each asks a different figure, and its question's words are the page's
/// (by the figure asked), so `question` is left empty.
pub fn built_in() -> Vec<Exercise> {
    let base = StaffingInputs {
        volume: 100.0,
        // The calculator is the busiest interval of its day.
        intraday: typical_weekday_with_peak(100.0),
        aht_s: 180.0,
        sl_target_pct: 80.0,
        sl_seconds: 20.0,
        interval_min: 30.0,
        ..StaffingInputs::default()
    };
    // Each exercise is the base situation, changed where its question needs it.
    let exercise = |asked, change: fn(&mut StaffingInputs)| {
        let mut inputs = base.clone();
        change(&mut inputs);
        Exercise {
            question: String::new(),
            asked,
            inputs,
            hide_solution: false,
        }
    };
    vec![
        exercise(Asked::Load, |_| {}),
        exercise(Asked::RequiredAgents, |_| {}),
        exercise(Asked::ServiceLevel, |inputs| {
            inputs.max_occupancy_pct = 100.0;
            inputs.sl_target_pct = 60.0;
        }),
        exercise(Asked::Lines, |_| {}),
        exercise(Asked::Fte, |_| {}),
        exercise(Asked::Cost, |inputs| {
            inputs.shrinkage_pct = 35.0;
            inputs.cost_per_hour = 22.0;
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{decode_value, encode_value, LinkError};

    fn exercise(asked: Asked) -> Exercise {
        Exercise {
            question: "How many agents?".into(),
            asked,
            inputs: StaffingInputs {
                volume: 100.0,
                intraday: typical_weekday_with_peak(100.0),
                aht_s: 180.0,
                ..StaffingInputs::default()
            },
            hide_solution: false,
        }
    }

    #[test]
    fn answers_are_computed_and_checked_as_shown() {
        use Verdict::{Empty, Right, Unreadable, Wrong};
        let verdicts = |e: &Exercise, typed: &[&str]| -> Vec<Verdict> {
            typed.iter().map(|t| e.check(t)).collect()
        };
        let agents = exercise(Asked::RequiredAgents);
        assert_eq!(agents.answer(), Some(14.0));
        assert_eq!(
            verdicts(&agents, &["14", " 14 ", "13", "fourteen", "", "  "]),
            [Right, Right, Wrong, Unreadable, Empty, Empty]
        );
        let sl = exercise(Asked::ServiceLevel);
        assert_eq!(
            verdicts(&sl, &["88.8", "88,8 %", "88.9", "89"]),
            [Right, Right, Right, Wrong]
        );
        assert_eq!(exercise(Asked::Load).check("10"), Right);
        // 14 agents, 85 % occupancy allowed, 30 % shrinkage: 20 FTE for
        // half an hour at 25 an hour.
        let cost = exercise(Asked::Cost);
        assert_eq!(cost.answer(), Some(250.0));
        assert_eq!(
            verdicts(&cost, &["250", "$250.00", "¥ 250,00", "250.02"]),
            [Right, Right, Right, Wrong]
        );
        assert!(Asked::ALL
            .iter()
            .all(|a| Asked::from_code(a.code()) == Some(*a)));
    }

    #[test]
    fn built_in_exercises_have_answers() {
        for e in built_in() {
            let e = Exercise {
                question: "q".into(),
                ..e
            };
            assert!(e.is_valid(), "{:?}", e.asked);
        }
    }

    #[test]
    fn links_round_trip_and_hostile_ones_are_refused() {
        let e = exercise(Asked::ServiceLevel);
        let back: Exercise = decode_value(&encode_value(&e)).unwrap();
        assert_eq!(back, e);
        assert!(back.is_valid());
        // Markup in the question is kept as text (the page shows it as text).
        let markup = Exercise {
            question: "<img src=x onerror=alert(1)>".into(),
            ..e.clone()
        };
        assert!(decode_value::<Exercise>(&encode_value(&markup))
            .unwrap()
            .is_valid());
        let refused = |bad: Exercise| !bad.is_valid();
        assert!(refused(Exercise {
            question: String::new(),
            ..e.clone()
        }));
        assert!(refused(Exercise {
            question: "x".repeat(MAX_QUESTION_CHARS + 1),
            ..e.clone()
        }));
        let mut nan = e.clone();
        nan.inputs.aht_s = -5.0;
        assert!(refused(nan));
        // Too few agents for Erlang C has no service level to ask about.
        let mut reverse = e.clone();
        reverse.inputs.reverse = true;
        assert!(refused(reverse));
        // Not an exercise at all, an unknown figure, damage.
        assert_eq!(
            decode_value::<Exercise>("1.AAAA"),
            Err(LinkError::Malformed)
        );
        let unknown = encode_value(&serde_json::json!({
            "question": "q", "asked": "salary", "inputs": StaffingInputs::default()
        }));
        assert_eq!(decode_value::<Exercise>(&unknown), Err(LinkError::Invalid));
        // The trainer's choice to hide the solution travels in the link;
        // a link without it (made before the choice existed) shows it.
        let hidden = Exercise {
            hide_solution: true,
            ..e.clone()
        };
        let back: Exercise = decode_value(&encode_value(&hidden)).unwrap();
        assert!(back.hide_solution && back.is_valid());
        let old = encode_value(&serde_json::json!({
            "question": "q", "asked": "fte", "inputs": StaffingInputs::default()
        }));
        assert_eq!(
            decode_value::<Exercise>(&old).map(|e| e.hide_solution),
            Ok(false)
        );
        let extra = encode_value(&serde_json::json!({
            "question": "q", "asked": "fte", "inputs": StaffingInputs::default(), "answer": 3
        }));
        assert_eq!(decode_value::<Exercise>(&extra), Err(LinkError::Invalid));
    }
}
