//! A trainer's workshops (pelatihan): participants added from result codes,
//! before/after pairs (T0/T1), the dashboard's numbers, the CSV for Excel and
//! the JSON two trainers exchange to merge their lists. A workshop stores
//! codes only; scores are derived from them on use, never stored.

pub mod desk;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::codes::archive::{Library, Ref};
use crate::codes::code::{CodeError, Shared};
use crate::engine::bank::Lang;
use crate::engine::score::Picks;

/// `format` of the workshop JSON, for export and for the trainer's storage.
pub const FORMAT: &str = "cek-siap-ekspor/pelatihan";
pub const VERSION: u32 = 1;
/// Storage key of the trainer's workshops; the version is in the key so a
/// future format can sit beside this one while it migrates.
pub const STORE_KEY: &str = "cek-siap-ekspor.pelatihan.v1";
/// Where unreadable workshops are moved, so nothing is silently destroyed.
pub const STORE_BACKUP_KEY: &str = "cek-siap-ekspor.pelatihan.unreadable";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub place: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub participants: Vec<Participant>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The name the owner put in the code, if any; it pairs T0 with T1.
    #[serde(default)]
    pub name: Option<String>,
    /// The first result (T0).
    pub before: Entry,
    /// The latest result after that (T1), e.g. after mentoring.
    #[serde(default)]
    pub after: Option<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The bare result code.
    pub code: String,
    /// The day it was added (YYYY-MM-DD, given by the shell).
    #[serde(default)]
    pub added: String,
}

impl Participant {
    /// T1 if there is one, else T0: what the dashboard counts.
    pub fn latest(&self) -> &Entry {
        self.after.as_ref().unwrap_or(&self.before)
    }

    fn entries(&self) -> impl Iterator<Item = &Entry> {
        std::iter::once(&self.before).chain(self.after.as_ref())
    }
}

/// What adding a code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    New,
    /// The same code, or the same name with the same answers, is already there.
    Duplicate,
    /// The same name with other answers: now that participant's before/after.
    FollowUp,
    /// The same name, dated between that participant's before and after:
    /// only the earliest and the latest are kept, so nothing changed.
    Between,
}

/// Adds one code or result link, as pasted or scanned, on `today`.
///
/// A code with a name that is already in the workshop (ignoring case and
/// spaces) and other answers becomes that participant's T1; a later one
/// replaces T1. Without a name nothing can be paired: only the identical
/// code is a duplicate.
pub fn add(
    library: &Library,
    workshop: &mut Workshop,
    shared_code: &str,
    today: &str,
) -> Result<Added, CodeError> {
    let (bank, read) = library.read(shared_code, true)?;
    let incoming = Incoming {
        code: read.code.to_string(),
        name: read.name,
        bank,
        picks: read.picks,
    };
    Ok(place(library, workshop, incoming, today, None).0)
}

/// As `add`, for a code already decoded (e.g. by `code::decode_many`) with
/// one of the library's banks.
pub fn add_shared(
    library: &Library,
    workshop: &mut Workshop,
    shared: Shared,
    today: &str,
) -> Added {
    let bank = (0..library.len())
        .find(|&i| library.engine(i).fingerprint == shared.bank_fingerprint)
        .unwrap_or(0);
    let incoming = Incoming {
        picks: library.engine(bank).picks(&shared.answers),
        bank,
        code: shared.code,
        name: shared.name,
    };
    place(library, workshop, incoming, today, None).0
}

/// A result on its way into a workshop.
struct Incoming {
    code: String,
    name: Option<String>,
    /// Index into the library: the bank that made the code.
    bank: usize,
    picks: Picks,
}

/// Adds an entry to the participant who has its code, else to `hint` (the
/// participant the same person's T0 went to), else to the one with its
/// name, else as someone new. Returns what happened and where.
fn place(
    library: &Library,
    workshop: &mut Workshop,
    incoming: Incoming,
    added: &str,
    hint: Option<usize>,
) -> (Added, usize) {
    let people = &mut workshop.participants;
    if let Some(i) = people
        .iter()
        .position(|p| p.entries().any(|e| e.code == incoming.code))
    {
        return (Added::Duplicate, i);
    }
    let target = hint.or_else(|| {
        let name = incoming.name.as_deref().filter(|n| !n.trim().is_empty())?;
        people
            .iter()
            .position(|p| p.name.as_deref().is_some_and(|n| same_name(n, name)))
    });
    let entry = Entry {
        code: incoming.code.clone(),
        added: added.to_string(),
    };
    match target.and_then(|i| Some((i, people.get_mut(i)?))) {
        Some((i, p)) => (pair(library, p, entry, &incoming), i),
        None => {
            people.push(Participant {
                name: incoming.name,
                before: entry,
                after: None,
            });
            (Added::New, people.len() - 1)
        }
    }
}

