//! `jobplay run --json`: the run as one JSON object (see the scenario format):
//! the workload, the Jobs a CronJob created, every pod ever created with its
//! times, every event, and when the workload finished.

use crate::cluster::store::PodRecord;
use crate::cluster::{Cluster, Root};
use serde_json::{json, Map, Value};

fn secs(t: crate::api::Time) -> Value {
    json!(t.secs_f64())
}

/// A Job as `kubectl get job -o json` shows it.
pub fn job_json(c: &Cluster, id: crate::cluster::store::JobId) -> Value {
    let rec = c.store.job(id);
    let mut job = rec.job.clone();
    job.api_version = Some("batch/v1".into());
    job.kind = Some("Job".into());
    let mut v = serde_json::to_value(&job).unwrap_or(Value::Null);
    if let (Some(r), Some(obj)) = (rec.removed_at, v.as_object_mut()) {
        obj.insert("deletedAt".into(), secs(r));
    }
    v
}

/// A pod with the simulation's times.
pub fn pod_json(r: &PodRecord) -> Value {
    let mut v = serde_json::to_value(&r.pod).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("createdAt".into(), secs(r.created_at));
        obj.insert(
            "startedAt".into(),
            r.started_at.map(secs).unwrap_or(Value::Null),
        );
        obj.insert(
            "finishedAt".into(),
            r.finished_at.map(secs).unwrap_or(Value::Null),
        );
        if let Some(d) = r.removed_at {
            obj.insert("deletedAt".into(), secs(d));
        }
        if let Some(cause) = &r.cause {
            obj.insert(
                "cause".into(),
                json!({"explain": cause.explain(), "detail": cause}),
            );
        }
    }
    v
}

/// The whole run.
pub fn run_json(c: &Cluster) -> Value {
    let mut out = Map::new();
    let (workload, jobs) = match c.root {
        Root::Job(j) => (job_json(c, j), Vec::new()),
        Root::CronJob => {
            let mut cj = c.store.cronjob.clone().unwrap_or_default();
            cj.api_version = Some("batch/v1".into());
            cj.kind = Some("CronJob".into());
            let jobs = c.store.job_ids().map(|j| job_json(c, j)).collect();
            (serde_json::to_value(&cj).unwrap_or(Value::Null), jobs)
        }
    };
    out.insert("job".into(), workload);
    out.insert("jobs".into(), Value::Array(jobs));
    out.insert(
        "pods".into(),
        Value::Array(c.store.pods().map(|(_, p)| pod_json(p)).collect()),
    );
    let events: Vec<Value> = c
        .store
        .events()
        .iter()
        .map(|e| {
            let mut m = json!({
                "time": e.time.secs_f64(),
                "object": e.object,
                "type": e.type_.as_str(),
                "reason": e.reason,
                "message": e.message,
                "source": e.source,
            });
            if let Some(cause) = &e.cause {
                m["cause"] = json!({"explain": cause.explain(), "detail": cause});
            }
            m
        })
        .collect();
    out.insert("events".into(), Value::Array(events));
    let notes: Vec<Value> = c
        .store
        .notes()
        .iter()
        .map(|n| json!({"time": n.time.secs_f64(), "job": c.store.get_job(n.job).map(|j| j.job.name()), "explain": n.cause.explain(), "detail": n.cause}))
        .collect();
    out.insert("notes".into(), Value::Array(notes));
    out.insert(
        "finishedAt".into(),
        c.finished_at.map(secs).unwrap_or(Value::Null),
    );
    out.insert("endedAt".into(), secs(c.now));
    if let Some(h) = &c.halted {
        out.insert(
            "halted".into(),
            json!({"at": h.at.secs_f64(), "message": h.message}),
        );
    }
    if !c.action_errors.is_empty() {
        let errs: Vec<Value> = c
            .action_errors
            .iter()
            .map(|(i, t, m)| json!({"action": i, "time": t.secs_f64(), "message": m}))
            .collect();
        out.insert("actionErrors".into(), Value::Array(errs));
    }
    Value::Object(out)
}
