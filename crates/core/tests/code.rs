//! The result code (kode hasil): answers and names survive the round trip, every kind of damage gets its own error, nothing panics, and a full code fits a QR code.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// These tests are about the code, not the questions: they run on the
/// first released bank, frozen, so their hand-made codes stay valid.
fn bank() -> &'static Bank {
    common::v1()
}

fn answers(table: common::Table) -> Answers {
    answers_in(bank(), table)
}

use cek_core::bank::{Bank, Kind, Lang};
use cek_core::code::{self, crc32, decode, decode_many, encode, CodeError, Shared, NAME_MAX};
use cek_core::flow::{shown_ids, Answers};
use cek_core::score::visibility;
use common::{answers_in, complete, seeds, walk_with, MERAUKE};
use proptest::collection::vec;
use proptest::prelude::*;

/// Merauke: a micro coffee roaster without an email address, the owner of
/// the first scenario in tests/scenarios.rs.
fn merauke() -> Answers {
    answers(MERAUKE)
}

/// The name a code keeps: spaces collapsed, cut to 40 bytes at a character.
fn kept_name(name: &str) -> Option<String> {
    let spaced: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let collapsed = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut cut = String::new();
    for c in collapsed.chars() {
        if cut.len() + c.len_utf8() > NAME_MAX {
            break;
        }
        cut.push(c);
    }
    let cut = cut.trim_end().to_string();
    (!cut.is_empty()).then_some(cut)
}

fn names() -> impl Strategy<Value = Option<String>> {
    let pool: Vec<char> = "aAiIuUeEoOkKpPsStTmMnN ☕éñ’—🌶 \t".chars().collect();
    prop_oneof![
        Just(None),
        Just(Some("Kopi Wamena Ibu Siti ☕".to_string())),
        // Exactly at the limit, in ASCII and with a 3-byte character last.
        Just(Some("a".repeat(NAME_MAX))),
        Just(Some(format!("{}☕", "b".repeat(NAME_MAX - 3)))),
        // Just over it, with the cut inside a multi-byte character.
        Just(Some(format!("{}☕", "c".repeat(NAME_MAX - 2)))),
        vec(proptest::sample::select(pool), 0..60).prop_map(|cs| Some(cs.into_iter().collect())),
    ]
}

// ---- The byte layout, written out independently of the code ---------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64_decode(text: &str) -> Vec<u8> {
    let mut bits = String::new();
    for c in text.bytes() {
        let v = B64.iter().position(|&x| x == c).expect("base64url") as u8;
        bits.push_str(&format!("{v:06b}"));
    }
    bits.as_bytes()
        .chunks_exact(8)
        .map(|b| u8::from_str_radix(std::str::from_utf8(b).unwrap(), 2).unwrap())
        .collect()
}

fn b64_encode(bytes: &[u8]) -> String {
    let mut bits: String = bytes.iter().map(|b| format!("{b:08b}")).collect();
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|b| B64[usize::from_str_radix(std::str::from_utf8(b).unwrap(), 2).unwrap()] as char)
        .collect()
}

/// The bytes between the length header and the checksum: bank version,
/// answers, name.
fn body_of(code: &str) -> Vec<u8> {
    let bytes = b64_decode(&code[2..]);
    assert_eq!(bytes[0] as usize, bytes.len());
    assert_eq!(bytes[1], !bytes[0]);
    bytes[2..bytes.len() - 4].to_vec()
}

/// A code with a valid length header and checksum around any body.
fn framed(format: u8, body: &[u8]) -> String {
    let len = (body.len() + 6) as u8;
    let mut bytes = vec![len, !len];
    bytes.extend_from_slice(body);
    let crc = crc32(&[&[format], &bytes]);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("K{format}{}", b64_encode(&bytes))
}

/// Bytes before the answers in a format 2 body of the built-in bank: the
/// one-byte version, the four-byte fingerprint and an empty organisation.
const BEFORE_ANSWERS: usize = 1 + 4 + 1;

