//! The configuration reader: a host's JSON configuration file in, the bytes of `cek_core::config::reading` out. A wasm of its own, so the widget's first load carries no JSON configuration reader (docs/bytes.md).
//!
//! The widget's `widget-baca.js` loads it on the first configuration file a
//! host names; data-attributes are read by the widget itself.

use wasm_bindgen::prelude::*;

/// The allocator: talc, as in the widget (docs/bytes.md).
// SAFETY: the reader runs on the page's one main thread (no threads, no
// shared memory), which is what `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// Every check of `cek_core::config::parse_partial`, and what passed.
#[wasm_bindgen]
pub fn read_config(json: &str) -> Vec<u8> {
    let (config, problems) = cek_core::config::parse_partial(json);
    cek_core::config::reading::encode(&config, &problems)
}
