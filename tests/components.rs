//! A Yew component only where it keeps state (a hook): one that keeps none is a plain function returning `Html`, since each component costs every page that shows it its own render and identity code (the language switch, "Mulai dari awal", intro, questions, review and chart as functions: owner's first load −3.0 KB brotli, docs/bytes.md).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

/// The name of each `#[component]` in `source` whose body calls no hook
/// (`use_…(`). A body ends at the first line that is a lone `}`, as
/// rustfmt writes a top-level function's end.
fn stateless_components(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[component]" {
            continue;
        }
        let signature = lines.next().unwrap_or_default();
        let name = signature
            .split("fn ")
            .nth(1)
            .and_then(|rest| rest.split('(').next())
            .unwrap_or(signature)
            .to_string();
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "}").collect();
        let calls_a_hook = body.iter().any(|l| {
            let code = l.split("//").next().unwrap_or_default();
            code.match_indices("use_").any(|(at, _)| {
                let rest = &code[at..];
                let before = code[..at].chars().next_back();
                let ident = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
                before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
                    && ident.is_some_and(|end| rest[end..].starts_with('('))
            })
        });
        if !calls_a_hook {
            found.push(name);
        }
    }
    found
}

#[test]
fn every_component_of_the_shell_keeps_state() {
    let mut found = Vec::new();
    for entry in fs::read_dir("src/ui").expect("src/ui") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let source = fs::read_to_string(&path).expect("a shell module");
            for name in stateless_components(&source) {
                found.push(format!("{}: {name}", path.display()));
            }
        }
    }
    found.sort();
    assert_eq!(
        found,
        Vec::<String>::new(),
        "a component that keeps no state: make it a function returning Html"
    );
}

#[test]
fn control_a_stateless_component_is_found_and_a_stateful_one_is_not() {
    let source = "\
#[component]
pub fn Banner(props: &BannerProps) -> Html {
    // use_state(…) in a comment is no hook
    html! { <p>{ props.text.clone() }</p> }
}

#[component]
pub fn Toggle(props: &ToggleProps) -> Html {
    let open = use_state(|| false);
    html! { <p>{ *open }</p> }
}

#[component]
fn Refused() -> Html {
    let reuse_it = misuse_of(1);
    html! {}
}
";
    assert_eq!(stateless_components(source), ["Banner", "Refused"]);
}
