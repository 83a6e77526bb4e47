//! The page state: one [`Reducible`] value changed only through [`Action`]s.
//!
//! The running [`Cluster`] is the one large mutable thing. It lives behind an
//! `Rc<RefCell<_>>` so that a tick does not copy it; the reducer is its only
//! writer, and components never see it: they render the [`Snapshot`] the reducer
//! copies out after each tick.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use super::driver::{self, Invalid, Progress, Snapshot};
use crate::cluster::Cluster;

/// The scenario the editor opens with: the documentation's first Job.
pub const PI_YAML: &str = include_str!("../../www/examples/pi.yaml");

/// Speeds offered by the speed select (virtual seconds per real second).
pub const SPEEDS: &[u32] = &[1, 2, 5, 10, 30, 100, 300];

/// Real time per tick is capped so that a tab coming back from the background
/// does not leap ahead all at once.
pub const MAX_TICK_REAL_MS: u64 = 1_000;

/// A run of the simulated cluster, from Run until the next Run.
#[derive(Clone, Debug)]
pub struct RunState {
    cluster: Rc<RefCell<Cluster>>,
    /// Counts runs, so that hooks restart their timers on a new run.
    pub generation: u32,
    pub paused: bool,
    pub view: Rc<Snapshot>,
}

impl RunState {
    pub fn is_over(&self) -> bool {
        self.view.over
    }
    /// Whether the clock should be ticking.
    pub fn is_ticking(&self) -> bool {
        !self.paused && !self.is_over()
    }
}

#[derive(Clone, Debug)]
pub struct PageState {
    /// The editor's text.
    pub yaml: String,
    /// Virtual seconds per real second.
    pub speed: u32,
    /// Why the last Run could not start.
    pub invalid: Option<Rc<Invalid>>,
    pub run: Option<RunState>,
    runs: u32,
}

impl Default for PageState {
    fn default() -> Self {
        PageState {
            yaml: PI_YAML.to_string(),
            speed: 1,
            invalid: None,
            run: None,
            runs: 0,
        }
    }
}

pub enum Action {
    /// The editor's text changed.
    Edit(String),
    /// Parse the text and start a run from t = 0.
    Run,
    /// `real_ms` of real time passed.
    Tick {
        real_ms: u64,
    },
    SetSpeed(u32),
    TogglePause,
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => next.yaml = text,
            Action::SetSpeed(speed) => next.speed = speed.max(1),
            Action::TogglePause => {
                if let Some(run) = next.run.as_mut() {
                    run.paused = !run.paused;
                }
            }
            Action::Run => match driver::build(&next.yaml) {
                Ok(cluster) => {
                    next.runs = next.runs.wrapping_add(1);
                    let view = driver::snapshot(&cluster, Progress::Running);
                    next.invalid = None;
                    next.run = Some(RunState {
                        cluster: Rc::new(RefCell::new(cluster)),
                        generation: next.runs,
                        paused: false,
                        view: Rc::new(view),
                    });
                }
                Err(invalid) => {
                    next.invalid = Some(Rc::new(invalid));
                    next.run = None;
                }
            },
            Action::Tick { real_ms } => {
                let speed = u64::from(next.speed);
                let Some(run) = next.run.as_mut() else {
                    return self;
                };
                if !run.is_ticking() {
                    return self;
                }
                // Only the reducer borrows the cluster, and never across a render.
                let Ok(mut cluster) = run.cluster.try_borrow_mut() else {
                    return self;
                };
                let by = real_ms.min(MAX_TICK_REAL_MS).saturating_mul(speed);
                let progress = driver::advance(&mut cluster, by);
                run.view = Rc::new(driver::snapshot(&cluster, progress));
            }
        }
        Rc::new(next)
    }
}
