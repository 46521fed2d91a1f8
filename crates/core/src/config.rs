//! The widget's configuration from a host site (a JSON file or data-attributes): its versioned schema, every check with the path it fails at, and messages in both languages that a ministry web team can act on (docs/konfigurasi.md).
//!
//! `schema` (the fields) ← `problem` (kinds, messages, paths) ← `fields`
//! (single-field checks) and `located` (serde errors with exact paths) ←
//! `parse` (the readers) ← `reading` (what the configuration reader, a wasm
//! of its own, hands the widget). Nothing imports this file back.

mod fields;
mod located;
mod parse;
mod problem;
pub mod reading;
mod schema;

pub use parse::{from_attributes, from_attributes_partial, parse, parse_bank, parse_partial};
pub use problem::{ConfigProblem, Expected, Found, ProblemKind};
pub use schema::*;
