//! Cek Siap Ekspor: an export-readiness self-assessment for Indonesian UMKM.
//!
//! `assessment` is the pure core (the `cek-core` crate in crates/core); `ui` is the Yew shell around it. See
//! ARCHITECTURE.md for the map and the rules each part keeps.

/// The pure core (crates/core), under the name the shell has always used.
pub use cek_core as assessment;
pub mod ui;
