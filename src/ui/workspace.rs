//! Where the editor's text lives and how it is kept, so that nothing a person
//! typed is ever lost. Plain Rust over a small [`Store`] (the page passes
//! `localStorage` and `sessionStorage`; tests pass [`MemoryStore`]s).
//!
//! # The text's source
//!
//! The editor always shows one [`Source`]:
//!
//! - `Draft`: the person's unnamed work, autosaved on every edit under
//!   [`DRAFT_KEY`].
//! - `Saved(id)`: a named scenario, autosaved on every edit under
//!   [`SCENARIO_PREFIX`]`id`; the list of names is [`INDEX_KEY`].
//! - `Example(name)`: a gallery example, as the gallery has it.
//! - `Link`: the text of a share link, exactly as sent.
//! - `Recovered`: what could be read of a corrupt or cut-short link.
//!
//! Examples, links and recovered texts are only *shown*: nothing is written until
//! the person edits them. The first edit *adopts* the text: it becomes the Draft.
//! If the Draft held work that exists nowhere else (not empty, not a gallery
//! example, not a saved scenario), that work is first saved as a named scenario
//! ("Earlier draft", then "Earlier draft (2)" ..., in the page's language) and
//! the page says so; if it cannot be saved (storage full), the Draft is not
//! overwritten either, and the page says that. So a
//! link never overwrites the person's work, even once they edit it, and an edit
//! is never lost either.
//!
//! # Reloading, links and the address bar
//!
//! localStorage's [`CURRENT_KEY`] remembers which Draft, Saved or Example source
//! was open. Each tab also keeps, in sessionStorage, its own source
//! ([`TAB_KEY`]: including a Link's or Recovered text, which are in no other
//! store) and the last fragment the page itself wrote into the address bar
//! ([`FRAGMENT_KEY`]; the page mirrors its state there with `history.replaceState`
//! so the address bar is always a share link).
//!
//! When the page starts:
//!
//! 1. no fragment, or the fragment this tab wrote itself (a reload): restore the
//!    tab's source, else [`CURRENT_KEY`]'s, else the default example;
//! 2. any other fragment is a link someone opened: show it as `Link` (or
//!    `Example` for `example=`); a broken link shows what could be recovered as
//!    `Recovered`, or, with nothing recovered, the restored source as in 1,
//!    with the link's message in both cases.
//!
//! A fragment changed in an open page (a link pasted into the address bar) is
//! opened the same way, unless it is the page's own.
//!
//! # Two tabs
//!
//! Tabs of one browser share localStorage, and each keeps its text in its own
//! editor. So that neither overwrites the other's work:
//!
//! - the list of saved scenarios is read again from storage before each change of
//!   it (and when another tab changes it, see [`Workspace::sync`]), so a name
//!   another tab added, renamed or deleted is kept as that tab left it;
//! - each tab remembers a fingerprint of the kept text (the Draft's or a saved
//!   scenario's) as it last read or wrote it. When an edit finds the stored text
//!   changed since (another tab wrote it), this tab's text is saved as a new
//!   named scenario and opens as it ([`Note::Forked`]); the other tab's text
//!   stays where it was. Both tabs go on typing, each into its own;
//! - a tab that edits records its source in its sessionStorage, so that a reload
//!   shows what it was editing, not what another tab opened last.
//!
//! # Embedded pages
//!
//! An embedded page (`embed=1`, an iframe in documentation) writes nothing to
//! either store: several iframes on one page must not fight over one draft, and a
//! documentation page must not change the person's work. Its edits live in the
//! iframe (and its address) only; "Open in playground" carries them to the full
//! page, where they open as a link.
//!
//! # Bad storage
//!
//! Storage may be missing (disabled, private windows), full, or changed by hand.
//! A write that fails is reported ([`Note::Full`], [`Note::Unavailable`]) and the
//! text stays in the editor; an index that cannot be read is rebuilt from the
//! scenario keys that exist ([`Note::IndexRebuilt`]); nothing panics.

use std::collections::BTreeMap;

use crate::gallery;

