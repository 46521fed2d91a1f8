//! Entry point of the browser app: mounts the Yew shell.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    // The loader (Trunk.toml) starts this only after the static intro's
    // first paint is recorded, so the app replacing it is no new LCP.
    yew::Renderer::<cek_siap_ekspor::ui::App>::new().render();
}
