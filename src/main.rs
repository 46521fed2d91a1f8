//! Entry point of the browser app: mounts the Yew shell.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    // After the static intro's first paint: see ui::paint.
    cek_siap_ekspor::ui::paint::after_first_paint(|| {
        yew::Renderer::<cek_siap_ekspor::ui::App>::new().render();
    });
}
