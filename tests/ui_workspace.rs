//! Where the page keeps the person's work (`src/ui/workspace.rs`), natively with
//! in-memory stores: autosave, reload, links and examples that never overwrite
//! the Draft, named scenarios, import, a full or missing store, a corrupt list.

use jobplay::gallery;
use jobplay::ui::workspace::{
    self, MemoryStore, Names, Note, Source, Store, StoreError, Workspace, CURRENT_KEY, DRAFT_KEY,
    INDEX_KEY, SCENARIO_PREFIX,
};

const MINE: &str = "# my own work\napiVersion: batch/v1\nkind: Job\n";
const LINKED: &str = "# from a link\napiVersion: batch/v1\nkind: Job\n";
const RESCUE: Names = Names {
    rescue: "Earlier draft",
    fork: "Draft from a second tab",
};

struct Browser {
    local: MemoryStore,
    session: MemoryStore,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            local: MemoryStore::default(),
            session: MemoryStore::default(),
        }
    }
    /// A page load without a link: the workspace and the text it shows.
    fn open(&mut self) -> (Workspace, String, Vec<Note>) {
        let (mut ws, notes) = Workspace::load(&mut self.local, false, "Recovered scenario");
        let text = ws.restore(&self.local, &self.session);
        (ws, text, notes)
    }
    /// A new tab: same localStorage, fresh sessionStorage.
    fn new_tab(&self) -> Browser {
        Browser {
            local: self.local.clone(),
            session: MemoryStore::default(),
        }
    }
}

#[test]
fn a_first_visit_shows_the_default_example_and_writes_nothing() {
    let mut b = Browser::new();
    let (ws, text, notes) = b.open();
    assert_eq!(ws.source, Source::Example("pi"));
    assert_eq!(text, gallery::get("pi").unwrap().text);
    assert!(notes.is_empty());
    assert!(b.local.map.is_empty());
}

#[test]
fn editing_an_example_makes_it_the_draft_and_a_reload_restores_it() {
    let mut b = Browser::new();
    let (mut ws, text, _) = b.open();
    let edited = format!("{text}# changed\n");
    let notes = ws.edited(&mut b.local, &mut b.session, &edited, RESCUE);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(ws.source, Source::Draft);
    assert_eq!(b.local.get(DRAFT_KEY).as_deref(), Some(edited.as_str()));
    assert_eq!(b.local.get(CURRENT_KEY).as_deref(), Some("draft"));
    let more = format!("{edited}# more\n");
    ws.edited(&mut b.local, &mut b.session, &more, RESCUE);
    // Reload: the same tab, and a new tab, both show the last text.
    let (ws2, again, _) = b.open();
    assert_eq!((ws2.source, again.as_str()), (Source::Draft, more.as_str()));
    let (ws3, other, _) = b.new_tab().open();
    assert_eq!((ws3.source, other.as_str()), (Source::Draft, more.as_str()));
}

#[test]
fn a_link_never_overwrites_the_draft_even_when_edited() {
    let mut b = Browser::new();
    let (mut ws, _, _) = b.open();
    ws.show(&mut b.local, &mut b.session, Source::Draft, "");
    ws.edited(&mut b.local, &mut b.session, MINE, RESCUE);
    // A link opens: shown, nothing written.
    let before = b.local.map.clone();
    ws.show(&mut b.local, &mut b.session, Source::Link, LINKED);
    assert_eq!(
        b.local.map, before,
        "opening a link writes nothing to localStorage"
    );
    // A reload of this tab shows the link again (from the tab's own record) ...
    let (ws2, text, _) = b.open();
    assert_eq!((ws2.source, text.as_str()), (Source::Link, LINKED));
    // ... and another tab shows the person's draft.
    let (_, text, _) = b.new_tab().open();
    assert_eq!(text, MINE);
    // Editing the link's text adopts it; the earlier draft is kept under a name.
    let edited = format!("{LINKED}# edited\n");
    let notes = ws.edited(&mut b.local, &mut b.session, &edited, RESCUE);
    assert_eq!(notes, vec![Note::Rescued("Earlier draft".into())]);
    assert_eq!(ws.source, Source::Draft);
    assert_eq!(b.local.get(DRAFT_KEY).as_deref(), Some(edited.as_str()));
    let kept = &ws.entries[0];
    assert_eq!(kept.name, "Earlier draft");
    assert_eq!(
        b.local
            .get(&format!("{SCENARIO_PREFIX}{}", kept.id))
            .as_deref(),
        Some(MINE)
    );
    // A second link edited later: "Earlier draft (2)".
    ws.show(&mut b.local, &mut b.session, Source::Link, LINKED);
    let notes = ws.edited(&mut b.local, &mut b.session, "# third\n", RESCUE);
    assert_eq!(notes, vec![Note::Rescued("Earlier draft (2)".into())]);
}

