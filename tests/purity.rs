//! The core under src/assessment/ never uses yew, web-sys, gloo, wasm-bindgen or js-sys, so it runs and is tested natively.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Crates of the browser shell, as they are written in Rust paths.
const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

/// The lines (1-based) and crate names where Rust code mentions a browser
/// crate: in a `use`, a path such as `yew::html!` or `::gloo::`, an
/// attribute such as `#[wasm_bindgen]`, or `extern crate`. Comments, doc
/// comments, strings and char literals are skipped, and so are longer
/// identifiers such as `yewtree`.
fn browser_mentions(source: &str) -> Vec<(usize, &'static str)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            // Block comments nest in Rust.
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || (at(i + 1) == '#' && matches!(at(i + 2), '"' | '#')))
            && !is_ident(at(i.wrapping_sub(1)))
        {
            // Raw string: r"…", r#"…"#, r##"…"##.
            let mut hashes = 0;
            i += 1;
            while at(i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1; // the opening quote
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#') {
                    i += 1 + hashes;
                    break;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if at(i) == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '"') is skipped; a lifetime ('a) is not one.
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if is_ident_start(c) {
            let mut start = i;
            // A raw identifier (`r#yew`) is the identifier after `r#`.
            if c == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
                start = i + 2;
                i += 2;
            }
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some(name) = BROWSER_CRATES.iter().find(|n| **n == word) {
                found.push((line, *name));
            }
        } else {
            i += 1;
        }
    }
    found
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_never_mentions_browser_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = root.join("src").join("assessment");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("score.rs")) && files.len() >= 8,
        "expected the core's files under {}, found {files:?}",
        core.display()
    );
    let mut offences = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let shown = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        for (line, name) in browser_mentions(&source) {
            let text = source.lines().nth(line - 1).unwrap_or("").trim();
            offences.push(format!("{shown}:{line}: uses `{name}`: {text}"));
        }
    }
    assert!(
        offences.is_empty(),
        "the core must stay free of browser crates:\n{}",
        offences.join("\n")
    );
}

#[test]
fn matcher_catches_uses_and_paths() {
    let caught = |src: &str| {
        browser_mentions(src)
            .into_iter()
            .map(|(_, n)| n)
            .collect::<Vec<_>>()
    };
    assert_eq!(caught("use yew::prelude::*;"), ["yew"]);
    assert_eq!(caught("let view = yew::html! { <p/> };"), ["yew"]);
    assert_eq!(
        caught("let s = ::gloo::storage::LocalStorage::get(\"k\");"),
        ["gloo"]
    );
    assert_eq!(caught("use web_sys::window;"), ["web_sys"]);
    assert_eq!(
        caught("#[wasm_bindgen]\npub fn start() {}"),
        ["wasm_bindgen"]
    );
    assert_eq!(caught("use js_sys as js;"), ["js_sys"]);
    assert_eq!(caught("extern crate gloo;"), ["gloo"]);
    assert_eq!(caught("use r#yew::prelude;"), ["yew"]);
    assert_eq!(caught("use {serde::Serialize, yew::Html};"), ["yew"]);
    assert_eq!(caught("fn f() -> &'static str { yew::NAME }"), ["yew"]);
    assert_eq!(caught("let c = '\"'; use gloo::console;"), ["gloo"]);
    assert_eq!(
        caught("let a = 1;\n\nuse yew::prelude::*;"),
        ["yew"],
        "the line is reported"
    );
    assert_eq!(
        browser_mentions("let a = 1;\n\nuse yew::prelude::*;")[0].0,
        3
    );
    assert_eq!(
        browser_mentions("/* one\ntwo */\n  gloo::utils::window();")[0].0,
        3
    );
}

#[test]
fn matcher_ignores_comments_strings_and_longer_names() {
    for clean in [
        "//! nothing under src/assessment/ imports yew, web-sys, gloo or wasm-bindgen",
        "/// See `yew::html!` in the shell.",
        "// use yew::prelude::*;",
        "/* use gloo::storage; /* nested web_sys */ still comment */",
        "let s = \"yew::html!\";",
        "let s = \"a \\\" yew::x\";",
        "let s = r#\"use gloo::x; \"quoted\" \"#;",
        "let yewtree = 1; let my_gloo = 2; let gloomy = 3;",
        "fn f<'a>(x: &'a str) -> &'a str { x }",
    ] {
        assert_eq!(browser_mentions(clean), Vec::new(), "{clean}");
    }
}
