//! Custom hooks: the page's contact with browser timers and APIs.

mod use_ticker;

pub use use_ticker::use_ticker;