/// The same person again: the earliest result stays T0 and the latest is
/// T1 (on the same day, the one added last), so merging an older list
/// never turns time around. The same answers to another version of the
/// questions are another result.
fn pair(library: &Library, p: &mut Participant, entry: Entry, incoming: &Incoming) -> Added {
    let same = p.entries().any(|e| {
        library
            .read(&e.code, false)
            .is_ok_and(|(bank, r)| bank == incoming.bank && r.picks == incoming.picks)
    });
    if same {
        return Added::Duplicate;
    }
    let was = (p.before.clone(), p.after.clone());
    let mut all: Vec<Entry> = p.entries().cloned().chain([entry]).collect();
    all.sort_by(|a, b| a.added.cmp(&b.added));
    let last = all.pop();
    let first = all.into_iter().next();
    if let (Some(first), Some(last)) = (first, last) {
        p.before = first;
        p.after = Some(last);
    }
    // Counting a dropped in-between result as a follow-up would tell the
    // trainer something changed, on every merge of the same file.
    if (&p.before, &p.after) == (&was.0, &was.1) {
        Added::Between
    } else {
        Added::FollowUp
    }
}

/// Names match ignoring case and runs of spaces: "Ibu  Siti" is "ibu siti".
fn same_name(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split_whitespace()
            .flat_map(|w| std::iter::once(' ').chain(w.chars().flat_map(char::to_lowercase)))
    }
    folded(a).eq(folded(b))
}

/// Sort key of a name: lower case, single spaces.
fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// One participant's numbers, derived from a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scores {
    /// Index into the library: the bank that scored it.
    pub bank: usize,
    /// Index into `bank.levels` (the same in every bank of a library).
    pub level: usize,
    pub overall: u8,
    /// Per area, bank order.
    pub areas: Vec<u8>,
}

/// One line of the participant table: the latest result of a participant
/// whose code this bank can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index into `workshop.participants`; "Peserta N" has N = this + 1.
    pub participant: usize,
    pub name: Option<String>,
    /// Index into the library: the bank that scored the latest result.
    pub bank: usize,
    /// Index into `bank.levels` (the same in every bank of a library).
    pub level: usize,
    pub overall: u8,
    /// Per area, bank order (the same in every bank of a library).
    pub areas: Vec<u8>,
    /// The next step (langkah berikutnya): a rule of the row's bank.
    pub next_step: Option<Ref>,
    /// The gates of the row's bank that apply.
    pub gates: Vec<Ref>,
    /// The day the latest result was added.
    pub added: String,
    /// T0, when the row shows T1.
    pub before: Option<Scores>,
}

impl Row {
    /// The name, or "Peserta N" for someone who shared without one.
    pub fn label(&self, lang: Lang) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => numbered(self.participant, lang),
        }
    }
}

fn numbered(participant: usize, lang: Lang) -> String {
    let word = match lang {
        Lang::Id => "Peserta ",
        Lang::En => "Participant ",
    };
    let mut s = String::from(word);
    s.push_str(&(participant + 1).to_string());
    s
}

/// The table's rows, in workshop order, each scored with the bank that made
/// its code. Participants whose latest code no bank of the library can read
/// are left out; the summary counts them as `unreadable`.
pub fn rows(library: &Library, workshop: &Workshop) -> Vec<Row> {
    let scores = |code: &str| {
        let (bank, read) = library.read(code, false).ok()?;
        let engine = library.engine(bank);
        let outcome = engine.outcome(&read.picks, read.visible, false);
        Some((bank, read.picks, outcome))
    };
    let mut out = Vec::with_capacity(workshop.participants.len());
    for (i, p) in workshop.participants.iter().enumerate() {
        let Some((bank, picks, outcome)) = scores(&p.latest().code) else {
            continue;
        };
        let engine = library.engine(bank);
        let next_step = engine.steps(&picks, &outcome, 1).first().copied();
        let before = p.after.as_ref().and_then(|_| {
            let (bank, _, o) = scores(&p.before.code)?;
            Some(Scores {
                bank,
                level: o.level,
                overall: o.overall,
                areas: o.areas.iter().map(|a| a.score).collect(),
            })
        });
        out.push(Row {
            participant: i,
            name: p.name.clone(),
            bank,
            level: outcome.level,
            overall: outcome.overall,
            areas: outcome.areas.iter().map(|a| a.score).collect(),
            next_step: next_step.map(|index| Ref { bank, index }),
            gates: outcome
                .gates
                .iter()
                .map(|&index| Ref { bank, index })
                .collect(),
            added: p.latest().added.clone(),
            before,
        });
    }
    out
}

