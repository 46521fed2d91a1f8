//! The import graph: no module of the core imports one that imports it back, nothing in the core imports through the crate root, and no browser adapter of the shell reaches a screen.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module path (`engine::bank`, `` for the crate root) → the modules it imports.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Rust source with comments, strings and char literals blanked out (newlines
/// kept), so a path written in a doc comment or a message is not an import.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
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
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(at(i + 1), '"' | '#') && !is_ident(at(i.wrapping_sub(1))) {
            let mut hashes = 0;
            i += 1;
            while at(i) == '#' {
                hashes += 1;
                i += 1;
            }
            if at(i) != '"' {
                continue; // r#ident
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#') {
                    i += 1 + hashes;
                    break;
                }
                if chars[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if at(i) == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && at(i + 1) == '\\' {
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && at(i + 2) == '\'' {
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The source without its `#[cfg(test)]` module (kept last in every file):
/// unit tests may import what they like.
fn shipped(code: &str) -> &str {
    code.find("#[cfg(test)]").map_or(code, |at| &code[..at])
}

/// The `a::b::c` path that starts at byte `start` of `code`.
fn path_at(code: &str, start: usize) -> Vec<&str> {
    let rest = &code[start..];
    let end = rest
        .find(|c: char| !(is_ident(c) || c == ':'))
        .unwrap_or(rest.len());
    rest[..end].split("::").filter(|s| !s.is_empty()).collect()
}

/// The modules `module` (with its declared `children`) imports, out of `known`:
/// `crate::…`, `super::…`, `self::…` and a child's name, each resolved to the
/// longest known module the path names.
fn imports(
    module: &str,
    children: &[String],
    code: &str,
    known: &BTreeSet<String>,
) -> BTreeSet<String> {
    let here: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let starts_word =
            i == 0 || !(word(bytes[i - 1]) || bytes[i - 1] == b':' || bytes[i - 1] >= 0x80);
        if !starts_word || !word(bytes[i]) {
            i += 1;
            continue;
        }
        let path = path_at(code, i);
        let step = path.iter().map(|s| s.len()).sum::<usize>().max(1);
        // `pub(crate)` and `self.x` are not paths; `super::{A, B}` is.
        if path.len() == 1 && !code[i + step..].starts_with("::") {
            i += step;
            continue;
        }
        let mut base: Vec<&str> = match path.first().copied() {
            Some("crate") => vec![],
            Some("super") => here[..here.len().saturating_sub(1)].to_vec(),
            Some("self") => here.clone(),
            Some(name) if children.iter().any(|c| c == name) && path.len() > 1 => {
                let mut b = here.clone();
                b.push(name);
                found.insert(b.join("::"));
                i += step;
                continue;
            }
            _ => {
                i += step;
                continue;
            }
        };
        // `super::super::x`
        let mut rest = &path[1..];
        while rest.first() == Some(&"super") {
            base.pop();
            rest = &rest[1..];
        }
        let mut target = base.join("::");
        for part in rest {
            let longer = if target.is_empty() {
                part.to_string()
            } else {
                format!("{target}::{part}")
            };
            if known.contains(&longer) {
                target = longer;
            } else {
                break;
            }
        }
        if target != module {
            found.insert(target);
        }
        i += step;
    }
    found
}

/// Every `.rs` file under `dir`, with its module path (`mod.rs` and the
/// crate's `lib.rs` name their folder). `bin/` holds other crates.
fn module_files(src: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("bin") {
                module_files(src, &path, out);
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        out.insert(parts.join("::"), path);
    }
}

/// The import graph of the crate whose sources are in `src`.
fn crate_graph(src: &Path) -> Graph {
    let mut files = BTreeMap::new();
    module_files(src, src, &mut files);
    let known: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, path)| {
            let children: Vec<String> = known
                .iter()
                .filter_map(|m| {
                    let rest = if module.is_empty() {
                        Some(m.as_str())
                    } else {
                        m.strip_prefix(&format!("{module}::"))
                    };
                    rest.filter(|r| !r.is_empty() && !r.contains("::"))
                        .map(String::from)
                })
                .collect();
            let code = code_only(&fs::read_to_string(path).unwrap());
            (
                module.clone(),
                imports(module, &children, shipped(&code), &known),
            )
        })
        .collect()
}

/// One loop of imports (`[a, b, a]`), if the graph has any.
fn find_loop(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        m: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_string());
        for next in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(g, next, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(graph, m, &mut Vec::new(), &mut done))
}

