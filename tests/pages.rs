//! The three HTML shells (index.html, pelatih.html, widget.html) come from one
//! template, `pages/shell.html`, and the owner page's static intro from the
//! words in `src/ui/text.rs`, so the first paint (which needs no
//! WebAssembly) says exactly what the app will. A stale page is rewritten and
//! the test fails, as `tests/packs.rs` does: run `cargo test` again and
//! commit it. `e2e/assessment.test.mjs` checks the static intro against the
//! one the app renders.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use cek_siap_ekspor::assessment::Lang;
use cek_siap_ekspor::ui::text::{t, Ui};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn id(key: Ui) -> &'static str {
    t(Lang::Id, key)
}

/// Text for HTML: the words have no markup, but quotes and ampersands must
/// not end an attribute or start an entity.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// The note that the assessment needs a current browser: hidden until
/// `perlu-browser.js` or, without JavaScript, `tanpa-js.css` shows it.
fn browser_note() -> String {
    format!(
        r#"  <div id="perlu-browser" class="notice perlu-browser" role="alert" hidden><p>{}</p><p lang="en">{}</p></div>"#,
        esc(id(Ui::NeedsBrowser)),
        esc(t(Lang::En, Ui::NeedsBrowser))
    )
}

/// The owner's intro as the app renders it on a first visit (`ui::intro`,
/// `ui::parts::lang_switch`, the footer of `ui::App`); what only the app can make
/// work is marked `perlu-app`.
fn owner_body() -> String {
    let lang_button = |code: &str, label: &str, name: &str, pressed: bool| {
        format!(
            r#"<button type="button" lang="{code}" aria-label="{label} – {name}" aria-pressed="{pressed}">{label}</button>"#
        )
    };
    let facts: String = [
        Ui::IntroTime,
        Ui::IntroPrivate,
        Ui::IntroPause,
        Ui::IntroOutcome,
    ]
    .into_iter()
    .map(|k| format!("<li>{}</li>", esc(id(k))))
    .collect();
    [
        format!(
            r#"  <header class="top"><span class="brand">{}</span><div class="lang perlu-app" role="group" aria-label="{}">{}{}</div></header>"#,
            esc(id(Ui::AppName)),
            esc(id(Ui::LanguageGroup)),
            lang_button("id", "ID", "Bahasa Indonesia", true),
            lang_button("en", "EN", "English", false),
        ),
        browser_note(),
        format!(
            r#"  <main id="main" class="screen" data-static><section class="intro" aria-labelledby="screen-heading"><h1 id="screen-heading" tabindex="-1">{}</h1><p class="lead">{}</p><ul class="facts">{facts}</ul><div class="actions perlu-app"><button type="button" class="primary">{}</button></div><p class="trainer-link perlu-app"><a href="pelatih.html">{}</a></p></section></main>"#,
            esc(id(Ui::IntroTitle)),
            esc(id(Ui::IntroLead)),
            esc(id(Ui::Start)),
            esc(id(Ui::TrainerMode)),
        ),
        format!(r#"  <footer class="bottom"><p>{}</p></footer>"#, esc(id(Ui::Privacy))),
    ]
    .join("\n")
}

struct Page {
    file: &'static str,
    bin: &'static str,
    /// The web crate's cargo features for this page's build (trunk's
    /// `data-cargo-features`): what differs between the pages' wasm.
    features: &'static str,
    title: &'static str,
    description: &'static str,
    /// Files trunk copies beside the pages (listed once, on index.html) and
    /// the page's own head links.
    links: &'static [&'static str],
    body: fn() -> String,
}