#[test]
fn an_empty_or_example_or_saved_draft_is_not_rescued() {
    let mut b = Browser::new();
    let (mut ws, _, _) = b.open();
    // The draft is an unchanged example: nothing to keep.
    b.local
        .set(DRAFT_KEY, gallery::get("backoff").unwrap().text)
        .unwrap();
    ws.show(&mut b.local, &mut b.session, Source::Link, LINKED);
    assert!(ws
        .edited(&mut b.local, &mut b.session, "# a\n", RESCUE)
        .is_empty());
    // The draft was saved under a name already.
    ws.save_as(&mut b.local, &mut b.session, "Mine", "# a\n")
        .unwrap();
    ws.show(&mut b.local, &mut b.session, Source::Draft, "# a\n");
    ws.show(&mut b.local, &mut b.session, Source::Example("pi"), "");
    assert!(ws
        .edited(&mut b.local, &mut b.session, "# b\n", RESCUE)
        .is_empty());
    assert_eq!(ws.entries.len(), 1);
}

#[test]
fn named_scenarios_are_saved_renamed_deleted_and_autosaved() {
    let mut b = Browser::new();
    let (mut ws, _, _) = b.open();
    let id = ws
        .save_as(&mut b.local, &mut b.session, "  Backoff\tdemo\n ", MINE)
        .unwrap();
    assert_eq!(
        ws.entry(id).unwrap().name,
        "Backoff demo",
        "one line, trimmed"
    );
    assert_eq!(ws.source, Source::Saved(id));
    let id2 = ws
        .save_as(&mut b.local, &mut b.session, "Backoff demo", LINKED)
        .unwrap();
    assert_eq!(ws.entry(id2).unwrap().name, "Backoff demo (2)");
    assert_eq!(
        b.local.get(INDEX_KEY).unwrap(),
        format!("{id}\tBackoff demo\n{id2}\tBackoff demo (2)\n")
    );
    // Autosave goes to the open scenario only.
    ws.edited(&mut b.local, &mut b.session, "# v2\n", RESCUE);
    assert_eq!(
        b.local.get(&format!("{SCENARIO_PREFIX}{id2}")).as_deref(),
        Some("# v2\n")
    );
    assert_eq!(
        b.local.get(&format!("{SCENARIO_PREFIX}{id}")).as_deref(),
        Some(MINE)
    );
    assert_eq!(b.local.get(DRAFT_KEY), None);
    // Reload restores the open scenario.
    let (ws_again, text, _) = b.new_tab().open();
    assert_eq!(
        (ws_again.source, text.as_str()),
        (Source::Saved(id2), "# v2\n")
    );
    // Rename: cleaned and unique; an empty name changes nothing.
    ws.rename(&mut b.local, id2, "Backoff demo");
    assert_eq!(ws.entry(id2).unwrap().name, "Backoff demo (2)");
    ws.rename(&mut b.local, id2, "Parallel");
    ws.rename(&mut b.local, id2, "   ");
    assert_eq!(ws.entry(id2).unwrap().name, "Parallel");
    let long = "x".repeat(200);
    ws.rename(&mut b.local, id, &long);
    assert_eq!(
        ws.entry(id).unwrap().name.chars().count(),
        workspace::MAX_NAME_CHARS
    );
    // Delete another one: the open one stays.
    let (opened, _) = ws.delete(&mut b.local, &mut b.session, id);
    assert_eq!(opened, None);
    assert_eq!(b.local.get(&format!("{SCENARIO_PREFIX}{id}")), None);
    // Delete the open one: the default example opens (there is no draft).
    let (opened, _) = ws.delete(&mut b.local, &mut b.session, id2);
    assert_eq!(opened.as_deref(), Some(gallery::get("pi").unwrap().text));
    assert_eq!(ws.source, Source::Example("pi"));
    assert!(ws.entries.is_empty());
}

