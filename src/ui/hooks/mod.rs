//! Custom hooks: the page's contact with browser timers, events (keys, the
//! address bar's fragment, dropped files, other tabs' storage), media queries and the one file it
//! fetches itself (the time-zone table).

mod use_debounce;
mod use_file_drop;
mod use_hash_change;
mod use_media_query;
mod use_shortcuts;
mod use_storage_change;
mod use_ticker;
mod use_time_zones;

pub use use_debounce::use_debounce;
pub use use_file_drop::use_file_drop;
pub use use_hash_change::use_hash_change;
pub use use_media_query::{matches as use_media_query_matches, use_media_query};
pub use use_shortcuts::{use_shortcuts, Shortcut};
pub use use_storage_change::use_storage_change;
pub use use_ticker::use_ticker;
pub use use_time_zones::use_time_zones;
