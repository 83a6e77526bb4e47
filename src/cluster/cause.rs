//! Why something happened: a short, machine-readable cause the controllers attach
//! to every action they take (creating or deleting a pod, setting a condition,
//! waiting for backoff), kept with the event log so the page can explain it.

use crate::api::Time;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Cause {
    /// A pod was created because fewer pods were active than wanted.
    #[serde(rename_all = "camelCase")]
    Create {
        active: i32,
        want: i32,
        parallelism: i32,
        completions: Option<i32>,
        succeeded: i32,
        index: Option<u32>,
    },
    /// Creation waits for the pod-failure backoff.
    #[serde(rename_all = "camelCase")]
    BackoffWait {
        failures: i32,
        delay_ms: u64,
        last_failure: Time,
        until: Time,
    },
    /// Creation of an index waits for its own backoff (backoffLimitPerIndex).
    #[serde(rename_all = "camelCase")]
    IndexBackoffWait {
        index: u32,
        failures: i32,
        delay_ms: u64,
        until: Time,
    },
    /// More pods were active than wanted.
    #[serde(rename_all = "camelCase")]
    DeleteSurplus {
        active: i32,
        want: i32,
    },
    /// The Job is suspended: its active pods are deleted.
    DeleteSuspended,
    /// The Job is finishing: its remaining pods are deleted.
    #[serde(rename_all = "camelCase")]
    DeleteFinishing {
        reason: String,
    },
    /// Too many failed pods.
    #[serde(rename_all = "camelCase")]
    BackoffLimit {
        failed: i32,
        limit: i32,
    },
    /// Too many container restarts (restartPolicy OnFailure).
    #[serde(rename_all = "camelCase")]
    RestartLimit {
        restarts: i32,
        limit: i32,
    },
    /// activeDeadlineSeconds passed.
    #[serde(rename_all = "camelCase")]
    Deadline {
        start: Time,
        seconds: i64,
    },
    /// A pod failure policy rule with action FailJob matched.
    #[serde(rename_all = "camelCase")]
    FailJobRule {
        rule: usize,
        pod: String,
        container: Option<String>,
        exit_code: Option<i32>,
        condition: Option<String>,
    },
    /// Too many indexes failed.
    #[serde(rename_all = "camelCase")]
    MaxFailedIndexes {
        failed: u64,
        max: i32,
    },
    /// Every index finished and some failed.
    #[serde(rename_all = "camelCase")]
    FailedIndexes {
        failed: u64,
        completed: u64,
    },
    /// A success policy rule matched.
    #[serde(rename_all = "camelCase")]
    SuccessPolicy {
        rule: usize,
    },
    /// Enough pods succeeded.
    #[serde(rename_all = "camelCase")]
    CompletionsReached {
        succeeded: i32,
        completions: Option<i32>,
    },
    /// The terminal condition waited for terminating pods.
    #[serde(rename_all = "camelCase")]
    TerminalAfterTerminating {
        interim: String,
    },
    Suspended,
    Resumed,
    /// Someone deleted the pod by hand (a Scenario action).
    DeletedByUser,
    /// The pod was evicted (a Scenario action or rule; DisruptionTarget).
    Evicted,
    /// The Job was deleted: the garbage collector deletes its pods.
    #[serde(rename_all = "camelCase")]
    JobDeleted {
        policy: String,
    },
    /// ttlSecondsAfterFinished expired.
    #[serde(rename_all = "camelCase")]
    TtlExpired {
        finished: Time,
        ttl: i32,
    },
    /// The CronJob started a Job for a schedule time.
    #[serde(rename_all = "camelCase")]
    Scheduled {
        scheduled_unix: i64,
        missed: u64,
    },
    /// The CronJob did not start a Job because one is still running (Forbid).
    ConcurrencyForbid,
    /// The CronJob replaced a running Job (Replace).
    ConcurrencyReplace,
    /// The CronJob history limit removed an old Job.
    #[serde(rename_all = "camelCase")]
    HistoryLimit {
        limit: i32,
        kept: String,
    },
    /// A Job managed by another controller is left alone.
    #[serde(rename_all = "camelCase")]
    ManagedElsewhere {
        manager: String,
    },
    /// A scripted Scenario action.
    #[serde(rename_all = "camelCase")]
    Action {
        index: usize,
    },
}

fn secs(ms: u64) -> String {
    crate::view::duration::short_seconds(ms)
}

