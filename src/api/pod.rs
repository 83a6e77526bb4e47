//! The core/v1 Pod types: the pod template a Job carries, and the Pod object the
//! simulated cluster creates (spec and status). Fields the simulation reads are
//! typed; the rest of the PodSpec (volumes, affinity, probes ...) is known by name
//! and kept as opaque JSON so real manifests decode unchanged.

use super::meta::{string_enum, ObjectMeta, Time};
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;

string_enum! {
    /// `spec.restartPolicy` of a pod.
    RestartPolicy { Always = "Always", OnFailure = "OnFailure", Never = "Never" }
}

/// `spec.template` of a Job.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodTemplateSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PodSpec>,
}

macro_rules! opaque_fields {
    ($(#[$m:meta])* pub struct $name:ident {
        typed { $($f:ident $(= $rename:literal)? : $t:ty,)* }
        opaque { $($o:ident,)* }
    }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[serde(rename = $rename)])?
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $f: Option<$t>,
            )*
            $(
                // Boxed: most are absent, and a pod's spec is copied for every pod.
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $o: Option<Box<Value>>,
            )*
        }
        crate::from_node!($name { $($f $(= $rename)?,)* $($o,)* });
    };
}

opaque_fields! {
    /// core/v1 PodSpec.
    pub struct PodSpec {
        typed {
            // Shared: every pod of a Job holds the same container list.
            containers: Arc<Vec<Container>>,
            init_containers: Arc<Vec<Container>>,
            restart_policy: RestartPolicy,
            termination_grace_period_seconds: i64,
            active_deadline_seconds: i64,
            hostname: String,
            subdomain: String,
            node_selector: std::collections::BTreeMap<String, String>,
            service_account_name: String,
            node_name: String,
            scheduler_name: String,
            priority_class_name: String,
            set_hostname_as_fqdn = "setHostnameAsFQDN": bool,
            host_pid = "hostPID": bool,
            host_ipc = "hostIPC": bool,
        }
        opaque {
            volumes, ephemeral_containers, dns_policy, service_account,
            automount_service_account_token, host_network,
            share_process_namespace, security_context, image_pull_secrets, affinity,
            tolerations, host_aliases, priority, dns_config, readiness_gates, runtime_class_name,
            enable_service_links, preemption_policy, overhead, topology_spread_constraints, os,
            host_users, scheduling_gates, resource_claims, resources, hostname_override,
        }
    }
}

impl PodSpec {
    /// Containers and init containers, to change (copied first if shared).
    pub fn containers_mut(&mut self) -> impl Iterator<Item = &mut Container> {
        self.containers
            .iter_mut()
            .flat_map(|a| Arc::make_mut(a).iter_mut())
            .chain(
                self.init_containers
                    .iter_mut()
                    .flat_map(|a| Arc::make_mut(a).iter_mut()),
            )
    }
    pub fn containers(&self) -> &[Container] {
        self.containers.as_deref().map(Vec::as_slice).unwrap_or(&[])
    }
    pub fn init_containers(&self) -> &[Container] {
        self.init_containers
            .as_deref()
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
    /// The grace period; a negative value is accepted by the API server (with a warning) and
    /// treated as 1 s.
    pub fn grace_period_seconds(&self) -> i64 {
        match self.termination_grace_period_seconds {
            Some(g) if g < 0 => 1,
            Some(g) => g,
            None => 30,
        }
    }
}

opaque_fields! {
    /// core/v1 Container.
    pub struct Container {
        typed {
            name: String,
            image: String,
            command: Vec<String>,
            args: Vec<String>,
            env: Vec<EnvVar>,
            working_dir: String,
            image_pull_policy: String,
            restart_policy: String,
        }
        opaque {
            ports, env_from, resources, resize_policy, restart_policy_rules, volume_mounts,
            volume_devices, liveness_probe, readiness_probe, startup_probe, lifecycle,
            termination_message_path, termination_message_policy, security_context, stdin,
            stdin_once, tty,
        }
    }
}

impl Container {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
    pub fn env(&self) -> &[EnvVar] {
        self.env.as_deref().unwrap_or(&[])
    }
}

/// core/v1 EnvVar.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvVar {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_from: Option<Value>,
}

string_enum! {
    /// `status.phase` of a pod.
    PodPhase { Pending = "Pending", Running = "Running", Succeeded = "Succeeded", Failed = "Failed", NodeLost = "Unknown" }
}

impl PodPhase {
    pub fn is_terminal(&self) -> bool {
        matches!(self, PodPhase::Succeeded | PodPhase::Failed)
    }
}

/// Text that is usually a literal (`Ready`, `True`, `PodCompleted`): no allocation then.
pub type Text = std::borrow::Cow<'static, str>;

/// A pod condition (`Ready`, `DisruptionTarget`, ...).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodCondition {
    #[serde(rename = "type")]
    pub type_: Text,
    pub status: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    pub last_transition_time: Time,
}

/// The state of a container (exactly one of the three is set).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ContainerState {
    Waiting {
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Running { started_at: Time },
    #[serde(rename_all = "camelCase")]
    Terminated {
        exit_code: i32,
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        started_at: Time,
        finished_at: Time,
    },
}

/// core/v1 ContainerStatus.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStatus {
    pub name: String,
    pub image: String,
    pub ready: bool,
    pub restart_count: i32,
    pub started: bool,
    pub state: ContainerState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_state: Option<ContainerState>,
}

/// core/v1 PodStatus.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodStatus {
    pub phase: PodPhase,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<PodCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub init_container_statuses: Vec<ContainerStatus>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub container_statuses: Vec<ContainerStatus>,
}

impl Default for PodStatus {
    fn default() -> Self {
        PodStatus {
            phase: PodPhase::Pending,
            conditions: Vec::new(),
            reason: None,
            message: None,
            start_time: None,
            init_container_statuses: Vec::new(),
            container_statuses: Vec::new(),
        }
    }
}

impl PodStatus {
    pub fn condition(&self, type_: &str) -> Option<&PodCondition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
    pub fn is_ready(&self) -> bool {
        self.condition("Ready").is_some_and(|c| c.status == "True")
    }
    pub fn restart_count(&self) -> i32 {
        self.container_statuses
            .iter()
            .chain(self.init_container_statuses.iter())
            .map(|c| c.restart_count)
            .sum()
    }
    /// Set a condition, keeping `lastTransitionTime` when the status does not change.
    pub fn set_condition(
        &mut self,
        type_: &'static str,
        status: &'static str,
        reason: Option<&'static str>,
        message: Option<&'static str>,
        now: Time,
    ) {
        self.set_condition_text(
            type_.into(),
            status.into(),
            reason.map(Text::from),
            message.map(Text::from),
            now,
        )
    }

    /// [`set_condition`](Self::set_condition) with text that is not a literal.
    pub fn set_condition_text(
        &mut self,
        type_: Text,
        status: Text,
        reason: Option<Text>,
        message: Option<Text>,
        now: Time,
    ) {
        if let Some(c) = self.conditions.iter_mut().find(|c| c.type_ == type_) {
            if c.status != status {
                c.last_transition_time = now;
            }
            c.status = status;
            c.reason = reason;
            c.message = message;
        } else {
            self.conditions.push(PodCondition {
                type_,
                status,
                reason,
                message,
                last_transition_time: now,
            });
        }
    }
}

/// A Pod object as the simulated API server holds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pod {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: PodSpec,
    pub status: PodStatus,
}

// Strict decoding from YAML (see `api::decode`).
crate::from_node!(PodTemplateSpec { metadata, spec });
crate::from_node!(EnvVar {
    name,
    value,
    value_from
});
