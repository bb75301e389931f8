//! The figures for the chosen interval, each with its unit and, where a
//! target exists, a met / not met mark (words and a symbol, not colour alone).

use leptos::prelude::*;

use ccplan_engine::staffing::Limit;

use crate::components::term_link::TermLink;
use crate::format::{grouped, money, percent};
use crate::i18n::{
    agents_text, answer_sentence, glossary_term, labelled, limit_text, problem_text, seconds, text,
    Key,
};
use crate::model::learn::{trunks, DEFAULT_MAX_BLOCKING};
use crate::model::staffing::ModelChoice;
use crate::store::use_store;

#[component]
fn Figure(
    label: Key,
    test_id: &'static str,
    value: Signal<String>,
    #[prop(optional)] met: Option<Signal<Option<bool>>>,
    #[prop(optional)] note: Option<Signal<String>>,
    /// The figure the answer leads with (drawn larger).
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let store = use_store();
    let mark = move || {
        let lang = store.lang.get();
        met.and_then(|m| m.get()).map(|ok| {
            let (class, key) = if ok {
                ("mark met", Key::Met)
            } else {
                ("mark not-met", Key::NotMet)
            };
            view! { <span class=class>{text(lang, key)}</span> }
        })
    };
    view! {
        <div class="figure" class:lead=lead>
            <dt>
                {move || text(store.lang.get(), label)}
                // The term explained in the Learn page's glossary.
                {glossary_term(label).map(|term| view! { " " <TermLink term=term label=label in_tab_order=true /> })}
            </dt>
            <dd>
                <span class="value" data-testid=test_id>{move || value.get()}</span>
                {mark}
                {move || note.map(|n| view! { <span class="note">{n.get()}</span> })}
            </dd>
        </div>
    }
}

/// A target's name in the page's `data-limit` attributes.
fn limit_code(limit: Limit) -> &'static str {
    match limit {
        Limit::ServiceLevel => "service_level",
        Limit::MaxAsa => "max_asa",
        Limit::MaxAbandon => "max_abandon",
        Limit::MaxOccupancy => "max_occupancy",
    }
}