impl Cause {
    /// One sentence, in English, saying why.
    pub fn explain(&self) -> String {
        match self {
            Cause::Create { active, want, parallelism, completions, succeeded, index } => {
                let idx = index.map(|i| format!("index {i}: ")).unwrap_or_default();
                match completions {
                    Some(c) => format!(
                        "{idx}created: {active} active < {want} wanted (parallelism {parallelism}, {succeeded} of {c} completions done)"
                    ),
                    None => format!("{idx}created: {active} active < parallelism {parallelism} (work queue, no pod has succeeded yet)"),
                }
            }
            Cause::BackoffWait { failures, delay_ms, until, .. } => format!(
                "not replaced until t={}: backoff {} after {failures} consecutive failure{}",
                secs(until.0),
                secs(*delay_ms),
                if *failures == 1 { "" } else { "s" }
            ),
            Cause::IndexBackoffWait { index, failures, delay_ms, until } => format!(
                "index {index} not recreated until t={}: backoff {} after {failures} failure{} of this index",
                secs(until.0),
                secs(*delay_ms),
                if *failures == 1 { "" } else { "s" }
            ),
            Cause::DeleteSurplus { active, want } => format!("deleted: {active} active > {want} wanted"),
            Cause::DeleteSuspended => "deleted: the Job is suspended (not counted as a failure)".into(),
            Cause::DeleteFinishing { reason } => format!("deleted: the Job is finishing ({reason})"),
            Cause::BackoffLimit { failed, limit } => {
                format!("Failed: {failed} failed pods > backoffLimit {limit}")
            }
            Cause::RestartLimit { restarts, limit } => {
                format!("Failed: {restarts} container restarts >= backoffLimit {limit} (restartPolicy OnFailure)")
            }
            Cause::Deadline { start, seconds } => format!(
                "Failed: active since t={} for {seconds} s = activeDeadlineSeconds",
                secs(start.0)
            ),
            Cause::FailJobRule { rule, pod, container, exit_code, condition } => match (container, exit_code, condition) {
                (Some(c), Some(code), _) => {
                    format!("Failed: FailJob rule {rule} matched exit code {code} of container {c} (pod {pod})")
                }
                (_, _, Some(cond)) => format!("Failed: FailJob rule {rule} matched condition {cond} of pod {pod}"),
                _ => format!("Failed: FailJob rule {rule} matched pod {pod}"),
            },
            Cause::MaxFailedIndexes { failed, max } => {
                format!("Failed: {failed} failed indexes > maxFailedIndexes {max}")
            }
            Cause::FailedIndexes { failed, completed } => {
                format!("Failed: every index finished, {failed} failed and {completed} completed")
            }
            Cause::SuccessPolicy { rule } => format!("Complete: success policy rule {rule} is satisfied"),
            Cause::CompletionsReached { succeeded, completions } => match completions {
                Some(c) => format!("Complete: {succeeded} succeeded >= completions {c}"),
                None => format!("Complete: {succeeded} succeeded and no pod is active (work queue)"),
            },
            Cause::TerminalAfterTerminating { interim } => {
                format!("{interim} was set earlier; the terminal condition waited until no pod was terminating")
            }
            Cause::Suspended => "spec.suspend is true".into(),
            Cause::Resumed => "spec.suspend became false: startTime restarts now".into(),
            Cause::DeletedByUser => "deleted by hand (a scenario action)".into(),
            Cause::Evicted => "evicted: the pod got the DisruptionTarget condition".into(),
            Cause::JobDeleted { policy } => format!("the Job was deleted ({policy} propagation)"),
            Cause::TtlExpired { finished, ttl } => format!(
                "ttlSecondsAfterFinished {ttl} after finishing at t={}: deleted",
                secs(finished.0)
            ),
            Cause::Scheduled { scheduled_unix, missed } => {
                let when = crate::cluster::wallclock::format_rfc3339(*scheduled_unix);
                if *missed > 1 {
                    format!("scheduled for {when} ({missed} start times were missed; only the latest runs)")
                } else {
                    format!("scheduled for {when}")
                }
            }
            Cause::ConcurrencyForbid => "not started: concurrencyPolicy Forbid and a Job is still active".into(),
            Cause::ConcurrencyReplace => "concurrencyPolicy Replace: the running Job is deleted".into(),
            Cause::HistoryLimit { limit, kept } => format!("deleted: history limit {limit} keeps {kept}"),
            Cause::ManagedElsewhere { manager } => {
                format!("spec.managedBy is {manager}: the built-in Job controller leaves this Job alone")
            }
            Cause::Action { index } => format!("scenario action {index}"),
        }
    }

    /// The sentence in a language: `ko` for Korean, anything else for English.
    /// Field names and API terms stay as Kubernetes prints them.
    pub fn explain_in(&self, lang: &str) -> String {
        if lang.starts_with("ko") {
            self.explain_ko()
        } else {
            self.explain()
        }
    }

