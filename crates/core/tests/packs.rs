//! Every bank's pack, what the pages carry and fetch (`assessment::pack`), is
//! the pack of its JSON source. A stale pack is rewritten and the test fails
//! (as rust-analyzer's sourcegen tests do), so a changed `bank.json` cannot
//! ship with its old pack: run `cargo test` again and commit the new pack.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use cek_core::archive::RELEASED;
use cek_core::bank::Bank;
use cek_core::pack::{pack, unpack, MAGIC};

/// The repository, where `banks/` is.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// (JSON source, its pack), relative to the crate: the built-in bank and
/// every released one.
fn sources() -> Vec<(String, String)> {
    let mut all = vec![(
        "crates/core/src/engine/bank.json".to_string(),
        "crates/core/src/engine/bank.pack1".to_string(),
    )];
    for r in RELEASED {
        all.push((format!("banks/{}", r.file), format!("banks/{}", r.pack)));
    }
    all
}

fn bank(json: &str) -> Bank {
    let text = fs::read_to_string(format!("{ROOT}/{json}")).expect(json);
    Bank::from_json(&text).unwrap_or_else(|p| panic!("{json} does not validate: {p:?}"))
}

#[test]
fn every_pack_is_the_pack_of_its_json() {
    let mut rewritten = Vec::new();
    for (json, packed) in sources() {
        let want = pack(&bank(&json));
        let path = format!("{ROOT}/{packed}");
        if fs::read(&path).ok().as_deref() != Some(&want[..]) {
            fs::write(&path, &want).expect("write the pack");
            rewritten.push(packed);
        }
    }
    assert!(
        rewritten.is_empty(),
        "stale packs rewritten from their JSON: {rewritten:?}; run cargo test again and commit them"
    );
}

#[test]
fn every_pack_unpacks_to_its_bank() {
    for (json, _) in sources() {
        let bank = bank(&json);
        assert_eq!(unpack(&pack(&bank)).as_ref(), Some(&bank), "{json}");
    }
    assert_eq!(Bank::builtin(), &bank("crates/core/src/engine/bank.json"));
}

#[test]
fn released_packs_keep_their_fingerprints() {
    for r in RELEASED {
        let bytes = fs::read(format!("{ROOT}/banks/{}", r.pack)).expect(r.pack);
        let bank = unpack(&bytes).expect(r.pack);
        assert_eq!(
            (bank.version, bank.fingerprint()),
            (r.version, r.fingerprint),
            "{}",
            r.pack
        );
    }
}

#[test]
fn a_damaged_pack_is_refused_not_misread() {
    let whole = pack(Bank::builtin());
    // Cut short anywhere (every 61st length and the last 200, which covers
    // every field kind): nothing.
    let cuts = (0..whole.len())
        .step_by(61)
        .chain(whole.len() - 200..whole.len());
    for len in cuts {
        assert_eq!(unpack(&whole[..len]), None, "cut at {len}");
    }
    // One byte too many, another format, another magic: nothing.
    let mut longer = whole.clone();
    longer.push(0);
    assert_eq!(unpack(&longer), None);
    let mut other_format = whole.clone();
    other_format[3] = 2;
    assert_eq!(unpack(&other_format), None);
    assert_eq!(unpack(b"{\"version\": 2}"), None);
    // The control: the whole pack reads.
    assert!(unpack(&whole).is_some());
    assert_eq!(&whole[..4], &MAGIC);
}

#[test]
fn a_count_larger_than_the_pack_is_refused_before_allocating() {
    // MAGIC, version 1, then "2^28 areas" in five bytes and nothing else.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&[1, 0x80, 0x80, 0x80, 0x80, 0x01]);
    assert_eq!(unpack(&bytes), None);
}