#[test]
fn an_imported_file_is_named_after_it() {
    let mut b = Browser::new();
    let (mut ws, _, _) = b.open();
    let id = ws
        .import(&mut b.local, &mut b.session, "C:\\jobs\\my-job.yaml", MINE)
        .unwrap();
    assert_eq!(ws.entry(id).unwrap().name, "my-job");
    let id2 = ws
        .import(&mut b.local, &mut b.session, "my-job.yml", MINE)
        .unwrap();
    assert_eq!(ws.entry(id2).unwrap().name, "my-job (2)");
    assert_eq!(workspace::name_from_file(".yaml"), "");
    let id3 = ws
        .import(&mut b.local, &mut b.session, ".yaml", MINE)
        .unwrap();
    assert_eq!(ws.entry(id3).unwrap().name, "Untitled");
    assert_eq!(ws.source, Source::Saved(id3));
}

#[test]
fn a_full_store_says_so_and_never_loses_the_draft() {
    let mut b = Browser::new();
    let (mut ws, _, _) = b.open();
    ws.show(&mut b.local, &mut b.session, Source::Draft, "");
    ws.edited(&mut b.local, &mut b.session, MINE, RESCUE);
    b.local.quota = Some(
        b.local
            .map
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            + 10,
    );
    // Too big for the quota: the note says so, once, and the stored draft is the old one.
    let big = "x".repeat(500);
    assert_eq!(
        ws.edited(&mut b.local, &mut b.session, &big, RESCUE),
        vec![Note::Full]
    );
    assert_eq!(
        ws.edited(&mut b.local, &mut b.session, &big, RESCUE),
        vec![]
    );
    assert_eq!(ws.unsaved, Some(StoreError::Full));
    assert_eq!(b.local.get(DRAFT_KEY).as_deref(), Some(MINE));
    // A link edited now cannot rescue the draft: the draft is not overwritten either.
    ws.show(&mut b.local, &mut b.session, Source::Link, LINKED);
    let notes = ws.edited(
        &mut b.local,
        &mut b.session,
        &format!("{LINKED}#x\n"),
        RESCUE,
    );
    assert_eq!(notes, vec![Note::Full]);
    assert_eq!(b.local.get(DRAFT_KEY).as_deref(), Some(MINE));
    assert_eq!(
        ws.source,
        Source::Link,
        "still the link: nothing was adopted"
    );
    assert!(ws.save_as(&mut b.local, &mut b.session, "n", &big).is_err());
    assert!(ws.entries.is_empty(), "a failed save leaves no half entry");
    // Space again: the next edit is saved and the note clears.
    b.local.quota = None;
    ws.show(&mut b.local, &mut b.session, Source::Draft, MINE);
    assert!(ws
        .edited(&mut b.local, &mut b.session, "# ok\n", RESCUE)
        .is_empty());
    assert_eq!(ws.unsaved, None);
}