    /// One sentence, in Korean.
    pub fn explain_ko(&self) -> String {
        match self {
            Cause::Create { active, want, parallelism, completions, succeeded, index } => {
                let idx = index.map(|i| format!("인덱스 {i}: ")).unwrap_or_default();
                match completions {
                    Some(c) => format!(
                        "{idx}생성: 활성 {active}개 < 원하는 {want}개 (parallelism {parallelism}, completions {c} 중 {succeeded}개 완료)"
                    ),
                    None => format!("{idx}생성: 활성 {active}개 < parallelism {parallelism} (작업 대기열, 아직 성공한 파드 없음)"),
                }
            }
            Cause::BackoffWait { failures, delay_ms, until, .. } => format!(
                "t={}까지 대체하지 않음: 연속 실패 {failures}번 뒤 백오프 {}",
                secs(until.0),
                secs(*delay_ms)
            ),
            Cause::IndexBackoffWait { index, failures, delay_ms, until } => format!(
                "인덱스 {index}는 t={}까지 다시 만들지 않음: 이 인덱스의 실패 {failures}번 뒤 백오프 {}",
                secs(until.0),
                secs(*delay_ms)
            ),
            Cause::DeleteSurplus { active, want } => format!("삭제: 활성 {active}개 > 원하는 {want}개"),
            Cause::DeleteSuspended => "삭제: 잡이 일시 중지됨 (실패로 세지 않음)".into(),
            Cause::DeleteFinishing { reason } => format!("삭제: 잡이 끝나는 중 ({reason})"),
            Cause::BackoffLimit { failed, limit } => format!("Failed: 실패한 파드 {failed}개 > backoffLimit {limit}"),
            Cause::RestartLimit { restarts, limit } => {
                format!("Failed: 컨테이너 재시작 {restarts}번 >= backoffLimit {limit} (restartPolicy OnFailure)")
            }
            Cause::Deadline { start, seconds } => {
                format!("Failed: t={}부터 {seconds}초 동안 활성 = activeDeadlineSeconds", secs(start.0))
            }
            Cause::FailJobRule { rule, pod, container, exit_code, condition } => match (container, exit_code, condition) {
                (Some(c), Some(code), _) => {
                    format!("Failed: FailJob 규칙 {rule}이 컨테이너 {c}의 종료 코드 {code}에 맞음 (파드 {pod})")
                }
                (_, _, Some(cond)) => format!("Failed: FailJob 규칙 {rule}이 파드 {pod}의 컨디션 {cond}에 맞음"),
                _ => format!("Failed: FailJob 규칙 {rule}이 파드 {pod}에 맞음"),
            },
            Cause::MaxFailedIndexes { failed, max } => {
                format!("Failed: 실패한 인덱스 {failed}개 > maxFailedIndexes {max}")
            }
            Cause::FailedIndexes { failed, completed } => {
                format!("Failed: 모든 인덱스가 끝남, 실패 {failed}개, 완료 {completed}개")
            }
            Cause::SuccessPolicy { rule } => format!("Complete: 성공 정책 규칙 {rule}이 충족됨"),
            Cause::CompletionsReached { succeeded, completions } => match completions {
                Some(c) => format!("Complete: 성공 {succeeded}개 >= completions {c}"),
                None => format!("Complete: 성공 {succeeded}개, 활성 파드 없음 (작업 대기열)"),
            },
            Cause::TerminalAfterTerminating { interim } => {
                format!("{interim}가 먼저 설정되고, 종료 중인 파드가 없어진 뒤 최종 컨디션이 추가됨")
            }
            Cause::Suspended => "spec.suspend가 true".into(),
            Cause::Resumed => "spec.suspend가 false가 됨: startTime을 지금으로 다시 설정".into(),
            Cause::DeletedByUser => "직접 삭제함 (시나리오 동작)".into(),
            Cause::Evicted => "축출됨: 파드에 DisruptionTarget 컨디션이 붙음".into(),
            Cause::JobDeleted { policy } => format!("잡이 삭제됨 ({policy} 전파)"),
            Cause::TtlExpired { finished, ttl } => {
                format!("t={}에 끝난 뒤 ttlSecondsAfterFinished {ttl}초가 지나 삭제됨", secs(finished.0))
            }
            Cause::Scheduled { scheduled_unix, missed } => {
                let when = crate::cluster::wallclock::format_rfc3339(*scheduled_unix);
                if *missed > 1 {
                    format!("{when} 일정 (놓친 시작 시각 {missed}개 중 가장 최근 것만 실행)")
                } else {
                    format!("{when} 일정")
                }
            }
            Cause::ConcurrencyForbid => "시작하지 않음: concurrencyPolicy Forbid이고 잡이 아직 활성".into(),
            Cause::ConcurrencyReplace => "concurrencyPolicy Replace: 실행 중인 잡을 삭제함".into(),
            Cause::HistoryLimit { limit, .. } => format!("삭제: 기록 한도 {limit}개를 넘음"),
            Cause::ManagedElsewhere { manager } => {
                format!("spec.managedBy가 {manager}: 기본 잡 컨트롤러는 이 잡을 건드리지 않음")
            }
            Cause::Action { index } => format!("시나리오 동작 {index}"),
        }
    }
}
