//! The assessment core: question bank, scoring, recommendations and the
//! flow of screens, as pure data and functions.
//!
//! Invariant: nothing under `src/assessment/` imports yew, web-sys, gloo or
//! wasm-bindgen (checked by `tests/purity.rs`). It runs the same natively and
//! in the browser, so every rule here is covered by fast native tests.

pub mod archive;
pub mod bank;
pub mod checklist;
pub mod code;
pub mod cohort;
pub mod cond;
pub mod config;
pub mod crc;
pub mod flow;
pub mod history;
pub mod json;
pub mod pack;
pub mod plan;
pub mod progress;
pub mod resume;
pub mod route;
pub mod score;
pub mod sort;
pub mod validate;

pub use bank::{Bank, Kind, Lang, Question, Text};
pub use flow::{Action, Answers, Screen, State};
pub use plan::{Plan, Step};
pub use score::{AreaResult, Cost, Outcome};
