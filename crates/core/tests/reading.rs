//! What the configuration reader hands the widget (`config::reading`): a host's file read by the reader arrives in the widget exactly as the widget would have read it itself, problems and custom bank included; bytes from another version or damaged bytes are refused, never misread.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::bank::Text;
use cek_core::config::reading::{self, Misread, Reading, VERSION};
use cek_core::config::{self, Config};
use proptest::prelude::*;
use serde_json::json;

mod common;

const BANK_JSON: &str = include_str!("../src/engine/bank.json");

/// The file read in the widget through the reader's bytes.
fn through_reader(file: &str) -> Reading {
    let (config, problems) = config::parse_partial(file);
    reading::decode(&reading::encode(&config, &problems)).expect("the reader's own bytes")
}

/// The file read as the widget read it before the reader was split off.
fn direct(file: &str) -> Reading {
    let (config, problems) = config::parse_partial(file);
    Reading {
        config,
        problems: reading::messages(&problems),
    }
}

fn check(file: &str) {
    assert_eq!(through_reader(file), direct(file), "{file:.300}");
}

#[test]
fn a_ministry_with_every_field_set_and_its_own_bank() {
    let mut bank: serde_json::Value = serde_json::from_str(BANK_JSON).unwrap();
    bank["questions"][0]["text"]["id"] = json!("Pertanyaan dari bank khusus dinas");
    let mut file = common::full_config();
    file["bank"] = bank;
    let file = file.to_string();
    let read = through_reader(&file);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let bank = read.config.bank.as_ref().expect("the custom bank");
    assert_eq!(
        bank.questions[0].text.id,
        "Pertanyaan dari bank khusus dinas"
    );
    assert_eq!(
        read.config
            .contact
            .whatsapp
            .as_ref()
            .map(|w| w.digits.as_str()),
        Some("6281234567890")
    );
    check(&file);
}

#[test]
fn files_with_mistakes_arrive_with_the_same_messages_and_what_passed() {
    for file in [
        // Not JSON; a bank where a configuration belongs; no version.
        "{ bukan json".to_string(),
        BANK_JSON.to_string(),
        json!({ "organisation": { "name": "Dinas" } }).to_string(),
        // A light theme colour and a bad WhatsApp number beside a good name.
        json!({
            "version": 1,
            "organisation": { "name": "Dinas Contoh" },
            "theme_color": "#ffcc00",
            "contact": { "whatsapp": "nomor kantor" }
        })
        .to_string(),
        // A bank with a mistake deep inside: kept out, its path reported.
        json!({ "version": 1, "bank": { "version": 2, "questions": [{ "id": 5 }] } }).to_string(),
    ] {
        let read = through_reader(&file);
        assert!(!read.problems.is_empty(), "{file:.200}");
        check(&file);
    }
    let read = through_reader(
        &json!({ "version": 1, "organisation": { "name": "Dinas Contoh" }, "theme_color": "#ffcc00" })
            .to_string(),
    );
    assert_eq!(
        read.config.organisation.name.as_deref(),
        Some("Dinas Contoh")
    );
    assert_eq!(read.config.theme, None);
    assert!(
        read.problems[0].id.starts_with("theme_color: "),
        "{:?}",
        read.problems
    );
    assert!(
        read.problems[0].en.starts_with("theme_color: "),
        "{:?}",
        read.problems
    );
}

#[test]
fn an_empty_configuration_is_the_widget_as_built() {
    assert_eq!(through_reader(r#"{"version":1}"#), Reading::default());
}

#[test]
fn a_reader_of_another_version_is_refused() {
    let mut bytes = reading::encode(&Config::default(), &[]);
    let head = String::from_utf8(bytes[4..].to_vec()).unwrap();
    let other = head.replace(&format!(r#""v":{VERSION}"#), r#""v":999"#);
    assert_ne!(head, other);
    bytes.truncate(4);
    bytes[..4].copy_from_slice(&(other.len() as u32).to_le_bytes());
    bytes.extend(other.as_bytes());
    assert_eq!(reading::decode(&bytes), Err(Misread::Version));
}

#[test]
fn damaged_bytes_are_refused() {
    let (config, problems) = config::parse_partial(
        &json!({ "version": 1, "theme_color": "#0b5d5a", "bank": serde_json::from_str::<serde_json::Value>(BANK_JSON).unwrap() })
            .to_string(),
    );
    let good = reading::encode(&config, &problems);
    assert!(reading::decode(&good).is_ok());
    for (what, bytes) in [
        ("nothing", Vec::new()),
        ("a length only", good[..4].to_vec()),
        ("cut inside the fields", good[..20].to_vec()),
        ("cut inside the bank", good[..good.len() - 10].to_vec()),
        ("a length past the end", {
            let mut b = good.clone();
            b[..4].copy_from_slice(&u32::MAX.to_le_bytes());
            b
        }),
        ("a theme that is no colour", {
            let head = String::from_utf8(
                good[4..4 + u32::from_le_bytes(good[..4].try_into().unwrap()) as usize].to_vec(),
            )
            .unwrap();
            let bad = head.replace("#0b5d5a", "#zzzzzz");
            let mut b = (bad.len() as u32).to_le_bytes().to_vec();
            b.extend(bad.as_bytes());
            b
        }),
    ] {
        assert_eq!(reading::decode(&bytes), Err(Misread::Damaged), "{what}");
    }
}

#[test]
fn problem_messages_keep_both_languages() {
    let read = through_reader("[]");
    assert_eq!(read.problems.len(), 1);
    let Text { id, en } = &read.problems[0];
    assert_ne!(id, en);
}

proptest! {
    /// Whatever the bytes, decoding ends with a reading or a refusal.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = reading::decode(&bytes);
    }
}

/// A rule's condition `depth` deep: `not` around `not` … around `all: []`.
fn bank_with_rule_nesting(depth: u32) -> serde_json::Value {
    let mut bank: serde_json::Value = serde_json::from_str(BANK_JSON).unwrap();
    let mut when = json!({ "all": [] });
    for _ in 1..depth {
        when = json!({ "not": when });
    }
    bank["rules"][0]["when"] = when;
    bank
}

#[test]
fn a_bank_reaches_the_widget_whenever_it_passes_the_checks() {
    // As deep as serde_json reads a configuration: accepted, and whole.
    let deepest = json!({ "version": 1, "bank": bank_with_rule_nesting(120) }).to_string();
    let read = through_reader(&deepest);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(read.config.bank.is_some());
    check(&deepest);
    // Deeper is no JSON serde_json reads: a syntax problem, as before.
    let deeper = json!({ "version": 1, "bank": bank_with_rule_nesting(130) }).to_string();
    let read = through_reader(&deeper);
    assert_eq!(read.config.bank, None);
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    check(&deeper);
}