/// The dashboard's numbers, over each participant's latest result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Participants counted.
    pub count: usize,
    /// Participants whose latest code no bank of the library can read.
    pub unreadable: usize,
    /// Participants per level, indexed like `bank.levels`.
    pub levels: Vec<usize>,
    /// Average score per area (0–100, rounded), bank order.
    pub areas: Vec<u8>,
    /// Average overall score (0–100, rounded).
    pub overall: u8,
    /// (rule, participants whose next step it is), most common first, then
    /// in rule order; only rules that are someone's next step. A rule of an
    /// older bank counts with the current bank's rule of the same id.
    pub next_steps: Vec<(Ref, usize)>,
    /// (gate, participants it applies to) for every gate of the current
    /// bank and any older gate that applies to someone, most common first,
    /// then in bank order: "12 dari 30 belum punya NIB".
    pub blockers: Vec<(Ref, usize)>,
    /// Pairs whose T0 was scored with another version of the questions
    /// than their T1: only area scores and the level are compared.
    pub pairs_across_versions: usize,
    /// Participants with a T0 and a T1, in workshop order.
    pub pairs: Vec<Pair>,
    /// Average change per area over the pairs (rounded; empty without pairs).
    pub change: Vec<i32>,
    /// Average change of the overall score over the pairs.
    pub overall_change: i32,
}

/// One participant's progress from T0 to T1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Index into `workshop.participants`.
    pub participant: usize,
    pub before: Scores,
    pub after: Scores,
    /// After minus before, per area.
    pub change: Vec<i32>,
}

pub fn summary(library: &Library, workshop: &Workshop) -> Summary {
    summary_of(library, workshop, &rows(library, workshop))
}

/// The same rule or gate in the current bank if it has one of that id, so
/// one step counts once across versions of the questions.
fn current_ref(r: Ref, id_of: impl Fn(usize, usize) -> Option<String>) -> Ref {
    if r.bank == 0 {
        return r;
    }
    let Some(id) = id_of(r.bank, r.index) else {
        return r;
    };
    (0..usize::MAX)
        .map_while(|i| Some((i, id_of(0, i)?)))
        .find(|(_, other)| *other == id)
        .map_or(r, |(index, _)| Ref { bank: 0, index })
}

/// As `summary`, from rows already made (the table and the dashboard read
/// every code once between them).
pub fn summary_of(library: &Library, workshop: &Workshop, rows: &[Row]) -> Summary {
    let bank = library.current();
    let n_areas = bank.areas.len();
    let mut levels = vec![0usize; bank.levels.len()];
    let mut area_sums = vec![0u64; n_areas];
    let mut overall_sum = 0u64;
    let mut steps: std::collections::BTreeMap<Ref, usize> = Default::default();
    let mut gates: std::collections::BTreeMap<Ref, usize> = (0..bank.gates.len())
        .map(|index| (Ref { bank: 0, index }, 0))
        .collect();
    let rule_id = |b: usize, i: usize| Some(library.bank(b).rules.get(i)?.id.clone());
    let gate_id = |b: usize, i: usize| Some(library.bank(b).gates.get(i)?.id.clone());
    let mut pairs = Vec::new();
    let mut pairs_across_versions = 0;
    for row in rows {
        if let Some(c) = levels.get_mut(row.level) {
            *c += 1;
        }
        for (sum, &s) in area_sums.iter_mut().zip(&row.areas) {
            *sum += u64::from(s);
        }
        overall_sum += u64::from(row.overall);
        if let Some(r) = row.next_step {
            *steps.entry(current_ref(r, rule_id)).or_default() += 1;
        }
        for &g in &row.gates {
            *gates.entry(current_ref(g, gate_id)).or_default() += 1;
        }
        if let Some(before) = &row.before {
            pairs_across_versions += usize::from(before.bank != row.bank);
            pairs.push(Pair {
                participant: row.participant,
                change: row
                    .areas
                    .iter()
                    .zip(&before.areas)
                    .map(|(&a, &b)| i32::from(a) - i32::from(b))
                    .collect(),
                before: before.clone(),
                after: Scores {
                    bank: row.bank,
                    level: row.level,
                    overall: row.overall,
                    areas: row.areas.clone(),
                },
            });
        }
    }
    let count = rows.len();
    let mut next_steps: Vec<(Ref, usize)> = steps.into_iter().collect();
    next_steps.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut blockers: Vec<(Ref, usize)> = gates
        .into_iter()
        .filter(|(g, n)| g.bank == 0 || *n > 0)
        .collect();
    blockers.sort_by_key(|b| std::cmp::Reverse(b.1));
    let change = if pairs.is_empty() {
        Vec::new()
    } else {
        (0..n_areas)
            .map(|a| {
                let sum: i64 = pairs
                    .iter()
                    .map(|p| i64::from(p.change.get(a).copied().unwrap_or(0)))
                    .sum();
                mean(sum, pairs.len())
            })
            .collect()
    };
    let overall_change = mean(
        pairs
            .iter()
            .map(|p| i64::from(p.after.overall) - i64::from(p.before.overall))
            .sum(),
        pairs.len(),
    );
    Summary {
        count,
        unreadable: workshop.participants.len().saturating_sub(count),
        levels,
        areas: area_sums
            .into_iter()
            .map(|s| mean(s as i64, count) as u8)
            .collect(),
        overall: mean(overall_sum as i64, count) as u8,
        next_steps,
        blockers,
        pairs,
        change,
        overall_change,
        pairs_across_versions,
    }
}

