//! Result codes and routes: the kode hasil and its checksum, what a URL
//! fragment points at, answers carried from a widget, and the archive of
//! released banks a code is read with.

pub mod archive;
pub mod code;
pub mod crc;
pub mod history;
pub mod resume;
pub mod route;