#[test]
fn no_storage_at_all_still_works_in_memory() {
    let mut b = Browser::new();
    b.local.unavailable = true;
    let (mut ws, _, _) = b.open();
    let notes = ws.edited(&mut b.local, &mut b.session, MINE, RESCUE);
    assert_eq!(notes, vec![Note::Unavailable]);
    assert_eq!(ws.unsaved, Some(StoreError::Unavailable));
}

#[test]
fn a_corrupt_list_is_rebuilt_from_the_texts_that_exist() {
    let mut b = Browser::new();
    b.local.set(INDEX_KEY, "not\na list").unwrap();
    b.local.set(&format!("{SCENARIO_PREFIX}4"), MINE).unwrap();
    b.local.set(&format!("{SCENARIO_PREFIX}9"), LINKED).unwrap();
    b.local
        .set(&format!("{SCENARIO_PREFIX}x"), "ignored")
        .unwrap();
    let (ws, _, notes) = b.open();
    assert_eq!(notes, vec![Note::IndexRebuilt(2)]);
    let names: Vec<_> = ws.entries.iter().map(|e| (e.id, e.name.as_str())).collect();
    assert_eq!(
        names,
        vec![(4, "Recovered scenario"), (9, "Recovered scenario (2)")]
    );
    assert_eq!(
        b.local.get(INDEX_KEY).unwrap(),
        "4\tRecovered scenario\n9\tRecovered scenario (2)\n"
    );
    // An entry whose text is gone is dropped, with its name.
    b.local.set(INDEX_KEY, "4\tA\n5\tB\n").unwrap();
    let (ws, _, notes) = b.open();
    assert_eq!(notes, vec![Note::Missing("B".into())]);
    assert_eq!(ws.entries.len(), 1);
    // A current pointer that makes no sense falls back to the default example.
    b.local.set(CURRENT_KEY, "saved:77").unwrap();
    let (ws, text, _) = b.new_tab().open();
    assert_eq!(ws.source, Source::Example("pi"));
    assert!(!text.is_empty());
    b.local.set(CURRENT_KEY, "garbage").unwrap();
    assert_eq!(b.new_tab().open().0.source, Source::Example("pi"));
}

#[test]
fn the_tabs_own_fragment_is_not_a_link() {
    let mut b = Browser::new();
    let (ws, _, _) = b.open();
    assert!(!ws.is_foreign_fragment(&b.session, ""));
    assert!(!ws.is_foreign_fragment(&b.session, "#"));
    assert!(ws.is_foreign_fragment(&b.session, "#v=1&example=pi"));
    ws.wrote_fragment(&mut b.session, "v=1&yaml=abc");
    assert!(!ws.is_foreign_fragment(&b.session, "#v=1&yaml=abc"));
    assert!(ws.is_foreign_fragment(&b.session, "#v=1&yaml=abd"));
    assert!(
        ws.is_foreign_fragment(&b.new_tab().session, "#v=1&yaml=abc"),
        "a new tab"
    );
}

#[test]
fn an_embedded_page_writes_nothing() {
    let mut b = Browser::new();
    b.local.set(DRAFT_KEY, MINE).unwrap();
    b.local.set(CURRENT_KEY, "draft").unwrap();
    let (mut ws, notes) = Workspace::load(&mut b.local, true, "Recovered scenario");
    assert!(notes.is_empty());
    // The embed never restores the person's work: it shows what it was given.
    assert_eq!(
        ws.restore(&b.local, &b.session),
        gallery::get("pi").unwrap().text
    );
    let before = (b.local.map.clone(), b.session.map.clone());
    ws.show(&mut b.local, &mut b.session, Source::Link, LINKED);
    ws.edited(
        &mut b.local,
        &mut b.session,
        "# edited in the embed\n",
        RESCUE,
    );
    ws.wrote_fragment(&mut b.session, "v=1&yaml=x");
    assert!(ws.save_as(&mut b.local, &mut b.session, "x", "y").is_err());
    assert_eq!((b.local.map.clone(), b.session.map.clone()), before);
    assert!(ws.is_foreign_fragment(&b.session, "#v=1&yaml=x"));
}

