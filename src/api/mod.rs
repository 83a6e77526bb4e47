//! The Kubernetes API model: the batch/v1 Job and CronJob types and the core/v1 Pod
//! types they use, decoding from YAML with the API server's strictness, defaulting,
//! and validation with the API server's messages.

pub mod cronjob;
pub mod field;
pub mod indexes;
pub mod job;
pub mod meta;
pub mod pod;

pub use cronjob::*;
pub use field::{BadValue, ErrorType, FieldError, Invalid};
pub use indexes::{CompletionIndex, IndexSet};
pub use job::*;
pub use meta::{LabelSelector, ObjectMeta, OwnerReference, Time};
pub use pod::*;
pub mod decode;
pub mod defaults;
pub mod locate;
pub mod number;
pub mod patch;
pub mod validation;
pub mod yaml;
