//! A panic must not leave a dead page: besides the console message
//! (`console_error_panic_hook`), the hook writes the panic into the banner that
//! `index.html` keeps hidden for this (`#fatal`), as text, never as HTML.
//! Installed through Yew, which otherwise replaces any hook with its own when
//! the app is rendered.

/// The banner element and the element inside it that gets the message.
const BANNER_ID: &str = "fatal";
const MESSAGE_ID: &str = "fatal-message";

pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&format!("The playground stopped: {info}"));
    }));
}

/// Put `text` into the banner and show it; the first message wins.
pub fn show(text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(banner) = doc.get_element_by_id(BANNER_ID) else {
        return;
    };
    if !banner.has_attribute("hidden") {
        return;
    }
    if let Some(msg) = doc.get_element_by_id(MESSAGE_ID) {
        msg.set_text_content(Some(text));
    }
    let _ = banner.remove_attribute("hidden");
}