#[test]
fn a_scenario_deleted_in_another_tab_keeps_the_edit_as_the_draft() {
    let mut a = Browser::new();
    let (mut ws, _, _) = a.open();
    let id = ws
        .save_as(&mut a.local, &mut a.session, "Shared", MINE)
        .unwrap();
    // Another tab deleted it: its text and its line in the list are gone.
    a.local.remove(&format!("{SCENARIO_PREFIX}{id}"));
    a.local.set(INDEX_KEY, "").unwrap();
    let notes = ws.edited(&mut a.local, &mut a.session, "# still typing\n", RESCUE);
    assert_eq!(notes[0], Note::Gone);
    assert_eq!(ws.source, Source::Draft);
    assert_eq!(a.local.get(DRAFT_KEY).as_deref(), Some("# still typing\n"));
}

/// Two tabs of one browser: one localStorage, a sessionStorage each.
fn two_tabs(local: &mut MemoryStore) -> [(Workspace, MemoryStore, String); 2] {
    [(), ()].map(|()| {
        let session = MemoryStore::default();
        let (mut ws, _) = Workspace::load(local, false, "Recovered scenario");
        let text = ws.restore(local, &session);
        (ws, session, text)
    })
}

#[test]
fn two_tabs_editing_the_draft_each_keep_their_own_text() {
    let mut local = MemoryStore::default();
    // Tab A adopts the example as the Draft; tab B then opens and shows that Draft.
    let mut a_session = MemoryStore::default();
    let (mut a, _) = Workspace::load(&mut local, false, "Recovered scenario");
    a.restore(&local, &a_session);
    assert!(a
        .edited(&mut local, &mut a_session, "# a1\n", RESCUE)
        .is_empty());
    let [(mut b, mut b_session, shown), _] = two_tabs(&mut local);
    assert_eq!(
        (b.source.clone(), shown.as_str()),
        (Source::Draft, "# a1\n")
    );
    // B types first: the Draft is B's.
    assert!(b
        .edited(&mut local, &mut b_session, "# b1\n", RESCUE)
        .is_empty());
    // A types on: its text must not replace B's, and must not be lost either.
    let notes = a.edited(&mut local, &mut a_session, "# a2\n", RESCUE);
    assert_eq!(notes, vec![Note::Forked("Draft from a second tab".into())]);
    let Source::Saved(id) = a.source else {
        panic!("A now edits a saved scenario, not {:?}", a.source)
    };
    assert_eq!(local.get(DRAFT_KEY).as_deref(), Some("# b1\n"));
    assert_eq!(
        local.get(&format!("{SCENARIO_PREFIX}{id}")).as_deref(),
        Some("# a2\n")
    );
    // Both go on typing, each into its own, with nothing more to say.
    assert!(a
        .edited(&mut local, &mut a_session, "# a3\n", RESCUE)
        .is_empty());
    assert!(b
        .edited(&mut local, &mut b_session, "# b2\n", RESCUE)
        .is_empty());
    assert_eq!(local.get(DRAFT_KEY).as_deref(), Some("# b2\n"));
    assert_eq!(
        local.get(&format!("{SCENARIO_PREFIX}{id}")).as_deref(),
        Some("# a3\n")
    );
    // B's list learns of A's scenario (the page syncs on the storage event).
    b.sync(&local);
    assert_eq!(
        b.entry(id).map(|e| e.name.as_str()),
        Some("Draft from a second tab")
    );
    // A reload of each tab shows its own text.
    let (mut a2, _) = Workspace::load(&mut local, false, "Recovered scenario");
    assert_eq!(a2.restore(&local, &a_session), "# a3\n");
    let (mut b2, _) = Workspace::load(&mut local, false, "Recovered scenario");
    assert_eq!(b2.restore(&local, &b_session), "# b2\n");
}

