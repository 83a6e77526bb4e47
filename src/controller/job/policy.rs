//! Pod failure policy and success policy matching
//! (`pod_failure_policy.go`, `success_policy.go`).

use crate::api::{
    ContainerState, ContainerStatus, ExitCodeOperator, IndexSet, Pod, PodFailurePolicy,
    PodFailurePolicyAction, SuccessPolicy,
};

/// The outcome of matching a failed pod against the pod failure policy.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyMatch {
    /// The FailJob message, when a FailJob rule matched.
    pub fail_job: Option<String>,
    /// Whether the failure counts toward backoffLimit (false for Ignore).
    pub count: bool,
    pub action: Option<PodFailurePolicyAction>,
    pub rule: Option<usize>,
    pub container: Option<String>,
    pub exit_code: Option<i32>,
    pub condition: Option<String>,
}

fn matching_container<'a>(
    list: &'a [ContainerStatus],
    r: &crate::api::OnExitCodesRequirement,
) -> Option<(&'a ContainerStatus, i32)> {
    for cs in list {
        let ContainerState::Terminated { exit_code, .. } = &cs.state else {
            continue;
        };
        if r.container_name.as_deref().is_some_and(|n| n != cs.name) || *exit_code == 0 {
            continue;
        }
        let within = r.values.contains(exit_code);
        let ok = match r.operator {
            Some(ExitCodeOperator::In) => within,
            Some(ExitCodeOperator::NotIn) => !within,
            _ => false,
        };
        if ok {
            return Some((cs, *exit_code));
        }
    }
    None
}

/// `matchPodFailurePolicy`: rules in order, the first match decides; no match counts.
pub fn match_pod_failure_policy(policy: Option<&PodFailurePolicy>, pod: &Pod) -> PolicyMatch {
    let none = PolicyMatch {
        fail_job: None,
        count: true,
        action: None,
        rule: None,
        container: None,
        exit_code: None,
        condition: None,
    };
    let Some(policy) = policy else { return none };
    let ns = pod.metadata.namespace();
    let name = pod.metadata.name();
    for (i, rule) in policy.rules.iter().enumerate() {
        let Some(action) = rule.action.clone() else {
            continue;
        };
        if let Some(req) = &rule.on_exit_codes {
            let found = matching_container(&pod.status.container_statuses, req)
                .or_else(|| matching_container(&pod.status.init_container_statuses, req));
            if let Some((cs, code)) = found {
                let mut m = PolicyMatch {
                    rule: Some(i),
                    container: Some(cs.name.clone()),
                    exit_code: Some(code),
                    action: Some(action.clone()),
                    ..none.clone()
                };
                match action {
                    PodFailurePolicyAction::Ignore => m.count = false,
                    PodFailurePolicyAction::FailJob => {
                        m.fail_job = Some(format!(
                            "Container {} for pod {ns}/{name} failed with exit code {code} matching FailJob rule at index {i}",
                            cs.name
                        ));
                    }
                    _ => {}
                }
                return m;
            }
        } else if let Some(patterns) = &rule.on_pod_conditions {
            let found = pod.status.conditions.iter().find(|c| {
                patterns.iter().any(|p| {
                    p.type_ == c.type_ && p.status.as_deref().unwrap_or("True") == c.status
                })
            });
            if let Some(c) = found {
                let mut m = PolicyMatch {
                    rule: Some(i),
                    condition: Some(c.type_.to_string()),
                    action: Some(action.clone()),
                    ..none.clone()
                };
                match action {
                    PodFailurePolicyAction::Ignore => m.count = false,
                    PodFailurePolicyAction::FailJob => {
                        m.fail_job = Some(format!(
                            "Pod {ns}/{name} has condition {} matching FailJob rule at index {i}",
                            c.type_
                        ));
                    }
                    _ => {}
                }
                return m;
            }
        }
    }
    none
}

/// Parse an index list bounded by `completions`, dropping what does not fit
/// (the controller's lenient `parseIndexesFromString`).
pub fn parse_indexes(s: &str, completions: i32) -> IndexSet {
    let mut set = IndexSet::new();
    if completions <= 0 {
        return set;
    }
    let limit = completions as u32;
    for part in s.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => match (a.parse::<u32>(), b.parse::<u32>()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return IndexSet::new(),
            },
            None => match part.parse::<u32>() {
                Ok(v) => (v, v),
                Err(_) => return IndexSet::new(),
            },
        };
        if a >= limit {
            continue;
        }
        set.insert_range(a, b.min(limit - 1));
    }
    set
}

fn overlap(rule: &IndexSet, succeeded: &IndexSet) -> u64 {
    let (r, s) = (rule.ranges(), succeeded.ranges());
    let (mut i, mut j, mut total) = (0, 0, 0u64);
    while i < r.len() && j < s.len() {
        let lo = r[i].0.max(s[j].0);
        let hi = r[i].1.min(s[j].1);
        if hi >= lo {
            total += (hi - lo) as u64 + 1;
        }
        if s[j].1 < r[i].1 {
            j += 1;
        } else if s[j].1 > r[i].1 {
            i += 1;
        } else {
            i += 1;
            j += 1;
        }
    }
    total
}

/// `matchSuccessPolicy`: the first rule satisfied by the succeeded indexes.
pub fn match_success_policy(
    policy: Option<&SuccessPolicy>,
    completions: i32,
    succeeded: &IndexSet,
) -> Option<usize> {
    let policy = policy?;
    if succeeded.is_empty() {
        return None;
    }
    for (i, rule) in policy.rules.iter().enumerate() {
        if let Some(idx) = &rule.succeeded_indexes {
            let required = parse_indexes(idx, completions);
            if required.is_empty() {
                continue;
            }
            let contains = overlap(&required, succeeded);
            if contains == required.len()
                || rule
                    .succeeded_count
                    .is_some_and(|c| contains >= c.max(0) as u64)
            {
                return Some(i);
            }
        } else if let Some(c) = rule.succeeded_count {
            if succeeded.len() >= c.max(0) as u64 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::SuccessPolicyRule;

    #[test]
    fn success_policy_rules() {
        let p = SuccessPolicy {
            rules: vec![SuccessPolicyRule {
                succeeded_indexes: Some("0,2-3".into()),
                succeeded_count: Some(1),
            }],
        };
        assert_eq!(
            match_success_policy(Some(&p), 10, &IndexSet::parse("2").unwrap()),
            Some(0)
        );
        assert_eq!(
            match_success_policy(Some(&p), 10, &IndexSet::parse("1,4").unwrap()),
            None
        );
        let p = SuccessPolicy {
            rules: vec![SuccessPolicyRule {
                succeeded_indexes: Some("0-2".into()),
                succeeded_count: None,
            }],
        };
        assert_eq!(
            match_success_policy(Some(&p), 10, &IndexSet::parse("0,1").unwrap()),
            None
        );
        assert_eq!(
            match_success_policy(Some(&p), 10, &IndexSet::parse("0-5").unwrap()),
            Some(0)
        );
        let p = SuccessPolicy {
            rules: vec![SuccessPolicyRule {
                succeeded_indexes: None,
                succeeded_count: Some(3),
            }],
        };
        assert_eq!(
            match_success_policy(Some(&p), 10, &IndexSet::parse("1,5,7").unwrap()),
            Some(0)
        );
    }

    #[test]
    fn lenient_index_parse() {
        assert_eq!(parse_indexes("0,2-4,9", 5).to_string(), "0,2-4");
        assert!(parse_indexes("a", 5).is_empty());
    }
}
