//! The widget configuration a host gives: each kind of bad file is rejected with its own problem, its exact path and messages in both languages that say what to fix; good files, custom banks and data-attributes are accepted.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::bank::{Bank, Lang, Text};
use cek_core::config::{
    self, contrast_ratio, Config, ConfigProblem, Expected, Found, ProblemKind, Rgb, Theme,
    WhatsApp, MAX_BYTES, SCHEMA_VERSION,
};
use cek_core::validate::What;
use serde_json::{json, Value};

mod common;

const BANK_JSON: &str = include_str!("../src/engine/bank.json");

/// A version-1 configuration with these fields added.
fn with(fields: Value) -> String {
    let mut config = json!({ "version": 1 });
    if let (Some(target), Value::Object(extra)) = (config.as_object_mut(), fields) {
        target.extend(extra);
    }
    config.to_string()
}

fn problems(json: &str) -> Vec<ConfigProblem> {
    match config::parse(json) {
        Ok(c) => panic!("accepted {json:.200}: {c:?}"),
        Err(p) => p,
    }
}

/// The one problem in `json`.
fn only(json: &str) -> ConfigProblem {
    let mut p = problems(json);
    assert_eq!(
        p.len(),
        1,
        "expected one problem in {json:.200}, got {p:#?}"
    );
    p.remove(0)
}

fn id(p: &ConfigProblem) -> String {
    p.message(Lang::Id)
}

fn en(p: &ConfigProblem) -> String {
    p.message(Lang::En)
}

/// Both messages start with the path and mention each of `words` (one list
/// per language).
fn says(p: &ConfigProblem, id_words: &[&str], en_words: &[&str]) {
    for (lang, words) in [(Lang::Id, id_words), (Lang::En, en_words)] {
        let message = p.message(lang);
        let place = match (p.path.as_str(), lang) {
            ("", Lang::Id) => "berkas",
            ("", Lang::En) => "file",
            (path, _) => path,
        };
        assert!(
            message.starts_with(&format!("{place}: ")),
            "{lang:?} message should start with {place:?}: {message}"
        );
        for w in words {
            assert!(
                message.contains(w),
                "{lang:?} message should mention {w:?}: {message}"
            );
        }
    }
}

fn builtin_bank_value() -> Value {
    serde_json::from_str(BANK_JSON).expect("bank.json is JSON")
}

// ---- bad files, one kind each ----

#[test]
fn invalid_json_keeps_line_and_column() {
    let p = only("{\n  \"version\": 1,\n  \"theme_color\" \"#0b5d5a\"\n}");
    match &p.kind {
        ProblemKind::Syntax { line, column, .. } => {
            assert_eq!(*line, 3);
            assert!(*column > 0);
        }
        other => panic!("expected a syntax problem, got {other:?}"),
    }
    assert!(id(&p).starts_with("Baris 3, kolom "), "{}", id(&p));
    assert!(id(&p).contains("format JSON salah"), "{}", id(&p));
    assert!(en(&p).starts_with("Line 3, column "), "{}", en(&p));
    assert!(
        !en(&p).contains("at line"),
        "the position is said once: {}",
        en(&p)
    );
    let p = only("");
    assert!(
        matches!(p.kind, ProblemKind::Syntax { line: 1, .. }),
        "{p:?}"
    );
}

#[test]
fn unknown_field_is_named_by_its_path() {
    let p = only(&with(json!({ "theme_colour": "#0b5d5a" })));
    assert_eq!(p.path, "theme_colour");
    assert!(matches!(p.kind, ProblemKind::UnknownField { .. }), "{p:?}");
    says(
        &p,
        &["tidak dikenal", "theme_color"],
        &["not known", "theme_color"],
    );

    let p = only(&with(json!({ "contact": { "phone": "0812" } })));
    assert_eq!(p.path, "contact.phone");
    says(
        &p,
        &["whatsapp, email, address"],
        &["whatsapp, email, address"],
    );

    let p = only(&with(
        json!({ "organisation": { "name": "Dinas", "url": "/" } }),
    ));
    assert_eq!(p.path, "organisation.url");
}

