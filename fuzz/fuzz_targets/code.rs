//! Fuzzes the result-code decoders, `code::decode` and `code::decode_many`:
//! their text is a link someone opened or a WhatsApp chat a trainer pasted.
//! They must never panic, and a code that reads must re-encode to a code
//! that reads the same. The same bytes are also wrapped as a code with a
//! valid length and checksum, behind the built-in bank's header in both
//! formats, so the reading behind the checksum (answer bits, skip logic,
//! name) is fuzzed too, not only the rejection of damage.
#![no_main]

use cek_core::archive::Library;
use cek_core::code::{self, CodeError, Shared};
use cek_core::cohort::{self, Added, Workshop};
use cek_core::{Bank, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bank = Bank::builtin();
    let text = String::from_utf8_lossy(data);

    match code::decode(bank, &text) {
        Ok(shared) => {
            round_trip(bank, &shared);
            // A trainer adding the same code twice gets one participant;
            // a code that names a host organisation is never taken in,
            // even when it reads with this bank.
            let mut w = Workshop::default();
            let library = Library::single(bank);
            let header = code::header(&text).expect("a code that decodes has a header");
            match header.organisation {
                None => {
                    assert_eq!(
                        cohort::add(&library, &mut w, &text, "2026-01-01"),
                        Ok(Added::New)
                    );
                    assert_eq!(
                        cohort::add(&library, &mut w, &text, "2026-01-02"),
                        Ok(Added::Duplicate)
                    );
                }
                Some(org) => assert_eq!(
                    cohort::add(&library, &mut w, &text, "2026-01-01"),
                    Err(CodeError::OtherOrganisation(org))
                ),
            }
        }
        Err(e) => messages(e),
    }

    for found in code::decode_many(bank, &text) {
        match found {
            Ok(shared) => assert_eq!(code::decode(bank, &shared.code).as_ref(), Ok(&shared)),
            Err((_, e)) => messages(e),
        }
    }

    // The bytes as the body of a well-formed code, [L, !L, body.., CRC-32],
    // once as they are and once behind the built-in bank's own header.
    let version = u8::try_from(bank.version).expect("a one-byte version");
    let mut v2 = vec![version];
    v2.extend_from_slice(&bank.fingerprint().to_be_bytes());
    v2.push(0);
    for (format, head) in [
        (code::FORMAT, &[][..]),
        (code::FORMAT, &v2[..]),
        (code::FORMAT_V1, &[version][..]),
    ] {
        let mut body = head.to_vec();
        body.extend_from_slice(data);
        body.truncate(255 - 6);
        let total = (body.len() + 6) as u8;
        let mut bytes = vec![total, !total];
        bytes.extend_from_slice(&body);
        let crc = code::crc32(&[&[format], &bytes]);
        bytes.extend_from_slice(&crc.to_be_bytes());
        let wrapped = format!("K{format}{}", base64url(&bytes));
        match code::decode(bank, &wrapped) {
            Ok(shared) => {
                assert_eq!(shared.code, wrapped);
                round_trip(bank, &shared);
            }
            // Shorter than the shortest code (a one-byte bank version and a name length).
            Err(CodeError::BadChecksum) if body.len() < 2 => {}
            Err(
                e @ (CodeError::UnknownBank(_)
                | CodeError::OtherOrganisation(_)
                | CodeError::InvalidAnswer
                | CodeError::BadName),
            ) => messages(e),
            Err(e) => panic!("a well-formed code read as {e:?}: {wrapped}"),
        }
    }
});

/// Re-encoding what was read gives a code that reads the same answers, and
/// encoding that again gives the very same code (names are cleaned once).
fn round_trip(bank: &Bank, shared: &Shared) {
    let again = code::encode(bank, &shared.answers, shared.name.as_deref());
    let read = code::decode(bank, &again).expect("a re-encoded code does not read");
    assert_eq!(read.answers, shared.answers, "answers do not round-trip");
    assert_eq!(read.bank_version, shared.bank_version);
    assert_eq!(
        code::encode(bank, &read.answers, read.name.as_deref()),
        again,
        "encoding is not stable"
    );
}

fn messages(e: CodeError) {
    for lang in Lang::ALL {
        assert!(!e.message(lang).is_empty());
    }
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}
