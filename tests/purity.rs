//! The core (crates/core, package `cek-core`) has no browser crate anywhere in its dependency tree, as `cargo metadata` resolves it, so the compiler itself keeps it pure.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// Packages of the browser shell: none may be reachable from the core.
const BROWSER_CRATES: &[&str] = &["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"];

/// Package name → the names of the packages it depends on (normal and build
/// dependencies on every target; dev-dependencies such as proptest never reach
/// what ships, so they are left out).
type Graph = BTreeMap<String, BTreeSet<String>>;

/// `cargo ARGS…` on the workspace, offline (nothing is downloaded at test time).
fn cargo(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The machine's own target triple, as cargo reports it.
fn host() -> String {
    let version = Command::new(env!("CARGO"))
        .arg("-vV")
        .output()
        .expect("cargo -vV");
    String::from_utf8_lossy(&version.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("cargo -vV names the host")
}

/// The workspace's resolved dependency graph for this machine's platform, read
/// from `cargo metadata`. (Resolving for wasm32 too would need its test-only
/// crates downloaded; the core's own declared dependencies, on every platform,
/// are checked by `the_core_declares_serde_only`.)
fn workspace_graph() -> Graph {
    let json = cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--filter-platform",
        &host(),
    ]);
    let meta: Value = serde_json::from_str(&json).expect("cargo metadata prints JSON");
    let name_of: BTreeMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let mut graph = Graph::new();
    for node in meta["resolve"]["nodes"].as_array().expect("resolve.nodes") {
        let from = name_of[node["id"].as_str().unwrap()].to_string();
        let deps = graph.entry(from).or_default();
        for dep in node["deps"].as_array().expect("deps") {
            let shipped = dep["dep_kinds"]
                .as_array()
                .expect("dep_kinds")
                .iter()
                .any(|k| k["kind"].as_str() != Some("dev"));
            if shipped {
                deps.insert(name_of[dep["pkg"].as_str().unwrap()].to_string());
            }
        }
    }
    graph
}

/// Every browser crate reachable from `root`, with one path that reaches it.
fn browser_crates_under(graph: &Graph, root: &str) -> BTreeMap<String, Vec<String>> {
    let mut found = BTreeMap::new();
    let mut seen = BTreeSet::from([root.to_string()]);
    let mut queue = vec![vec![root.to_string()]];
    while let Some(path) = queue.pop() {
        let last = path.last().unwrap();
        if BROWSER_CRATES.contains(&last.as_str()) {
            found.entry(last.clone()).or_insert_with(|| path.clone());
        }
        for dep in graph.get(last).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                let mut longer = path.clone();
                longer.push(dep.clone());
                queue.push(longer);
            }
        }
    }
    found
}

#[test]
fn the_core_has_no_browser_crate_in_its_dependency_tree() {
    let graph = workspace_graph();
    let found = browser_crates_under(&graph, "cek-core");
    assert!(
        found.is_empty(),
        "the core must not depend on a browser crate; found: {found:?}"
    );
    assert_eq!(
        graph
            .get("cek-core")
            .map(|d| d.iter().cloned().collect::<Vec<_>>()),
        Some(vec!["serde".to_string(), "serde_json".to_string()]),
        "the core depends on serde and serde_json only"
    );
}

/// What crates/core/Cargo.toml declares, on every platform and of every kind:
/// serde and serde_json to ship, proptest for native tests, nothing else.
#[test]
fn the_core_declares_serde_only() {
    let json = cargo(&["metadata", "--format-version", "1", "--no-deps"]);
    let meta: Value = serde_json::from_str(&json).expect("JSON");
    let core = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "cek-core")
        .expect("cek-core is a workspace member");
    let mut declared: Vec<(String, String)> = core["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let kind = d["kind"].as_str().unwrap_or("normal").to_string();
            (d["name"].as_str().unwrap().to_string(), kind)
        })
        .collect();
    declared.sort();
    assert_eq!(
        declared,
        [
            ("proptest", "dev"),
            ("serde", "normal"),
            ("serde_json", "normal")
        ]
        .map(|(n, k)| (n.to_string(), k.to_string()))
    );
}

/// Control: the same check, run on the web crate, finds every browser crate,
/// so an empty answer for the core means something.
#[test]
fn the_same_check_finds_the_browser_crates_of_the_web_app() {
    let graph = workspace_graph();
    assert!(graph["cek-siap-ekspor"].contains("cek-core"));
    let found = browser_crates_under(&graph, "cek-siap-ekspor");
    assert_eq!(
        found.keys().map(String::as_str).collect::<Vec<_>>(),
        ["gloo", "js-sys", "wasm-bindgen", "web-sys", "yew"]
    );
    assert_eq!(found["yew"], ["cek-siap-ekspor", "yew"]);
}

/// Control: a browser crate pulled in indirectly, through a pure-looking
/// crate, is found too (as `use crate::ui::…` or an alias would have slipped
/// past the text scan this test replaces).
#[test]
fn an_indirect_browser_crate_is_found_with_its_path() {
    let graph: Graph = [
        ("core", vec!["serde", "helper"]),
        ("helper", vec!["gloo-utils-shim"]),
        ("gloo-utils-shim", vec!["web-sys"]),
        ("serde", vec![]),
        ("web-sys", vec!["js-sys"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let found = browser_crates_under(&graph, "core");
    assert_eq!(
        found["web-sys"],
        ["core", "helper", "gloo-utils-shim", "web-sys"]
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(browser_crates_under(&graph, "serde").is_empty());
}