/// The person's unnamed work.
pub const DRAFT_KEY: &str = "jobplay.v1.draft";
/// The named scenarios: one line `ID<TAB>NAME` each, in the order listed.
pub const INDEX_KEY: &str = "jobplay.v1.scenarios";
/// A named scenario's text is under this prefix and its id.
pub const SCENARIO_PREFIX: &str = "jobplay.v1.scenario.";
/// Which source was open last (`draft`, `saved:ID`, `example:NAME`).
pub const CURRENT_KEY: &str = "jobplay.v1.current";
/// sessionStorage: this tab's source (as [`CURRENT_KEY`], or `link` / `recovered`
/// then a newline and the text).
pub const TAB_KEY: &str = "jobplay.v1.tab";
/// sessionStorage: the last fragment the page wrote into the address bar.
pub const FRAGMENT_KEY: &str = "jobplay.v1.fragment";

/// Longest name of a saved scenario, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The example shown when nothing was saved.
pub const DEFAULT_EXAMPLE: &str = "pi";

/// Why a store refused a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota is used up.
    Full,
    /// There is no storage (disabled, or a private window that allows none).
    Unavailable,
}

/// A key-value store: `localStorage` or `sessionStorage` in the page.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// A store in memory: for tests, and for the page when the browser gives none
/// (then `available` is false and every write reports [`StoreError::Unavailable`]
/// after keeping the value, so the page still works until it is closed).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
    /// Largest total of keys and values, in bytes (a browser's quota).
    pub quota: Option<usize>,
    pub unavailable: bool,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(q) = self.quota {
            let others: usize = self
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > q {
                return Err(StoreError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        if self.unavailable {
            return Err(StoreError::Unavailable);
        }
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

/// Where the editor's text comes from (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Draft,
    Saved(u32),
    Example(&'static str),
    Link,
    Recovered,
}

impl Source {
    /// Whether edits are written to storage as they are (else the first edit adopts).
    pub fn is_kept(&self) -> bool {
        matches!(self, Source::Draft | Source::Saved(_))
    }
    fn key(&self) -> Option<String> {
        match self {
            Source::Draft => Some("draft".into()),
            Source::Saved(id) => Some(format!("saved:{id}")),
            Source::Example(n) => Some(format!("example:{n}")),
            Source::Link | Source::Recovered => None,
        }
    }
    fn from_key(k: &str) -> Option<Source> {
        if k == "draft" {
            return Some(Source::Draft);
        }
        if let Some(id) = k.strip_prefix("saved:") {
            return id.parse().ok().map(Source::Saved);
        }
        let name = k.strip_prefix("example:")?;
        gallery::get(name).map(|e| Source::Example(e.name))
    }
}

/// A named scenario in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: u32,
    pub name: String,
}

/// Something the page should tell the person about their saved work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The earlier Draft was kept as this named scenario.
    Rescued(String),
    /// The browser's storage is full: the last change is not saved.
    Full,
    /// The browser gives the page no storage: work is kept only while the page is open.
    Unavailable,
    /// The list of saved scenarios could not be read; it was rebuilt with this many.
    IndexRebuilt(usize),
    /// A saved scenario's text was missing; it was taken off the list.
    Missing(String),
    /// There is no saved scenario with this id (another tab deleted it).
    Gone,
    /// Another tab changed the text this tab was editing: this tab's text is
    /// kept as the named scenario with this name, and opens as it.
    Forked(String),
}

impl From<StoreError> for Note {
    fn from(e: StoreError) -> Note {
        match e {
            StoreError::Full => Note::Full,
            StoreError::Unavailable => Note::Unavailable,
        }
    }
}

/// The names the workspace gives scenarios it saves on its own, in the page's
/// language.
#[derive(Clone, Copy, Debug)]
pub struct Names<'a> {
    /// An earlier Draft that existed nowhere else, saved before a new Draft replaces it.
    pub rescue: &'a str,
    /// This tab's Draft, when another tab changed the Draft meanwhile.
    pub fork: &'a str,
}

