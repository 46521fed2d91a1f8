//! Cek Siap Ekspor's pure core: every decision the user sees, as data and
//! functions, in four rooms by capability.
//!
//! - `engine`: the question bank, conditions, scoring, the plan, the flow
//!   of screens, saved progress and bank validation;
//! - `codes`: result codes (kode hasil), checksums, URL routes, answers
//!   carried from a widget, and the archive of released banks;
//! - `cohort`: a trainer's workshops (pelatihan);
//! - `config`: a host's widget configuration.
//!
//! Invariant: this crate depends on serde and serde_json only, so nothing
//! here can reach the browser (`tests/purity.rs` at the top level checks the
//! dependency tree). It runs the same natively and in the browser, so every
//! rule here is covered by fast native tests.
//!
//! The shell names modules by their short path (`cek_core::bank`,
//! `cek_core::code`): the re-exports below keep those paths, while modules
//! inside the core import each other by their room (`crate::engine::bank`),
//! never through this root (`tests/imports.rs`).

pub mod codes;
pub mod cohort;
pub mod config;
pub mod engine;

pub use codes::{archive, code, crc, resume, route};
pub use engine::{bank, cond, flow, json, pack, plan, progress, score, sort, validate};

pub use bank::{Bank, Kind, Lang, Question, Text};
pub use flow::{Action, Answers, Screen, State};
pub use plan::{Plan, Step};
pub use score::{AreaResult, Cost, Outcome};
