//! The page header: the product's name and what it is.

use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <h1 class="site-title">{ "Job Playground" }</h1>
            <p class="site-tagline">
                { "The Kubernetes Job controller, simulated in your browser. Edit a Job, press Run, watch its pods." }
            </p>
        </header>
    }
}
