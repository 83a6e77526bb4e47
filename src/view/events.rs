//! The Events an API server holds about an object, as `kubectl describe` lists them.
//!
//! The simulation records every event a controller emits. A real controller
//! sends them through client-go's `EventCorrelator` (tools/record), which
//! changes what reaches the API:
//!
//! * identical events (same source, object, type, reason and message) become one
//!   Event whose `count` grows and whose `lastTimestamp` moves (`x3 over 10s`);
//! * from the 10th distinct message with the same source, object, type and reason
//!   within 10 minutes, events are merged into one Event with the message
//!   `(combined from similar events): <latest message>`;
//! * a token bucket per source and object (burst 25, one more every 5 minutes)
//!   drops events beyond that rate.
//!
//! The API server then deletes an Event one hour after its last write
//! (kube-apiserver `--event-ttl=1h`). kubectl sorts the Events by last timestamp
//! (whole seconds, Go's unstable `sort.Sort`).

use crate::api::Time;
use crate::cluster::store::Event;
use std::collections::HashMap;

/// kube-apiserver's default `--event-ttl`.
pub const EVENT_TTL_MS: u64 = 3_600_000;
const AGGREGATE_MAX_EVENTS: usize = 10;
const AGGREGATE_INTERVAL_MS: u64 = 600_000;
const SPAM_BURST: f64 = 25.0;
const SPAM_QPS_PER_MS: f64 = 1.0 / 300.0 / 1000.0;

/// A core/v1 Event as the API server holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiEvent {
    pub type_: String,
    pub reason: String,
    pub message: String,
    /// `source.component`.
    pub source: String,
    pub count: u32,
    pub first_timestamp: Time,
    pub last_timestamp: Time,
    /// When the API server last wrote it (for the TTL).
    last_write: Time,
    /// Order of the Event's name (`<object>.<creation time>`) in a list.
    order: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyKind {
    Single,
    Aggregate,
}

type Key = (KeyKind, String, String, String);

struct Observation {
    count: u32,
    first: Time,
    order: usize,
}

struct Aggregate {
    messages: Vec<String>,
    last: Time,
}

/// The Events about one object, given the events recorded about it (in the order
/// they were emitted), as the API server holds them at `now`, in list order.
pub fn api_events<'a>(recorded: impl IntoIterator<Item = &'a Event>, now: Time) -> Vec<ApiEvent> {
    let mut aggregates: HashMap<(String, String, String), Aggregate> = HashMap::new();
    let mut observed: HashMap<Key, Observation> = HashMap::new();
    let mut stored: HashMap<Key, ApiEvent> = HashMap::new();
    // Token bucket per source (the object is fixed): (tokens, last refill).
    let mut buckets: HashMap<String, (f64, Time)> = HashMap::new();
    let mut next_order = 0usize;
    for e in recorded {
        if e.time > now {
            continue;
        }
        let t = e.time;
        let source = e.source.to_string();
        let type_ = e.type_.as_str().to_string();
        // EventAggregator.
        let agg_key = (source.clone(), type_.clone(), e.reason.clone());
        let agg = aggregates.entry(agg_key).or_insert(Aggregate {
            messages: Vec::new(),
            last: t,
        });
        if t.0.saturating_sub(agg.last.0) > AGGREGATE_INTERVAL_MS {
            agg.messages.clear();
        }
        if !agg.messages.contains(&e.message) {
            agg.messages.push(e.message.clone());
        }
        agg.last = t;
        let (key, message) = if agg.messages.len() < AGGREGATE_MAX_EVENTS {
            (
                (
                    KeyKind::Single,
                    type_.clone(),
                    e.reason.clone(),
                    e.message.clone(),
                ),
                e.message.clone(),
            )
        } else {
            // Go pops any element to keep the set below the threshold; keep the oldest.
            agg.messages.pop();
            (
                (
                    KeyKind::Aggregate,
                    type_.clone(),
                    e.reason.clone(),
                    String::new(),
                ),
                format!("(combined from similar events): {}", e.message),
            )
        };
        // eventLogger: count identical events.
        let obs = observed.entry(key.clone()).or_insert_with(|| {
            next_order += 1;
            Observation {
                count: 0,
                first: t,
                order: next_order,
            }
        });
        obs.count += 1;
        let (count, first, order) = (obs.count, obs.first, obs.order);
        // EventSourceObjectSpamFilter.
        let bucket = buckets.entry(source.clone()).or_insert((SPAM_BURST, t));
        let available =
            (bucket.0 + (t.0.saturating_sub(bucket.1 .0)) as f64 * SPAM_QPS_PER_MS).min(SPAM_BURST);
        if available < 1.0 {
            continue;
        }
        *bucket = (available - 1.0, t);
        // Create or patch the Event (a patch of an expired Event turns into a create
        // with the same name, count and first timestamp: the same result).
        let ev = stored.entry(key).or_insert_with(|| ApiEvent {
            type_: type_.clone(),
            reason: e.reason.clone(),
            message: message.clone(),
            source: source.clone(),
            count,
            first_timestamp: first,
            last_timestamp: t,
            last_write: t,
            order,
        });
        ev.count = count;
        ev.message = message;
        ev.last_timestamp = t;
        ev.last_write = t;
    }
    let mut list: Vec<ApiEvent> = stored
        .into_values()
        .filter(|ev| now.0 < ev.last_write.0.saturating_add(EVENT_TTL_MS))
        .collect();
    crate::sort::sort_by_key(&mut list, |ev| ev.order);
    list
}

