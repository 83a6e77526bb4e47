//! The page header: the product's name, what it is, and the language, theme and
//! help controls.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::ui::state::Theme;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub theme: Theme,
    pub on_lang: Callback<Lang>,
    pub on_theme: Callback<Theme>,
    pub on_help: Callback<()>,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let l = p.lang;
    let on_theme = p.on_theme.reform(|e: Event| {
        let v = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Theme::from_key(&v)
    });
    let lang_button = |target: Lang, label: &'static str, name: &'static str| {
        let on_lang = p.on_lang.clone();
        html! {
            <button type="button" class="seg" lang={ target.code() } aria-label={ name }
                aria-pressed={ if l == target { "true" } else { "false" } }
                onclick={ move |_| on_lang.emit(target) }>{ label }</button>
        }
    };
    let help = p.on_help.reform(|_: MouseEvent| ());
    html! {
        <header class="site-header">
            <div class="brand">
                <h1 class="site-title">{ l.t(tx::TITLE) }</h1>
                <p class="site-tagline">{ l.t(tx::TAGLINE) }</p>
            </div>
            <div class="header-tools">
                <div class="segmented" role="group" aria-label={ l.t(tx::LANGUAGE) }>
                    { lang_button(Lang::En, "EN", "English") }
                    { lang_button(Lang::Ko, "한국어", "한국어 (Korean)") }
                </div>
                <label class="field-inline">
                    <span>{ l.t(tx::THEME) }</span>
                    <select onchange={ on_theme }>
                        { for [(Theme::System, tx::THEME_SYSTEM), (Theme::Light, tx::THEME_LIGHT), (Theme::Dark, tx::THEME_DARK)]
                            .into_iter().map(|(t, name)| html! {
                                <option value={ t.key() } selected={ p.theme == t }>{ l.t(name) }</option>
                            }) }
                    </select>
                </label>
                <button type="button" class="button icon-button" onclick={ help }
                    aria-label={ l.t(tx::HELP_BUTTON) } title={ l.t(tx::HELP_BUTTON) } aria-haspopup="dialog">{ "?" }</button>
            </div>
        </header>
    }
}