/// The saved scenarios and the open source. Storage is passed to each call.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub source: Source,
    pub entries: Vec<Entry>,
    /// Embedded in another page: nothing is ever written.
    pub embed: bool,
    /// The last write failed (the page shows that the text is not saved).
    pub unsaved: Option<StoreError>,
    /// The fingerprint of the kept source's stored text as this tab last read or
    /// wrote it (see "Two tabs"); `None` for a source that is only shown.
    pub known: Option<u64>,
}

/// A text's fingerprint (a missing text counts as empty: a Draft not written yet).
fn fingerprint(text: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    // DefaultHasher::new() has fixed keys: the same text, the same fingerprint.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.unwrap_or("").hash(&mut h);
    h.finish()
}

/// A name fit for the list: one line, no tabs, trimmed, at most [`MAX_NAME_CHARS`].
pub fn clean_name(name: &str) -> String {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    words.join(" ").chars().take(MAX_NAME_CHARS).collect()
}

/// A file name's stem as a scenario name (`my-job.yaml` → `my-job`).
pub fn name_from_file(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base
        .strip_suffix(".yaml")
        .or_else(|| base.strip_suffix(".yml"))
        .or_else(|| base.strip_suffix(".YAML"))
        .or_else(|| base.strip_suffix(".YML"))
        .unwrap_or(base);
    clean_name(stem)
}

fn parse_index(text: &str) -> Option<Vec<Entry>> {
    let mut out: Vec<Entry> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let (id, name) = line.split_once('\t')?;
        let id: u32 = id.parse().ok()?;
        if out.iter().any(|e| e.id == id) {
            return None;
        }
        out.push(Entry {
            id,
            name: clean_name(name),
        });
    }
    Some(out)
}

fn write_index(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(|e| format!("{}\t{}\n", e.id, e.name))
        .collect()
}

impl Workspace {
    /// Read the list of saved scenarios (rebuilding it if it cannot be read, with
    /// the texts found named `recovered_name`, in the page's language).
    pub fn load(
        local: &mut dyn Store,
        embed: bool,
        recovered_name: &str,
    ) -> (Workspace, Vec<Note>) {
        let mut notes = Vec::new();
        let ids_with_text = |local: &dyn Store| -> Vec<u32> {
            let mut ids: Vec<u32> = local
                .keys()
                .iter()
                .filter_map(|k| k.strip_prefix(SCENARIO_PREFIX)?.parse().ok())
                .collect();
            crate::sort::sort(&mut ids);
            ids
        };
        let entries = match local.get(INDEX_KEY) {
            None => {
                // No list: any scenario texts left (a list removed by hand) come back.
                let ids = ids_with_text(&*local);
                if !ids.is_empty() {
                    notes.push(Note::IndexRebuilt(ids.len()));
                }
                rebuilt(&ids, recovered_name)
            }
            Some(text) => match parse_index(&text) {
                Some(list) => {
                    let mut kept = Vec::new();
                    for e in list {
                        if local.get(&format!("{SCENARIO_PREFIX}{}", e.id)).is_some() {
                            kept.push(e);
                        } else {
                            notes.push(Note::Missing(e.name));
                        }
                    }
                    kept
                }
                None => {
                    let ids = ids_with_text(&*local);
                    notes.push(Note::IndexRebuilt(ids.len()));
                    rebuilt(&ids, recovered_name)
                }
            },
        };
        let mut ws = Workspace {
            source: Source::Example(DEFAULT_EXAMPLE),
            entries,
            embed,
            unsaved: None,
            known: None,
        };
        if !notes.is_empty() && !embed {
            let list = write_index(&ws.entries);
            ws.write(local, INDEX_KEY, &list, &mut notes);
        }
        (ws, notes)
    }

    fn write(&mut self, store: &mut dyn Store, key: &str, value: &str, notes: &mut Vec<Note>) {
        if self.embed {
            return;
        }
        match store.set(key, value) {
            Ok(()) => self.unsaved = None,
            Err(e) => self.failed(e, notes),
        }
    }

