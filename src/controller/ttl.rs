//! The TTL-after-finished controller: a finished Job with `ttlSecondsAfterFinished`
//! is deleted (foreground cascading deletion) that many seconds after its
//! Complete or Failed condition. It records no events.

use crate::api::{JobConditionType, Time};
use crate::cluster::cause::Cause;
use crate::cluster::store::{JobId, Propagation, Store};
use crate::cluster::timers::Timer;
use crate::cluster::Ctx;

/// When the Job expires, if it is finished and has a TTL.
fn expiry(store: &Store, id: JobId) -> Option<(Time, Time, i32)> {
    let rec = store.live_job(id)?;
    if rec.job.metadata.deletion_timestamp.is_some() {
        return None;
    }
    let ttl = rec.job.spec.ttl_seconds_after_finished?;
    let finish = rec.job.status.conditions.iter().find(|c| {
        c.is_true()
            && matches!(
                c.type_,
                JobConditionType::Complete | JobConditionType::Failed
            )
    })?;
    let at = finish
        .last_transition_time
        .plus_ms(ttl.max(0) as u64 * 1000);
    Some((at, finish.last_transition_time, ttl))
}

/// A Job was added or updated: arm the timer if it is finished with a TTL.
pub fn on_job_changed(ctx: &mut Ctx<'_>, id: JobId) {
    if let Some((at, _, _)) = expiry(ctx.store, id) {
        ctx.timers.push(at.max(ctx.now), Timer::TtlCheck(id));
    }
}

/// The timer fired: read the Job again (the TTL may have changed) and delete it if expired.
pub fn on_timer(ctx: &mut Ctx<'_>, id: JobId) {
    let Some((at, finished, ttl)) = expiry(ctx.store, id) else {
        return;
    };
    if at > ctx.now {
        ctx.timers.push(at, Timer::TtlCheck(id));
        return;
    }
    ctx.store
        .note(ctx.now, id, Cause::TtlExpired { finished, ttl });
    ctx.store.delete_job(id, ctx.now, Propagation::Foreground);
}
