//! The pods of a run as cards, in creation order.

use std::rc::Rc;

use yew::prelude::*;

use super::PodCard;
use crate::ui::driver::Snapshot;

#[derive(Properties, PartialEq)]
pub struct PodListProps {
    /// `None` before the first Run.
    pub view: Option<Rc<Snapshot>>,
}

#[function_component(PodList)]
pub fn pod_list(props: &PodListProps) -> Html {
    let Some(view) = &props.view else {
        return html! {
            <p class="empty">{ "Press Run to create the Job. Its pods appear here." }</p>
        };
    };
    if view.pods.is_empty() {
        return html! { <p class="empty">{ "No pods yet." }</p> };
    }
    html! {
        <>
            if view.hidden_pods > 0 {
                <p class="hidden-pods">{ format!("{} earlier pods not shown.", view.hidden_pods) }</p>
            }
            <ul class="pod-list" aria-label="Pods">
                { for view.pods.iter().map(|p| html! { <PodCard key={ p.name.clone() } pod={ p.clone() } /> }) }
            </ul>
        </>
    }
}
