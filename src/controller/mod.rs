//! The controllers of kube-controller-manager that the playground simulates:
//! the Job controller, the CronJob controller and the TTL-after-finished controller.
//! They read and write objects in the store only.

pub mod cronjob;
pub mod job;
pub mod ttl;