/// Everything `from` reaches by imports, itself excluded.
fn reachable(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        for next in graph.get(&m).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen.remove(from);
    seen
}

fn core_graph() -> Graph {
    crate_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src"))
}

#[test]
fn no_module_of_the_core_imports_one_that_imports_it_back() {
    let graph = core_graph();
    // The graph is really read: a few imports every version of the core has.
    for (from, to) in [
        ("engine::plan", "engine::score"),
        ("codes::code", "engine::bank"),
        ("cohort", "codes::archive"),
    ] {
        assert!(
            graph[from].contains(to),
            "{from} → {to} missing: {graph:#?}"
        );
    }
    assert!(graph.len() >= 19, "{graph:#?}");
    assert_eq!(find_loop(&graph), None, "an import loop in crates/core");
}

/// The crate root only re-exports, for the shell; a module that imported
/// through it would depend on every room at once.
#[test]
fn no_module_of_the_core_imports_through_the_crate_root() {
    let graph = core_graph();
    let through_root: Vec<&String> = graph
        .iter()
        .filter(|(m, to)| !m.is_empty() && to.contains(""))
        .map(|(m, _)| m)
        .collect();
    assert!(
        through_root.is_empty(),
        "import by the room instead: {through_root:?}"
    );
}

#[test]
fn control_a_loop_and_each_kind_of_path_are_found() {
    let known: BTreeSet<String> = [
        "",
        "engine",
        "engine::bank",
        "engine::cond",
        "engine::score",
        "config",
        "config::located",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let source = r#"
        //! Mentions crate::config in a comment, and "super::bank" in a string.
        use super::bank::Bank;
        use crate::engine::score::{AreaResult, Engine};
        fn f() -> &'static str { let _c = '"'; "crate::config::located" }
        #[cfg(test)]
        mod tests { use crate::config::located; }
    "#;
    let code = code_only(source);
    assert_eq!(
        imports("engine::cond", &[], shipped(&code), &known),
        BTreeSet::from(["engine::bank".to_string(), "engine::score".to_string()])
    );
    assert_eq!(
        imports(
            "config",
            &["located".to_string()],
            "fn g() { located::read(); }",
            &known
        ),
        BTreeSet::from(["config::located".to_string()])
    );
    assert_eq!(
        imports(
            "config::located",
            &[],
            "use super::{Expected, Found};",
            &known
        ),
        BTreeSet::from(["config".to_string()])
    );
    assert_eq!(
        imports("engine::bank", &[], "use crate::Lang;", &known),
        BTreeSet::from(["".to_string()])
    );

    let graph: Graph = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a", "d"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_loop(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let mut without = graph.clone();
    without.get_mut("c").unwrap().remove("a");
    assert_eq!(find_loop(&without), None);
    assert_eq!(
        reachable(&without, "a"),
        BTreeSet::from(["b".into(), "c".into(), "d".into()])
    );
}

/// The shell's browser adapters: thin wrappers of one browser concern each.
const ADAPTERS: &[&str] = &[
    "ui::storage",
    "ui::place",
    "ui::clipboard",
    "ui::download",
    "ui::embed",
    "ui::pwa",
    "ui::banks",
    "ui::crash",
    "ui::camera",
];
/// The shell's screens and their parts.
const SCREENS: &[&str] = &[
    "ui",
    "ui::intro",
    "ui::question",
    "ui::review",
    "ui::result",
    "ui::chart",
    "ui::share",
    "ui::trainer",
    "ui::carry",
    "ui::parts",
    "ui::hosted",
    "ui::scan",
    "ui::checklist",
    "ui::history",
];

/// Screens call adapters, never the other way round: no adapter reaches a
/// screen, even through another module.
#[test]
fn no_adapter_of_the_shell_reaches_a_screen() {
    let graph = crate_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for m in ADAPTERS.iter().chain(SCREENS) {
        assert!(
            graph.contains_key(*m),
            "{m} is not a module of the shell: {:?}",
            graph.keys()
        );
    }
    assert!(
        graph["ui::result"].contains("ui::storage"),
        "the graph is read"
    );
    for adapter in ADAPTERS {
        let screens: Vec<String> = reachable(&graph, adapter)
            .into_iter()
            .filter(|m| SCREENS.contains(&m.as_str()))
            .collect();
        assert!(
            screens.is_empty(),
            "{adapter} reaches the screens {screens:?}"
        );
    }
}
