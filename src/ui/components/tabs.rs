//! The tab list over the views: Timeline, Events, `kubectl describe`, `kubectl get
//! pods`, `kubectl logs` (the ARIA tabs pattern: arrow keys move between tabs).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::driver::Tab;
use crate::ui::i18n::{self as tx, Lang};

pub fn tab_label(l: Lang, t: Tab) -> &'static str {
    match t {
        Tab::Timeline => l.t(tx::TAB_TIMELINE),
        Tab::Events => l.t(tx::TAB_EVENTS),
        Tab::Describe => "kubectl describe",
        Tab::GetPods => "kubectl get pods",
        Tab::Logs => "kubectl logs",
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub lang: Lang,
    pub tab: Tab,
    pub on_tab: Callback<Tab>,
    pub children: Html,
}

#[function_component(Tabs)]
pub fn tabs(p: &TabsProps) -> Html {
    let l = p.lang;
    let current = p.tab;
    let onkeydown = {
        let on_tab = p.on_tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let i = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            if let Some(t) = Tab::ALL.get(next) {
                on_tab.emit(*t);
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("tab-{}", t.key())))
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
        })
    };
    html! {
        <section class="views" aria-label={ l.t(tx::VIEWS) }>
            <div class="tablist" role="tablist" aria-label={ l.t(tx::VIEWS) } { onkeydown }>
                { for Tab::ALL.iter().map(|&t| {
                    let on = p.on_tab.clone();
                    let selected = t == current;
                    html! {
                        <button type="button" role="tab" id={ format!("tab-{}", t.key()) }
                            class={ classes!("tab", selected.then_some("selected")) }
                            aria-selected={ if selected { "true" } else { "false" } }
                            aria-controls="tabpanel" tabindex={ if selected { "0" } else { "-1" } }
                            onclick={ move |_| on.emit(t) }>{ tab_label(l, t) }</button>
                    }
                }) }
            </div>
            <div id="tabpanel" class="tabpanel" role="tabpanel" aria-labelledby={ format!("tab-{}", current.key()) }>
                { p.children.clone() }
            </div>
        </section>
    }
}
