//! The trainer page's reducer (`cohort::desk`), told as what a trainer does.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::cohort::desk::{apply, Desk, DeskAction};
use cek_core::cohort::{Shortlist, SortKey, Workshop};

fn workshop(name: &str) -> Workshop {
    Workshop {
        id: format!("id-{name}"),
        name: name.to_string(),
        place: "Solo".to_string(),
        date: "2026-12-02".to_string(),
        participants: Vec::new(),
    }
}

fn create(desk: Desk, name: &str) -> Desk {
    apply(
        desk,
        DeskAction::Create {
            workshop: workshop(name),
            message: format!("Pelatihan dibuat: {name}"),
        },
    )
}

fn names(desk: &Desk) -> Vec<&str> {
    desk.workshops.iter().map(|w| w.name.as_str()).collect()
}

#[test]
fn a_trainer_who_creates_a_workshop_lands_in_it() {
    let desk = Desk::new(vec![workshop("Klinik Ekspor Batik")]);
    assert_eq!(desk.open, None, "the page opens on the list");
    let desk = create(desk, "Kopi Gayo");
    assert_eq!(names(&desk), ["Klinik Ekspor Batik", "Kopi Gayo"]);
    assert_eq!(desk.open, Some(1));
    assert_eq!(desk.current().map(|w| w.name.as_str()), Some("Kopi Gayo"));
    assert_eq!(desk.status, "Pelatihan dibuat: Kopi Gayo");
    assert_eq!(desk.revision, 1, "so the shell saves it");
}

#[test]
fn a_workshop_without_a_name_is_not_created() {
    let desk = create(Desk::new(Vec::new()), "   ");
    assert_eq!(desk, Desk::new(Vec::new()));
}

#[test]
fn opening_another_workshop_starts_its_dashboard_fresh() {
    let mut desk = create(create(Desk::new(Vec::new()), "A"), "B");
    desk = apply(desk, DeskAction::Sort(SortKey::Name));
    desk = apply(desk, DeskAction::MinLevel(2));
    desk = apply(desk, DeskAction::ToggleWithout("tanpa_nib".into()));
    desk = apply(desk, DeskAction::AskDelete);
    desk = apply(desk, DeskAction::Back);
    assert_eq!((desk.open, desk.deleting), (None, false));
    desk = apply(desk, DeskAction::Open(0));
    assert_eq!(desk.open, Some(0));
    assert_eq!(desk.sort, (SortKey::Overall, true));
    assert_eq!(desk.shortlist, Shortlist::default());
    assert_eq!(desk.revision, 2, "looking changes nothing to save");
}

#[test]
fn opening_a_workshop_that_is_not_there_keeps_the_list() {
    let desk = apply(Desk::new(vec![workshop("A")]), DeskAction::Open(3));
    assert_eq!(desk.open, None);
}

#[test]
fn a_column_clicked_twice_reverses_and_names_start_at_a() {
    let desk = Desk::new(vec![workshop("A")]);
    assert_eq!(desk.sort, (SortKey::Overall, true), "best first");
    let desk = apply(desk, DeskAction::Sort(SortKey::Overall));
    assert_eq!(desk.sort, (SortKey::Overall, false));
    let desk = apply(desk, DeskAction::Sort(SortKey::Name));
    assert_eq!(desk.sort, (SortKey::Name, false), "A to Z");
    let desk = apply(desk, DeskAction::Sort(SortKey::Area(2)));
    assert_eq!(desk.sort, (SortKey::Area(2), true));
}

#[test]
fn must_not_have_ticks_on_and_off() {
    let mut desk = Desk::new(Vec::new());
    desk = apply(desk, DeskAction::ToggleWithout("tanpa_nib".into()));
    desk = apply(desk, DeskAction::ToggleWithout("informal".into()));
    assert_eq!(desk.shortlist.without_gates, ["tanpa_nib", "informal"]);
    desk = apply(desk, DeskAction::ToggleWithout("tanpa_nib".into()));
    assert_eq!(desk.shortlist.without_gates, ["informal"]);
    desk = apply(desk, DeskAction::MinLevel(1));
    assert_eq!(desk.shortlist.min_level, 1);
}

#[test]
fn deleting_asks_first_and_then_returns_to_the_list() {
    let mut desk = create(create(Desk::new(Vec::new()), "A"), "B");
    desk = apply(desk, DeskAction::AskDelete);
    assert!(desk.deleting);
    desk = apply(desk, DeskAction::CancelDelete);
    assert!(!desk.deleting);
    assert_eq!(names(&desk), ["A", "B"], "cancelled: nothing deleted");
    desk = apply(desk, DeskAction::AskDelete);
    desk = apply(
        desk,
        DeskAction::Delete {
            deleted: "Dihapus".into(),
        },
    );
    assert_eq!(names(&desk), ["A"]);
    assert_eq!((desk.open, desk.deleting), (None, false));
    assert_eq!(desk.status, "Dihapus: B");
    assert_eq!(desk.revision, 3);
}

#[test]
fn on_the_list_there_is_nothing_to_delete() {
    let desk = Desk::new(vec![workshop("A")]);
    let desk = apply(desk, DeskAction::AskDelete);
    assert!(!desk.deleting);
    let desk = apply(
        desk,
        DeskAction::Delete {
            deleted: "Dihapus".into(),
        },
    );
    assert_eq!((names(&desk), desk.revision), (vec!["A"], 0));
}

#[test]
fn added_participants_are_kept_and_a_refused_save_is_said() {
    let desk = create(Desk::new(Vec::new()), "A");
    let mut changed = desk.workshops.clone();
    changed[0].name = "A (hari 2)".into();
    let desk = apply(
        desk,
        DeskAction::Changed {
            workshops: changed,
            message: "3 peserta ditambahkan.".into(),
        },
    );
    assert_eq!((desk.open, desk.revision), (Some(0), 2));
    let desk = apply(
        desk,
        DeskAction::NotSaved("Belum tersimpan di browser ini.".into()),
    );
    assert_eq!(
        desk.status,
        "3 peserta ditambahkan. Belum tersimpan di browser ini."
    );
    assert_eq!(desk.revision, 2, "saying so is not another change");
}

#[test]
fn a_merge_that_leaves_fewer_workshops_closes_a_missing_one() {
    let desk = create(create(Desk::new(Vec::new()), "A"), "B");
    let desk = apply(
        desk,
        DeskAction::Changed {
            workshops: vec![workshop("A")],
            message: String::new(),
        },
    );
    assert_eq!(desk.open, None);
}
