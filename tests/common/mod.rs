//! Helpers shared by the engine tests: run a scenario text to its end.
#![allow(dead_code)]

use jobplay::api::Time;
use jobplay::cluster::store::{JobId, PodRecord};
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;

pub fn parse(text: &str) -> ScenarioFile {
    match ScenarioFile::parse(text) {
        Ok(f) => f,
        Err(e) => panic!("scenario does not parse: {}", e.message),
    }
}

pub fn run(text: &str) -> Cluster {
    let mut c = Cluster::new(&parse(text));
    c.run_to_end();
    c
}

pub fn run_until(text: &str, secs: f64) -> Cluster {
    let mut c = Cluster::new(&parse(text));
    c.advance_to(Time::from_secs_f64(secs));
    c
}

pub fn job(c: &Cluster) -> &jobplay::api::Job {
    &c.store.job(JobId(0)).job
}

pub fn reasons(c: &Cluster) -> Vec<String> {
    c.store.events().iter().map(|e| e.reason.clone()).collect()
}

pub fn messages(c: &Cluster) -> Vec<String> {
    c.store.events().iter().map(|e| e.message.clone()).collect()
}

pub fn created(c: &Cluster) -> Vec<f64> {
    c.store
        .pods()
        .map(|(_, p)| p)
        .map(|p| p.created_at.secs_f64())
        .collect()
}

pub fn pods(c: &Cluster) -> Vec<&PodRecord> {
    c.store.pods().map(|(_, p)| p).collect()
}

/// True conditions as (type, reason).
pub fn true_conditions(c: &Cluster) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = job(c)
        .status
        .conditions
        .iter()
        .filter(|c| c.status == "True")
        .map(|c| (c.type_.to_string(), c.reason.clone()))
        .collect();
    #[allow(clippy::disallowed_methods)] // native test code: the standard sort is fine
    v.sort();
    v
}

pub fn finished(c: &Cluster) -> Option<f64> {
    c.finished_at.map(|t| t.secs_f64())
}

/// A Job with a busybox container and the given spec lines (indented by 2) and scenario spec lines.
pub fn scenario(job_spec: &str, scenario_spec: &str) -> String {
    let mut s = String::from("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n");
    for l in job_spec.lines() {
        s.push_str("  ");
        s.push_str(l);
        s.push('\n');
    }
    if !job_spec.contains("template:") {
        s.push_str("  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n");
    }
    if !scenario_spec.trim().is_empty() {
        s.push_str("---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n");
        for l in scenario_spec.lines() {
            s.push_str("  ");
            s.push_str(l);
            s.push('\n');
        }
    }
    s
}
