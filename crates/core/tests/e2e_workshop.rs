//! The filled workshop the end-to-end tests open on a laptop and a phone (`e2e/fixtures/workshop-30.json`: 30 participants with names as long as a code carries) is a real workshop file of today's questions; this test rebuilds it with the core and fails if the file is stale.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cek_core::archive::Library;
use cek_core::code::{self, NAME_MAX};
use cek_core::cohort::{self, Added, Workshop};
use common::{bank, walk_with};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../e2e/fixtures/workshop-30.json"
);

/// Thirty owners, each answering a different option of every question, with
/// long names (trimmed by the code to its 40 bytes, as the app does).
fn workshop() -> Workshop {
    let bank = bank();
    let library = Library::single(bank);
    let mut workshop = Workshop {
        id: "e2e-lebar".into(),
        name: "Pelatihan Ekspor Kerajinan dan Pangan Olahan Nusa Tenggara Timur".into(),
        place: "Kupang".into(),
        date: "2026-12-02".into(),
        participants: Vec::new(),
    };
    for i in 0..30 {
        let answers = walk_with(bank, |j, q| {
            vec![q.options[(i + j) % q.options.len()].id.clone()]
        });
        let name = format!("Ibu Ni Luh Putu Kusumawardhani {i:02} Tenun");
        assert!(name.len() <= NAME_MAX, "{name} fits a code");
        let shared = code::encode(bank, &answers, Some(&name));
        assert_eq!(
            cohort::add(&library, &mut workshop, &shared, "2026-12-02"),
            Ok(Added::New),
            "participant {i}"
        );
    }
    workshop
}

#[test]
fn the_e2e_workshop_file_matches_the_core() {
    let expected = cohort::export(&[workshop()]);
    if std::env::var_os("CEK_WRITE_E2E_FIXTURES").is_some() {
        std::fs::write(FIXTURE, &expected).expect("write the fixture");
    }
    let found = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        found == expected,
        "{FIXTURE} is stale: run CEK_WRITE_E2E_FIXTURES=1 cargo test -p cek-core --test e2e_workshop"
    );
    let library = Library::single(bank());
    let read = cohort::import(&library, &found).expect("the trainer page imports it");
    assert_eq!(read.workshops[0].participants.len(), 30);
}
