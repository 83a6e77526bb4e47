//! The web page (wasm32 only): Yew components on top of the engine.
