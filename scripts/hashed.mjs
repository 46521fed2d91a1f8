// The one test of "this file's name carries a hash of its content" (trunk's
// -0123…cdef.js, _bg.wasm, .css, .svg): such a file never changes, so
// scripts/serve.mjs lets browsers cache it for a year, and the service
// worker (assets/sw-template.js, filled in by scripts/sw.mjs) takes its
// precache copy from the HTTP cache instead of downloading it again.
export const HASHED = /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css|svg)$/;
