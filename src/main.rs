//! Entry point of the browser app: mounts the Yew shell.

fn main() {
    yew::Renderer::<cek_siap_ekspor::ui::App>::new().render();
}