/// Where a question's bits start in the body.
fn bit_offset(bank: &Bank, answers: &Answers, qid: &str) -> usize {
    let shown = shown_ids(bank, answers);
    let mut bit = 8 * BEFORE_ANSWERS;
    for id in shown {
        if id == qid {
            return bit;
        }
        let q = bank.question(id).unwrap();
        bit += match q.kind {
            Kind::Single => (usize::BITS - q.options.len().leading_zeros()) as usize,
            Kind::Multi => q.options.len(),
        };
    }
    panic!("{qid} is not shown");
}

fn set_bits(body: &mut [u8], at: usize, width: usize, value: usize) {
    for i in 0..width {
        let bit = at + i;
        let on = (value >> (width - 1 - i)) & 1 == 1;
        let mask = 0x80 >> (bit % 8);
        if on {
            body[bit / 8] |= mask;
        } else {
            body[bit / 8] &= !mask;
        }
    }
}

fn all_errors() -> [CodeError; 8] {
    [
        CodeError::Empty,
        CodeError::NotACode,
        CodeError::Truncated,
        CodeError::BadChecksum,
        CodeError::UnknownFormat(2),
        CodeError::UnknownBank(2),
        CodeError::InvalidAnswer,
        CodeError::BadName,
    ]
}

// ---- Round trips -----------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any complete answer set with any name comes back as it went in, and
    /// the code is canonical: re-encoding what was read gives the same text.
    #[test]
    fn complete_answers_and_names_round_trip(seeds in seeds(), name in names()) {
        let bank = bank();
        let answers = complete(bank, &seeds);
        let code = encode(bank, &answers, name.as_deref());
        let back = decode(bank, &code);
        let expected = Shared {
            answers: answers.clone(),
            name: name.as_deref().and_then(kept_name),
            bank_version: bank.version,
            bank_fingerprint: bank.fingerprint(),
            code: code.clone(),
        };
        prop_assert_eq!(back.as_ref(), Ok(&expected), "code {}", code);
        prop_assert_eq!(encode(bank, &expected.answers, expected.name.as_deref()), code.clone());
        prop_assert!(code.len() <= 120, "{} characters: {}", code.len(), code);
        // As a link, pasted with WhatsApp's trailing punctuation.
        let link = format!("https://ceksiapekspor.id/#{}.", code::fragment(&code));
        prop_assert_eq!(decode(bank, &link), Ok(expected));
    }

    /// Half-way answer sets round-trip too (unanswered shown questions take
    /// the "no answer" value).
    #[test]
    fn partial_answers_round_trip(seeds in seeds(), cut in any::<u32>()) {
        let bank = bank();
        let full = complete(bank, &seeds);
        let shown = shown_ids(bank, &full);
        let keep = cut as usize % (shown.len() + 1);
        let partial: Answers = shown[..keep]
            .iter()
            .map(|q| (q.to_string(), full[*q].clone()))
            .collect();
        let code = encode(bank, &partial, None);
        prop_assert_eq!(decode(bank, &code).map(|s| s.answers), Ok(partial));
    }

    /// Arbitrary text never panics, and never reads as a code by accident.
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let bank = bank();
        prop_assert!(decode(bank, &text).is_err());
        let _ = decode_many(bank, &text);
        let _ = decode(bank, &format!("K1{text}"));
        let _ = decode(bank, &format!("#hasil={text}"));
    }

    /// Arbitrary bytes inside a valid frame reach the answer and name parsers:
    /// they never panic, and whatever they accept reads back the same.
    #[test]
    fn arbitrary_framed_bodies_never_panic(mut body in vec(any::<u8>(), 0..64), version_first in any::<bool>()) {
        let bank = bank();
        if version_first {
            body.insert(0, bank.version as u8);
        }
        let code = framed(2, &body);
        if let Ok(shared) = decode(bank, &code) {
            let again = encode(bank, &shared.answers, shared.name.as_deref());
            let reread = decode(bank, &again).unwrap();
            prop_assert_eq!(reread.answers, shared.answers);
            prop_assert_eq!(reread.name, shared.name);
        }
    }

    /// Random damage to a real code: never a panic, never a silent misread.
    #[test]
    fn damaged_codes_never_misread(seeds in seeds(), at in any::<usize>(), with in any::<u8>(), cut in any::<usize>()) {
        let bank = bank();
        let code = encode(bank, &complete(bank, &seeds), Some("Mama Yosefina"));
        let mut bytes = code.clone().into_bytes();
        let i = at % bytes.len();
        bytes[i] = with;
        let changed = String::from_utf8_lossy(&bytes).to_string();
        if changed != code {
            prop_assert!(decode(bank, &changed).is_err(), "{} read as valid", changed);
        }
        let short = &code[..cut % code.len()];
        prop_assert!(decode(bank, short).is_err());
    }
}

