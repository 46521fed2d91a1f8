//! The question bank as compact bytes (a "pack"): what the pages carry and
//! fetch instead of JSON, so no JSON parser ships on the owner's start path.
//!
//! `bank.json` and `banks/bank-vN.json` stay the source; their packs are
//! written by `tests/packs.rs`, which rewrites a stale pack and fails, so a
//! changed bank cannot ship with an old pack. The file name carries the pack
//! format (`bank-v1.pack1`): the service worker keeps fetched banks across app
//! updates, so a later pack format must get new names, never new contents.
//!
//! Layout: `MAGIC`, then the bank's fields in declaration order. Numbers are
//! LEB128, signed ones zigzagged; a string is its byte length and UTF-8; a
//! list is its length and items; an `Option` a 0/1 byte and the value; an
//! enum a one-byte tag.

use super::bank::{
    Area, Bank, Choice, Gate, Hidden, Kind, Lang, Level, PlanOrder, Question, Rule, Text,
};
use super::cond::Cond;
use std::sync::OnceLock;

/// `bank.json` as a pack, kept in step with it by `tests/packs.rs`.
#[cfg(not(any(feature = "builtin-titles", feature = "builtin-indonesian")))]
const BUILTIN: &[u8] = include_bytes!("bank.pack1");
/// The trainer's page (`pelatih.html`, built with this feature) carries only
/// what its dashboard shows: `bank.json` through `titles_only`, also kept in
/// step by `tests/packs.rs`. Same version and fingerprint, so every result
/// code reads and scores the same.
#[cfg(feature = "builtin-titles")]
const BUILTIN: &[u8] = include_bytes!("bank.titles.pack1");
/// The owner's page and the widget (built with this feature) carry the
/// Indonesian texts only: `bank.json` through `one_language`. English, which
/// few owners choose, is fetched from `ENGLISH_FILE` when chosen
/// (`Bank::add_builtin_english`), so no Indonesian-reading owner downloads it.
#[cfg(feature = "builtin-indonesian")]
const BUILTIN: &[u8] = include_bytes!("bank.id.pack1");

/// The built-in bank's English texts, beside the app: `one_language(_, En)`
/// of `bank.json`, kept in step by `tests/packs.rs`. Fetched by this build's
/// own wasm only (the service worker keeps it with the app's version), so
/// its name carries no bank version.
pub const ENGLISH_FILE: &str = "bank.en.pack1";

/// The built-in bank once its English texts were added.
static WITH_ENGLISH: OnceLock<Bank> = OnceLock::new();

impl Bank {
    /// The built-in bank, unpacked on first use. It is validated by
    /// `tests/bank_integrity.rs` rather than at start-up, so the validator's
    /// code and messages don't ship to every phone; and it comes from a pack,
    /// not JSON, so the owner's page carries no JSON parser. (Here, not in
    /// `bank.rs`, so the bank's schema does not import its packing.)
    ///
    /// Once `add_builtin_english` succeeded, the bank with its English: the
    /// same structure and fingerprint, so `score::Engine::builtin`, compiled
    /// from whichever came first, scores both alike.
    pub fn builtin() -> &'static Bank {
        WITH_ENGLISH.get().unwrap_or_else(as_built)
    }

    /// Whether the built-in bank has its English texts: always, but on a page
    /// built with `builtin-indonesian` only once `add_builtin_english` took
    /// them.
    pub fn builtin_has_english() -> bool {
        !cfg!(feature = "builtin-indonesian") || WITH_ENGLISH.get().is_some()
    }

    /// Gives the built-in bank the English texts of `pack` (`ENGLISH_FILE`'s
    /// bytes). False, and nothing changes, when they are not this bank's
    /// (damaged, or another build's file with other questions).
    pub fn add_builtin_english(pack: &[u8]) -> bool {
        // The bank built in, unpacked again rather than cloned: its own
        // unpacking is linked anyway, a deep clone of a bank is not.
        let (Some(mut whole), Some(english)) = (unpack(BUILTIN), unpack(pack)) else {
            return false;
        };
        if !add_english(&mut whole, english) {
            return false;
        }
        // Set once: a second success (two fetches racing) is the same bank.
        WITH_ENGLISH.get_or_init(|| whole);
        true
    }
}

/// The bank this page was built with.
fn as_built() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| match unpack(BUILTIN) {
        Some(bank) => bank,
        None => panic!("the built-in pack does not unpack (tests/packs.rs catches this)"),
    })
}

/// Every text of a bank, in pack order: the one walk `one_language` and
/// `add_english` share, so they cannot disagree on which texts there are.
fn each_text(bank: &mut Bank, mut f: impl FnMut(&mut Text)) {
    bank.areas.iter_mut().for_each(|a| f(&mut a.title));
    for l in &mut bank.levels {
        f(&mut l.title);
        f(&mut l.summary);
    }
    for g in &mut bank.gates {
        f(&mut g.short);
        f(&mut g.reason);
    }
    for q in &mut bank.questions {
        f(&mut q.text);
        f(&mut q.short);
        if let Some(help) = &mut q.help {
            f(help);
        }
        q.options.iter_mut().for_each(|o| f(&mut o.text));
    }
    for r in &mut bank.rules {
        f(&mut r.title);
        f(&mut r.why);
        f(&mut r.action);
        f(&mut r.link_label);
    }
}

