//! `periksa-konfigurasi`: checks a widget configuration or a question-bank file for a ministry web team, with the same messages the widget shows; exit 0 valid, 1 invalid, 2 usage or unreadable file.
//!
//! `cargo run --bin periksa-konfigurasi -- FILE.json [--en]`

use std::io::Read;
use std::process::ExitCode;

use cek_core::bank::{Bank, Lang};
use cek_core::config::{self, Config, ConfigProblem, ProblemKind, MAX_BYTES};

const USAGE_ID: &str = "Pemakaian: periksa-konfigurasi BERKAS.json [--en]\n\
    Memeriksa konfigurasi widget atau bank pertanyaan (berkas dengan \"questions\").\n\
    Keluar 0 bila valid, 1 bila tidak valid, 2 bila salah pakai atau berkas tak terbaca.";
const USAGE_EN: &str = "Usage: periksa-konfigurasi FILE.json [--en]\n\
    Checks a widget configuration or a question bank (a file with \"questions\").\n\
    Exits 0 when valid, 1 when invalid, 2 on wrong usage or an unreadable file.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = if args.iter().any(|a| a == "--en") {
        Lang::En
    } else {
        Lang::Id
    };
    let usage = lang.pick(USAGE_ID, USAGE_EN);
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{usage}");
        return ExitCode::SUCCESS;
    }
    let mut files = Vec::new();
    let mut after_dashes = false;
    for arg in &args {
        match arg.as_str() {
            "--" if !after_dashes => after_dashes = true,
            "--en" | "--id" if !after_dashes => {}
            flag if flag.starts_with('-') && flag.len() > 1 && !after_dashes => {
                let said = lang.pick(
                    format!("Pilihan tidak dikenal: {flag}"),
                    format!("Unknown option: {flag}"),
                );
                return usage_error(&said, usage);
            }
            file => files.push(file),
        }
    }
    let [file] = files.as_slice() else {
        let said = lang.pick("Sebutkan tepat satu berkas.", "Name exactly one file.");
        return usage_error(said, usage);
    };

    let text = match read(file) {
        Ok(Contents::Text(text)) => text,
        Ok(Contents::TooLarge(bytes)) => {
            let problem = ConfigProblem {
                path: String::new(),
                kind: ProblemKind::TooLarge { bytes },
            };
            return invalid(&[problem], lang);
        }
        Ok(Contents::NotUtf8(at)) => {
            let at = at + 1;
            println!(
                "{}",
                lang.pick(
                    format!("berkas: bukan teks UTF-8 (byte ke-{at}); simpan ulang sebagai UTF-8"),
                    format!("file: not UTF-8 text (byte {at}); save it again as UTF-8"),
                )
            );
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!(
                "{}",
                lang.pick(
                    format!("Tidak bisa membaca {file}: {e}"),
                    format!("Cannot read {file}: {e}"),
                )
            );
            return ExitCode::from(2);
        }
    };

    match config::parse(&text) {
        Ok(config) => {
            println!("{}", config_summary(&config, lang));
            ExitCode::SUCCESS
        }
        // The same test the widget uses to say "this is a bank": then check it as one.
        Err(problems) if matches!(problems.as_slice(), [p] if p.kind == ProblemKind::BankNotConfig) => {
            match config::parse_bank(&text) {
                Ok(bank) => {
                    println!("{}", bank_summary(&bank, lang));
                    ExitCode::SUCCESS
                }
                Err(problems) => invalid(&problems, lang),
            }
        }
        Err(problems) => invalid(&problems, lang),
    }
}

fn usage_error(said: &str, usage: &str) -> ExitCode {
    eprintln!("{said}\n\n{usage}");
    ExitCode::from(2)
}

/// One problem a line on stdout, exactly as the widget words it; the count
/// on stderr.
fn invalid(problems: &[ConfigProblem], lang: Lang) -> ExitCode {
    for p in problems {
        println!("{}", p.message(lang));
    }
    let n = problems.len();
    if lang == Lang::Id {
        eprintln!(
            "Tidak valid: {n} masalah. Widget akan menampilkan pesan ini dan memakai bank bawaan."
        );
    } else {
        eprintln!("Invalid: {n} problem(s). The widget will show these messages and use the built-in bank.");
    }
    ExitCode::from(1)
}

enum Contents {
    Text(String),
    TooLarge(usize),
    /// The offset (from 0) of the first byte that isn't UTF-8.
    NotUtf8(usize),
}

/// Reads at most one byte past the limit, so a huge file is never loaded.
fn read(path: &str) -> std::io::Result<Contents> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > MAX_BYTES {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        return Ok(Contents::TooLarge(size.max(bytes.len())));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Contents::Text(text)),
        Err(e) => Ok(Contents::NotUtf8(e.utf8_error().valid_up_to())),
    }
}

fn config_summary(config: &Config, lang: Lang) -> String {
    let mut parts = Vec::new();
    parts.push(match &config.organisation.name {
        Some(name) => name.clone(),
        None if lang == Lang::Id => "tanpa nama organisasi".into(),
        None => "no organisation name".into(),
    });
    if config.organisation.logo.is_some() {
        parts.push("logo".into());
    }
    let c = &config.contact;
    let contact: Vec<&str> = [
        (c.whatsapp.is_some(), "WhatsApp"),
        (c.email.is_some(), "email"),
        (c.address.is_some(), lang.pick("alamat", "address")),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    if !contact.is_empty() {
        let label = lang.pick("kontak", "contact");
        parts.push(format!("{label}: {}", contact.join(", ")));
    }
    if let Some(theme) = &config.theme {
        let ratio = format!("{:.1}", theme.contrast());
        parts.push(lang.pick(
            format!(
                "warna {} (kontras {}:1)",
                theme.text,
                ratio.replace('.', ",")
            ),
            format!("colour {} (contrast {ratio}:1)", theme.text),
        ));
    }
    if let Some(language) = config.language {
        let label = lang.pick("bahasa", "language");
        parts.push(format!("{label}: {}", language.code()));
    }
    let questions = config.bank.as_ref().map(|b| b.questions.len());
    parts.push(match (questions, lang == Lang::Id) {
        (Some(n), true) => format!("bank sendiri: {n} pertanyaan"),
        (Some(n), false) => format!("custom bank: {n} questions"),
        (None, true) => "bank bawaan".into(),
        (None, false) => "built-in bank".into(),
    });
    let head = lang.pick("Konfigurasi valid", "Valid configuration");
    format!("{head}: {}.", parts.join("; "))
}

fn bank_summary(bank: &Bank, lang: Lang) -> String {
    let (q, a, r, v) = (
        bank.questions.len(),
        bank.areas.len(),
        bank.rules.len(),
        bank.version,
    );
    lang.pick(
        format!("Bank pertanyaan valid: {q} pertanyaan, {a} bidang, {r} aturan (versi {v})."),
        format!("Valid question bank: {q} questions, {a} areas, {r} rules (version {v})."),
    )
}