// ---- Every class of damage has its own error -------------------------------

#[test]
fn errors_are_distinct_and_explained_in_both_languages() {
    let mut seen = Vec::new();
    for e in all_errors() {
        let id = e.message(Lang::Id);
        let en = e.message(Lang::En);
        assert!(!id.is_empty() && !en.is_empty() && id != en, "{e:?}");
        assert!(!seen.contains(&id), "{e:?} shares its message");
        seen.push(id);
    }
    assert!(CodeError::Truncated
        .message(Lang::Id)
        .contains("tidak lengkap"));
    assert!(CodeError::Truncated
        .message(Lang::En)
        .contains("incomplete"));
    assert!(CodeError::UnknownBank(7)
        .message(Lang::Id)
        .contains("versi pertanyaan"));
    assert!(CodeError::UnknownBank(7)
        .message(Lang::En)
        .contains("another version of the questions"));
}

#[test]
fn empty_text_and_links_without_a_code() {
    for text in [
        "",
        "   ",
        "\n\t",
        "#hasil=",
        "https://ceksiapekspor.id/#hasil=",
        "hasil= .",
        " , ",
    ] {
        assert_eq!(decode(bank(), text), Err(CodeError::Empty), "{text:?}");
    }
}

#[test]
fn not_a_code() {
    let good = encode(bank(), &merauke(), None);
    let lower = format!("k{}", &good[1..]);
    let inner_space = format!("{} {}", &good[..20], &good[20..]);
    let bad_char = format!("{}!{}", &good[..20], &good[21..]);
    let padded = format!("{good}==");
    for text in [
        "halo",
        "https://ceksiapekspor.id/",
        "Kopi",
        "KX",
        "XYAAAAAAAAAAA",
        lower.as_str(),
        inner_space.as_str(),
        bad_char.as_str(),
        padded.as_str(),
        "K1ÀÀÀÀÀÀ",
    ] {
        assert_eq!(decode(bank(), text), Err(CodeError::NotACode), "{text:?}");
    }
}

#[test]
fn cut_off_at_every_length_is_truncated() {
    for name in [None, Some("Kopi Wamena Ibu Siti ☕")] {
        let code = encode(bank(), &merauke(), name);
        for n in 1..code.len() {
            assert_eq!(
                decode(bank(), &code[..n]),
                Err(CodeError::Truncated),
                "cut at {n} of {}",
                code.len()
            );
            let link = format!("https://ceksiapekspor.id/#hasil={}", &code[..n]);
            assert_eq!(decode(bank(), &link), Err(CodeError::Truncated));
        }
    }
}

