//! Entry point of the embedded widget (`widget.html`), the page embed.js puts
//! in a host's iframe: the owner's app plus the host's configuration.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    use cek_siap_ekspor::ui::{hosted, App, AppProps};
    yew::Renderer::<App>::with_props(AppProps {
        embed: Some(hosted::HOOKS),
    })
    .render();
}
