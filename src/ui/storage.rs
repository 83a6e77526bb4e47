//! The browser's `localStorage` and `sessionStorage` as [`Store`]s for the
//! workspace. Where the browser gives none (storage disabled, some private
//! windows, a sandboxed iframe), an in-memory store stands in and reports every
//! write as [`StoreError::Unavailable`], so the page says that work is not kept.

use wasm_bindgen::JsCast;

use super::workspace::{MemoryStore, Store, StoreError};

/// A Web Storage area, or memory when there is none.
pub enum BrowserStore {
    Web(web_sys::Storage),
    Memory(MemoryStore),
}

impl BrowserStore {
    pub fn local() -> BrowserStore {
        Self::from(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
    }
    pub fn session() -> BrowserStore {
        Self::from(web_sys::window().and_then(|w| w.session_storage().ok().flatten()))
    }
    fn from(s: Option<web_sys::Storage>) -> BrowserStore {
        match s {
            Some(s) => BrowserStore::Web(s),
            None => BrowserStore::Memory(MemoryStore {
                unavailable: true,
                ..Default::default()
            }),
        }
    }
}

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            BrowserStore::Web(s) => s.get_item(key).ok().flatten(),
            BrowserStore::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            BrowserStore::Web(s) => s.set_item(key, value).map_err(|e| {
                // QuotaExceededError (a DOMException); anything else means no storage.
                let name = e
                    .dyn_ref::<web_sys::DomException>()
                    .map(|d| d.name())
                    .unwrap_or_default();
                if name.contains("Quota") {
                    StoreError::Full
                } else {
                    StoreError::Unavailable
                }
            }),
            BrowserStore::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match self {
            BrowserStore::Web(s) => {
                let _ = s.remove_item(key);
            }
            BrowserStore::Memory(m) => m.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            BrowserStore::Web(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            BrowserStore::Memory(m) => m.keys(),
        }
    }
}