    /// A write failed: say so once (not again for every keystroke), and remember it.
    fn failed(&mut self, e: StoreError, notes: &mut Vec<Note>) {
        if self.unsaved != Some(e) {
            notes.push(Note::from(e));
        }
        self.unsaved = Some(e);
    }

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The text of a source, where it is stored (examples from the gallery).
    pub fn text_of(&self, local: &dyn Store, source: &Source) -> Option<String> {
        match source {
            Source::Draft => local.get(DRAFT_KEY),
            Source::Saved(id) => self
                .entry(*id)
                .and_then(|_| local.get(&format!("{SCENARIO_PREFIX}{id}"))),
            Source::Example(n) => gallery::get(n).map(|e| e.text.to_string()),
            Source::Link | Source::Recovered => None,
        }
    }

    /// What to show when no link is opened: this tab's source, else the last one
    /// open in this browser, else the default example.
    pub fn restore(&mut self, local: &dyn Store, session: &dyn Store) -> String {
        if !self.embed {
            if let Some(rec) = session.get(TAB_KEY) {
                let (head, text) = rec.split_once('\n').unwrap_or((rec.as_str(), ""));
                let found = match head {
                    "link" => Some((Source::Link, text.to_string())),
                    "recovered" => Some((Source::Recovered, text.to_string())),
                    k => Source::from_key(k)
                        .and_then(|s| Some((s.clone(), self.text_of(local, &s)?))),
                };
                if let Some((s, t)) = found {
                    self.known = s.is_kept().then(|| fingerprint(Some(&t)));
                    self.source = s;
                    return t;
                }
            }
            if let Some(s) = local.get(CURRENT_KEY).and_then(|k| Source::from_key(&k)) {
                if let Some(t) = self.text_of(local, &s) {
                    self.known = s.is_kept().then(|| fingerprint(Some(&t)));
                    self.source = s;
                    return t;
                }
            }
        }
        self.source = Source::Example(DEFAULT_EXAMPLE);
        self.known = None;
        self.text_of(local, &self.source).unwrap_or_default()
    }

    /// Show `source` (its text is `text`); remembered for reloads.
    pub fn show(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        source: Source,
        text: &str,
    ) -> Vec<Note> {
        let mut notes = Vec::new();
        self.source = source;
        self.known = self.source.is_kept().then(|| fingerprint(Some(text)));
        if self.embed {
            return notes;
        }
        let tab = match &self.source {
            Source::Link => format!("link\n{text}"),
            Source::Recovered => format!("recovered\n{text}"),
            s => s.key().unwrap_or_default(),
        };
        // The tab's own record failing is not worth a message: localStorage has the rest.
        let _ = session.set(TAB_KEY, &tab);
        if let Some(k) = self.source.key() {
            self.write(local, CURRENT_KEY, &k, &mut notes);
        }
        notes
    }

    /// Whether the Draft holds work that is nowhere else.
    fn draft_is_only_copy(&self, local: &dyn Store) -> Option<String> {
        let draft = local.get(DRAFT_KEY)?;
        if draft.trim().is_empty() || gallery::EXAMPLES.iter().any(|e| e.text == draft) {
            return None;
        }
        let elsewhere = self
            .entries
            .iter()
            .any(|e| local.get(&format!("{SCENARIO_PREFIX}{}", e.id)).as_deref() == Some(&draft));
        (!elsewhere).then_some(draft)
    }

    /// The person changed the text: write it where it lives, or adopt it as the
    /// Draft (an earlier Draft that exists nowhere else is first saved under
    /// `names.rescue`). When another tab changed the stored text since this tab
    /// read it, this tab's text is saved as a new scenario instead (see "Two tabs").
    pub fn edited(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        text: &str,
        names: Names,
    ) -> Vec<Note> {
        let mut notes = Vec::new();
        if self.embed {
            return notes;
        }
        if let Some(k) = self.source.key().filter(|_| self.source.is_kept()) {
            // A tab that restored its source from CURRENT_KEY makes it its own, so
            // that a reload shows it even after another tab opened something else.
            if session.get(TAB_KEY).as_deref() != Some(k.as_str()) {
                let _ = session.set(TAB_KEY, &k);
            }
        }
        match self.source.clone() {
            Source::Draft => {
                if !self.fork_if_changed(local, session, DRAFT_KEY, text, names.fork, &mut notes) {
                    self.write_kept(local, DRAFT_KEY, text, &mut notes);
                }
            }
            Source::Saved(id) => {
                self.sync(local);
                if let Some(name) = self.entry(id).map(|e| e.name.clone()) {
                    let key = format!("{SCENARIO_PREFIX}{id}");
                    if !self.fork_if_changed(local, session, &key, text, &name, &mut notes) {
                        self.write_kept(local, &key, text, &mut notes);
                    }
                } else {
                    // Deleted meanwhile (another tab): keep the text as the Draft.
                    notes.push(Note::Gone);
                    notes.extend(self.adopt(local, session, text, names.rescue));
                }
            }
            Source::Example(_) | Source::Link | Source::Recovered => {
                notes.extend(self.adopt(local, session, text, names.rescue));
            }
        }
        notes
    }