#[test]
fn version_is_required() {
    let p = only(r##"{"theme_color": "#0b5d5a"}"##);
    assert_eq!(p.path, "version");
    assert_eq!(p.kind, ProblemKind::VersionMissing);
    says(
        &p,
        &["wajib", "\"version\": 1"],
        &["required", "\"version\": 1"],
    );
    // `null` is not set.
    assert_eq!(
        only(r#"{"version": null}"#).kind,
        ProblemKind::VersionMissing
    );
}

#[test]
fn unsupported_version_names_the_supported_ones_and_nothing_else() {
    // The other fields would mean something else in another version.
    let p = only(r#"{"version": 2, "language": "fr", "colour": 1}"#);
    assert_eq!(p.path, "version");
    assert_eq!(
        p.kind,
        ProblemKind::VersionUnsupported { found: "2".into() }
    );
    says(
        &p,
        &["versi 2", "didukung: 1"],
        &["version 2", "supported versions: 1"],
    );
    assert_eq!(SCHEMA_VERSION, 1);
    let p = only(r#"{"version": "1"}"#);
    says(&p, &["versi \"1\""], &["version \"1\""]);
}

#[test]
fn colour_must_be_a_hex_code() {
    for bad in [
        "red",
        "#12345",
        "#ggg",
        "0b5d5a",
        "#0b5d5a0",
        "rgb(0,0,0)",
        "",
    ] {
        let p = only(&with(json!({ "theme_color": bad })));
        assert_eq!(p.path, "theme_color");
        assert_eq!(
            p.kind,
            ProblemKind::ColourSyntax { found: bad.into() },
            "{bad}"
        );
        says(
            &p,
            &["bukan kode warna", "#rrggbb"],
            &["not a colour code", "#rrggbb"],
        );
    }
}

#[test]
fn too_light_colour_names_the_colour_and_the_ratio() {
    let p = only(&with(json!({ "theme_color": "#ffcc00" })));
    assert_eq!(p.path, "theme_color");
    assert!(
        matches!(&p.kind, ProblemKind::ColourTooLight { colour, ratio } if colour == "#ffcc00" && (ratio - 1.51).abs() < 0.01),
        "{p:?}"
    );
    assert_eq!(
        id(&p),
        "theme_color: warna #ffcc00 terlalu terang untuk teks putih (kontras 1,5:1, minimal 4,5:1). Pilih warna yang lebih gelap."
    );
    assert_eq!(
        en(&p),
        "theme_color: colour #ffcc00 is too light for white text (contrast 1.5:1, at least 4.5:1). Choose a darker colour."
    );

    let p = only(&with(json!({ "theme_color": "#ffffff" })));
    says(
        &p,
        &["#ffffff", "1,0:1", "4,5"],
        &["#ffffff", "1.0:1", "4.5"],
    );

    // Just below the line: rounded down, so it never reads as the minimum.
    let p = only(&with(json!({ "theme_color": "#777777" })));
    says(&p, &["#777777", "4,4:1", "4,5:1"], &["4.4:1"]);
}

#[test]
fn dark_colours_are_accepted_with_known_contrast() {
    let white = Rgb::WHITE;
    let close = |hex: &str, expected: f64| {
        let rgb = Rgb::from_hex(hex).expect(hex);
        let ratio = contrast_ratio(rgb, white);
        assert!(
            (ratio - expected).abs() < 0.01,
            "white on {hex}: {ratio}, expected {expected}"
        );
        assert_eq!(contrast_ratio(white, rgb), ratio, "symmetric");
    };
    close("#767676", 4.54);
    close("#777777", 4.48);
    close("#0b5d5a", 7.70);
    close("#1a5fb4", 6.29);
    close("#000", 21.0);
    close("#ffcc00", 1.51);
    close("#FFF", 1.0);

    for (hex, rgb) in [
        (
            "#0b5d5a",
            Rgb {
                r: 11,
                g: 93,
                b: 90,
            },
        ),
        (
            "#1A5FB4",
            Rgb {
                r: 26,
                g: 95,
                b: 180,
            },
        ),
        (
            "#767676",
            Rgb {
                r: 118,
                g: 118,
                b: 118,
            },
        ),
        (
            "#036",
            Rgb {
                r: 0,
                g: 51,
                b: 102,
            },
        ),
    ] {
        let c = config::parse(&with(json!({ "theme_color": hex }))).expect(hex);
        assert_eq!(
            c.theme,
            Some(Theme {
                rgb,
                text: hex.into()
            })
        );
    }
    assert_eq!(
        Rgb::from_hex("#036").map(Rgb::to_hex).as_deref(),
        Some("#003366")
    );
}

#[test]
fn logo_from_another_host_is_rejected() {
    for bad in [
        "https://cdn.example.com/logo.png",
        "http://disperindag.malukuprov.go.id/logo.png",
        "HTTPS://example.com/logo.png",
        "//cdn.example.com/logo.png",
    ] {
        let p = only(&with(json!({ "organisation": { "logo": bad } })));
        assert_eq!(p.path, "organisation.logo");
        assert_eq!(
            p.kind,
            ProblemKind::LogoExternal { found: bad.into() },
            "{bad}"
        );
        says(
            &p,
            &["situs lain", "/assets/logo.png", "data:image/"],
            &["another site", "/assets/logo.png", "data:image/"],
        );
    }
}

#[test]
fn script_and_other_schemes_in_logo_are_rejected() {
    for (bad, scheme) in [
        ("javascript:alert(1)", "javascript"),
        ("JavaScript:alert(1)", "JavaScript"),
        ("file:///C:/logo.png", "file"),
        ("blob:https://x/1", "blob"),
        ("C:\\logo.png", "C"),
    ] {
        let p = only(&with(json!({ "organisation": { "logo": bad } })));
        assert_eq!(p.path, "organisation.logo");
        assert_eq!(
            p.kind,
            ProblemKind::LogoScheme {
                scheme: scheme.into()
            },
            "{bad}"
        );
        says(
            &p,
            &[&format!("\"{scheme}:\""), "tidak diizinkan"],
            &["not allowed"],
        );
    }
    // Browsers turn these into //host.
    for bad in [
        "/\\evil.example/logo.png",
        "/\t/evil.example/x.png",
        "/logo kami.png",
    ] {
        let p = only(&with(json!({ "organisation": { "logo": bad } })));
        assert_eq!(p.kind, ProblemKind::LogoCharacters, "{bad:?}");
        says(&p, &["%20"], &["%20"]);
    }
    for bad in [
        "data:text/html,<script>alert(1)</script>",
        "data:image/bmp;base64,AA",
        "data:image/png",
    ] {
        let p = only(&with(json!({ "organisation": { "logo": bad } })));
        assert!(
            matches!(p.kind, ProblemKind::LogoImageType { .. }),
            "{bad}: {p:?}"
        );
        says(&p, &["PNG", "SVG"], &["PNG", "SVG"]);
    }
    for good in [
        "/assets/logo-dinas.png",
        "logo.png",
        "./img/logo.svg",
        "../logo.webp",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
        "DATA:IMAGE/JPEG;base64,/9j/",
    ] {
        let c = config::parse(&with(json!({ "organisation": { "logo": good } })))
            .unwrap_or_else(|p| panic!("{good}: {p:?}"));
        assert_eq!(c.organisation.logo.as_deref(), Some(good));
    }
}

#[test]
fn bad_whatsapp_numbers_are_rejected() {
    let p = only(&with(json!({ "contact": { "whatsapp": "0812-abc-7890" } })));
    assert_eq!(p.path, "contact.whatsapp");
    assert_eq!(
        p.kind,
        ProblemKind::WhatsAppCharacters {
            found: "0812-abc-7890".into()
        }
    );
    says(
        &p,
        &["bukan nomor WhatsApp", "+62 812-3456-7890"],
        &["not a WhatsApp number"],
    );

    let p = only(&with(json!({ "contact": { "whatsapp": "12345" } })));
    assert_eq!(p.kind, ProblemKind::WhatsAppLength { digits: 5 });
    says(&p, &["5 angka", "8–15"], &["5 digits", "8–15"]);

    let p = only(&with(
        json!({ "contact": { "whatsapp": "+0812 3456 7890" } }),
    ));
    assert_eq!(p.kind, ProblemKind::WhatsAppCountryCode);
    says(&p, &["kode negara", "62"], &["country code", "62"]);

    let p = only(&with(
        json!({ "contact": { "whatsapp": "(0812) 3456 7890" } }),
    ));
    assert!(matches!(p.kind, ProblemKind::WhatsAppCharacters { .. }));
}

#[test]
fn whatsapp_numbers_become_international_digits() {
    for (written, digits) in [
        ("0812 3456 7890", "6281234567890"),
        ("+62 812-3456-7890", "6281234567890"),
        ("+62 0812 3456 7890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("0062 812 3456 7890", "6281234567890"),
        ("+44 20 7946 0958", "442079460958"),
    ] {
        let wa = WhatsApp::parse(written).unwrap_or_else(|p| panic!("{written}: {p:?}"));
        assert_eq!(wa.digits, digits, "{written}");
        assert_eq!(wa.text, written);
    }
    let wa = WhatsApp::parse("0812 3456 7890").expect("valid");
    assert_eq!(wa.link(), "https://wa.me/6281234567890");
}

#[test]
fn bad_email_is_rejected() {
    for bad in [
        "ekspor@dinas",
        "ekspor dinas@maluku.go.id",
        "a@b@maluku.go.id",
        "@maluku.go.id",
        "ekspor@.go.id",
        "ekspor@maluku.go.id.",
        "mailto:ekspor@maluku.go.id",
        "Dinas <ekspor@maluku.go.id>",
        "ekspor.maluku.go.id",
    ] {
        let p = only(&with(json!({ "contact": { "email": bad } })));
        assert_eq!(p.path, "contact.email");
        assert_eq!(p.kind, ProblemKind::Email { found: bad.into() }, "{bad}");
        says(
            &p,
            &["bukan alamat email", "ekspor@dinas.go.id"],
            &["not a valid email address"],
        );
    }
}

#[test]
fn unknown_language_is_rejected() {
    for bad in ["fr", "ID", "indonesia", ""] {
        let p = only(&with(json!({ "language": bad })));
        assert_eq!(p.path, "language");
        assert_eq!(p.kind, ProblemKind::Language { found: bad.into() });
        says(&p, &["\"id\"", "\"en\""], &["\"id\"", "\"en\""]);
    }
}

#[test]
fn texts_must_be_non_empty_short_and_on_one_line() {
    let p = only(&with(json!({ "organisation": { "name": "   " } })));
    assert_eq!(p.path, "organisation.name");
    assert_eq!(p.kind, ProblemKind::Empty);
    says(&p, &["kosong"], &["empty"]);

    let long = "D".repeat(81);
    let p = only(&with(json!({ "organisation": { "name": long } })));
    assert_eq!(p.kind, ProblemKind::TooLong { chars: 81, max: 80 });
    says(
        &p,
        &["81 karakter", "maksimal 80"],
        &["81 characters", "at most 80"],
    );
    // Characters, not bytes: 80 Javanese letters are fine.
    assert!(config::parse(&with(json!({ "organisation": { "name": "ꦗ".repeat(80) } }))).is_ok());

    let p = only(&with(
        json!({ "organisation": { "name": "Dinas\nPerindag" } }),
    ));
    assert_eq!(p.kind, ProblemKind::ControlCharacter);
    says(&p, &["karakter kontrol"], &["control character"]);
    let p = only(&with(
        json!({ "organisation": { "name": "Dinas \u{202e}gadnireP" } }),
    ));
    assert_eq!(p.kind, ProblemKind::ControlCharacter);

    let p = only(&with(json!({ "contact": { "address": "J".repeat(201) } })));
    assert_eq!(p.path, "contact.address");
    assert_eq!(
        p.kind,
        ProblemKind::TooLong {
            chars: 201,
            max: 200
        }
    );

    let p = only(&with(
        json!({ "contact": { "address": { "id": "Jl. Pattimura, Ambon" } } }),
    ));
    assert_eq!(p.path, "contact.address.en");
    assert_eq!(p.kind, ProblemKind::Missing);
    says(&p, &["wajib ada"], &["required"]);

    let p = only(&with(
        json!({ "contact": { "address": { "id": "Jl. A", "en": "" } } }),
    ));
    assert_eq!(p.path, "contact.address.en");
    assert_eq!(p.kind, ProblemKind::Empty);
}

#[test]
fn wrong_json_types_say_what_was_expected() {
    let p = only(&with(json!({ "organisation": "Dinas Perindag" })));
    assert_eq!(p.path, "organisation");
    assert_eq!(
        p.kind,
        ProblemKind::Mismatch {
            expected: Expected::Object,
            found: Found::Text("Dinas Perindag".into())
        }
    );
    says(
        &p,
        &["harus objek", "bukan teks \"Dinas Perindag\""],
        &["must be an object", "not the text \"Dinas Perindag\""],
    );
    let p = only(&with(json!({ "theme_color": 0x0b5d5a })));
    assert_eq!(p.path, "theme_color");
    says(&p, &["harus teks", "angka 744794"], &["must be a text"]);
    let p = only(&with(json!({ "contact": { "address": 12 } })));
    says(&p, &["{\"id\": \"…\", \"en\": \"…\"}"], &["or {\"id\""]);
    let p = only("[1, 2]");
    assert_eq!(p.path, "");
    assert!(id(&p).starts_with("berkas: harus objek"), "{}", id(&p));
    assert!(en(&p).starts_with("file: must be an object"), "{}", en(&p));
}

#[test]
fn invalid_custom_bank_points_into_the_bank() {
    // A missing translation: the schema requires both languages.
    let mut bank = builtin_bank_value();
    bank["questions"][0]["text"]
        .as_object_mut()
        .expect("text is an object")
        .remove("en");
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.questions[0].text.en");
    assert_eq!(p.kind, ProblemKind::Missing);
    says(&p, &["wajib ada"], &["required"]);

    // An empty translation: caught by `validate::check`, prefixed.
    let mut bank = builtin_bank_value();
    bank["questions"][2]["short"]["id"] = json!(" ");
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.questions[2].short.id");
    assert_eq!(p.kind, ProblemKind::Bank(What::Empty));
    assert_eq!(id(&p), "bank.questions[2].short.id: teks kosong");
    assert_eq!(en(&p), "bank.questions[2].short.id: empty text");

    // A typo in a fixed name, and in a condition.
    let mut bank = builtin_bank_value();
    bank["questions"][1]["kind"] = json!("singel");
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.questions[1].kind");
    says(
        &p,
        &["\"singel\" tidak dikenal", "single, multi"],
        &["choices: single, multi"],
    );

    let mut bank = builtin_bank_value();
    bank["rules"][0]["when"] = json!({ "iz": { "q": "nib", "any_of": ["belum"] } });
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.rules[0].when.iz");
    assert!(matches!(p.kind, ProblemKind::UnknownName { .. }), "{p:?}");

    let mut bank = builtin_bank_value();
    bank["rules"][0]["when"] = json!({ "all": [{ "is": { "q": "nib" } }] });
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.rules[0].when.all[0].is.any_of");
    assert_eq!(p.kind, ProblemKind::Missing);

    let mut bank = builtin_bank_value();
    bank["levels"][1]["min_score"] = json!(300);
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.levels[1].min_score");
    says(
        &p,
        &["bilangan bulat 0–255", "angka 300"],
        &["a whole number 0–255"],
    );

    let mut bank = builtin_bank_value();
    bank["questions"][0]["hint"] = json!({ "id": "x", "en": "x" });
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.questions[0].hint");
    assert!(matches!(p.kind, ProblemKind::UnknownField { .. }));

    // A rule pointing at a question that isn't there.
    let mut bank = builtin_bank_value();
    bank["rules"][0]["when"] = json!({ "is": { "q": "tidak_ada", "any_of": ["x"] } });
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.rules[0].when");
    assert_eq!(
        p.kind,
        ProblemKind::Bank(What::UnknownQuestion("tidak_ada".into()))
    );
}

#[test]
fn bank_file_given_as_configuration_is_named() {
    let p = only(BANK_JSON);
    assert_eq!(p.kind, ProblemKind::BankNotConfig);
    says(
        &p,
        &["bank pertanyaan", "\"bank\""],
        &["question bank", "\"bank\""],
    );
}

#[test]
fn oversized_file_is_rejected_before_parsing() {
    let name = "D".repeat(MAX_BYTES);
    let p = only(&with(json!({ "organisation": { "name": name } })));
    assert_eq!(p.path, "");
    assert!(matches!(p.kind, ProblemKind::TooLarge { bytes } if bytes > MAX_BYTES));
    says(&p, &["257 KB", "256 KB"], &["257 KB", "256 KB"]);
    // Even when it is not JSON at all: the size comes first.
    let p = only(&"{".repeat(MAX_BYTES + 1));
    assert!(matches!(p.kind, ProblemKind::TooLarge { .. }));
}

// ---- good files ----

#[test]
fn valid_full_config() {
    let c = config::parse(&common::full_config().to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        c.organisation.name.as_deref(),
        Some("Dinas Perindag Provinsi Maluku")
    );
    assert_eq!(
        c.organisation.logo.as_deref(),
        Some("/assets/logo-dinas.png")
    );
    let wa = c.contact.whatsapp.as_ref().expect("whatsapp");
    assert_eq!(wa.digits, "6281234567890");
    assert_eq!(wa.text, "+62 812-3456-7890");
    assert_eq!(
        c.contact.email.as_deref(),
        Some("ekspor@disperindag.malukuprov.go.id")
    );
    assert_eq!(
        c.contact.address,
        Some(Text {
            id: "Jl. Pattimura No. 1, Ambon".into(),
            en: "Jl. Pattimura No. 1, Ambon, Indonesia".into()
        })
    );
    let theme = c.theme.as_ref().expect("theme");
    assert_eq!(
        theme.rgb,
        Rgb {
            r: 0x0b,
            g: 0x5d,
            b: 0x5a
        }
    );
    assert!((theme.contrast() - 7.70).abs() < 0.01);
    assert_eq!(c.language, Some(Lang::En));
    assert_eq!(c.bank, None);
    assert!(!c.contact.is_empty());
}

#[test]
fn minimal_config_is_the_widget_as_built() {
    assert_eq!(config::parse(r#"{"version": 1}"#), Ok(Config::default()));
    assert!(Config::default().contact.is_empty());
    // `null` means not set; a plain address is used in both languages; a
    // byte-order mark (Windows editors) is fine.
    let c = config::parse("\u{feff}{\"version\": 1, \"bank\": null, \"contact\": {\"address\": \" Jl. A, Ambon \", \"email\": null}}")
        .expect("valid");
    assert_eq!(
        c.contact.address,
        Some(Text {
            id: "Jl. A, Ambon".into(),
            en: "Jl. A, Ambon".into()
        })
    );
    assert_eq!(c.contact.email, None);
}

#[test]
fn valid_custom_bank_is_used() {
    let mut bank = builtin_bank_value();
    bank["questions"][0]["text"]["id"] = json!("Apakah usaha Anda sudah terdaftar di Dinas?");
    let mut file = common::full_config();
    file["bank"] = bank;
    let c = config::parse(&file.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    let custom = c.bank.expect("custom bank");
    assert_eq!(
        custom.questions[0].text.id,
        "Apakah usaha Anda sudah terdaftar di Dinas?"
    );
    assert_eq!(custom.questions.len(), Bank::builtin().questions.len());
    assert_ne!(&custom, Bank::builtin());
}

#[test]
fn bare_bank_reads_exactly_like_serde() {
    assert_eq!(config::parse_bank(BANK_JSON).as_ref(), Ok(Bank::builtin()));
    let mut bank = builtin_bank_value();
    bank["areas"][0]
        .as_object_mut()
        .expect("object")
        .remove("weight");
    let p = config::parse_bank(&bank.to_string()).expect_err("invalid");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "areas[0].weight");
    assert_eq!(
        id(&p[0]),
        "areas[0].weight: wajib ada, tetapi tidak ditemukan"
    );
}

#[test]
fn partial_keeps_what_passed() {
    let mut file = common::full_config();
    file["theme_color"] = json!("#ffcc00");
    let mut bank = builtin_bank_value();
    bank["version"] = json!(0);
    file["bank"] = bank;
    let (c, p) = config::parse_partial(&file.to_string());
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["theme_color", "bank.version"]);
    assert_eq!(c.theme, None);
    assert_eq!(c.bank, None, "falls back to the built-in bank");
    assert_eq!(
        c.organisation.name.as_deref(),
        Some("Dinas Perindag Provinsi Maluku")
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let p = problems(&with(json!({
        "theme_color": "#fff",
        "language": "fr",
        "contact": { "whatsapp": "12", "email": "x", "fax": "1" },
        "organisation": { "logo": "https://x.id/l.png", "name": "" },
        "extra": true
    })));
    let mut paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "contact.email",
            "contact.fax",
            "contact.whatsapp",
            "extra",
            "language",
            "organisation.logo",
            "organisation.name",
            "theme_color"
        ]
    );
}

// ---- data-attributes ----

#[test]
fn attributes_valid() {
    let c = config::from_attributes(&[
        ("data-cek-siap-ekspor", ""),
        ("config", "/widget/config.json"),
        ("org-name", "Dinas Perindag Provinsi Maluku"),
        ("data-org-logo", "/assets/logo-dinas.png"),
        ("whatsapp", "0812 3456 7890"),
        ("email", "ekspor@disperindag.malukuprov.go.id"),
        ("address", "Jl. Pattimura No. 1, Ambon"),
        ("theme", "#1a5fb4"),
        ("lang", "id"),
    ])
    .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        c.organisation.name.as_deref(),
        Some("Dinas Perindag Provinsi Maluku")
    );
    assert_eq!(
        c.organisation.logo.as_deref(),
        Some("/assets/logo-dinas.png")
    );
    assert_eq!(
        c.contact.whatsapp.map(|w| w.digits).as_deref(),
        Some("6281234567890")
    );
    assert_eq!(
        c.contact.address.map(|a| a.en).as_deref(),
        Some("Jl. Pattimura No. 1, Ambon")
    );
    assert_eq!(c.theme.map(|t| t.rgb), Rgb::from_hex("#1a5fb4"));
    assert_eq!(c.language, Some(Lang::Id));
    assert_eq!(config::from_attributes(&[]), Ok(Config::default()));
}

#[test]
fn attributes_invalid() {
    let p = config::from_attributes(&[
        ("data-colour", "#0b5d5a"),
        ("theme", "#ffcc00"),
        ("lang", "jv"),
        ("org-logo", "javascript:alert(1)"),
        ("data-lang", "en"),
        ("whatsapp", ""),
    ])
    .expect_err("invalid");
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data-colour",
            "data-theme",
            "data-lang",
            "data-org-logo",
            "data-lang",
            "data-whatsapp"
        ]
    );
    says(&p[0], &["data-theme, data-lang"], &["data-org-name"]);
    assert_eq!(
        id(&p[1]),
        "data-theme: warna #ffcc00 terlalu terang untuk teks putih (kontras 1,5:1, minimal 4,5:1). Pilih warna yang lebih gelap."
    );
    assert_eq!(p[2].kind, ProblemKind::Language { found: "jv".into() });
    assert!(matches!(p[3].kind, ProblemKind::LogoScheme { .. }));
    assert_eq!(p[4].kind, ProblemKind::DuplicateAttribute);
    says(&p[4], &["dua kali"], &["twice"]);
    assert_eq!(p[5].kind, ProblemKind::Empty);

    let huge = "x".repeat(MAX_BYTES);
    let p = config::from_attributes(&[("org-logo", &huge)]).expect_err("too large");
    assert!(matches!(p[0].kind, ProblemKind::TooLarge { .. }));
}

// ---- robustness ----

#[test]
fn damaged_files_never_panic() {
    let mut file = common::full_config();
    file["bank"] = builtin_bank_value();
    let good = file.to_string();
    // Every cut of a valid file (on character boundaries, every 97th byte).
    for end in (0..good.len())
        .step_by(97)
        .filter(|&i| good.is_char_boundary(i))
    {
        let _ = config::parse(&good[..end]);
        let _ = config::parse_bank(&good[..end]);
    }
    for weird in [
        "null",
        "0",
        "\"\"",
        "{}",
        "{\"version\": 1e400}",
        "{\"version\": -1}",
        "{\"version\": 1.0}",
        "{\"version\": 1, \"bank\": []}",
        "{\"version\": 1, \"bank\": {}}",
        "{\"version\": 1, \"bank\": {\"questions\": 5}}",
        "{\"version\": 1, \"organisation\": {\"logo\": \"data:\"}}",
        "{\"version\": 1, \"organisation\": {\"logo\": \":\"}}",
        "{\"version\": 1, \"contact\": {\"whatsapp\": \"+\"}}",
        "{\"version\": 1, \"theme_color\": \"#ééé\"}",
    ] {
        let _ = config::parse(weird);
        let _ = config::parse_bank(weird);
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(only(&deep).kind, ProblemKind::Syntax { .. }));
    let deep_bank = format!(
        "{{\"version\": 1, \"bank\": {{\"when\": {}1{}}}}}",
        "{\"not\": ".repeat(100),
        "}".repeat(100)
    );
    let _ = config::parse(&deep_bank);
    // As deep as serde_json allows, inside a real bank.
    let mut when = json!({ "is": { "q": "nib", "any_of": ["belum"] } });
    for _ in 0..110 {
        when = json!({ "not": when });
    }
    let mut bank = builtin_bank_value();
    bank["rules"][0]["when"] = when;
    let c = config::parse(&json!({ "version": 1, "bank": bank }).to_string());
    assert!(c.is_ok_and(|c| c.bank.is_some()));
}

#[test]
fn every_message_starts_with_where() {
    let files = [
        with(json!({ "theme_color": "#fff", "language": "xx", "contact": { "whatsapp": "1" } })),
        with(json!({ "organisation": { "logo": "https://x.id/a.png", "name": "" }, "a": 1 })),
        r#"{"version": 3}"#.to_string(),
        "{".to_string(),
    ];
    for file in files {
        for p in problems(&file) {
            for lang in Lang::ALL {
                let m = p.message(lang);
                let head = match (&p.kind, p.path.as_str(), lang) {
                    (ProblemKind::Syntax { line, column, .. }, _, Lang::Id) => {
                        format!("Baris {line}, kolom {column}: ")
                    }
                    (ProblemKind::Syntax { line, column, .. }, _, Lang::En) => {
                        format!("Line {line}, column {column}: ")
                    }
                    (_, "", Lang::Id) => "berkas: ".to_string(),
                    (_, "", Lang::En) => "file: ".to_string(),
                    (_, path, _) => format!("{path}: "),
                };
                assert!(m.starts_with(&head), "{m}");
                assert!(m.len() > head.len() + 5, "{m}");
            }
        }
    }
}

#[test]
fn conditions_and_names_of_the_wrong_shape_list_the_choices() {
    let mut bank = builtin_bank_value();
    bank["rules"][0]["when"] = json!({});
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.rules[0].when");
    says(
        &p,
        &["harus objek dengan satu kunci dari (is, all, any, not, area_below, level_in), bukan objek"],
        &["must be an object with one key from (is, all, any"],
    );
    let mut bank = builtin_bank_value();
    bank["questions"][0]["kind"] = json!(1);
    let p = only(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.path, "bank.questions[0].kind");
    says(
        &p,
        &["harus salah satu dari (single, multi), bukan angka 1"],
        &["must be one of (single, multi), not the number 1"],
    );
}

#[test]
fn a_fraction_where_a_whole_number_belongs_is_quoted_as_written() {
    // Read through the bank's derived readers (`located.rs`), which say
    // what they found in serde_json's writing of the number.
    let mut bank = builtin_bank_value();
    bank["areas"][0]["weight"] = json!(1.5);
    let mut p = problems(&json!({ "version": 1, "bank": bank }).to_string());
    assert_eq!(p.len(), 1, "{p:#?}");
    let p = p.remove(0);
    assert_eq!(p.path, "bank.areas[0].weight");
    match &p.kind {
        ProblemKind::Mismatch { found, .. } => assert_eq!(found, &Found::Number("1.5".into())),
        other => panic!("{other:?}"),
    }
    says(&p, &["angka 1.5"], &["the number 1.5"]);
}