const PAGES: &[Page] = &[
    Page {
        file: "index.html",
        bin: "cek-siap-ekspor",
        // The built-in bank in Indonesian; English fetched when chosen.
        features: "english-fetched",
        title: "Cek Siap Ekspor",
        description: "Cek Siap Ekspor: penilaian mandiri kesiapan ekspor untuk UMKM. Jawaban tidak dikirim ke mana pun.",
        links: &[
            r#"<link data-trunk rel="copy-file" href="assets/embed.js">"#,
            r#"<link data-trunk rel="copy-file" href="assets/perlu-browser.js">"#,
            r#"<link data-trunk rel="copy-file" href="assets/tanpa-js.css">"#,
            r#"<link data-trunk rel="copy-file" href="assets/manifest.webmanifest">"#,
            r#"<link data-trunk rel="copy-file" href="assets/icon-192.png">"#,
            r#"<link data-trunk rel="copy-file" href="assets/icon-512.png">"#,
            r#"<link data-trunk rel="copy-file" href="assets/icon-maskable-512.png">"#,
            r#"<link data-trunk rel="copy-file" href="assets/apple-touch-icon.png">"#,
            r#"<link data-trunk rel="copy-file" href="banks/bank-v1.pack1">"#,
            r#"<link data-trunk rel="copy-file" href="banks/bank-v2.pack1">"#,
            r#"<link data-trunk rel="copy-file" href="crates/core/src/engine/bank.en.pack1">"#,
            r#"<link rel="manifest" href="manifest.webmanifest">"#,
            r#"<link rel="apple-touch-icon" href="apple-touch-icon.png">"#,
        ],
        body: owner_body,
    },
    Page {
        file: "pelatih.html",
        bin: "pelatih",
        // The built-in bank with titles only: the dashboard shows no more.
        features: "trainer-page",
        title: "Mode pelatih – Cek Siap Ekspor",
        description: "Mode pelatih Cek Siap Ekspor: ringkasan hasil peserta pelatihan, tanpa server.",
        links: &[],
        body: browser_note,
    },
    Page {
        file: "widget.html",
        bin: "widget",
        features: "english-fetched",
        title: "Cek Siap Ekspor (widget)",
        description: "Cek Siap Ekspor, disematkan di situs instansi. Jawaban tidak dikirim ke mana pun.",
        // Written into the build by scripts/reader.mjs: loads the
        // configuration reader when a host names a JSON file.
        links: &[r#"<script src="widget-baca.js" defer></script>"#],
        body: browser_note,
    },
];

fn render(page: &Page, template: &str) -> String {
    let links: String = page.links.iter().map(|l| format!("  {l}\n")).collect();
    template
        .replace("{{description}}", &esc(page.description))
        .replace("{{title}}", &esc(page.title))
        .replace("{{links}}\n", &links)
        .replace("{{bin}}", page.bin)
        .replace(
            " {{features}}",
            &match page.features {
                "" => String::new(),
                f => format!(r#" data-cargo-features="{f}""#),
            },
        )
        .replace("{{body}}", &(page.body)())
}

#[test]
fn every_page_is_generated_from_the_one_template() {
    let template =
        fs::read_to_string(format!("{ROOT}/pages/shell.html")).expect("pages/shell.html");
    let mut rewritten = Vec::new();
    for page in PAGES {
        let want = render(page, &template);
        assert!(!want.contains("{{"), "{}: a placeholder is left", page.file);
        let path = format!("{ROOT}/{}", page.file);
        if fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            fs::write(&path, &want).expect("write the page");
            rewritten.push(page.file);
        }
    }
    assert!(
        rewritten.is_empty(),
        "stale pages rewritten from pages/shell.html and src/ui/text.rs: {rewritten:?}; run cargo test again and commit them"
    );
}

#[test]
fn the_static_intro_says_what_the_app_says_first() {
    let index = owner_body();
    for key in [
        Ui::IntroTitle,
        Ui::IntroLead,
        Ui::IntroTime,
        Ui::IntroPrivate,
        Ui::IntroPause,
        Ui::IntroOutcome,
        Ui::Start,
        Ui::Privacy,
    ] {
        assert!(index.contains(&esc(id(key))), "{:?}", id(key));
    }
    // Every button and link of the static intro needs the app, so each is
    // inside something marked perlu-app (hidden when the app cannot start).
    let buttons = index.matches("<button").count() + index.matches("<a ").count();
    assert_eq!(buttons, 4, "ID, EN, Mulai, Mode pelatih");
    assert_eq!(
        index.matches("perlu-app").count(),
        3,
        "the language group, the actions, the trainer link"
    );
}