/// The bank with the texts of one language only, the other's left empty:
/// same structure and fingerprint.
pub fn one_language(bank: &Bank, lang: Lang) -> Bank {
    let mut b = bank.clone();
    each_text(&mut b, |t| match lang {
        Lang::Id => t.en.clear(),
        Lang::En => t.id.clear(),
    });
    b
}

/// Gives `bank` (through `one_language(_, Id)`) the English texts of
/// `english` (the same bank through `one_language(_, En)`). False, and `bank`
/// unchanged, unless both are the same bank: the same fingerprint, help on
/// the same questions, and an English text for every text.
pub fn add_english(bank: &mut Bank, mut english: Bank) -> bool {
    let helps = |b: &Bank| {
        b.questions
            .iter()
            .map(|q| q.help.is_some())
            .collect::<Vec<_>>()
    };
    if bank.fingerprint() != english.fingerprint() || helps(bank) != helps(&english) {
        return false;
    }
    let mut words = Vec::new();
    each_text(&mut english, |t| words.push(std::mem::take(&mut t.en)));
    if words.iter().any(String::is_empty) {
        return false;
    }
    let mut words = words.into_iter();
    each_text(bank, |t| t.en = words.next().unwrap_or_default());
    true
}

/// The bank with only what a trainer's dashboard and its CSV show: area and
/// level titles, step titles, the short labels of gates and questions, and
/// the whole structure (ids, conditions, scores, weights), so it scores every
/// answer as `bank` does and has its fingerprint. The texts an owner reads
/// (questions, choices, help, summaries, reasons, what to do and why, links)
/// are left empty: two thirds of the pack's compressed bytes.
pub fn titles_only(bank: &Bank) -> Bank {
    let mut b = bank.clone();
    let none = Text::default;
    b.levels.iter_mut().for_each(|l| l.summary = none());
    b.gates.iter_mut().for_each(|g| g.reason = none());
    for q in &mut b.questions {
        q.text = none();
        q.help = None;
        q.options.iter_mut().for_each(|o| o.text = none());
    }
    for r in &mut b.rules {
        r.why = none();
        r.action = none();
        r.link = String::new();
        r.link_label = none();
    }
    b
}

/// "CSE" and pack format 1.
pub const MAGIC: [u8; 4] = *b"CSE\x01";

/// Conditions nest at most this deep in a pack, so a damaged pack cannot
/// exhaust the stack. serde_json reads JSON at most 128 levels deep, so no
/// bank file holds a deeper condition: every bank that passes its checks
/// packs (the widget gets a host's bank as a pack, `config::reading`).
pub const MAX_DEPTH: u32 = 128;

pub fn pack(bank: &Bank) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.num(bank.version);
    w.list(&bank.areas, |w, a| {
        w.str(&a.id);
        w.text(&a.title);
        w.num(a.weight);
    });
    w.list(&bank.levels, |w, l| {
        w.str(&l.id);
        w.text(&l.title);
        w.num(l.min_score.into());
        w.text(&l.summary);
    });
    w.list(&bank.gates, |w, g| {
        w.str(&g.id);
        w.text(&g.short);
        w.cond(&g.when);
        w.opt(&g.max_level, |w, s| w.str(s));
        w.opt(&g.require_rule, |w, s| w.str(s));
        w.list(&g.require_rules, |w, r| w.str(r));
        w.opt(&g.step, |w, s| w.str(s));
        w.text(&g.reason);
    });
    w.list(&bank.questions, |w, q| {
        w.str(&q.id);
        w.str(&q.area);
        w.byte(match q.kind {
            Kind::Single => 0,
            Kind::Multi => 1,
        });
        w.text(&q.text);
        w.text(&q.short);
        w.opt(&q.help, Writer::text);
        w.num(q.weight);
        w.opt(&q.show_if, Writer::cond);
        w.byte(match q.if_hidden {
            Hidden::Exclude => 0,
            Hidden::Worst => 1,
        });
        w.int(q.base);
        w.list(&q.options, |w, o| {
            w.str(&o.id);
            w.text(&o.text);
            w.int(o.score);
            w.byte(o.exclusive.into());
        });
        w.byte(q.names.into());
    });
    w.list(&bank.rules, |w, r| {
        w.str(&r.id);
        w.cond(&r.when);
        w.text(&r.title);
        w.text(&r.why);
        w.text(&r.action);
        w.str(&r.link);
        w.text(&r.link_label);
        w.opt(&r.raises, |w, s| w.str(s));
    });
    w.byte(match bank.plan {
        PlanOrder::Rules => 0,
        PlanOrder::ByReason => 1,
    });
    w.0
}

