//! Entry point of the browser app: mounts the Yew shell.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    yew::Renderer::<cek_siap_ekspor::ui::App>::new().render();
}
