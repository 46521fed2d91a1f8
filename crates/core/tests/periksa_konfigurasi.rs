//! The `periksa-konfigurasi` command a ministry web team runs: exit 0 with a one-line summary when valid, 1 with the widget's own messages when not, 2 when it cannot read the file or is used wrongly.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use cek_core::bank::Lang;
use cek_core::config;

const BANK_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/bank.json");

/// A file in the temp folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &[u8]) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "periksa-konfigurasi-{}-{}.json",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, contents).expect("write temp file");
        TempFile(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_periksa-konfigurasi"))
        .args(args)
        .output()
        .expect("run periksa-konfigurasi")
}

fn stdout(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

const VALID: &str = r##"{
  "version": 1,
  "organisation": { "name": "Dinas Perindag Provinsi Maluku", "logo": "/assets/logo-dinas.png" },
  "contact": { "whatsapp": "0812 3456 7890", "email": "ekspor@disperindag.malukuprov.go.id" },
  "theme_color": "#0b5d5a",
  "language": "id"
}"##;

const INVALID: &str = r##"{
  "version": 1,
  "organisation": { "name": "", "logo": "https://cdn.example.com/logo.png" },
  "contact": { "whatsapp": "0812-abc" },
  "theme_color": "#ffcc00",
  "warna": "hijau"
}"##;

#[test]
fn valid_config_exits_0_with_a_summary() {
    let file = TempFile::new(VALID.as_bytes());
    let out = run(&[file.arg()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let lines = stdout(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("Konfigurasi valid: Dinas Perindag Provinsi Maluku"),
        "{lines:?}"
    );
    assert!(lines[0].contains("bank bawaan"), "{lines:?}");

    let out = run(&[file.arg(), "--en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out)[0].starts_with("Valid configuration: Dinas Perindag"));
}

#[test]
fn invalid_config_exits_1_with_the_widgets_messages() {
    let file = TempFile::new(INVALID.as_bytes());
    let problems = config::parse(INVALID).expect_err("invalid");
    assert_eq!(problems.len(), 5, "{problems:#?}");
    for (flag, lang) in [(None, Lang::Id), (Some("--en"), Lang::En)] {
        let mut args = vec![file.arg()];
        args.extend(flag);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let expected: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
        assert_eq!(stdout(&out), expected);
    }
}

#[test]
fn builtin_bank_file_is_checked_as_a_bank() {
    let out = run(&[BANK_PATH]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let lines = stdout(&out);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("Bank pertanyaan valid: "), "{lines:?}");
}

#[test]
fn broken_bank_file_exits_1_with_paths_from_its_root() {
    let mut bank: serde_json::Value =
        serde_json::from_str(include_str!("../src/engine/bank.json")).expect("JSON");
    bank["questions"][0]["text"]
        .as_object_mut()
        .expect("object")
        .remove("en");
    let file = TempFile::new(bank.to_string().as_bytes());
    let out = run(&[file.arg(), "--en"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        stdout(&out),
        ["questions[0].text.en: is required but missing"]
    );
}

#[test]
fn invalid_json_reports_line_and_column() {
    let file = TempFile::new(b"{\n  \"version\": 1,\n}");
    let out = run(&[file.arg()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("Baris 3, kolom 1: format JSON salah"),
        "{lines:?}"
    );
}

#[test]
fn oversized_and_non_utf8_files_are_invalid() {
    let file = TempFile::new(&vec![b' '; config::MAX_BYTES + 10]);
    let out = run(&[file.arg()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out)[0].starts_with("berkas: ukuran 257 KB"),
        "{out:?}"
    );

    let file = TempFile::new(b"\xff\xfe{\0}\0");
    let out = run(&[file.arg(), "--en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out)[0].contains("UTF-8"), "{out:?}");
}

#[test]
fn missing_file_and_wrong_usage_exit_2() {
    let out = run(&["/tidak/ada/konfigurasi.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Tidak bisa membaca /tidak/ada/konfigurasi.json"),
        "{err}"
    );

    for args in [&[][..], &["a.json", "b.json"], &["--verbose", "a.json"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("Pemakaian: "));
    }
    let out = run(&["--help", "--en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out)[0].starts_with("Usage: periksa-konfigurasi"));
}
