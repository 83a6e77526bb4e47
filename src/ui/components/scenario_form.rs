//! The Scenario form: the common pod behaviours and timed actions without
//! learning the format. It lists the Scenario's rules, actions and queue (each in
//! the format's own words, with a Remove button) and adds a change; the reducer
//! rewrites only the Scenario document of the text (`scenario_edit`).

use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::ui::scenario_edit::{self, Change};
use crate::ui::state::FormKind;

#[derive(Properties, PartialEq)]
pub struct ScenarioFormProps {
    pub text: AttrValue,
    pub lang: Lang,
    pub kind: FormKind,
    pub error: Option<AttrValue>,
    pub on_kind: Callback<FormKind>,
    pub on_change: Callback<Change>,
    /// A field that is not a number.
    pub on_error: Callback<String>,
}

fn kind_label(k: FormKind) -> tx::Text {
    match k {
        FormKind::Exit => tx::KIND_EXIT,
        FormKind::Evict => tx::KIND_EVICT,
        FormKind::Delete => tx::KIND_DELETE,
        FormKind::Suspend => tx::KIND_SUSPEND,
        FormKind::Resume => tx::KIND_RESUME,
        FormKind::Queue => tx::KIND_QUEUE,
    }
}

/// Read the form's fields into a change; `Err` names the field that is not a number.
fn change_of(kind: FormKind, data: &FormData, l: Lang) -> Result<Change, String> {
    let text = |name: &str| {
        data.get(name)
            .as_string()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let num = |name: &str, label: tx::Text| -> Result<f64, String> {
        let v = text(name);
        v.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| l.f(tx::FORM_BAD_NUMBER, &[l.t(label)]))
    };
    let all = data.get("all").as_string().is_some();
    Ok(match kind {
        FormKind::Exit => Change::Exit {
            index: text("index"),
            pod: text("pod"),
            exit_code: num("exit", tx::F_EXIT_CODE)? as i32,
            run_seconds: num("run", tx::F_RUN_SECONDS)?,
        },
        FormKind::Evict => Change::Evict {
            at: num("at", tx::F_AT)?,
            index: text("index"),
            pod: text("pod"),
            all,
        },
        FormKind::Delete => Change::Delete {
            at: num("at", tx::F_AT)?,
            index: text("index"),
            pod: text("pod"),
            all,
        },
        FormKind::Suspend => Change::Suspend {
            at: num("at", tx::F_AT)?,
            suspend: true,
        },
        FormKind::Resume => Change::Suspend {
            at: num("at", tx::F_AT)?,
            suspend: false,
        },
        FormKind::Queue => Change::Queue {
            items: num("items", tx::F_ITEMS)?.max(0.0) as u32,
            seconds_per_item: num("per", tx::F_PER_ITEM)?,
        },
    })
}

fn field(
    id: &str,
    name: &'static str,
    label: &'static str,
    value: &'static str,
    numeric: bool,
) -> Html {
    let id = format!("sf-{id}-{name}");
    html! {
        <div class="form-field">
            <label for={ id.clone() }>{ label }</label>
            <input id={ id } name={ name } value={ value } type="text" autocomplete="off" spellcheck="false"
                inputmode={ numeric.then_some("decimal") } />
        </div>
    }
}

#[function_component(ScenarioForm)]
pub fn scenario_form(p: &ScenarioFormProps) -> Html {
    let l = p.lang;
    let view = {
        let text = p.text.clone();
        use_memo(text, |t| scenario_edit::read(t))
    };
    let Some(view) = (*view).clone() else {
        return html! {
            <details class="scenario-form">
                <summary><span class="summary-title">{ l.t(tx::FORM_TITLE) }</span></summary>
                <p class="muted">{ l.t(tx::FORM_NEEDS_VALID) }</p>
            </details>
        };
    };
    let kind = p.kind;
    let on_kind = p.on_kind.reform(|e: Event| {
        FormKind::from_key(
            &e.target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        )
    });
    let onsubmit = {
        let on_change = p.on_change.clone();
        let on_error = p.on_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = FormData::new_with_form(&form) else {
                return;
            };
            match change_of(kind, &data, l) {
                Ok(c) => on_change.emit(c),
                Err(m) => on_error.emit(m),
            }
        })
    };
    let list = |items: &[String], remove: fn(usize) -> Change| -> Html {
        if items.is_empty() {
            return html! { <p class="muted small">{ l.t(tx::FORM_NONE) }</p> };
        }
        html! {
            <ul class="form-items">
                { for items.iter().enumerate().map(|(i, s)| {
                    let on_change = p.on_change.clone();
                    html! {
                        <li>
                            <code>{ s.clone() }</code>
                            <button type="button" class="button small" aria-label={ l.f(tx::FORM_REMOVE_ITEM, &[s]) }
                                onclick={ move |_| on_change.emit(remove(i)) }>{ l.t(tx::FORM_REMOVE) }</button>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    let k = kind.key();
    let selectors = html! {
        <>
            if view.indexed { { field(k, "index", l.t(tx::F_INDEX), "", false) } }
            { field(k, "pod", l.t(tx::F_POD), "", false) }
        </>
    };
    let fields = match kind {
        FormKind::Exit => html! {
            <>
                { selectors }
                { field(k, "exit", l.t(tx::F_EXIT_CODE), "1", true) }
                { field(k, "run", l.t(tx::F_RUN_SECONDS), "5", true) }
            </>
        },
        FormKind::Evict | FormKind::Delete => html! {
            <>
                { field(k, "at", l.t(tx::F_AT), "10", true) }
                { selectors }
                <div class="form-field check">
                    <input id={ format!("sf-{k}-all") } type="checkbox" name="all" value="1" />
                    <label for={ format!("sf-{k}-all") }>{ l.t(tx::F_ALL_PODS) }</label>
                </div>
            </>
        },
        FormKind::Suspend | FormKind::Resume => field(k, "at", l.t(tx::F_AT), "10", true),
        FormKind::Queue => html! {
            <>
                { field(k, "items", l.t(tx::F_ITEMS), "20", true) }
                { field(k, "per", l.t(tx::F_PER_ITEM), "2", true) }
            </>
        },
    };
    html! {
        <details class="scenario-form">
            <summary><span class="summary-title">{ l.t(tx::FORM_TITLE) }</span></summary>
            <p class="muted small">{ l.t(tx::FORM_INTRO) }</p>
            <h3 class="form-h">{ l.t(tx::FORM_RULES) }</h3>
            { list(&view.rules, Change::RemoveRule) }
            <h3 class="form-h">{ l.t(tx::FORM_ACTIONS) }</h3>
            { list(&view.actions, Change::RemoveAction) }
            <h3 class="form-h">{ l.t(tx::FORM_QUEUE) }</h3>
            { list(view.queue.as_slice(), |_| Change::RemoveQueue) }
            <form class="form-add" onsubmit={ onsubmit }>
                <div class="form-field wide">
                    <label for="sf-kind">{ l.t(tx::FORM_WHAT) }</label>
                    <select id="sf-kind" onchange={ on_kind }>
                        { for FormKind::ALL.into_iter().map(|f| html! {
                            <option value={ f.key() } selected={ f == kind }>{ l.t(kind_label(f)) }</option>
                        }) }
                    </select>
                </div>
                <div key={ k } class="form-fields">{ fields }</div>
                <button type="submit" class="button primary">{ l.t(tx::FORM_ADD) }</button>
                if let Some(err) = p.error.clone() {
                    <p class="form-error" role="alert">{ err }</p>
                }
            </form>
        </details>
    }
}
