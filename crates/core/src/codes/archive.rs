//! The question banks that have shipped, frozen forever: their versions,
//! fingerprints and release days, where a page finds the bank a result code
//! was made with, and the `Library` of banks a trainer's dashboard reads
//! codes against.
//!
//! Every released bank is kept byte for byte in `banks/bank-vN.json` and
//! served beside the app, so an old result opens in every later version with
//! the answers, scores, level and next step it showed when it was made. Only
//! the current bank is built into the app; an older one is fetched when a
//! code needs it (README: "Releasing a new version of the questions").

use super::code::{self, CodeError, Header, Read};
use crate::engine::bank::Bank;
use crate::engine::flow::Day;
use crate::engine::score::Engine;

/// One released bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Released {
    pub version: u32,
    /// `Bank::fingerprint` of that version; pinned by `tests/archive.rs`.
    pub fingerprint: u32,
    /// The day it shipped, for "Hasil ini memakai pertanyaan versi 1, …".
    pub released: (u16, u8, u8),
    /// The frozen source, `banks/bank-vN.json`.
    pub file: &'static str,
    /// What the pages fetch: its pack (`pack.rs`), copied beside them at
    /// build time.
    pub pack: &'static str,
}

impl Released {
    pub fn day(&self) -> Option<Day> {
        let (y, m, d) = self.released;
        Day::new(y, m, d)
    }
}

/// Every bank that has shipped, oldest first; the last is the built-in one.
/// Add a line when a new version ships; never change or remove one.
pub const RELEASED: &[Released] = &[
    Released {
        version: 1,
        fingerprint: 0x08de_a687,
        released: (2026, 11, 28),
        file: "bank-v1.json",
        pack: "bank-v1.pack1",
    },
    Released {
        version: 2,
        fingerprint: 0x5d93_6814,
        released: (2026, 12, 2),
        file: "bank-v2.json",
        pack: "bank-v2.pack1",
    },
];

/// The released bank of this version, if there is one.
pub fn released(version: u32) -> Option<&'static Released> {
    RELEASED.iter().find(|r| r.version == version)
}

/// Where the bank of a code is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// One of the banks the page has: an index into the list given.
    Here(usize),
    /// A released bank the page must fetch first.
    Fetch(&'static Released),
    /// Some other bank: the error to show.
    Missing(CodeError),
}

/// Finds the bank a code names among `banks` (the page's own first), else
/// among the released ones. A code from a host's own bank is never found.
pub fn locate(header: &Header, banks: &[&Bank]) -> Found {
    let ours: Vec<(u32, u32)> = banks.iter().map(|b| (b.version, b.fingerprint())).collect();
    locate_among(header, &ours)
}

/// As `locate`, among banks given as (version, fingerprint), so a library
/// that has worked out its fingerprints once never works them out again.
fn locate_among(header: &Header, ours: &[(u32, u32)]) -> Found {
    // A host's own bank may reuse our ids with other meanings (even our
    // very structure, reworded), so its codes are never read with ours.
    if let Some(org) = &header.organisation {
        return Found::Missing(CodeError::OtherOrganisation(org.clone()));
    }
    // Format 1 named only a version, and only our own banks wrote it.
    let print = match header.bank_fingerprint {
        Some(p) => p,
        None => match released(header.bank_version) {
            Some(r) => r.fingerprint,
            None => return Found::Missing(CodeError::UnknownBank(header.bank_version)),
        },
    };
    if let Some(i) = ours.iter().position(|&o| o == (header.bank_version, print)) {
        return Found::Here(i);
    }
    match released(header.bank_version) {
        Some(r) if r.fingerprint == print => Found::Fetch(r),
        _ => Found::Missing(CodeError::UnknownBank(header.bank_version)),
    }
}

/// A fetched released bank (its pack), if it is the very one `entry` names.
/// Not validated here (the validator doesn't ship to phones): every released
/// bank passed validation before it shipped (`tests/archive.rs`).
pub fn parse_released(entry: &Released, pack: &[u8]) -> Option<Bank> {
    let bank = crate::engine::pack::unpack(pack)?;
    (bank.version == entry.version && bank.fingerprint() == entry.fingerprint).then_some(bank)
}

/// The banks a page can read codes with: the current one first, then older
/// released ones. A trainer's workshop mixes them once the questions change.
/// Every bank here has the current bank's areas and levels (ids and order),
/// so scores and levels compare across versions; a bank that does not is
/// left out (`tests/archive.rs` keeps every released bank in line).
pub struct Library<'a> {
    engines: Vec<Engine<'a>>,
    /// Per engine: its bank's version and fingerprint, for `locate_among`.
    ours: Vec<(u32, u32)>,
}

/// An item of one of the library's banks: a rule, gate or level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    /// Index into the library: 0 is the current bank.
    pub bank: usize,
    pub index: usize,
}

impl<'a> Library<'a> {
    pub fn new(current: &'a Bank, older: &[&'a Bank]) -> Library<'a> {
        let same_shape = |b: &Bank| {
            b.areas
                .iter()
                .map(|a| &a.id)
                .eq(current.areas.iter().map(|a| &a.id))
                && b.levels
                    .iter()
                    .map(|l| &l.id)
                    .eq(current.levels.iter().map(|l| &l.id))
        };
        let mut engines = vec![Engine::new(current)];
        for &b in older.iter().filter(|b| same_shape(b)) {
            let engine = Engine::new(b);
            if engines.iter().all(|e| e.fingerprint != engine.fingerprint) {
                engines.push(engine);
            }
        }
        let ours = (engines.iter())
            .map(|e| (e.bank.version, e.fingerprint))
            .collect();
        Library { engines, ours }
    }

    /// Just the current bank.
    pub fn single(current: &'a Bank) -> Library<'a> {
        Library::new(current, &[])
    }

    pub fn current(&self) -> &'a Bank {
        self.engines[0].bank
    }

    /// The bank at `index` (0 is the current one); the current bank if out
    /// of range.
    pub fn bank(&self, index: usize) -> &'a Bank {
        self.engines.get(index).unwrap_or(&self.engines[0]).bank
    }

    pub fn len(&self) -> usize {
        self.engines.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn rule(&self, r: Ref) -> Option<&'a crate::engine::bank::Rule> {
        self.bank(r.bank).rules.get(r.index)
    }

    pub fn gate(&self, r: Ref) -> Option<&'a crate::engine::bank::Gate> {
        self.bank(r.bank).gates.get(r.index)
    }

    pub fn engine(&self, index: usize) -> &Engine<'a> {
        self.engines.get(index).unwrap_or(&self.engines[0])
    }

    /// Reads a code with whichever bank made it.
    pub(crate) fn read<'t>(
        &self,
        text: &'t str,
        keep_name: bool,
    ) -> Result<(usize, Read<'t>), CodeError> {
        let mut at = 0;
        let read = code::read_with(text, keep_name, |header| {
            match locate_among(header, &self.ours) {
                Found::Here(i) => {
                    at = i;
                    Ok(&self.engines[i])
                }
                Found::Fetch(r) => Err(CodeError::BankUnavailable(r.version)),
                Found::Missing(e) => Err(e),
            }
        })?;
        Ok((at, read))
    }
}