#[test]
fn the_same_text_written_by_another_tab_is_no_conflict() {
    let mut local = MemoryStore::default();
    local.set(DRAFT_KEY, MINE).unwrap();
    local.set(CURRENT_KEY, "draft").unwrap();
    let [(mut a, mut a_session, _), (mut b, mut b_session, _)] = two_tabs(&mut local);
    let same = format!("{MINE}# same\n");
    assert!(b
        .edited(&mut local, &mut b_session, &same, RESCUE)
        .is_empty());
    assert!(a
        .edited(&mut local, &mut a_session, &same, RESCUE)
        .is_empty());
    assert_eq!(a.source, Source::Draft);
    assert!(local.get(INDEX_KEY).is_none(), "nothing was forked");
}

#[test]
fn a_saved_scenario_edited_in_two_tabs_forks_under_a_numbered_name() {
    let mut local = MemoryStore::default();
    let mut a_session = MemoryStore::default();
    let (mut a, _) = Workspace::load(&mut local, false, "Recovered scenario");
    a.restore(&local, &a_session);
    let id = a
        .save_as(&mut local, &mut a_session, "Nightly", MINE)
        .unwrap();
    let [(mut b, mut b_session, shown), _] = two_tabs(&mut local);
    assert_eq!(
        (b.source.clone(), shown.as_str()),
        (Source::Saved(id), MINE)
    );
    assert!(b
        .edited(&mut local, &mut b_session, "# b\n", RESCUE)
        .is_empty());
    let notes = a.edited(&mut local, &mut a_session, "# a\n", RESCUE);
    assert_eq!(notes, vec![Note::Forked("Nightly (2)".into())]);
    assert_eq!(
        local.get(&format!("{SCENARIO_PREFIX}{id}")).as_deref(),
        Some("# b\n")
    );
    let Source::Saved(fork) = a.source else {
        panic!("{:?}", a.source)
    };
    assert_ne!(fork, id);
    assert_eq!(
        local.get(&format!("{SCENARIO_PREFIX}{fork}")).as_deref(),
        Some("# a\n")
    );
}

#[test]
fn names_another_tab_saved_renamed_or_deleted_are_kept_as_it_left_them() {
    let mut local = MemoryStore::default();
    let [(mut a, mut a_session, _), (mut b, mut b_session, _)] = two_tabs(&mut local);
    let first = b
        .save_as(&mut local, &mut b_session, "From B", "# b\n")
        .unwrap();
    // A's list is older than B's save: A's own save must not drop B's name.
    let second = a
        .save_as(&mut local, &mut a_session, "From A", "# a\n")
        .unwrap();
    assert_ne!(first, second, "A takes a free id, not B's");
    let (listed, _) = Workspace::load(&mut local, false, "Recovered scenario");
    let names: Vec<&str> = listed.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["From B", "From A"]);
    // B renames its own; A then renames A's: both names stay.
    b.rename(&mut local, first, "B renamed");
    a.rename(&mut local, second, "A renamed");
    let (listed, _) = Workspace::load(&mut local, false, "Recovered scenario");
    let names: Vec<&str> = listed.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["B renamed", "A renamed"]);
    // B deletes A's scenario while A edits it: A's edit is kept as the Draft.
    b.delete(&mut local, &mut b_session, second);
    let notes = a.edited(&mut local, &mut a_session, "# a, still typing\n", RESCUE);
    assert_eq!(notes[0], Note::Gone);
    assert_eq!(a.source, Source::Draft);
    assert_eq!(local.get(DRAFT_KEY).as_deref(), Some("# a, still typing\n"));
    a.sync(&local);
    let names: Vec<&str> = a.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["B renamed"]);
}

