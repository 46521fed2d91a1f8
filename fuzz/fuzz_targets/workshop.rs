//! Fuzzes the trainer's workshop files: `cohort::import`, which reads a JSON
//! file another trainer sent, then `merge_all` of what it brought in; and
//! `cohort::load`, which reads the trainer's own localStorage, then the
//! table, dashboard and CSV made from what it kept. None may panic; merging
//! the same import twice changes nothing; saving and loading keeps everything.
#![no_main]

use cek_core::archive::Library;
use cek_core::cohort::{self, Loaded, SortKey};
use cek_core::{Bank, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bank = Bank::builtin();
    let text = String::from_utf8_lossy(data);

    match cohort::import(&Library::single(bank), &text) {
        Ok(imported) => {
            let mut list = Vec::new();
            cohort::merge_all(&Library::single(bank), &mut list, imported.workshops.clone());
            let before = list.clone();
            let again = cohort::merge_all(&Library::single(bank), &mut list, imported.workshops);
            // Nothing new. Not `follow_ups == 0`: two results of one person
            // on the same day take turns as T1 ("the one added last"), so a
            // re-merge swaps T1 and back, counting follow-ups though the list
            // ends the same. In-between results count as `between`
            // (tests/fuzz_regressions.rs).
            assert_eq!((again.new, again.skipped), (0, 0));
            assert_eq!(list, before, "merging the same file twice changed the list");
        }
        Err(e) => messages(e),
    }

    match cohort::load(&text) {
        Ok(loaded) => {
            let saved = cohort::save(&loaded.workshops);
            let reloaded = cohort::load(&saved);
            let expected = Loaded {
                workshops: loaded.workshops.clone(),
                dropped: 0,
            };
            assert_eq!(reloaded, Ok(expected), "save then load lost something");
            for w in &loaded.workshops {
                let mut rows = cohort::rows(&Library::single(bank), w);
                let _ = cohort::summary_of(&Library::single(bank), w, &rows);
                for key in [
                    SortKey::Name,
                    SortKey::Level,
                    SortKey::Overall,
                    SortKey::Area(1),
                ] {
                    cohort::sort(&mut rows, key, true);
                }
                for row in &rows {
                    let _ = row.label(Lang::En);
                }
                let _ = cohort::csv(&Library::single(bank), w, Lang::Id);
            }
        }
        Err(e) => messages(e),
    }
});

fn messages(e: cohort::ImportError) {
    for lang in Lang::ALL {
        assert!(!e.message(lang).is_empty());
    }
}