#[component]
/// `math` is the "Show the math" block below the figures (the whole app's
/// `ShowMath`; the first visit's app leaves it out, the whole app adds it).
pub fn ResultsPanel(#[prop(optional, into)] math: ViewFn) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let result = move || store.outcome.with(|o| o.interval.clone().ok());
    let metric = move |pick: fn(&ccplan_engine::staffing::Metrics) -> f64| {
        move || result().and_then(|r| r.metrics.map(|m| pick(&m)))
    };
    let dash = || "—".to_string();
    let required =
        Signal::derive(move || result().map_or_else(dash, |r| r.required_agents.to_string()));
    let on_phones = Signal::derive(move || result().map_or_else(dash, |r| grouped(r.agents, 0)));
    let fte = Signal::derive(move || result().map_or_else(dash, |r| grouped(r.scheduled_fte, 1)));
    let sl = Signal::derive(move || metric(|m| m.service_level)().map_or_else(dash, percent));
    let asa =
        Signal::derive(move || metric(|m| m.asa_s)().map_or_else(dash, |v| seconds(lang.get(), v)));
    let p_wait = Signal::derive(move || metric(|m| m.p_wait)().map_or_else(dash, percent));
    let abandon = Signal::derive(move || metric(|m| m.p_abandon)().map_or_else(dash, percent));
    let occupancy = Signal::derive(move || metric(|m| m.occupancy)().map_or_else(dash, percent));
    // A figure followed by its unit's words.
    let with_unit = move |figure: String, unit: Key| format!("{figure} {}", text(lang.get(), unit));
    let hours = Signal::derive(move || {
        result().map_or_else(dash, |r| with_unit(grouped(r.agent_hours, 1), Key::PerHour))
    });
    let cost = Signal::derive(move || {
        result().map_or_else(dash, |r| money(store.currency.get(), r.cost, 2))
    });
    // Lines for the calls talking and waiting, at most 1 % busy signals (step 5).
    let lines = Signal::derive(move || {
        result()
            .and_then(|r| trunks(&r, DEFAULT_MAX_BLOCKING))
            .map_or_else(dash, |t| grouped(f64::from(t.lines), 0))
    });
    let load = Signal::derive(move || {
        result().map_or_else(dash, |r| with_unit(grouped(r.traffic, 2), Key::Erlangs))
    });
    let met = move |limit: Limit| Signal::derive(move || result().and_then(|r| r.met(limit)));
    // Why this many agents: the target that decides, and what each needs
    // alone. Its words are a memo, so the block is built again only when
    // they change, not on every key typed (issue 26, item 4).
    let why_words = Memo::new(move |_| {
        let lang = lang.get();
        let r = result()?;
        let decided_by = r
            .binding()
            .into_iter()
            .map(|limit| limit_text(lang, limit, &r.targets))
            .collect::<Vec<_>>()
            .join(" · ");
        let each = r
            .by_limit
            .iter()
            .map(|l| {
                let line = labelled(
                    lang,
                    &limit_text(lang, l.limit, &r.targets),
                    &agents_text(lang, l.agents),
                );
                (limit_code(l.limit), line, l.agents == r.required_agents)
            })
            .collect::<Vec<_>>();
        Some((decided_by, each))
    });
    let why = move || {
        let lang = lang.get();
        let (decided_by, each) = why_words.get()?;
        let each = each
            .into_iter()
            .map(|(code, line, binding)| view! { <li data-limit=code class:binding=binding>{line}</li> })
            .collect_view();
        Some(view! {
            <div class="why" data-testid="why-agents">
                <p>
                    <span class="why-label">{text(lang, Key::DecidedBy)}</span>
                    <strong data-testid="decided-by">{decided_by}</strong>
                </p>
                <p class="why-label">{text(lang, Key::EachTargetAlone)}</p>
                <ul data-testid="by-limit">{each}</ul>
            </div>
        })
    };
    let sl_note = Signal::derive(move || {
        let key = match store.staffing.with(|i| i.model) {
            ModelChoice::ErlangC => Key::SlDefinitionC,
            ModelChoice::ErlangA => Key::SlDefinitionA,
        };
        text(lang.get(), key).to_string()
    });
    let reverse = move || store.staffing.with(|i| i.reverse);
    let is_a = move || store.staffing.with(|i| i.model == ModelChoice::ErlangA);
    let unstable = move || {
        store
            .outcome
            .with(|o| matches!(&o.interval, Ok(r) if r.metrics.is_none()))
    };
    let failure = move || store.outcome.with(|o| o.interval.clone().err());
    // Issue 25, item 12: the one sentence a screen reader hears when the
    // answer changes (not every figure of the section).
    let answer = move || {
        let lang = lang.get();
        store.outcome.with(|o| match &o.interval {
            Ok(r) => answer_sentence(
                lang,
                r.required_agents,
                reverse().then_some(r.agents),
                r.metrics.map(|m| m.service_level),
            ),
            Err(problem) => problem_text(lang, problem),
        })
    };

    // The calculator is always one interval of the day: say which (a memo:
    // written only when the interval or the language changes).
    let from_interval = Memo::new(move |_| {
        let start = store
            .staffing
            .with(|s| s.interval_label(s.calculator_index()));
        format!("{} {start}", text(lang.get(), Key::FromInterval))
    });
    view! {
        <section class="panel results">
            <h2>{move || text(lang.get(), Key::Results)}</h2>
            <p class="sr-only" aria-live="polite" data-testid="answer-live">{answer}</p>
            <Show when=move || failure().is_some()>
                <p class="message error" data-testid="engine-problem">
                    {move || failure().map(|p| problem_text(lang.get(), &p))}
                </p>
            </Show>
            <Show when=unstable>
                <p class="message warning">{move || text(lang.get(), Key::Unstable)}</p>
            </Show>
            <p class="from-interval" data-testid="from-interval">{from_interval}</p>
            <dl class="figures">
                <Figure label=Key::RequiredAgents test_id="required-agents" value=required lead=true />
                <Show when=reverse>
                    <Figure label=Key::AgentsOnPhones test_id="agents-on-phones" value=on_phones />
                </Show>
                <Figure label=Key::ScheduledFte test_id="fte" value=fte />
                <Figure label=Key::ServiceLevel test_id="service-level" value=sl met=met(Limit::ServiceLevel) note=sl_note />
                <Figure label=Key::Asa test_id="asa" value=asa met=met(Limit::MaxAsa) />
                <Figure label=Key::PWait test_id="p-wait" value=p_wait />
                <Show when=is_a>
                    <Figure label=Key::Abandon test_id="abandon" value=abandon met=met(Limit::MaxAbandon) />
                </Show>
                <Figure label=Key::Occupancy test_id="occupancy" value=occupancy met=met(Limit::MaxOccupancy) />
                <Figure label=Key::Load test_id="load" value=load />
                <Figure label=Key::Lines test_id="lines" value=lines />
                <Figure label=Key::AgentHours test_id="agent-hours" value=hours />
                <Figure label=Key::Cost test_id="cost" value=cost />
            </dl>
            {why}
            {math.run()}
        </section>
    }
}
