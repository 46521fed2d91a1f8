// The one test of "this file's name carries a hash of its content" (trunk's
// -0123…cdef.js, _bg.wasm, .css, .svg): such a file never changes, so
// scripts/serve.mjs lets browsers cache it for a year, and the service
// worker (assets/sw-template.js, filled in by scripts/sw.mjs) takes its
// precache copy from the HTTP cache instead of downloading it again.
//
// Trunk writes the hash as `{hash:x}`, a u64 in hex without its leading
// zeros: 16 digits mostly, 15 one build in 16, fewer more rarely (a build
// of the owner's glue came out as `cek-siap-ekspor-591a42e9e3f75ff.js`).
// Twelve digits or more is a hash (five leading zeros: one build in a
// million); fewer could be a word of hex letters (`widget-baca.js`).
export const HASH = '[0-9a-f]{12,16}';
export const HASHED = new RegExp(`-${HASH}(_bg)?\\.(js|wasm|css|svg)$`);