#[test]
fn any_changed_character_is_a_bad_checksum() {
    for name in [None, Some("Kopi Wamena Ibu Siti ☕")] {
        let code = encode(bank(), &merauke(), name);
        assert!(decode(bank(), &code).is_ok());
        // Every other base64url character at every position after "K1".
        for i in 2..code.len() {
            for &c in B64 {
                if c == code.as_bytes()[i] {
                    continue;
                }
                let mut changed = code.clone().into_bytes();
                changed[i] = c;
                let changed = String::from_utf8(changed).unwrap();
                assert_eq!(
                    decode(bank(), &changed),
                    Err(CodeError::BadChecksum),
                    "{} at {i}",
                    c as char
                );
            }
        }
        // Two characters swapped, and a character added at the end.
        let mut swapped = code.clone().into_bytes();
        let j = (2..swapped.len() - 1)
            .find(|&j| swapped[j] != swapped[j + 1])
            .unwrap();
        swapped.swap(j, j + 1);
        let swapped = String::from_utf8(swapped).unwrap();
        assert_eq!(decode(bank(), &swapped), Err(CodeError::BadChecksum));
        assert_eq!(
            decode(bank(), &format!("{code}A")),
            Err(CodeError::BadChecksum)
        );
    }
}

#[test]
fn unknown_format() {
    let code = encode(bank(), &merauke(), None);
    for d in [0u8, 3, 9] {
        let other = format!("K{d}{}", &code[2..]);
        assert_eq!(decode(bank(), &other), Err(CodeError::UnknownFormat(d)));
    }
    // A future format with a checksum of its own.
    let future = framed(3, &body_of(&code));
    assert_eq!(decode(bank(), &future), Err(CodeError::UnknownFormat(3)));
    assert!(CodeError::UnknownFormat(3)
        .message(Lang::Id)
        .contains("versi aplikasi lain"));
}

#[test]
fn unknown_bank_version() {
    // Made with another version of the questions, with a valid checksum.
    let mut other = bank().clone();
    other.version = 7;
    let code = encode(&other, &merauke(), Some("Ibu Siti"));
    assert_eq!(decode(&other, &code).map(|s| s.bank_version), Ok(7));
    assert_eq!(decode(bank(), &code), Err(CodeError::UnknownBank(7)));
    // A version past one byte of LEB128.
    other.version = 300;
    let code = encode(&other, &merauke(), None);
    assert_eq!(decode(bank(), &code), Err(CodeError::UnknownBank(300)));
    assert_eq!(decode(&other, &code).map(|s| s.answers), Ok(merauke()));
}

#[test]
fn invalid_answers_with_a_valid_checksum() {
    let bank = bank();
    let answers = merauke();
    let code = encode(bank, &answers, Some("Ibu Siti"));
    let body = body_of(&code);
    assert_eq!(
        decode(bank, &framed(2, &body)),
        decode(bank, &code),
        "the test's framing matches"
    );

    // omzet has 5 options in 3 bits: 6 and 7 point past them.
    let at = bit_offset(bank, &answers, "omzet");
    assert_eq!(
        at, 48,
        "the first question follows version, fingerprint and organisation"
    );
    for value in [6, 7] {
        let mut b = body.clone();
        set_bits(&mut b, at, 3, value);
        assert_eq!(
            decode(bank, &framed(2, &b)),
            Err(CodeError::InvalidAnswer),
            "omzet = {value}"
        );
    }
    // Option 5 is the last one: still valid.
    let mut b = body.clone();
    set_bits(&mut b, at, 3, 5);
    assert_eq!(
        decode(bank, &framed(2, &b)).map(|s| s.answers["omzet"].clone()),
        Ok(vec!["belum_ada".to_string()])
    );

    // kanal_jual: "Belum ada" (the exclusive last option) next to WhatsApp.
    let q = bank.question("kanal_jual").unwrap();
    let n = q.options.len();
    assert!(q.options[n - 1].exclusive && !q.options[0].exclusive);
    let at = bit_offset(bank, &answers, "kanal_jual");
    let mut b = body.clone();
    set_bits(&mut b, at, n, (1 << (n - 1)) | 1);
    assert_eq!(decode(bank, &framed(2, &b)), Err(CodeError::InvalidAnswer));

    // Bits after the last answer must be zero padding.
    let bits: usize = bit_offset(bank, &answers, "pendampingan") + 3;
    assert!(!bits.is_multiple_of(8), "the answers end mid-byte");
    let mut b = body.clone();
    set_bits(&mut b, bits, 1, 1);
    assert_eq!(decode(bank, &framed(2, &b)), Err(CodeError::InvalidAnswer));

    // Answers that stop early.
    assert_eq!(
        decode(bank, &framed(2, &body[..BEFORE_ANSWERS + 2])),
        Err(CodeError::InvalidAnswer)
    );
}

