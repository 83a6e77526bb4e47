//! The floor under the page's download size: what any page that runs this
//! playground must ship, however small its markup. `run` reads a file (Job,
//! CronJob or Scenario YAML), validates it as the API server would and simulates it
//! to its end, printing `kubectl get`-like figures or the error: the engine the
//! page needs, without the page. With the feature `yew-page`, the smallest Yew page
//! around it: one text area, a button, and the result in a paragraph, state in one
//! `Reducible` as in the real page. `scripts/size-floor.sh` builds both and prints
//! their gzip size beside the page's budget.

use wasm_bindgen::prelude::*;

/// Parse, validate and simulate `text` to its end: pods, events and the end time,
/// or the error message as the page would show it.
#[wasm_bindgen]
pub fn run(text: &str) -> String {
    match jobplay::cluster::Cluster::from_text(text) {
        Ok(mut c) => {
            c.run_to_end();
            format!(
                "pods {} events {} ended at {} ms",
                c.store.pods_created(),
                c.store.events_recorded(),
                c.now.0
            )
        }
        Err(e) => format!("error: {}", e.message),
    }
}

#[cfg(feature = "yew-page")]
mod page {
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;

    #[derive(Default, PartialEq)]
    struct Page {
        text: String,
        result: String,
    }

    enum Action {
        Edit(String),
        Run,
    }

    impl Reducible for Page {
        type Action = Action;
        fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
            match action {
                Action::Edit(text) => Rc::new(Page {
                    text,
                    result: self.result.clone(),
                }),
                Action::Run => Rc::new(Page {
                    text: self.text.clone(),
                    result: super::run(&self.text),
                }),
            }
        }
    }

    #[function_component]
    fn App() -> Html {
        let page = use_reducer(Page::default);
        let oninput = {
            let page = page.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                    page.dispatch(Action::Edit(area.value()));
                }
            })
        };
        let onclick = {
            let page = page.clone();
            Callback::from(move |_| page.dispatch(Action::Run))
        };
        html! {
            <main>
                <textarea aria-label="YAML" value={page.text.clone()} {oninput} />
                <button {onclick}>{ "Run" }</button>
                <p>{ page.result.clone() }</p>
            </main>
        }
    }

    #[wasm_bindgen(start)]
    pub fn start() {
        yew::Renderer::<App>::new().render();
    }
}
