//! Entry point of the browser app: mounts the Yew shell.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    // The loader (Trunk.toml) starts this only after the static intro's
    // first paint is recorded, so the app replacing it is no new LCP.
    //
    // Three tasks, not one: preparing the bank and the first render each run
    // in a task of their own after the wasm is instantiated, so the phone
    // can handle a tap between them, and no one task blocks it as long
    // (Lighthouse's Total Blocking Time counts each task's time beyond 50 ms).
    use cek_siap_ekspor::ui;
    use gloo::timers::callback::Timeout;
    Timeout::new(0, || {
        // The bank unpacked and compiled to indices (the intro already asks
        // which questions are shown), so the first render's task is shorter.
        cek_siap_ekspor::assessment::score::Engine::builtin();
        // An owner who chose English earlier gets the app in English at once.
        let english = ui::storage::load_lang() == cek_siap_ekspor::assessment::Lang::En;
        ui::banks::after_english(english, || {
            Timeout::new(0, || {
                yew::Renderer::<ui::App>::with_props(ui::AppProps {
                    own: Some(ui::OWN_HOOKS),
                    ..Default::default()
                })
                .render();
            })
            .forget();
        });
    })
    .forget();
}
