//! Entry point of the trainer page (`pelatih.html`): mounts trainer mode as its
//! own small app, so owners' phones never download the dashboard code.

fn main() {
    cek_siap_ekspor::ui::crash::install();
    yew::Renderer::<cek_siap_ekspor::ui::trainer::TrainerApp>::new().render();
}
