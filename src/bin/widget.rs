//! Entry point of the embedded widget (`widget.html`), the page embed.js puts
//! in a host's iframe: the owner's app plus the host's configuration.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    use cek_siap_ekspor::assessment::Lang;
    use cek_siap_ekspor::ui::{banks, embed, hosted, App, AppProps};
    // A host that asks for English in the widget's address gets it at once.
    let english = embed::detect().and_then(|e| e.lang) == Some(Lang::En);
    banks::after_english(english, || {
        yew::Renderer::<App>::with_props(AppProps {
            embed: Some(hosted::HOOKS),
            own: None,
        })
        .render();
    });
}