#[test]
fn a_fork_refused_by_a_full_store_overwrites_nothing() {
    let mut local = MemoryStore::default();
    local.set(DRAFT_KEY, MINE).unwrap();
    local.set(CURRENT_KEY, "draft").unwrap();
    let [(mut a, mut a_session, _), (mut b, mut b_session, _)] = two_tabs(&mut local);
    assert!(b
        .edited(&mut local, &mut b_session, "# b\n", RESCUE)
        .is_empty());
    let used: usize = local.map.iter().map(|(k, v)| k.len() + v.len()).sum();
    local.quota = Some(used + 4);
    let notes = a.edited(
        &mut local,
        &mut a_session,
        "# a, a longer text than fits\n",
        RESCUE,
    );
    assert_eq!(notes, vec![Note::Full]);
    assert_eq!(a.unsaved, Some(StoreError::Full));
    assert_eq!(
        local.get(DRAFT_KEY).as_deref(),
        Some("# b\n"),
        "B's text stays"
    );
    assert_eq!(a.source, Source::Draft);
}

/// One tab of the model below: its workspace, its sessionStorage, what its editor shows.
struct Tab {
    ws: Workspace,
    session: MemoryStore,
    text: String,
    /// The last text typed in this tab, while it must still be somewhere in storage.
    typed: Option<String>,
}