/// Whole seconds, as timestamps are stored in the API.
pub fn api_seconds(t: Time) -> u64 {
    t.0 / 1000
}

/// The Events sorted as `kubectl describe` prints them.
pub fn sorted_for_describe(mut list: Vec<ApiEvent>) -> Vec<ApiEvent> {
    super::gosort::sort(&mut list, |a, b| {
        api_seconds(a.last_timestamp) < api_seconds(b.last_timestamp)
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::store::EventType;

    fn ev(t: u64, reason: &str, message: &str) -> Event {
        Event {
            time: Time(t),
            object: "Job/x".into(),
            type_: EventType::Normal,
            reason: reason.into(),
            message: message.into(),
            source: "job-controller",
            cause: None,
            job: None,
        }
    }

    #[test]
    fn identical_events_are_counted() {
        let r = [
            ev(0, "A", "same"),
            ev(5_000, "B", "other"),
            ev(10_000, "A", "same"),
            ev(20_000, "A", "same"),
        ];
        let l = api_events(&r, Time(30_000));
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].count, 3);
        assert_eq!(l[0].first_timestamp, Time(0));
        assert_eq!(l[0].last_timestamp, Time(20_000));
        assert_eq!(l[1].reason, "B");
    }

    #[test]
    fn tenth_distinct_message_is_combined() {
        let r: Vec<Event> = (0..12)
            .map(|i| ev(i * 1000, "SuccessfulCreate", &format!("Created pod: p{i}")))
            .collect();
        let l = api_events(&r, Time(60_000));
        assert_eq!(l.len(), 10);
        assert_eq!(l[8].message, "Created pod: p8");
        assert_eq!(
            l[9].message,
            "(combined from similar events): Created pod: p11"
        );
        assert_eq!(l[9].count, 3);
    }

    #[test]
    fn spam_filter_and_ttl() {
        let r: Vec<Event> = (0..30).map(|i| ev(0, &format!("R{i}"), "m")).collect();
        assert_eq!(api_events(&r, Time(1000)).len(), 25);
        // One token comes back every 5 minutes.
        let mut r2 = r.clone();
        r2.push(ev(300_000, "Late", "m"));
        assert_eq!(api_events(&r2, Time(300_000)).len(), 26);
        // Events leave the API an hour after their last write.
        assert_eq!(api_events(&r2, Time(3_600_000)).len(), 1);
        assert!(api_events(&r2, Time(3_900_000)).is_empty());
    }
}
