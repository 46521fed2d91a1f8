//! The owner's page and the widget set every `class` as a literal: Yew turns a computed `class={…}` into `Classes`, an `IndexSet` whose code was 2.4 KB of the owner's first load (brotli); what varies goes in a data attribute that the stylesheet selects (`data-level`, `data-band`, `data-kind`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

/// `(file, line)` of each computed `class={…}` in a shell module's code
/// (comment lines skipped).
fn computed_classes(file: &str) -> Vec<(String, usize)> {
    let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    (source.lines().enumerate())
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| line.contains("class={"))
        .map(|(i, _)| (file.to_string(), i + 1))
        .collect()
}

/// The shell's modules the owner's page and the widget are made of: every
/// one but the trainer's page.
fn owner_modules() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir("src/ui")
        .expect("src/ui")
        .map(|e| e.expect("entry").path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".rs") && !p.ends_with("trainer.rs"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_owners_page_and_the_widget_set_no_computed_class() {
    let found: Vec<_> = owner_modules()
        .iter()
        .flat_map(|f| computed_classes(f))
        .collect();
    assert_eq!(
        found,
        Vec::<(String, usize)>::new(),
        "a computed class={{…}} brings Yew's Classes into the owner's wasm: \
         use a literal class and a data attribute the stylesheet selects"
    );
}

#[test]
fn control_the_trainers_page_has_one_and_it_is_found() {
    assert!(owner_modules().iter().any(|f| f.ends_with("result.rs")));
    assert_eq!(computed_classes("src/ui/trainer.rs").len(), 1);
}