/// The bank in a pack, or `None` for anything that is not a whole pack of
/// this format (wrong magic, cut short, trailing bytes, a bad tag or UTF-8).
/// Never panics, and never allocates more than the pack's length allows.
pub fn unpack(bytes: &[u8]) -> Option<Bank> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(&MAGIC)?,
        depth: 0,
    };
    let bank = Bank {
        version: r.num()?,
        areas: r.list(|r| {
            Some(Area {
                id: r.str()?,
                title: r.text()?,
                weight: r.num()?,
            })
        })?,
        levels: r.list(|r| {
            Some(Level {
                id: r.str()?,
                title: r.text()?,
                min_score: u8::try_from(r.num()?).ok()?,
                summary: r.text()?,
            })
        })?,
        gates: r.list(|r| {
            Some(Gate {
                id: r.str()?,
                short: r.text()?,
                when: r.cond()?,
                max_level: r.opt(Reader::str)?,
                require_rule: r.opt(Reader::str)?,
                require_rules: r.list(Reader::str)?,
                step: r.opt(Reader::str)?,
                reason: r.text()?,
            })
        })?,
        questions: r.list(|r| {
            Some(Question {
                id: r.str()?,
                area: r.str()?,
                kind: r.pick([Kind::Single, Kind::Multi])?,
                text: r.text()?,
                short: r.text()?,
                help: r.opt(Reader::text)?,
                weight: r.num()?,
                show_if: r.opt(Reader::cond)?,
                if_hidden: r.pick([Hidden::Exclude, Hidden::Worst])?,
                base: r.int()?,
                options: r.list(|r| {
                    Some(Choice {
                        id: r.str()?,
                        text: r.text()?,
                        score: r.int()?,
                        exclusive: r.pick([false, true])?,
                    })
                })?,
                names: r.pick([false, true])?,
            })
        })?,
        rules: r.list(|r| {
            Some(Rule {
                id: r.str()?,
                when: r.cond()?,
                title: r.text()?,
                why: r.text()?,
                action: r.text()?,
                link: r.str()?,
                link_label: r.text()?,
                raises: r.opt(Reader::str)?,
            })
        })?,
        plan: r.pick([PlanOrder::Rules, PlanOrder::ByReason])?,
    };
    r.bytes.is_empty().then_some(bank)
}

/// Appends `n` as LEB128, shortest form: packs and result codes
/// (`codes::code`) write their numbers so.
pub(crate) fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn num(&mut self, n: u32) {
        push_varint(&mut self.0, n);
    }

    fn int(&mut self, n: i32) {
        self.num(((n << 1) ^ (n >> 31)) as u32);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, t: &Text) {
        self.str(&t.id);
        self.str(&t.en);
    }

    fn opt<T>(&mut self, v: &Option<T>, each: fn(&mut Writer, &T)) {
        match v {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                each(self, v);
            }
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.num(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }

    fn cond(&mut self, c: &Cond) {
        match c {
            Cond::Is { q, any_of } => {
                self.byte(0);
                self.str(q);
                self.list(any_of, |w, o| w.str(o));
            }
            Cond::All(cs) => {
                self.byte(1);
                self.list(cs, Writer::cond);
            }
            Cond::Any(cs) => {
                self.byte(2);
                self.list(cs, Writer::cond);
            }
            Cond::Not(c) => {
                self.byte(3);
                self.cond(c);
            }
            Cond::AreaBelow { area, score } => {
                self.byte(4);
                self.str(area);
                self.num((*score).into());
            }
            Cond::LevelIn(levels) => {
                self.byte(5);
                self.list(levels, |w, l| w.str(l));
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    depth: u32,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn num(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            if shift == 28 && b > 0x0f {
                return None; // more than 32 bits
            }
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                // Only the shortest form, so each bank has one pack.
                return (shift == 0 || b != 0).then_some(n);
            }
        }
        None
    }

    fn int(&mut self) -> Option<i32> {
        let z = self.num()?;
        Some(((z >> 1) as i32) ^ -((z & 1) as i32))
    }

    fn pick<T: Copy, const N: usize>(&mut self, of: [T; N]) -> Option<T> {
        of.get(usize::from(self.byte()?)).copied()
    }

    fn str(&mut self) -> Option<String> {
        let len = usize::try_from(self.num()?).ok()?;
        if len > self.bytes.len() {
            return None;
        }
        let (s, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    fn text(&mut self) -> Option<Text> {
        Some(Text {
            id: self.str()?,
            en: self.str()?,
        })
    }

    fn opt<T>(&mut self, each: fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => each(self).map(Some),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = usize::try_from(self.num()?).ok()?;
        // Every item takes at least one byte: a damaged count cannot make
        // us reserve more than the pack could hold.
        if n > self.bytes.len() {
            return None;
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    fn cond(&mut self) -> Option<Cond> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let c = match self.byte()? {
            0 => Cond::Is {
                q: self.str()?,
                any_of: self.list(Reader::str)?,
            },
            1 => Cond::All(self.list(Reader::cond)?),
            2 => Cond::Any(self.list(Reader::cond)?),
            3 => Cond::Not(Box::new(self.cond()?)),
            4 => Cond::AreaBelow {
                area: self.str()?,
                score: u8::try_from(self.num()?).ok()?,
            },
            5 => Cond::LevelIn(self.list(Reader::str)?),
            _ => return None,
        };
        self.depth -= 1;
        Some(c)
    }
}