#[test]
fn bad_names_with_a_valid_checksum() {
    let bank = bank();
    let code = encode(bank, &merauke(), None);
    let body = body_of(&code);
    assert_eq!(*body.last().unwrap(), 0, "no name: length 0");
    let answers_part = &body[..body.len() - 1];
    let with_name = |name: &[u8], len: usize| {
        let mut b = answers_part.to_vec();
        b.push(len as u8);
        b.extend_from_slice(name);
        framed(2, &b)
    };
    assert_eq!(
        decode(bank, &with_name("Ibu Siti ☕".as_bytes(), 12)).map(|s| s.name),
        Ok(Some("Ibu Siti ☕".to_string()))
    );
    for (name, len, why) in [
        (&b"Ibu \xff\xfe"[..], 6, "not UTF-8"),
        (&"☕".as_bytes()[..2], 2, "cut inside a character"),
        (&[b'a'; 41][..], 41, "longer than 40 bytes"),
        (&b"Ibu\nSiti"[..], 8, "a line break"),
        (&b"Ibu Siti"[..], 9, "length past the end"),
        (&b"Ibu Siti"[..], 3, "bytes after the name"),
    ] {
        assert_eq!(
            decode(bank, &with_name(name, len)),
            Err(CodeError::BadName),
            "{why}"
        );
    }
    // No name byte at all.
    assert_eq!(
        decode(bank, &framed(2, answers_part)),
        Err(CodeError::BadName)
    );
}

// ---- Links, chats and lengths ------------------------------------------------

#[test]
fn links_and_pasted_punctuation() {
    let bank = bank();
    let code = encode(bank, &merauke(), Some("Ibu Siti"));
    let expected = decode(bank, &code).unwrap();
    for text in [
        format!("https://ceksiapekspor.id/#hasil={code}"),
        format!("  https://ceksiapekspor.id/#hasil={code}.\n"),
        format!("https://ceksiapekspor.id/#hasil={code},"),
        format!("#hasil={code}"),
        format!("hasil={code}"),
        format!("\"{code}\""),
        format!("*{code}*"),
        format!("({code})."),
        format!("{code} "),
    ] {
        assert_eq!(decode(bank, &text).as_ref(), Ok(&expected), "{text:?}");
    }
}

#[test]
fn decode_many_picks_links_out_of_a_whatsapp_chat() {
    let bank = bank();
    let siti = encode(bank, &merauke(), Some("Ibu Siti"));
    let mut other = merauke();
    other.insert("email".into(), vec!["email_pribadi".into()]);
    let yohanis = encode(bank, &other, Some("Pak Yohanis"));
    let seeds: Vec<u32> = (0..60).map(|i| i * 7919 + 3).collect();
    let maria = encode(bank, &complete(bank, &seeds), None);
    let broken = &yohanis[..yohanis.len() - 5];
    let chat = format!(
        "[12/06/25 09.12] Ibu Siti: Selamat pagi Pak, ini hasil saya ya https://ceksiapekspor.id/#hasil={siti}\n\
         [12/06/25 09.13] Pak Yohanis: Sudah isi Pak, K3 aman. Ini: https://ceksiapekspor.id/#hasil={yohanis}.\n\
         [12/06/25 09.15] Mama Maria: https://ceksiapekspor.id/#hasil={maria}, terima kasih 🙏\n\
         [12/06/25 09.20] Pak Budi: link saya kok error ya https://ceksiapekspor.id/#hasil={broken}\n\
         [12/06/25 09.21] Pelatih: Kopi 3K 👍 Kode: hasil, besok lanjut jam 10.00\n"
    );
    let found = decode_many(bank, &chat);
    assert_eq!(found.len(), 4, "{found:#?}");
    let names: Vec<Option<String>> = found[..3]
        .iter()
        .map(|r| r.as_ref().expect("a good link").name.clone())
        .collect();
    assert_eq!(
        names,
        [Some("Ibu Siti".into()), Some("Pak Yohanis".into()), None]
    );
    assert_eq!(found[0].as_ref().unwrap().code, siti);
    assert_eq!(found[1].as_ref().unwrap().answers, other);
    let (token, error) = found[3].as_ref().unwrap_err();
    assert_eq!(*error, CodeError::Truncated);
    assert_eq!(*token, format!("https://ceksiapekspor.id/#hasil={broken}"));
}

