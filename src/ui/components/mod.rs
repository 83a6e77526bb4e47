//! One function component per file. Components get plain values and callbacks
//! as props; only `app.rs` holds the page state.

mod clock;
mod controls;
mod countdown;
mod cron_strip;
mod editor;
mod events;
mod gallery;
mod header;
mod help;
mod job_card;
mod kubectl_text;
mod lanes;
mod pod_card;
mod pod_cells;
mod problems;
mod scenario_form;
mod scrubber;
mod speed;
mod tabs;
mod timeline;
mod why;

pub use clock::Clock;
pub use controls::{Control, Controls};
pub use countdown::Countdown;
pub use cron_strip::CronStrip;
pub use editor::Editor;
pub use events::Events;
pub use gallery::Gallery;
pub use header::Header;
pub use help::Help;
pub use job_card::JobCard;
pub use kubectl_text::KubectlText;
pub use lanes::Lanes;
pub use pod_card::PodCard;
pub use pod_cells::PodCells;
pub use problems::Problems;
pub use scenario_form::ScenarioForm;
pub use scrubber::Scrubber;
pub use speed::Speed;
pub use tabs::Tabs;
pub use timeline::Timeline;
pub use why::Why;
