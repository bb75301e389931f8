//! "Only the latest answer counts": the rule every worker request of the
//! store follows (the scorecard's projection, a heavy day, the forecast and
//! its staffing needs, the schedule), written once.

use leptos::prelude::*;

/// Where the newest request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    /// Nothing asked yet, or the requests were cancelled.
    Idle,
    /// The newest request has not been answered yet.
    Waiting,
    /// The newest request's answer has been applied.
    Answered,
}

/// A series of requests of which only the newest one's answer is applied.
///
/// Each [`request`](Latest::request) takes a ticket (a number higher than
/// any before it) and returns the callback for its answer: the callback
/// applies the answer only if no newer request was made meanwhile, so an
/// answer that comes late, after a newer one or instead of it, never
/// overwrites the newer state. It also tracks whether the newest request is
/// still in flight ([`in_flight`](Latest::in_flight)) or answered
/// ([`settled`](Latest::settled)). The callback may outlive the component
/// that made it: once the component is gone, it does nothing.
///
/// Requests that may all be wanted at once (one per scenario on the
/// compare page) take one `Latest` each, by key.
///
/// ```
/// use ccplan_app::store::Latest;
/// use leptos::prelude::*;
///
/// let shown = RwSignal::new(None);
/// let latest = Latest::new();
/// // With the engine worker: `store.engine.run(job, latest.request(apply))`.
/// let first = latest.request(move |answer| shown.set(Some(answer)));
/// let second = latest.request(move |answer| shown.set(Some(answer)));
/// second("the second request's answer");
/// first("the first one's, too late");
/// assert_eq!(shown.get_untracked(), Some("the second request's answer"));
/// ```
#[derive(Clone, Copy)]
pub struct Latest {
    /// The newest ticket handed out.
    newest: StoredValue<u64>,
    progress: RwSignal<Progress>,
}

impl Default for Latest {
    fn default() -> Self {
        Latest::new()
    }
}

impl Latest {
    pub fn new() -> Self {
        Latest {
            newest: StoredValue::new(0),
            progress: RwSignal::new(Progress::Idle),
        }
    }

    /// Starts a new request: every earlier one's answer is ignored from now
    /// on. Returns the callback for this request's answer, which calls
    /// `apply` with it if no newer request was started meanwhile. A
    /// callback dropped unanswered (the engine worker was stopped) ends the
    /// wait: the request is no longer in flight.
    pub fn request<T>(self, apply: impl FnOnce(T) + 'static) -> impl FnOnce(T) + 'static {
        let ticket = self.newest.try_update_value(|newest| {
            *newest += 1;
            *newest
        });
        self.progress.try_set(Progress::Waiting);
        let mut unanswered = Unanswered {
            latest: self,
            ticket,
        };
        move |answer| {
            unanswered.disarm();
            if ticket.is_some() && self.newest.try_get_value() == ticket {
                apply(answer);
                self.progress.try_set(Progress::Answered);
            }
        }
    }

    /// Drops every request in flight (there is nothing to ask now): none of
    /// their answers will be applied.
    pub fn cancel(self) {
        self.newest.try_update_value(|newest| *newest += 1);
        self.progress.try_set(Progress::Idle);
    }

    /// What is asked now is already answered (it went back to what an
    /// earlier answer was for): a request still in flight is for something
    /// else since, and its answer must not replace the one that fits.
    /// Without this, an answer for the inputs left behind would arrive
    /// last and stay, and nothing would ask again.
    pub fn already_answered(self) {
        if self.progress.get_untracked() == Progress::Waiting {
            self.cancel();
        }
    }

    /// Whether the newest request is waiting for its answer.
    pub fn in_flight(self) -> Signal<bool> {
        Memo::new(move |_| self.progress.get() == Progress::Waiting).into()
    }

    /// Whether the newest request has been answered (nothing in flight,
    /// and something asked since the last cancel).
    pub fn settled(self) -> Signal<bool> {
        Memo::new(move |_| self.progress.get() == Progress::Answered).into()
    }
}

/// Ends the wait for a request whose callback is dropped unanswered.
struct Unanswered {
    latest: Latest,
    /// `None` once answered.
    ticket: Option<u64>,
}

impl Unanswered {
    /// The request was answered: nothing to end on drop.
    fn disarm(&mut self) {
        self.ticket = None;
    }
}

impl Drop for Unanswered {
    fn drop(&mut self) {
        if self.ticket.is_some() && self.latest.newest.try_get_value() == self.ticket {
            self.latest.progress.try_set(Progress::Idle);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_request_is_answered_and_tracked() {
        let shown = RwSignal::new(None);
        let latest = Latest::new();
        let (in_flight, settled) = (latest.in_flight(), latest.settled());
        assert!(!in_flight.get_untracked() && !settled.get_untracked());
        let first = latest.request(move |n: u32| shown.set(Some(n)));
        let second = latest.request(move |n: u32| shown.set(Some(n)));
        assert!(in_flight.get_untracked() && !settled.get_untracked());
        first(1);
        assert_eq!(shown.get_untracked(), None);
        assert!(in_flight.get_untracked());
        second(2);
        assert_eq!(shown.get_untracked(), Some(2));
        assert!(!in_flight.get_untracked() && settled.get_untracked());
    }

    #[test]
    fn a_cancelled_request_is_never_applied() {
        let shown = RwSignal::new(None);
        let latest = Latest::new();
        let asked = latest.request(move |n: u32| shown.set(Some(n)));
        latest.cancel();
        assert!(!latest.in_flight().get_untracked());
        asked(1);
        assert_eq!(shown.get_untracked(), None);
        assert!(!latest.settled().get_untracked());
    }

    #[test]
    fn going_back_to_what_is_answered_drops_the_request_in_flight() {
        // Answered for A; B asked; back to A, already shown: B's late
        // answer must not replace A's.
        let shown = RwSignal::new(None);
        let latest = Latest::new();
        latest.request(move |n: &str| shown.set(Some(n)))("A");
        let for_b = latest.request(move |n: &str| shown.set(Some(n)));
        latest.already_answered();
        assert!(!latest.in_flight().get_untracked());
        for_b("B");
        assert_eq!(shown.get_untracked(), Some("A"));
        // With nothing in flight it changes nothing: still settled.
        let latest = Latest::new();
        latest.request(|_: u32| {})(1);
        latest.already_answered();
        assert!(latest.settled().get_untracked());
    }

    #[test]
    fn a_request_dropped_unanswered_is_no_longer_in_flight() {
        let latest = Latest::new();
        let in_flight = latest.in_flight();
        let older = latest.request(|_: u32| {});
        let newest = latest.request(|_: u32| {});
        drop(older);
        assert!(
            in_flight.get_untracked(),
            "an older request's end changes nothing"
        );
        drop(newest);
        assert!(!in_flight.get_untracked());
        assert!(!latest.settled().get_untracked());
    }
}