/// Rounded half away from zero; 0 for nobody.
fn mean(sum: i64, n: usize) -> i32 {
    if n == 0 {
        0
    } else {
        (sum as f64 / n as f64).round() as i32
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    /// Level, and within a level the overall score.
    Level,
    Overall,
    /// An area's score, by index into `bank.areas`.
    Area(usize),
}

/// Sorts the table. Ties keep workshop order either way, so the table
/// doesn't shuffle when sorted twice.
pub fn sort(rows: &mut [Row], key: SortKey, descending: bool) {
    rows.sort_by(|a, b| {
        let by_key = match key {
            // Named participants alphabetically, then "Peserta N" by N.
            SortKey::Name => match (&a.name, &b.name) {
                (Some(x), Some(y)) => name_key(x).cmp(&name_key(y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => a.participant.cmp(&b.participant),
            },
            SortKey::Level => (a.level, a.overall).cmp(&(b.level, b.overall)),
            SortKey::Overall => a.overall.cmp(&b.overall),
            SortKey::Area(i) => a.areas.get(i).cmp(&b.areas.get(i)),
        };
        let by_key = if descending { by_key.reverse() } else { by_key };
        by_key.then(a.participant.cmp(&b.participant))
    });
}

/// Who fits a programme, e.g. "Madya ke atas, sudah punya NIB":
/// `Shortlist { min_level: 1, without_gates: vec!["tanpa_nib".into()] }`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shortlist {
    /// Index into `bank.levels`: this level or higher.
    pub min_level: usize,
    /// Ids of gates that must not apply.
    pub without_gates: Vec<String>,
}

/// The rows that pass the filter, in the order given.
pub fn shortlist<'a>(library: &Library, rows: &'a [Row], filter: &Shortlist) -> Vec<&'a Row> {
    let excluded = |g: &Ref| {
        (library.bank(g.bank).gates.get(g.index))
            .is_some_and(|g| filter.without_gates.contains(&g.id))
    };
    rows.iter()
        .filter(|r| r.level >= filter.min_level && !r.gates.iter().any(excluded))
        .collect()
}

