//! What the Share button did: the link was copied (and how long it is), or the
//! browser refused the clipboard (the link in a field to copy by hand), or the
//! link is too long for chat tools and documentation (download the file, or
//! copy it anyway).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::link::MAX_LINK_BYTES;
use crate::ui::driver;
use crate::ui::i18n::{self as tx, Lang};
use crate::ui::state::Share;

#[derive(Properties, PartialEq)]
pub struct ShareStatusProps {
    pub lang: Lang,
    pub share: Option<Share>,
    pub on_dismiss: Callback<()>,
    pub on_copy_anyway: Callback<()>,
    pub on_download: Callback<()>,
}

fn group(n: usize) -> String {
    crate::cluster::limits::thousands(n as u64)
}

#[function_component(ShareStatus)]
pub fn share_status(p: &ShareStatusProps) -> Html {
    let l = p.lang;
    let field = use_node_ref();
    {
        // Select the link for copying by hand when the field appears.
        let field = field.clone();
        let shown = matches!(p.share, Some(Share::NoClipboard(_)));
        use_effect_with(shown, move |&shown| {
            if shown {
                if let Some(i) = field.cast::<HtmlInputElement>() {
                    let _ = i.focus();
                    i.select();
                }
            }
        });
    }
    let Some(share) = &p.share else {
        return html! { <div class="share-status" role="status"></div> };
    };
    let dismiss = {
        let on = p.on_dismiss.clone();
        html! {
            <button type="button" class="button small dismiss" aria-label={ l.t(tx::DISMISS) } title={ l.t(tx::DISMISS) }
                onclick={ move |_| on.emit(()) }>{ "×" }</button>
        }
    };
    let body = match share {
        Share::Making => html! { <p>{ l.t(tx::SHARE_MAKING) }</p> },
        Share::Copied { chars, at_ms } => {
            let at = at_ms
                .filter(|t| *t > 0)
                .map(|t| l.f(tx::SHARE_AT, &[&driver::clock(t)]))
                .unwrap_or_default();
            html! { <p>{ l.f(tx::SHARE_COPIED, &[&group(*chars), &at]) }</p> }
        }
        Share::NoClipboard(link) => html! {
            <>
                <p>{ l.t(tx::SHARE_NO_CLIPBOARD) }</p>
                <input ref={ field } type="text" class="share-field" readonly=true value={ link.clone() }
                    aria-label={ l.t(tx::SHARE_LINK_LABEL) } />
            </>
        },
        Share::TooLong { chars, .. } => {
            let copy = p.on_copy_anyway.reform(|_: MouseEvent| ());
            let download = p.on_download.reform(|_: MouseEvent| ());
            html! {
                <>
                    <p>{ l.f(tx::SHARE_TOO_LONG, &[&group(*chars), &group(MAX_LINK_BYTES)]) }</p>
                    <div class="share-actions">
                        <button type="button" class="button primary small" onclick={ download }>{ l.t(tx::SHARE_DOWNLOAD) }</button>
                        <button type="button" class="button small" onclick={ copy }>{ l.t(tx::SHARE_COPY_ANYWAY) }</button>
                    </div>
                </>
            }
        }
        Share::Failed(e) => html! { <p>{ l.f(tx::SHARE_FAILED, &[e]) }</p> },
    };
    let problem = matches!(
        share,
        Share::TooLong { .. } | Share::Failed(_) | Share::NoClipboard(_)
    );
    html! {
        <div class={ classes!("share-status", "message", if problem { "problem" } else { "news" }) }
            role={ if problem { "alert" } else { "status" } }>
            <span class="message-icon" aria-hidden="true">{ if problem { "!" } else { "i" } }</span>
            <div class="share-body">{ body }</div>
            { dismiss }
        </div>
    }
}
