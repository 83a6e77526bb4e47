//! One function component per file. Components get plain values and callbacks
//! as props; only `app.rs` holds the page state.

mod clock;
mod controls;
mod editor;
mod header;
mod outcome;
mod pod_card;
mod pod_list;
mod problems;

pub use clock::Clock;
pub use controls::Controls;
pub use editor::Editor;
pub use header::Header;
pub use outcome::OutcomeBanner;
pub use pod_card::PodCard;
pub use pod_list::PodList;
pub use problems::Problems;
