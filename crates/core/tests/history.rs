//! My progress (kemajuan saya): an owner's earlier results on this phone,
//! kept as day + result code (format 1), each read with the bank it was made
//! with, and the change from one result to the next.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::archive::{self, Found};
use cek_core::checklist::ReadError;
use cek_core::flow::Day;
use cek_core::history::{self, History, Summary};
use cek_core::{code, Bank};

mod common;

fn day(y: u16, m: u8, d: u8) -> Day {
    Day::new(y, m, d).unwrap()
}

const PINNED: &str = include_str!("fixtures/history-v1/two-results.txt");

/// What an earlier result shows, read with its own bank as a shared link is.
fn shown(banks: &[&Bank], code: &str) -> (u32, String, Summary) {
    let Found::Here(i) = archive::locate(&code::header(code).unwrap(), banks) else {
        panic!("{code}: no bank");
    };
    let bank = banks[i];
    let shared = code::decode(bank, code).unwrap();
    let summary = history::summary(bank, &shared.answers);
    (bank.version, bank.levels[summary.level].id.clone(), summary)
}

#[test]
fn the_pinned_results_of_format_1_read_forever_each_with_its_own_bank() {
    let list = history::decode(PINNED).unwrap();
    assert_eq!(
        list.entries.iter().map(|e| e.day).collect::<Vec<_>>(),
        [day(2026, 11, 29), day(2026, 12, 2)]
    );
    assert_eq!(
        history::encode(&list),
        PINNED,
        "today's writer writes format 1 byte for byte"
    );

    let library = [common::bank(), common::v1()];
    let (bank, level, first) = shown(&library, &list.entries[0].code);
    assert_eq!(
        (bank, level.as_str(), first.overall, first.areas.as_slice()),
        (1, "dasar", 1, &[3, 0, 0, 0, 0][..])
    );
    let (bank, level, second) = shown(&library, &list.entries[1].code);
    assert_eq!(
        (
            bank,
            level.as_str(),
            second.overall,
            second.areas.as_slice()
        ),
        (2, "dasar", 51, &[87, 59, 29, 0, 64][..])
    );
}

#[test]
fn the_change_since_the_last_result_is_told_in_points_per_area() {
    // Merauke before and after making a business email (e2e/owners.mjs).
    let before = Summary {
        level: 0,
        overall: 51,
        areas: vec![87, 59, 29, 0, 64],
    };
    let after = Summary {
        level: 1,
        overall: 56,
        areas: vec![87, 59, 54, 0, 64],
    };
    let change = history::change(&before, &after);
    assert_eq!(change.overall, 5);
    assert_eq!(change.level, (0, 1));
    assert_eq!(change.areas, [0, 0, 25, 0, 0]);
    let back = history::change(&after, &before);
    assert_eq!((back.overall, back.level, back.areas[2]), (-5, (1, 0), -25));
}

#[test]
fn an_owner_who_retakes_keeps_each_result_once_and_may_delete_them() {
    let (a, b) = (
        "K2GeYCXZNoFAAkxSCSVoiAgseASQAAtYRdeg",
        "K2GeYCXZNoFAAkxSCSUoiAgseASQAA6GgMdg",
    );
    let mut list = History::default();
    assert!(list.keep(day(2026, 12, 2), a));
    // Leaving and coming back to the same result the same day: one entry.
    assert!(!list.keep(day(2026, 12, 2), a));
    assert!(list.keep(day(2026, 12, 20), b));
    assert!(list.keep(day(2026, 12, 21), a));
    assert_eq!(list.entries.len(), 3);
    // Not a code: nothing saved that the reader would refuse.
    assert!(!list.keep(day(2026, 12, 22), "bukan kode"));
    list.remove(1);
    assert_eq!(
        list.entries
            .iter()
            .map(|e| e.code.as_str())
            .collect::<Vec<_>>(),
        [a, a]
    );
    list.remove(9);
    assert_eq!(list.entries.len(), 2);
    // Past the limit the oldest goes.
    for d in 1..=28 {
        list.keep(day(2027, 1, d), a);
        list.keep(day(2027, 2, d), b);
    }
    assert_eq!(list.entries.len(), history::MAX);
    assert_eq!(list.entries.last().unwrap().day, day(2027, 2, 28));
}

#[test]
fn saved_results_read_forgivingly_or_not_at_all() {
    let count = |text: &str| history::decode(text).map(|h| h.entries.len());
    assert_eq!(count("riwayat 1\n"), Ok(0));
    assert_eq!(
        count("riwayat 1\r\n\r\n2026-12-02 K2GeYCXZNoFAAkxSCSVoiAgseASQAAtYRdeg"),
        Ok(1)
    );
    assert_eq!(count("riwayat 7\n"), Err(ReadError::UnknownFormat(7)));
    for bad in [
        "",
        "riwayat\n",
        "langkah-selesai 1\nbank 2\n",
        "riwayat 1\nK2GeYCXZNoFAAkxSCSVoiAgseASQAAtYRdeg 2026-12-02\n",
        "riwayat 1\n2026-13-02 K2GeYCXZNoFAAkxSCSVoiAgseASQAAtYRdeg\n",
        "riwayat 1\n2026-12-02\n",
        "riwayat 1\n2026-12-02 2026-12-03\n",
        "riwayat 1\n2026-12-02 K2 with spaces\n",
    ] {
        assert_eq!(count(bad), Err(ReadError::Unreadable), "{bad:?}");
    }
}
