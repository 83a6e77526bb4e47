//! Job Playground: the Kubernetes batch/v1 Job controller, re-implemented as a
//! deterministic, sans-IO simulation. `api` is the API model and validation,
//! `scenario` the input contract, `cluster` the simulated cluster (store, kubelet,
//! clock), `controller` the Job, CronJob and TTL controllers, `view` what kubectl
//! and the CLI print. `ui` is the web page (its Yew parts wasm32 only).

pub mod api;
pub mod cli;
pub mod cluster;
pub mod controller;
pub mod gallery;
pub mod link;
pub mod scenario;
pub mod sim;
pub mod sort;
pub mod view;

/// The web page: its engine adapter, strings and form logic everywhere (tested
/// natively); its Yew components on wasm32 only.
pub mod ui;