    /// Write the open kept source's text and remember it as this tab's.
    fn write_kept(&mut self, local: &mut dyn Store, key: &str, text: &str, notes: &mut Vec<Note>) {
        self.write(local, key, text, notes);
        if self.unsaved.is_none() {
            self.known = Some(fingerprint(Some(text)));
        }
    }

    /// If the text under `key` is no longer what this tab last read or wrote
    /// (another tab wrote it), save `text` as a new scenario named after `name`
    /// and open it; true when the edit was handled so (saved, or refused by a full
    /// store: then the other tab's text is not overwritten either).
    fn fork_if_changed(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        key: &str,
        text: &str,
        name: &str,
        notes: &mut Vec<Note>,
    ) -> bool {
        let stored = local.get(key);
        let Some(known) = self.known else {
            return false;
        };
        if fingerprint(stored.as_deref()) == known || stored.as_deref() == Some(text) {
            return false;
        }
        self.sync(local);
        let name = self.unique_name(name);
        match self.add(local, &name, text) {
            Ok(id) => {
                self.unsaved = None;
                notes.extend(self.show(local, session, Source::Saved(id), text));
                notes.push(Note::Forked(name));
            }
            Err(e) => self.failed(e, notes),
        }
        true
    }

    /// Read the list of saved scenarios again, as other tabs may have changed it
    /// (added, renamed, deleted). A list that cannot be read leaves this tab's as
    /// it is (the next page load rebuilds it); entries whose text is gone drop out.
    pub fn sync(&mut self, local: &dyn Store) {
        if self.embed {
            return;
        }
        if let Some(list) = local.get(INDEX_KEY).as_deref().and_then(parse_index) {
            self.entries = list
                .into_iter()
                .filter(|e| local.get(&format!("{SCENARIO_PREFIX}{}", e.id)).is_some())
                .collect();
        }
    }

    fn adopt(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        text: &str,
        rescue_name: &str,
    ) -> Vec<Note> {
        let mut notes = Vec::new();
        if let Some(old) = self.draft_is_only_copy(local).filter(|d| d != text) {
            self.sync(local);
            let name = self.unique_name(rescue_name);
            match self.add(local, &name, &old) {
                Ok(_) => notes.push(Note::Rescued(name)),
                Err(e) => {
                    // The old draft cannot be kept elsewhere: do not overwrite it.
                    notes.push(Note::from(e));
                    self.unsaved = Some(e);
                    return notes;
                }
            }
        }
        self.write(local, DRAFT_KEY, text, &mut notes);
        if self.unsaved.is_none() {
            notes.extend(self.show(local, session, Source::Draft, text));
        }
        notes
    }

    /// `base`, or `base (2)`, `base (3)` ... whichever is not taken.
    pub fn unique_name(&self, base: &str) -> String {
        self.unique_name_for(base, None)
    }

