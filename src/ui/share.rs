//! Sharing a result without a server: the result link (code in the URL
//! fragment, which browsers never send), its QR code, a WhatsApp message,
//! copying the code, and printing.

use qrcode::{Color, EcLevel, QrCode};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::clipboard;
use super::place::base_url;
use super::text::{t, Ui};
use crate::assessment::flow::{Action, Answers};
use crate::assessment::{code, plan, score, Lang};

pub fn result_link(code: &str) -> String {
    format!("{}#{}", base_url(), code::fragment(code))
}

#[derive(Clone, PartialEq, Properties)]
pub struct ShareProps {
    pub lang: Lang,
    pub answers: Answers,
    pub name: String,
    pub act: Callback<Action>,
    /// The plan with what is done, for the message (`checklist::share_lines`).
    #[prop_or_default]
    pub plan_lines: String,
}

#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let lang = props.lang;
    let bank = super::bank();
    let name = props.name.trim();
    let name = (!name.is_empty()).then_some(name);
    let code = code::encode_for(bank, &props.answers, name, super::custom_bank_owner());
    let link = result_link(&code);
    let copied = use_state(|| false);

    let outcome = score::assess(bank, &props.answers);
    let plan = plan::plan(bank, &props.answers, &outcome);
    let level = bank.levels[outcome.level].title.get(lang);
    let next = plan
        .next_step()
        .map(|r| bank.rules[r].title.get(lang))
        .unwrap_or_default();
    let message = match lang {
        Lang::Id => format!(
            "Hasil Cek Siap Ekspor saya: tingkat {level} (skor {}/100). Langkah berikutnya: {next}. Lihat hasilnya: {link}{}",
            outcome.overall, props.plan_lines
        ),
        Lang::En => format!(
            "My Export Readiness Check result: level {level} (score {}/100). Next step: {next}. See it here: {link}{}",
            outcome.overall, props.plan_lines
        ),
    };
    let whatsapp = format!(
        "https://wa.me/?text={}",
        String::from(js_sys::encode_uri_component(&message))
    );

    let on_name = props.act.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetName(input.value())
    });
    let copy = {
        let code = code.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let code = code.clone();
            let copied = copied.clone();
            spawn_local(async move {
                if clipboard::copy(&code).await {
                    copied.set(true);
                } else {
                    // No clipboard permission: select the code so a long
                    // press copies it.
                    clipboard::select("share-code");
                }
            });
        })
    };
    let print = Callback::from(|_| clipboard::print());

    html! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{ t(lang, Ui::ShareTitle) }</h2>
            <p>{ t(lang, Ui::ShareLead) }</p>
            <label for="share-name">{ t(lang, Ui::ShareName) }</label>
            <input id="share-name" type="text" maxlength="40" autocomplete="organization"
                value={props.name.clone()} oninput={on_name} />
            <div class="qr">{ qr_svg(&link, t(lang, Ui::QrLabel)) }</div>
            <div class="share-actions">
                <a class="button primary" href={whatsapp} target="_blank" rel="noopener noreferrer">
                    { t(lang, Ui::ShareWhatsApp) }
                    <span class="visually-hidden">{ format!(" {}", t(lang, Ui::OpensNewTab)) }</span>
                </a>
                <button type="button" class="secondary" onclick={print}>{ t(lang, Ui::Print) }</button>
            </div>
            <label for="share-code">{ t(lang, Ui::ShareCode) }</label>
            <div class="code-row">
                <input id="share-code" type="text" readonly=true value={code} />
                <button type="button" class="secondary small" onclick={copy}>{ t(lang, Ui::Copy) }</button>
            </div>
            <p class="copied" role="status">{ if *copied { t(lang, Ui::Copied) } else { "" } }</p>
            <p class="link-line"><a href={link.clone()} data-result-link="">{ t(lang, Ui::ResultLink) }</a></p>
        </section>
    }
}

/// The QR code as inline SVG: one path of dark modules on a white square with
/// the standard 4-module quiet zone, so phone cameras read it off a screen.
pub fn qr_svg(data: &str, label: &str) -> Html {
    let Ok(qr) = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) else {
        return html! {};
    };
    let width = qr.width();
    let size = width + 8;
    let mut d = String::with_capacity(width * width * 4);
    for (i, color) in qr.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let view = format!("0 0 {size} {size}");
    html! {
        <svg class="qr-code" viewBox={view} role="img" aria-label={label.to_string()}
            shape-rendering="crispEdges">
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={d} fill="#000" />
        </svg>
    }
}