/// The participant table as CSV for Excel with an Indonesian locale and
/// Google Sheets: UTF-8 with BOM (or Excel guesses the wrong encoding), `;`
/// between fields (Indonesian Excel's list separator; `,` is its decimal
/// comma), CRLF, integers only. One row per participant in workshop order,
/// latest result; the "before" columns are filled for before/after pairs.
/// A participant whose code can't be read keeps their name and date.
pub fn csv(library: &Library, workshop: &Workshop, lang: Lang) -> String {
    let bank = library.current();
    let pick = |i: &'static str, e: &'static str| lang.pick(i, e);
    let mut out = String::from("\u{FEFF}");
    let mut header: Vec<&str> = vec![
        pick("Nama", "Name"),
        pick("Tingkat", "Level"),
        pick("Skor", "Score"),
    ];
    header.extend(bank.areas.iter().map(|a| a.title.get(lang)));
    header.extend([
        pick("Langkah berikutnya", "Next step"),
        pick("Hambatan", "Blockers"),
        pick("Tanggal", "Date"),
        pick("Tingkat sebelum", "Level before"),
        pick("Skor sebelum", "Score before"),
        pick("Tanggal sebelum", "Date before"),
        pick("Versi pertanyaan", "Questions version"),
    ]);
    for (k, h) in header.iter().enumerate() {
        if k > 0 {
            out.push(';');
        }
        push_text(&mut out, h);
    }
    out.push_str("\r\n");

    let rows = rows(library, workshop);
    let mut rows = rows.iter().peekable();
    let level_title = |l: usize| bank.levels.get(l).map_or("", |l| l.title.get(lang));
    for (i, p) in workshop.participants.iter().enumerate() {
        let row = rows.next_if(|r| r.participant == i);
        match &p.name {
            Some(name) => push_text(&mut out, name),
            None => push_text(&mut out, &numbered(i, lang)),
        }
        let field = |out: &mut String, text: &str| {
            out.push(';');
            push_text(out, text);
        };
        match row {
            Some(r) => {
                field(&mut out, level_title(r.level));
                field(&mut out, &r.overall.to_string());
                for s in &r.areas {
                    field(&mut out, &s.to_string());
                }
                let step = r
                    .next_step
                    .and_then(|s| library.bank(s.bank).rules.get(s.index));
                field(&mut out, step.map_or("", |s| s.title.get(lang)));
                let blockers: Vec<&str> = r
                    .gates
                    .iter()
                    .filter_map(|&g| library.bank(g.bank).gates.get(g.index))
                    .map(|g| g.short.get(lang))
                    .collect();
                field(&mut out, &blockers.join(", "));
                field(&mut out, &p.latest().added);
                match (&r.before, &p.after) {
                    (Some(b), Some(_)) => {
                        field(&mut out, level_title(b.level));
                        field(&mut out, &b.overall.to_string());
                        field(&mut out, &p.before.added);
                    }
                    _ => out.push_str(";;;"),
                }
                let version = |b: usize| library.bank(b).version.to_string();
                match &r.before {
                    Some(b) if b.bank != r.bank => field(
                        &mut out,
                        &format!("{} → {}", version(b.bank), version(r.bank)),
                    ),
                    _ => field(&mut out, &version(r.bank)),
                }
            }
            None => {
                for _ in 0..(2 + bank.areas.len() + 2) {
                    out.push(';');
                }
                field(&mut out, &p.latest().added);
                out.push_str(";;;;");
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// A field as Excel reads it back: quoted when it holds `;`, `"`, CR or
/// LF, and with a leading `'` when it would start a formula (`=`, `+`, `-`,
/// `@`, tab, CR), so a name like "=HYPERLINK(…)" stays text.
fn push_text(out: &mut String, s: &str) {
    let quote = s.contains([';', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    workshops: &'a [Workshop],
}

/// Workshops as JSON, for another trainer or for the trainer's own storage.
pub fn export(workshops: &[Workshop]) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        workshops,
    })
    .unwrap_or_default()
}

/// Why a workshop file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    /// Not JSON, or JSON of something else.
    NotAWorkshopFile,
    /// From a newer version of the app.
    UnknownVersion(u64),
    /// Our format, but no workshop in it could be read.
    Damaged,
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        let (idn, en) = match self {
            ImportError::Empty => (
                "Berkas ini kosong.",
                "This file is empty.",
            ),
            ImportError::NotAWorkshopFile => (
                "Berkas ini bukan daftar pelatihan dari Cek Siap Ekspor. Pilih berkas .json yang diekspor dari Mode pelatih.",
                "This file is not a Cek Siap Ekspor workshop list. Choose the .json file exported from trainer mode.",
            ),
            ImportError::UnknownVersion(v) => {
                return lang.pick(
                    format!("Berkas ini dibuat dengan versi aplikasi yang lebih baru (versi {v}). Muat ulang halaman ini untuk memperbarui aplikasi, lalu coba lagi."),
                    format!("This file was made with a newer version of the app (version {v}). Reload this page to update the app, then try again."),
                );
            }
            ImportError::Damaged => (
                "Berkas pelatihan ini rusak dan tidak bisa dibaca. Minta pengirim mengekspor ulang.",
                "This workshop file is damaged and can't be read. Ask the sender to export it again.",
            ),
        };
        lang.pick(idn, en).to_string()
    }
}

/// What an import brought in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Each with only codes this bank can read, deduplicated and paired as
    /// `add` would.
    pub workshops: Vec<Workshop>,
    /// Codes left out: damaged, or from another version of the questions.
    pub skipped_codes: usize,
    /// Workshops in the file that could not be read at all.
    pub skipped_workshops: usize,
}

