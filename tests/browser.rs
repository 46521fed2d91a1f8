//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted
//! into a real DOM with real localStorage, driven by clicks as a user would.
#![cfg(target_arch = "wasm32")]

use cek_siap_ekspor::assessment::flow::{shown_ids, Screen, State};
use cek_siap_ekspor::assessment::progress::{self, BACKUP_KEY, KEY, LANG_KEY};
use cek_siap_ekspor::assessment::{Bank, Lang};
use cek_siap_ekspor::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document_lang() -> Option<String> {
    gloo::utils::document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
}

/// A mounted app; unmounted and removed when dropped so tests don't see
/// each other's DOM.
struct Screenful {
    root: Element,
    app: Option<yew::AppHandle<App>>,
}

impl Drop for Screenful {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Opens the app on whatever localStorage holds now.
async fn open_app() -> Screenful {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    Screenful {
        root,
        app: Some(app),
    }
}

/// Opens the app with this progress saved, as after an earlier visit.
async fn open_app_at(state: &State) -> Screenful {
    storage()
        .set_item(KEY, &progress::encode(Bank::builtin(), state))
        .unwrap();
    open_app().await
}

impl Screenful {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }
    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .text_content()
            .unwrap_or_default()
    }
    fn heading(&self) -> String {
        self.text("#screen-heading")
    }
    fn checked(&self, question: &str, option: &str) -> bool {
        self.find(&format!("input[id='{question}--{option}']"))
            .unwrap_or_else(|| panic!("no option {option} on {question}"))
            .unchecked_into::<HtmlInputElement>()
            .checked()
    }
    async fn click(&self, selector: &str) {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into::<HtmlElement>()
            .click();
        yew::scheduler::flush().await;
    }
    /// Clicks the button whose text contains `label`.
    async fn press(&self, label: &str) {
        let buttons = self.root.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let b: HtmlElement = buttons.item(i).unwrap().unchecked_into();
            if b.text_content().unwrap_or_default().contains(label) {
                b.click();
                yew::scheduler::flush().await;
                return;
            }
        }
        panic!("no button labelled {label:?}");
    }
    /// Chooses an option (by id) on the question on screen, by its label.
    async fn answer(&self, question: &str, option: &str) {
        self.click(&format!("label[for='{question}--{option}']"))
            .await;
    }
}

fn fresh() {
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn intro_is_in_indonesian_and_says_answers_stay_here() {
    fresh();
    let app = open_app().await;
    assert_eq!(app.heading(), "Seberapa siap usaha Anda untuk ekspor?");
    assert!(app
        .root
        .text_content()
        .unwrap()
        .contains("tidak dikirim ke mana pun"));
    assert_eq!(document_lang().as_deref(), Some("id"));
}

#[wasm_bindgen_test]
async fn start_shows_the_first_question_with_its_position_and_focus() {
    fresh();
    let app = open_app().await;
    app.press("Mulai").await;
    let total = shown_ids(Bank::builtin(), &Default::default()).len();
    assert_eq!(app.text(".position"), format!("Pertanyaan 1 dari {total}"));
    let radio = app
        .find("fieldset input[type=radio]")
        .expect("single choice uses radio buttons");
    assert_eq!(
        radio.get_attribute("name").as_deref(),
        Some(Bank::builtin().questions[0].id.as_str())
    );
    // Focus moved to the question's heading, which also states the position.
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active.id(), "screen-heading");
    assert!(active
        .text_content()
        .unwrap()
        .starts_with(&format!("Pertanyaan 1 dari {total}")));
}

#[wasm_bindgen_test]
async fn next_without_an_answer_explains_instead_of_moving_on() {
    fresh();
    let app = open_app().await;
    app.press("Mulai").await;
    app.press("Lanjut").await;
    assert!(app.text("[role=alert]").contains("Pilih jawaban dulu"));
    assert!(app.text(".position").starts_with("Pertanyaan 1 "));
}

#[wasm_bindgen_test]
async fn each_answer_is_saved_and_the_next_question_follows() {
    fresh();
    let bank = Bank::builtin();
    let app = open_app().await;
    app.press("Mulai").await;
    let first = &bank.questions[0];
    app.answer(&first.id, &first.options[0].id).await;
    app.press("Lanjut").await;
    assert!(app.text(".position").starts_with("Pertanyaan 2 "));
    let saved = storage().get_item(KEY).unwrap().expect("progress saved");
    let state = progress::decode(bank, &saved, Lang::Id).unwrap();
    assert_eq!(
        state.answers.get(&first.id),
        Some(&vec![first.options[0].id.clone()])
    );
    // The next question shown after that answer (skip logic may hide the
    // one after it in the bank, as "modal usaha" is for an owner with sales).
    let next = cek_siap_ekspor::assessment::flow::shown_ids(bank, &state.answers)[1];
    assert_eq!(state.screen, Screen::Question(next.to_string()));
}

