//! "My scenarios": where the editor's text lives (the Draft, a saved scenario,
//! an example or a link, and whether it is saved), and the named scenarios kept
//! in this browser: open, rename, download, delete (asked twice), save the text
//! under a new name, import a .yaml file (or drop one on the page).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::ui::state::DownloadKind;
use crate::ui::workspace::{Entry, Source, StoreError};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub lang: Lang,
    pub entries: Rc<Vec<Entry>>,
    pub source: Source,
    pub unsaved: Option<StoreError>,
    pub embed: bool,
    pub on_open: Callback<Source>,
    pub on_save_as: Callback<String>,
    pub on_rename: Callback<(u32, String)>,
    pub on_delete: Callback<u32>,
    pub on_download: Callback<DownloadKind>,
    pub on_import: Callback<web_sys::File>,
}

/// Where the text lives, in words, and whether it is saved.
fn source_line(p: &LibraryProps) -> (String, &'static str) {
    let l = p.lang;
    let what = match &p.source {
        Source::Draft => l.t(tx::SOURCE_DRAFT).to_string(),
        Source::Saved(id) => {
            let name = p
                .entries
                .iter()
                .find(|e| e.id == *id)
                .map(|e| e.name.as_str())
                .unwrap_or("");
            l.f(tx::SOURCE_SAVED_AS, &[name])
        }
        Source::Example(n) => {
            let title =
                crate::gallery::get(n).map_or_else(|| n.to_string(), |e| e.info(l.code()).title);
            l.f(tx::SOURCE_EXAMPLE, &[&title])
        }
        Source::Link => l.t(tx::SOURCE_LINK).to_string(),
        Source::Recovered => l.t(tx::SOURCE_RECOVERED).to_string(),
    };
    let status = if p.embed {
        tx::STATUS_EMBED
    } else if p.unsaved.is_some() {
        tx::STATUS_NOT_SAVED
    } else if p.source.is_kept() {
        tx::STATUS_SAVED
    } else {
        tx::STATUS_SHOWN
    };
    (what, l.t(status))
}

