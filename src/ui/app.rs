//! The page: holds the [`PageState`], wires the ticker to the reducer and lays
//! out the components.

use yew::prelude::*;

use super::components::{Clock, Controls, Editor, Header, OutcomeBanner, PodList, Problems};
use super::hooks::use_ticker;
use super::state::{Action, PageState, SPEEDS};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(PageState::default);
    let dispatcher = state.dispatcher();

    let run = state.run.as_ref();
    let ticking = run.is_some_and(|r| r.is_ticking());
    let generation = run.map_or(0, |r| r.generation);
    let on_tick = use_callback(dispatcher.clone(), |real_ms: u64, d| {
        d.dispatch(Action::Tick { real_ms })
    });
    use_ticker(ticking, generation, on_tick);

    let on_edit = use_callback(dispatcher.clone(), |text: String, d| {
        d.dispatch(Action::Edit(text))
    });
    let on_run = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::Run));
    let on_pause = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::TogglePause));
    let on_speed = use_callback(dispatcher, |speed: u32, d| {
        d.dispatch(Action::SetSpeed(speed))
    });

    let view = run.map(|r| r.view.clone());
    let pausable = run.filter(|r| !r.is_over()).map(|r| r.paused);
    let now_ms = view.as_ref().map_or(0, |v| v.now_ms);

    html! {
        <>
            <Header />
            <main class="layout">
                <section class="panel editor-panel" aria-labelledby="scenario-title">
                    <div class="panel-head">
                        <h2 id="scenario-title">{ "Scenario" }</h2>
                        <Controls
                            speed={ state.speed }
                            speeds={ SPEEDS }
                            { pausable }
                            on_run={ on_run.clone() }
                            { on_pause }
                            { on_speed }
                        />
                    </div>
                    <Editor
                        value={ AttrValue::from(state.yaml.clone()) }
                        invalid={ state.invalid.is_some() }
                        { on_edit }
                        { on_run }
                    />
                    if let Some(invalid) = state.invalid.clone() {
                        <Problems { invalid } />
                    }
                </section>
                <section class="panel cluster-panel" aria-labelledby="cluster-title">
                    <div class="panel-head">
                        <h2 id="cluster-title">{ "Cluster" }</h2>
                        <Clock { now_ms } />
                    </div>
                    <OutcomeBanner
                        kind={ view.as_ref().map_or(AttrValue::Static("Job"), |v| AttrValue::from(v.kind.clone())) }
                        name={ view.as_ref().map_or(AttrValue::default(), |v| AttrValue::from(v.name.clone())) }
                        outcome={ view.as_ref().and_then(|v| v.outcome.clone()) }
                    />
                    <PodList { view } />
                </section>
            </main>
        </>
    }
}
