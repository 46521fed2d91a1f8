// The widget's configuration reader, loaded on the first JSON configuration
// file a host names; data-attributes need no reader. The widget's wasm calls
// cekBacaKonfigurasi(text) and gets the bytes of cek_core::config::reading
// (a Uint8Array); a reader that does not load rejects the promise, and the
// widget says so. scripts/reader.mjs writes this file into the build as
// widget-baca.js, with the reader's hashed file names in place of the marks.
'use strict';
// A download that never ends (a stalled connection) must not hold the widget:
// the host's later messages wait behind the file being read. After this long
// the read fails as a failed download does (the reader is 60 KB: about 10 s
// on a 50 kbit/s connection).
const WAIT_MS = 20000;
let reader;
self.cekBacaKonfigurasi = async (text) => {
  reader ??= Promise.race([
    import('./__READER_JS__').then(async (m) => {
      await m.default({ module_or_path: '__READER_WASM__' });
      return m;
    }),
    new Promise((_, reject) => {
      setTimeout(() => reject(new Error(`configuration reader not loaded after ${WAIT_MS} ms`)), WAIT_MS);
    }),
  ]);
  try {
    return (await reader).read_config(text);
  } catch (failure) {
    // Tried afresh on the next file, not stuck on one failed download.
    reader = undefined;
    throw failure;
  }
};
