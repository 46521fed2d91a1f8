//! Cek Siap Ekspor: an export-readiness self-assessment for Indonesian UMKM.
//!
//! `assessment` is the pure core (the `cek-core` crate in crates/core); `ui` is the Yew shell around it. See
//! ARCHITECTURE.md for the map and the rules each part keeps.

/// The pure core (crates/core), under the name the shell has always used.
pub use cek_core as assessment;
pub mod ui;

/// The allocator: talc instead of Rust's default (docs/bytes.md).
// SAFETY: every wasm of this crate runs on the browser's one main thread
// (no threads, no shared memory), which is what `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