    /// As [`Workspace::unique_name`], not counting the entry `except` (being renamed).
    fn unique_name_for(&self, base: &str, except: Option<u32>) -> String {
        let base = clean_name(base);
        let base = if base.is_empty() {
            "Untitled".to_string()
        } else {
            base
        };
        let taken = |n: &str| {
            self.entries
                .iter()
                .any(|e| e.name == n && Some(e.id) != except)
        };
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|i| format!("{base} ({i})"))
            .find(|n| !taken(n))
            .unwrap_or(base)
    }

    /// Store a new named scenario; its id. The caller has read the list again
    /// ([`Workspace::sync`]) before choosing the name.
    fn add(&mut self, local: &mut dyn Store, name: &str, text: &str) -> Result<u32, StoreError> {
        if self.embed {
            return Err(StoreError::Unavailable);
        }
        let id = self.entries.iter().map(|e| e.id).max().map_or(1, |m| m + 1);
        let id = (id..)
            .find(|i| local.get(&format!("{SCENARIO_PREFIX}{i}")).is_none())
            .unwrap_or(id);
        local.set(&format!("{SCENARIO_PREFIX}{id}"), text)?;
        self.entries.push(Entry {
            id,
            name: name.to_string(),
        });
        if let Err(e) = local.set(INDEX_KEY, &write_index(&self.entries)) {
            self.entries.pop();
            local.remove(&format!("{SCENARIO_PREFIX}{id}"));
            return Err(e);
        }
        Ok(id)
    }

    /// Save the text as a new named scenario and open it.
    pub fn save_as(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        name: &str,
        text: &str,
    ) -> Result<u32, Note> {
        self.sync(local);
        let name = self.unique_name(name);
        let id = self.add(local, &name, text).map_err(Note::from)?;
        self.show(local, session, Source::Saved(id), text);
        Ok(id)
    }

    /// Rename a saved scenario (the name is cleaned and made unique).
    pub fn rename(&mut self, local: &mut dyn Store, id: u32, name: &str) -> Vec<Note> {
        let mut notes = Vec::new();
        self.sync(local);
        let clean = clean_name(name);
        if clean.is_empty() || self.entry(id).is_none_or(|e| e.name == clean) {
            return notes;
        }
        let unique = self.unique_name_for(&clean, Some(id));
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
            e.name = unique;
        }
        let list = write_index(&self.entries);
        self.write(local, INDEX_KEY, &list, &mut notes);
        notes
    }

    /// Delete a saved scenario. When it was open, the Draft (or the default
    /// example) opens instead: its source and text are returned.
    pub fn delete(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        id: u32,
    ) -> (Option<String>, Vec<Note>) {
        let mut notes = Vec::new();
        self.sync(local);
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        if self.entries.len() == before {
            return (None, notes);
        }
        let list = write_index(&self.entries);
        self.write(local, INDEX_KEY, &list, &mut notes);
        if !self.embed {
            local.remove(&format!("{SCENARIO_PREFIX}{id}"));
        }
        if self.source != Source::Saved(id) {
            return (None, notes);
        }
        let (source, text) = match local.get(DRAFT_KEY) {
            Some(t) => (Source::Draft, t),
            None => {
                let e = Source::Example(DEFAULT_EXAMPLE);
                let t = self.text_of(local, &e).unwrap_or_default();
                (e, t)
            }
        };
        notes.extend(self.show(local, session, source, &text));
        (Some(text), notes)
    }

    /// Import a file as a new named scenario (named after the file) and open it.
    pub fn import(
        &mut self,
        local: &mut dyn Store,
        session: &mut dyn Store,
        file_name: &str,
        text: &str,
    ) -> Result<u32, Note> {
        let name = name_from_file(file_name);
        self.save_as(local, session, &name, text)
    }

    /// Record the fragment the page wrote into the address bar.
    pub fn wrote_fragment(&self, session: &mut dyn Store, fragment: &str) {
        if !self.embed {
            let _ = session.set(FRAGMENT_KEY, fragment);
        }
    }

    /// Whether a fragment in the address bar is a link to open (not empty, and
    /// not the one this tab wrote itself).
    pub fn is_foreign_fragment(&self, session: &dyn Store, fragment: &str) -> bool {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        if f.trim().is_empty() {
            return false;
        }
        self.embed || session.get(FRAGMENT_KEY).as_deref() != Some(f)
    }
}

fn rebuilt(ids: &[u32], name: &str) -> Vec<Entry> {
    let name = clean_name(name);
    ids.iter()
        .enumerate()
        .map(|(i, id)| Entry {
            id: *id,
            name: if i == 0 {
                name.clone()
            } else {
                format!("{name} ({})", i + 1)
            },
        })
        .collect()
}