#[function_component(Library)]
pub fn library(p: &LibraryProps) -> Html {
    let l = p.lang;
    let renaming = use_state(|| None::<u32>);
    let confirming = use_state(|| None::<u32>);
    let save_name = use_node_ref();
    let rename_name = use_node_ref();
    let file_input = use_node_ref();
    let (what, status) = source_line(p);
    let line = html! {
        <p class={ classes!("source-line", p.unsaved.is_some().then_some("unsaved")) }>
            <span class="muted">{ l.t(tx::EDITING) }</span>{ " " }
            <strong class="source-name">{ what }</strong>
            <span class="muted">{ " · " }{ status }</span>
        </p>
    };
    if p.embed {
        return line;
    }
    let row = |e: &Entry| {
        let id = e.id;
        let name = e.name.clone();
        let open = p.source == Source::Saved(id);
        let on_open = p.on_open.clone();
        let on_dl = p.on_download.clone();
        if *renaming == Some(id) {
            let input = rename_name.clone();
            let on_rename = p.on_rename.clone();
            let done = renaming.clone();
            let onsubmit = Callback::from(move |ev: SubmitEvent| {
                ev.prevent_default();
                if let Some(i) = input.cast::<HtmlInputElement>() {
                    on_rename.emit((id, i.value()));
                }
                done.set(None);
            });
            let cancel = {
                let r = renaming.clone();
                move |_| r.set(None)
            };
            let onkeydown = {
                let r = renaming.clone();
                move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        e.prevent_default();
                        r.set(None);
                    }
                }
            };
            return html! {
                <li key={ id.to_string() } class="lib-row">
                    <form class="lib-rename" { onsubmit }>
                        <label class="sr-only" for={ format!("rename-{id}") }>{ l.t(tx::LIB_NEW_NAME) }</label>
                        <input id={ format!("rename-{id}") } ref={ rename_name.clone() } type="text" value={ name.clone() }
                            maxlength="80" autocomplete="off" { onkeydown } />
                        <button type="submit" class="button small primary">{ l.t(tx::LIB_SAVE) }</button>
                        <button type="button" class="button small" onclick={ cancel }>{ l.t(tx::LIB_CANCEL) }</button>
                    </form>
                </li>
            };
        }
        if *confirming == Some(id) {
            let on_delete = p.on_delete.clone();
            let c = confirming.clone();
            let yes = move |_| {
                on_delete.emit(id);
                c.set(None);
            };
            let c = confirming.clone();
            let no = move |_| c.set(None);
            return html! {
                <li key={ id.to_string() } class="lib-row confirm" role="group" aria-label={ l.f(tx::LIB_DELETE_ITEM, &[&name]) }>
                    <span class="lib-confirm-text">{ l.f(tx::LIB_DELETE_CONFIRM, &[&name]) }</span>
                    <button type="button" class="button small danger" onclick={ yes }>{ l.t(tx::LIB_DELETE) }</button>
                    <button type="button" class="button small" onclick={ no }>{ l.t(tx::LIB_CANCEL) }</button>
                </li>
            };
        }
        let start_rename = {
            let r = renaming.clone();
            move |_| r.set(Some(id))
        };
        let ask_delete = {
            let c = confirming.clone();
            move |_| c.set(Some(id))
        };
        html! {
            <li key={ id.to_string() } class={ classes!("lib-row", open.then_some("current")) }>
                <button type="button" class="lib-name" aria-current={ open.then_some("true") }
                    aria-label={ l.f(tx::LIB_OPEN_ITEM, &[&name]) }
                    onclick={ move |_| on_open.emit(Source::Saved(id)) }>
                    <span class="lib-title">{ name.clone() }</span>
                    if open { <span class="lib-badge">{ l.t(tx::LIB_OPEN_NOW) }</span> }
                </button>
                <span class="lib-actions">
                    <button type="button" class="button small" aria-label={ l.f(tx::LIB_RENAME_ITEM, &[&name]) } onclick={ start_rename }>{ l.t(tx::LIB_RENAME) }</button>
                    <button type="button" class="button small" aria-label={ l.f(tx::LIB_EXPORT_ITEM, &[&name]) } title={ l.f(tx::LIB_EXPORT_ITEM, &[&name]) }
                        onclick={ move |_| on_dl.emit(DownloadKind::Saved(Some(id))) }>{ "⤓" }</button>
                    <button type="button" class="button small" aria-label={ l.f(tx::LIB_DELETE_ITEM, &[&name]) } onclick={ ask_delete }>{ l.t(tx::LIB_DELETE) }</button>
                </span>
            </li>
        }
    };
    let draft_row = {
        let open = p.source == Source::Draft;
        let on_open = p.on_open.clone();
        let on_dl = p.on_download.clone();
        let name = l.t(tx::SOURCE_DRAFT);
        html! {
            <li key="draft" class={ classes!("lib-row", "draft", open.then_some("current")) }>
                <button type="button" class="lib-name" aria-current={ open.then_some("true") }
                    aria-label={ l.f(tx::LIB_OPEN_ITEM, &[name]) } onclick={ move |_| on_open.emit(Source::Draft) }>
                    <span class="lib-title">{ name }</span>
                    if open { <span class="lib-badge">{ l.t(tx::LIB_OPEN_NOW) }</span> }
                </button>
                <span class="lib-actions">
                    <button type="button" class="button small" aria-label={ l.f(tx::LIB_EXPORT_ITEM, &[name]) } title={ l.f(tx::LIB_EXPORT_ITEM, &[name]) }
                        onclick={ move |_| on_dl.emit(DownloadKind::Saved(None)) }>{ "⤓" }</button>
                </span>
            </li>
        }
    };
    let onsubmit = {
        let input = save_name.clone();
        let on = p.on_save_as.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<HtmlInputElement>() {
                let v = i.value();
                if !v.trim().is_empty() {
                    on.emit(v);
                    i.set_value("");
                }
            }
        })
    };
    let pick = {
        let f = file_input.clone();
        move |_| {
            if let Some(i) = f.cast::<HtmlInputElement>() {
                i.click();
            }
        }
    };
    let onchange = {
        let on = p.on_import.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(f) = i.files().and_then(|l| l.get(0)) {
                    on.emit(f);
                }
                i.set_value("");
            }
        })
    };
    html! {
        <div class="library-wrap">
            { line }
            <details class="library">
                <summary>
                    <span class="summary-title">{ l.t(tx::LIBRARY) }</span>
                    <span class="summary-note">{ format!(" ({})", p.entries.len()) }</span>
                </summary>
                <p class="muted small">{ l.t(tx::LIBRARY_INTRO) }</p>
                <ul class="lib-list">
                    { draft_row }
                    { for p.entries.iter().map(row) }
                </ul>
                if p.entries.is_empty() { <p class="muted small">{ l.t(tx::LIBRARY_EMPTY) }</p> }
                <form class="lib-save" { onsubmit }>
                    <label for="save-as-name">{ l.t(tx::LIB_SAVE_AS) }</label>
                    <span class="lib-save-row">
                        <input id="save-as-name" ref={ save_name } type="text" maxlength="80" autocomplete="off"
                            placeholder={ l.t(tx::LIB_NAME) } />
                        <button type="submit" class="button small primary">{ l.t(tx::LIB_SAVE) }</button>
                    </span>
                </form>
                <div class="lib-import">
                    <input ref={ file_input } type="file" class="file-input" tabindex="-1" aria-hidden="true" aria-label={ l.t(tx::LIB_IMPORT) }
                        accept=".yaml,.yml,text/yaml,application/yaml,application/x-yaml,text/plain" { onchange } />
                    <button type="button" class="button small" onclick={ pick }>{ l.t(tx::LIB_IMPORT) }</button>
                    <span class="muted small">{ l.t(tx::LIB_DROP_HINT) }</span>
                </div>
            </details>
        </div>
    }
}