#[wasm_bindgen_test]
async fn multi_choice_uses_checkboxes_and_none_clears_the_others() {
    fresh();
    let bank = Bank::builtin();
    let q = bank
        .questions
        .iter()
        .find(|q| {
            q.show_if.is_none()
                && q.options.iter().any(|o| o.exclusive)
                && q.options.iter().filter(|o| !o.exclusive).count() >= 2
        })
        .expect("the bank has a multi-choice question with a 'none' option");
    let app = open_app_at(&State {
        screen: Screen::Question(q.id.clone()),
        ..State::default()
    })
    .await;
    assert!(app.find("fieldset input[type=checkbox]").is_some());
    let plain: Vec<_> = q.options.iter().filter(|o| !o.exclusive).take(2).collect();
    let none = q.options.iter().find(|o| o.exclusive).unwrap();
    app.answer(&q.id, &plain[0].id).await;
    app.answer(&q.id, &plain[1].id).await;
    assert!(app.checked(&q.id, &plain[0].id) && app.checked(&q.id, &plain[1].id));
    app.answer(&q.id, &none.id).await;
    assert!(app.checked(&q.id, &none.id));
    assert!(!app.checked(&q.id, &plain[0].id) && !app.checked(&q.id, &plain[1].id));
}

#[wasm_bindgen_test]
async fn switching_to_english_translates_the_screen_and_is_remembered() {
    fresh();
    let app = open_app().await;
    app.click("button[lang=en]").await;
    assert_eq!(app.heading(), "How ready is your business to export?");
    assert_eq!(document_lang().as_deref(), Some("en"));
    assert_eq!(storage().get_item(LANG_KEY).unwrap().as_deref(), Some("en"));
    assert_eq!(
        app.find("button[lang=en]")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    drop(app);
    let again = open_app().await;
    assert_eq!(again.heading(), "How ready is your business to export?");
}

#[wasm_bindgen_test]
async fn unreadable_saved_progress_starts_fresh_with_a_notice_and_a_backup() {
    fresh();
    let garbage = "{\"format\":1,\"answers\":[oops";
    storage().set_item(KEY, garbage).unwrap();
    let app = open_app().await;
    assert_eq!(app.heading(), "Seberapa siap usaha Anda untuk ekspor?");
    assert!(app.text("[role=status]").contains("tidak bisa dibaca"));
    assert_eq!(
        storage().get_item(BACKUP_KEY).unwrap().as_deref(),
        Some(garbage)
    );
    // The fresh start was saved over the garbage.
    let saved = storage().get_item(KEY).unwrap().unwrap();
    assert!(progress::decode(Bank::builtin(), &saved, Lang::Id)
        .unwrap()
        .answers
        .is_empty());
}

#[wasm_bindgen_test]
async fn result_shows_level_next_step_and_a_chart_that_states_its_scores() {
    fresh();
    let bank = Bank::builtin();
    // The strongest answer to every shown question.
    let mut state = State::default();
    for q in &bank.questions {
        if shown_ids(bank, &state.answers).contains(&q.id.as_str()) {
            state.answers.insert(q.id.clone(), q.strongest());
        }
    }
    state.screen = Screen::Result;
    let app = open_app_at(&state).await;
    assert_eq!(app.text(".level-name"), "Siap Ekspor");
    assert!(!app.text(".next-step h3").is_empty());
    let desc = app.text("svg desc");
    for area in &bank.areas {
        assert!(
            desc.contains(&area.title.id),
            "chart text names {}",
            area.title.id
        );
    }
    let link = app.find(".next-step a").unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn a_quick_tap_on_an_option_then_next_moves_on() {
    fresh();
    let bank = Bank::builtin();
    let app = open_app().await;
    app.press("Mulai").await;
    let first = &bank.questions[0];
    // Both taps land before Yew re-renders, as on a slow phone.
    let label = format!("label[for='{}--{}']", first.id, first.options[0].id);
    app.find(&label)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    app.find("form.question button[type=submit]")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert!(app.text(".position").starts_with("Pertanyaan 2 "));
    assert!(
        app.find("[role=alert]").is_none(),
        "no 'choose an answer' hint"
    );
}
