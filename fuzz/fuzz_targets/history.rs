//! Fuzzes the reader of earlier results, `history::decode`: text from
//! localStorage in any state. It must never panic, what it reads must
//! round-trip, and every code it keeps must open without a panic (its error,
//! if any, is what the owner reads).
#![no_main]

use cek_core::history::{decode, encode};
use cek_core::{code, Bank};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(list) = decode(&text) {
        assert_eq!(decode(&encode(&list)).as_ref(), Ok(&list), "earlier results do not round-trip");
        for e in &list.entries {
            let _ = code::decode(Bank::builtin(), &e.code);
        }
    }
});
