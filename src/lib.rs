//! Cek Siap Ekspor: an export-readiness self-assessment for Indonesian UMKM.
//!
//! `assessment` is the pure core; `ui` is the Yew shell around it. See
//! ARCHITECTURE.md for the map and the rules each part keeps.

pub mod assessment;
pub mod ui;
