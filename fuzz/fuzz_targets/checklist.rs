//! Fuzzes the saved checklist reader, `checklist::decode`: its text comes
//! from localStorage, which another tab, an extension or the owner may have
//! left in any state. It must never panic, and what it reads must be stable:
//! writing and reading it again gives the same checklist.
#![no_main]

use cek_core::checklist::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(list) = decode(&text) {
        assert_eq!(decode(&encode(&list)).as_ref(), Ok(&list), "the checklist does not round-trip");
    }
});