#[test]
fn decode_many_takes_bare_codes_one_per_line_or_separated() {
    let bank = bank();
    let a = encode(bank, &merauke(), Some("A"));
    let b = encode(bank, &merauke(), Some("B"));
    for text in [
        format!("{a}\n{b}\n"),
        format!("{a} {b}"),
        format!("{a},{b}"),
        format!("{a}; {b}."),
    ] {
        let found = decode_many(bank, &text);
        let codes: Vec<&str> = found
            .iter()
            .map(|r| r.as_ref().unwrap().code.as_str())
            .collect();
        assert_eq!(codes, [a.as_str(), b.as_str()], "{text:?}");
    }
    assert!(decode_many(bank, "").is_empty());
    assert!(decode_many(bank, "K1 K3 K12345 Kopi KAAAAAAAAAA").is_empty());
}

/// The longest code the built-in bank can give: every question with skip
/// logic shown (processed food, has exported, posts content) and a name at
/// the 40-byte limit. Answer values don't change the length.
#[test]
fn code_lengths_fit_a_qr_code() {
    let bank = bank();
    let typical = encode(bank, &merauke(), None);
    let typical_named = encode(bank, &merauke(), Some("Kopi Wamena Ibu Siti ☕"));

    let worst_answers = walk_with(bank, |_, q| match q.id.as_str() {
        "jenis_produk" => vec!["pangan_olahan".to_string()],
        "pengalaman_ekspor" => vec!["rutin".to_string()],
        "konten" => vec!["rutin".to_string()],
        _ => q.strongest(),
    });
    assert_eq!(
        visibility(bank, &worst_answers),
        vec![true; bank.questions.len()],
        "every question shown"
    );
    let name = "Usaha Kopi & Kakao Mama Yosefina ☕ Papua";
    assert_eq!(name.len(), 42);
    let worst = encode(bank, &worst_answers, Some(name));
    assert_eq!(
        decode(bank, &worst).unwrap().name.as_deref(),
        Some("Usaha Kopi & Kakao Mama Yosefina ☕ Pap"),
        "cut to 40 bytes"
    );
    let worst = encode(bank, &worst_answers, Some(&"W".repeat(NAME_MAX)));

    // No random owner beats it.
    let mut longest = 0;
    for n in 0..2000u32 {
        let seeds: Vec<u32> = (0..60u32)
            .map(|i| i.wrapping_mul(2_654_435_761) ^ n.wrapping_mul(40_503))
            .collect();
        let code = encode(bank, &complete(bank, &seeds), Some(&"W".repeat(NAME_MAX)));
        longest = longest.max(code.len());
    }
    let link = format!("https://ceksiapekspor.id/#{}", code::fragment(&worst));
    println!(
        "result code lengths: typical {} characters (no name), {} with the name \"Kopi Wamena Ibu Siti ☕\"; \
         worst case {} (every question shown, 40-byte name); worst link on a 19-character host: {}",
        typical.len(),
        typical_named.len(),
        worst.len(),
        link.len()
    );
    assert!(longest <= worst.len(), "{longest} > {}", worst.len());
    assert!(worst.len() <= 120, "worst case {} characters", worst.len());
}
