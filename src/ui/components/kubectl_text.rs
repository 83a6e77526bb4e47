//! A kubectl command and its output, exactly as kubectl prints it (`describe`,
//! `get pods`, `logs`); the logs view has a pod picker.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct KubectlTextProps {
    pub lang: Lang,
    pub command: AttrValue,
    pub stdout: AttrValue,
    pub stderr: AttrValue,
    /// Logs: the pods to pick from and the one shown.
    pub pods: Vec<String>,
    pub pod: Option<String>,
    pub on_pod: Callback<String>,
}

#[function_component(KubectlText)]
pub fn kubectl_text(p: &KubectlTextProps) -> Html {
    let on_pod = p.on_pod.reform(|e: Event| {
        e.target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default()
    });
    html! {
        <div class="kubectl">
            if !p.pods.is_empty() {
                <label class="field-inline">
                    <span>{ p.lang.t(tx::LOGS_POD) }</span>
                    <select onchange={ on_pod }>
                        { for p.pods.iter().map(|n| html! {
                            <option value={ n.clone() } selected={ p.pod.as_deref() == Some(n.as_str()) }>{ n.clone() }</option>
                        }) }
                    </select>
                </label>
            }
            <pre class="code terminal" tabindex="0"><span class="prompt">{ "$ " }{ p.command.clone() }{ "\n" }</span>{ p.stderr.clone() }{ p.stdout.clone() }</pre>
        </div>
    }
}