#[derive(Clone, Debug)]
enum Op {
    Type(usize, u8),
    SaveAs(usize, u8),
    Rename(usize, u8, u8),
    Delete(usize, u8),
    OpenSaved(usize, u8),
    OpenDraft(usize),
    OpenExample(usize),
    Sync(usize),
    Reload(usize),
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    let tab = 0..2usize;
    prop_oneof![
        4 => (tab.clone(), any::<u8>()).prop_map(|(t, c)| Op::Type(t, c)),
        1 => (tab.clone(), 0..4u8).prop_map(|(t, n)| Op::SaveAs(t, n)),
        1 => (tab.clone(), any::<u8>(), 0..4u8).prop_map(|(t, k, n)| Op::Rename(t, k, n)),
        1 => (tab.clone(), any::<u8>()).prop_map(|(t, k)| Op::Delete(t, k)),
        1 => (tab.clone(), any::<u8>()).prop_map(|(t, k)| Op::OpenSaved(t, k)),
        1 => tab.clone().prop_map(Op::OpenDraft),
        1 => tab.clone().prop_map(Op::OpenExample),
        1 => tab.clone().prop_map(Op::Sync),
        1 => tab.prop_map(Op::Reload),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Two tabs doing anything in any order: what a tab typed last is always kept
    /// in storage (as the Draft or a named scenario) until a person deletes it,
    /// and the list never names a text that is not there.
    #[test]
    fn two_tabs_in_any_order_never_lose_what_was_typed(ops in proptest::collection::vec(op(), 1..60)) {
        let mut local = MemoryStore::default();
        let mut tabs: Vec<Tab> = (0..2)
            .map(|_| {
                let session = MemoryStore::default();
                let (mut ws, _) = Workspace::load(&mut local, false, "Recovered scenario");
                let text = ws.restore(&local, &session);
                Tab { ws, session, text, typed: None }
            })
            .collect();
        let mut typed_count = 0u32;
        for op in ops {
            let acted = match op {
                Op::Type(..) => None,
                Op::SaveAs(t, _) | Op::Rename(t, ..) | Op::Delete(t, _) | Op::OpenSaved(t, _)
                | Op::OpenDraft(t) | Op::OpenExample(t) | Op::Sync(t) | Op::Reload(t) => Some(t),
            };
            match op {
                Op::Type(t, c) => {
                    typed_count += 1;
                    let tab = &mut tabs[t];
                    tab.text.push_str(&format!("# {typed_count} {c}\n"));
                    let notes = tab.ws.edited(&mut local, &mut tab.session, &tab.text, RESCUE);
                    proptest::prop_assert!(!notes.contains(&Note::Full), "{notes:?}");
                    tab.typed = Some(tab.text.clone());
                }
                Op::SaveAs(t, n) => {
                    let tab = &mut tabs[t];
                    let text = tab.text.clone();
                    let name = format!("n{n}");
                    let saved = tab.ws.save_as(&mut local, &mut tab.session, &name, &text);
                    proptest::prop_assert!(saved.is_ok());
                }
                Op::Rename(t, k, n) => {
                    let tab = &mut tabs[t];
                    if let Some(id) = pick(&tab.ws, k) {
                        tab.ws.rename(&mut local, id, &format!("r{n}"));
                    }
                }
                Op::Delete(t, k) => {
                    let Some(id) = pick(&tabs[t].ws, k) else { continue };
                    // A person deletes this text: no tab has to keep it any more.
                    let key = format!("{SCENARIO_PREFIX}{id}");
                    let deleted = local.get(&key);
                    for other in tabs.iter_mut() {
                        if other.typed.is_some() && other.typed == deleted {
                            other.typed = None;
                        }
                    }
                    let tab = &mut tabs[t];
                    let (opened, _) = tab.ws.delete(&mut local, &mut tab.session, id);
                    if let Some(text) = opened {
                        tab.text = text;
                    }
                }
                Op::OpenSaved(t, k) => {
                    let tab = &mut tabs[t];
                    if let Some(id) = pick(&tab.ws, k) {
                        if let Some(text) = tab.ws.text_of(&local, &Source::Saved(id)) {
                            tab.ws.show(&mut local, &mut tab.session, Source::Saved(id), &text);
                            tab.text = text;
                        }
                    }
                }
                Op::OpenDraft(t) => {
                    let tab = &mut tabs[t];
                    let text = tab.ws.text_of(&local, &Source::Draft).unwrap_or_default();
                    tab.ws.show(&mut local, &mut tab.session, Source::Draft, &text);
                    tab.text = text;
                }
                Op::OpenExample(t) => {
                    let tab = &mut tabs[t];
                    let text = gallery::get("pi").unwrap().text.to_string();
                    tab.ws.show(&mut local, &mut tab.session, Source::Example("pi"), &text);
                    tab.text = text;
                }
                Op::Sync(t) => tabs[t].ws.sync(&local),
                Op::Reload(t) => {
                    let tab = &mut tabs[t];
                    let (mut ws, notes) = Workspace::load(&mut local, false, "Recovered scenario");
                    proptest::prop_assert!(notes.is_empty(), "a reload found a broken list: {notes:?}");
                    tab.text = ws.restore(&local, &tab.session);
                    tab.ws = ws;
                }
            }
            // A tab that now shows another tab's typed text (opened, reloaded) may edit
            // it as its own: the text is then in the hands of the tab that shows it.
            if let Some(t) = acted {
                let shown = tabs[t].text.clone();
                let other = &mut tabs[1 - t];
                if other.typed.as_deref() == Some(shown.as_str()) {
                    other.typed = None;
                }
            }
            let stored: Vec<&String> = local.map.iter()
                .filter(|(k, _)| k.as_str() == DRAFT_KEY || k.starts_with(SCENARIO_PREFIX))
                .map(|(_, v)| v)
                .collect();
            for (i, tab) in tabs.iter().enumerate() {
                if let Some(typed) = &tab.typed {
                    proptest::prop_assert!(stored.contains(&typed), "tab {i}'s typed text is nowhere: {typed:?}");
                }
            }
            // Every name on the list has its text.
            if let Some(list) = local.get(INDEX_KEY) {
                for line in list.lines() {
                    let id = line.split('\t').next().unwrap_or_default();
                    proptest::prop_assert!(local.get(&format!("{SCENARIO_PREFIX}{id}")).is_some(), "{line:?} has no text");
                }
            }
        }
    }
}

/// The `k`-th saved scenario of the tab's list (as it knows it), if any.
fn pick(ws: &Workspace, k: u8) -> Option<u32> {
    (!ws.entries.is_empty()).then(|| ws.entries[k as usize % ws.entries.len()].id)
}
