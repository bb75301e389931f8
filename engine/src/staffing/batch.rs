//! Many requirement searches at once, sharing what they can: the batch a
//! front end answers when it is handed a day (or any list) of requests.

use super::search::{erlang_c_first, required_agents_near};
use super::{Model, Requirement, Targets};
use crate::erlang_b::Blocking;
use crate::error::{check_aht, check_traffic, Result};
use crate::plan::blocking_states;
use std::collections::HashMap;

/// The arguments of one [`required_agents`](super::required_agents) call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Search {
    pub traffic: f64,
    pub aht_s: f64,
    pub model: Model,
    pub targets: Targets,
}

/// [`required_agents`](super::required_agents) for each of `searches`, in order: bit for bit the
/// answer (or the error) each call alone gives, for less work on a day.
///
/// Two things are shared. A search whose arguments equal an earlier one's
/// bit for bit reuses its answer (the search is a deterministic function of
/// them; a symmetric day repeats about a fifth of its loads). And the
/// Erlang B recursions where the Erlang C searches start are run four side
/// by side (`erlang_b::at_each`, bit for bit `Blocking::at`), as
/// [`crate::plan::plan_day`] does: a recursion step waits for a division, and
/// four independent ones share that wait. Erlang A searches run as
/// [`required_agents`](super::required_agents) runs them.
///
/// ```
/// use ccplan_engine::staffing::{required_agents, required_agents_each, Model, Search, Targets};
/// let targets = Targets::new(0.8, 20.0)?;
/// let day: Vec<Search> = [10.0, 57.5, 10.0, 400.0]
///     .iter()
///     .map(|&traffic| Search { traffic, aht_s: 180.0, model: Model::ErlangC, targets })
///     .collect();
/// let each = required_agents_each(&day);
/// assert_eq!(each[2], required_agents(10.0, 180.0, Model::ErlangC, &targets));
/// assert_eq!(each[3], required_agents(400.0, 180.0, Model::ErlangC, &targets));
/// # Ok::<(), ccplan_engine::Error>(())
/// ```
pub fn required_agents_each(searches: &[Search]) -> Vec<Result<Requirement>> {
    // The first search with each set of arguments; the others copy it.
    let mut first_with: HashMap<[u64; 9], usize> = HashMap::with_capacity(searches.len());
    let firsts: Vec<usize> = searches
        .iter()
        .enumerate()
        .map(|(i, search)| *first_with.entry(bits(search)).or_insert(i))
        .collect();
    let starts = erlang_c_starts(searches, &firsts);
    let mut answers: Vec<Result<Requirement>> = Vec::with_capacity(searches.len());
    for (i, search) in searches.iter().enumerate() {
        let answer = if firsts[i] < i {
            answers[firsts[i]].clone()
        } else {
            required_agents_near(
                search.traffic,
                search.aht_s,
                search.model,
                &search.targets,
                None,
                starts[i],
            )
        };
        answers.push(answer);
    }
    answers
}

/// Erlang B where each first Erlang C search starts ([`erlang_c_first`]),
/// computed side by side (`plan::blocking_states`); `None` for the
/// searches that start without it (Erlang A, a repeat, no traffic, or
/// arguments the search itself will refuse).
fn erlang_c_starts(searches: &[Search], firsts: &[usize]) -> Vec<Option<Blocking>> {
    blocking_states(searches.iter().enumerate().map(|(i, search)| {
        if firsts[i] < i || !matches!(search.model, Model::ErlangC) {
            return None;
        }
        let traffic = check_traffic(search.traffic).ok()?;
        check_aht(search.aht_s).ok()?;
        Some((traffic, erlang_c_first(traffic, &search.targets)?))
    }))
}

/// A search's arguments as bits, so that equal keys mean equal searches
/// (floating-point `==` would take −0 for 0).
fn bits(search: &Search) -> [u64; 9] {
    let optional = |value: Option<f64>| value.map_or((0, 0), |v| (1, v.to_bits()));
    let (model, patience) = match search.model {
        Model::ErlangC => (0, 0),
        Model::ErlangA { patience_s } => (1, patience_s.to_bits()),
    };
    let t = &search.targets;
    let (asa_set, asa) = optional(t.max_asa_s());
    let (abandon_set, abandon) = optional(t.max_abandon());
    let (occupancy_set, occupancy) = optional(t.max_occupancy());
    [
        search.traffic.to_bits(),
        search.aht_s.to_bits(),
        model | asa_set << 1 | abandon_set << 2 | occupancy_set << 3,
        patience,
        t.service_level().to_bits(),
        t.target_s().to_bits(),
        asa,
        abandon,
        occupancy,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::required_agents;

    /// Every answer, error included, is the one `required_agents` gives
    /// alone, to the last bit: a day with repeated loads, several target
    /// sets and both models mixed in one batch, and arguments it refuses.
    #[test]
    fn each_answer_is_the_lone_search_s_to_the_last_bit() {
        let eighty_twenty = Targets::new(0.8, 20.0).unwrap();
        let capped = Targets::new(0.9, 10.0)
            .and_then(|t| t.with_max_occupancy(0.85))
            .and_then(|t| t.with_max_asa_s(6.0))
            .and_then(|t| t.with_max_abandon(0.03))
            .unwrap();
        let tiny_cap = eighty_twenty.with_max_occupancy(1e-9).unwrap();
        let mut searches = Vec::new();
        for i in 0..96 {
            let traffic = 50.0 + 4950.0 * (std::f64::consts::PI * f64::from(i) / 95.0).sin();
            for (model, targets) in [
                (Model::ErlangC, eighty_twenty),
                (Model::ErlangC, capped),
                (Model::ErlangA { patience_s: 120.0 }, capped),
            ] {
                searches.push(Search {
                    traffic: traffic / 7.0,
                    aht_s: 300.0,
                    model,
                    targets,
                });
            }
        }
        for (traffic, aht_s, model, targets) in [
            (0.0, 300.0, Model::ErlangC, eighty_twenty),
            (-0.0, 300.0, Model::ErlangC, eighty_twenty),
            (0.3, 180.0, Model::ErlangC, eighty_twenty),
            (-1.0, 180.0, Model::ErlangC, eighty_twenty),
            (f64::NAN, 180.0, Model::ErlangC, eighty_twenty),
            (10.0, 0.0, Model::ErlangC, eighty_twenty),
            (10.0, 180.0, Model::ErlangC, tiny_cap),
            (
                10.0,
                180.0,
                Model::ErlangA { patience_s: -5.0 },
                eighty_twenty,
            ),
            (10.0, 180.0, Model::ErlangC, eighty_twenty),
            (10.0, 180.0, Model::ErlangC, eighty_twenty),
            (
                10.0,
                180.0,
                Model::ErlangA { patience_s: 90.0 },
                eighty_twenty,
            ),
        ] {
            searches.push(Search {
                traffic,
                aht_s,
                model,
                targets,
            });
        }
        let each = required_agents_each(&searches);
        assert_eq!(each.len(), searches.len());
        for (search, answer) in searches.iter().zip(&each) {
            let alone =
                required_agents(search.traffic, search.aht_s, search.model, &search.targets);
            // `==` on the figures would take −0 for 0; `{:?}` prints every
            // f64 in the shortest form that reads back to its bits.
            assert_eq!(format!("{answer:?}"), format!("{alone:?}"), "{search:?}");
        }
        assert!(each.iter().filter(|a| a.is_err()).count() >= 5);
        assert!(required_agents_each(&[]).is_empty());
    }
}