/// Reads another trainer's export. Never panics; every code is checked.
pub fn import(library: &Library, text: &str) -> Result<Imported, ImportError> {
    let (raw, skipped_workshops) = read_envelope(text)?;
    let mut imported = Imported {
        skipped_workshops,
        ..Imported::default()
    };
    for w in raw {
        let mut clean = Workshop {
            participants: Vec::new(),
            ..w.clone()
        };
        imported.skipped_codes += merge(library, &mut clean, &w).skipped;
        imported.workshops.push(clean);
    }
    Ok(imported)
}

/// What `merge` did, entry by entry (a T0 and a T1 count as two).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub new: usize,
    pub duplicates: usize,
    pub follow_ups: usize,
    /// Results dated between a participant's before and after: not kept.
    pub between: usize,
    /// Codes this bank can't read.
    pub skipped: usize,
}

/// Adds another trainer's participants with the same rules as `add`; each
/// participant's T1 follows their T0, even without a name.
pub fn merge(library: &Library, into: &mut Workshop, other: &Workshop) -> MergeReport {
    let mut report = MergeReport::default();
    for p in &other.participants {
        let mut hint = None;
        for e in p.entries() {
            let Ok((bank, read)) = library.read(&e.code, true) else {
                report.skipped += 1;
                continue;
            };
            let incoming = Incoming {
                code: read.code.to_string(),
                name: read.name,
                bank,
                picks: read.picks,
            };
            let (added, at) = place(library, into, incoming, &e.added, hint);
            hint = Some(at);
            match added {
                Added::New => report.new += 1,
                Added::Duplicate => report.duplicates += 1,
                Added::FollowUp => report.follow_ups += 1,
                Added::Between => report.between += 1,
            }
        }
    }
    report
}

/// Merges imported workshops into the trainer's list: into the workshop
/// with the same id if there is one, else as a new workshop.
pub fn merge_all(
    library: &Library,
    into: &mut Vec<Workshop>,
    imported: Vec<Workshop>,
) -> MergeReport {
    let mut total = MergeReport::default();
    for w in imported {
        match into.iter_mut().find(|x| x.id == w.id) {
            Some(existing) => {
                let r = merge(library, existing, &w);
                total.new += r.new;
                total.duplicates += r.duplicates;
                total.follow_ups += r.follow_ups;
                total.between += r.between;
                total.skipped += r.skipped;
            }
            None => {
                total.new += w
                    .participants
                    .iter()
                    .map(|p| p.entries().count())
                    .sum::<usize>();
                into.push(w);
            }
        }
    }
    total
}

/// The trainer's workshops as kept in storage: the export format, so a
/// stored list can also be imported elsewhere.
pub fn save(workshops: &[Workshop]) -> String {
    export(workshops)
}

/// What storage held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub workshops: Vec<Workshop>,
    /// Workshops that could not be read; the shell keeps the stored text
    /// under `STORE_BACKUP_KEY` before saving over it.
    pub dropped: usize,
}

/// Reads the trainer's storage. Codes are kept as they are, even ones this
/// bank can't read (e.g. after the questions change): they stay in the
/// list, counted as unreadable, rather than being lost.
pub fn load(text: &str) -> Result<Loaded, ImportError> {
    let (workshops, dropped) = read_envelope(text)?;
    Ok(Loaded { workshops, dropped })
}

/// The workshops in our envelope, and how many could not be read.
fn read_envelope(text: &str) -> Result<(Vec<Workshop>, usize), ImportError> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| ImportError::NotAWorkshopFile)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotAWorkshopFile);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(ImportError::UnknownVersion(v)),
        None => return Err(ImportError::Damaged),
    }
    let Some(list) = value.get("workshops").and_then(|w| w.as_array()) else {
        return Err(ImportError::Damaged);
    };
    let workshops: Vec<Workshop> = list
        .iter()
        .filter_map(|w| Workshop::deserialize(w).ok())
        .collect();
    let dropped = list.len() - workshops.len();
    if workshops.is_empty() && dropped > 0 {
        return Err(ImportError::Damaged);
    }
    Ok((workshops, dropped))
}
