//! The result code (kode hasil): one owner's answers, the bank that asked
//! them and an optional name, packed into a short checksummed text that fits
//! a QR code and a WhatsApp message, and read back without ever panicking.
//!
//! Text: `K`, the format digit, then base64url (no padding) of the bytes.
//! Format 2 (written since bank version 2):
//!
//! ```text
//! [0]      L: the number of bytes, all of them
//! [1]      !L, so a damaged length reads as damage, not as a cut-off code
//! [2..]    bank version, LEB128 (one byte below 128)
//!          bank fingerprint (`Bank::fingerprint`), 4 bytes big-endian
//!          organisation: length byte (0–40), then UTF-8; empty for the
//!          app's own questions, else the host whose own bank asked them
//!          answers: per question shown, in bank order, most significant bit
//!          first; single choice = option index + 1 in the fewest bits that
//!          hold the option count (0 = no answer); multi choice = one bit
//!          per option; zero bits up to the next byte
//!          name: length byte (0–40), then that many bytes of UTF-8
//! [L-4..L] CRC-32 (IEEE, big-endian) over the format byte and bytes 0..L-4
//! ```
//!
//! Format 1 (the first release) is the same without fingerprint and
//! organisation. It is read forever, as the built-in bank of its version
//! (the released ones are in `archive`); it is never written again.
//!
//! Hidden questions take no bits: the reader works out what was shown from
//! the answers read so far, exactly as the writer did (skip logic only
//! looks back).

pub use super::crc::crc32;
use crate::engine::bank::{Bank, Kind, Lang, Question};
use crate::engine::pack::push_varint;
use crate::engine::score::{exclusive_bits, with_engine, Answers, Engine, Picks};

/// Codes start with this letter, then the format digit.
const PREFIX: u8 = b'K';
/// The format written today.
pub const FORMAT: u8 = 2;
/// The first release's format: read, never written.
pub const FORMAT_V1: u8 = 1;
/// The longest name a code carries, in bytes of UTF-8.
pub const NAME_MAX: usize = 40;
/// The longest organisation name a code carries, in bytes of UTF-8.
pub const ORG_MAX: usize = 40;
/// In a link, the code follows this in the fragment: `https://HOST/#hasil=K1…`.
pub const FRAGMENT_KEY: &str = "hasil=";

const HEADER: usize = 2;
const CHECKSUM: usize = 4;
/// Header, a one-byte bank version, the name's length byte and the checksum.
const MIN_BYTES: usize = HEADER + 1 + 1 + CHECKSUM;
/// The most bytes a code can hold: its length is one byte.
pub const MAX_BYTES: usize = 255;
/// What a format 2 code holds besides its answers, at the most: header, a
/// version of up to five bytes, the fingerprint, organisation and name with
/// their length bytes, and the checksum.
pub const MAX_OVERHEAD: usize = HEADER + 5 + 4 + 1 + ORG_MAX + 1 + NAME_MAX + CHECKSUM;
/// The most answer bits a code can hold: what `validate` allows a bank.
pub const MAX_ANSWER_BITS: usize = (MAX_BYTES - MAX_OVERHEAD) * 8;

/// The bits a bank's answers take when every question is shown: the upper
/// bound of any code's answers (skip logic only ever hides questions).
pub fn longest_answer_bits(bank: &Bank) -> usize {
    bank.questions
        .iter()
        .map(|q| match q.kind {
            Kind::Single => width(q) as usize,
            Kind::Multi => q.options.len(),
        })
        .sum()
}
/// Characters a chat or a sentence puts around a pasted code or link; none
/// is a base64url character, so trimming them never eats the code.
const WRAPPERS: &[char] = &[
    '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '<', '>', '*', '~', '“',
    '”', '‘', '’', '«', '»',
];

/// One owner's shared result, as read from a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub answers: Answers,
    pub name: Option<String>,
    pub bank_version: u32,
    /// The fingerprint of the bank that read it (`Bank::fingerprint`).
    pub bank_fingerprint: u32,
    /// The bare code, without the link or punctuation around it: what a
    /// workshop stores, and what two copies of the same result share.
    pub code: String,
}

/// Why a text is not a readable result code. Each has its own message, so a
/// trainer knows whether to ask again, update the app, or check the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// Wrong first letter or characters no code has.
    NotACode,
    /// Cut off: fewer characters than the code says it has.
    Truncated,
    /// A character was changed (or added) on the way.
    BadChecksum,
    /// Written by another version of the app.
    UnknownFormat(u8),
    /// Made with a version of the questions this app does not know (a newer
    /// app's, or a bank nobody released).
    UnknownBank(u32),
    /// Made with a host organisation's own questions (an embedded widget's
    /// bank), which this page does not have; the organisation's name as the
    /// code gives it.
    OtherOrganisation(String),
    /// Made with a released older version of the questions that this page
    /// could not load (offline before it was ever fetched).
    BankUnavailable(u32),
    /// An answer that this bank's question cannot have.
    InvalidAnswer,
    /// The name is not UTF-8, too long or holds control characters.
    BadName,
}

impl CodeError {
    /// What went wrong and what to do, in words a seller understands.
    pub fn message(&self, lang: Lang) -> String {
        let (idn, en): (&str, &str) = match self {
            CodeError::Empty => (
                "Belum ada kode hasil. Tempel kode atau tautan hasil di sini.",
                "There is no result code yet. Paste a result code or link here.",
            ),
            CodeError::NotACode => (
                "Ini bukan kode hasil Cek Siap Ekspor. Periksa lagi teks yang Anda tempel.",
                "This is not a Cek Siap Ekspor result code. Check the text you pasted.",
            ),
            CodeError::Truncated => (
                "Kode hasil ini tidak lengkap. Minta pengirim membagikan ulang tautannya.",
                "This result code is incomplete. Ask the sender to share the link again.",
            ),
            CodeError::BadChecksum => (
                "Kode hasil ini rusak: ada huruf yang berubah. Minta pengirim membagikan ulang tautannya.",
                "This result code is damaged: a character has changed. Ask the sender to share the link again.",
            ),
            CodeError::UnknownFormat(n) => {
                return lang.pick(
                    format!("Kode hasil ini dibuat dengan versi aplikasi lain (format {n}). Muat ulang halaman ini untuk memperbarui aplikasi, lalu coba lagi."),
                    format!("This result code was made with another version of the app (format {n}). Reload this page to update the app, then try again."),
                );
            }
            CodeError::UnknownBank(v) => {
                return lang.pick(
                    format!("Kode hasil ini dibuat dengan versi pertanyaan yang lain (versi {v}). Muat ulang halaman ini; jika masih gagal, minta pengirim mengisi ulang penilaiannya."),
                    format!("This result code was made with another version of the questions (version {v}). Reload this page; if it still fails, ask the sender to take the assessment again."),
                );
            }
            CodeError::OtherOrganisation(org) => {
                return lang.pick(
                    format!("Hasil ini dibuat dengan pertanyaan milik {org} (widget di situs mereka), bukan pertanyaan Cek Siap Ekspor di halaman ini. Buka hasil ini lewat situs {org}."),
                    format!("This result was made with {org}'s own questions (the widget on their site), not the Cek Siap Ekspor questions on this page. Open it from {org}'s site."),
                );
            }
            CodeError::BankUnavailable(v) => {
                return lang.pick(
                    format!("Hasil ini memakai pertanyaan versi {v}, yang perlu diunduh sekali. Sambungkan ke internet, lalu buka tautannya lagi."),
                    format!("This result uses version {v} of the questions, which must be downloaded once. Connect to the internet, then open the link again."),
                );
            }
            CodeError::InvalidAnswer => (
                "Jawaban dalam kode hasil ini tidak cocok dengan pertanyaannya. Minta pengirim membagikan ulang tautannya.",
                "The answers in this result code don't match the questions. Ask the sender to share the link again.",
            ),
            CodeError::BadName => (
                "Nama dalam kode hasil ini tidak terbaca. Minta pengirim membagikan ulang tautannya.",
                "The name in this result code can't be read. Ask the sender to share the link again.",
            ),
        };
        lang.pick(idn, en).to_string()
    }
}

/// The code of a set of answers to the app's own questions. Answers to
/// hidden questions, unknown options, extra picks of a single choice and
/// others next to an exclusive option ("Belum ada") are left out, as the
/// flow itself would.
pub fn encode(bank: &Bank, answers: &Answers, name: Option<&str>) -> String {
    encode_for(bank, answers, name, None)
}

/// As `encode`, for answers to a host organisation's own bank: the code
/// names the organisation, so a page without that bank can say whose
/// questions they were instead of misreading them.
pub fn encode_for(
    bank: &Bank,
    answers: &Answers,
    name: Option<&str>,
    organisation: Option<&str>,
) -> String {
    with_engine(bank, |e| encode_with(e, answers, name, organisation))
}

fn encode_with(
    engine: &Engine,
    answers: &Answers,
    name: Option<&str>,
    organisation: Option<&str>,
) -> String {
    let bank = engine.bank;
    let mut bytes = vec![0u8; HEADER];
    push_varint(&mut bytes, bank.version);
    bytes.extend_from_slice(&engine.fingerprint.to_be_bytes());
    push_text(&mut bytes, organisation, ORG_MAX);
    let mut bits = BitWriter {
        bytes: &mut bytes,
        used: 8,
    };
    let mut picks: Picks = vec![None; bank.questions.len()];
    let mut visible = vec![false; bank.questions.len()];
    for (i, q) in bank.questions.iter().enumerate() {
        if !engine.shown(i, &picks, &visible) {
            continue;
        }
        let chosen = answers.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
        let p = normalize(q, bits_of(q, chosen));
        match q.kind {
            Kind::Single => bits.write(first_bit(p).map_or(0, |k| k + 1), width(q)),
            Kind::Multi => (0..q.options.len()).for_each(|k| bits.write(bit(p, k), 1)),
        }
        // Same length as the bank's questions, so both are in range.
        if let (Some(v), Some(slot)) = (visible.get_mut(i), picks.get_mut(i)) {
            *v = true;
            *slot = (p != 0).then_some(p);
        }
    }
    push_text(&mut bytes, name, NAME_MAX);
    // `validate::check` keeps every bank's longest code within 255 bytes.
    let total = u8::try_from(bytes.len() + CHECKSUM).unwrap_or(u8::MAX);
    bytes[0] = total;
    bytes[1] = !total;
    let crc = crc32(&[&[FORMAT], &bytes]);
    bytes.extend_from_slice(&crc.to_be_bytes());

    let mut text = String::with_capacity(2 + bytes.len() * 4 / 3 + 1);
    text.push(PREFIX as char);
    text.push(char::from(b'0' + FORMAT));
    base64_encode(&bytes, &mut text);
    text
}

/// A length byte and the cleaned text (nothing for `None`).
fn push_text(bytes: &mut Vec<u8>, text: Option<&str>, max: usize) {
    let text = text.map(|t| clean_name(t, max)).unwrap_or_default();
    bytes.push(text.len() as u8);
    bytes.extend_from_slice(text.as_bytes());
}

/// Which bank a code was made with, read without that bank: what a page
/// needs to find (or fetch) the bank before reading the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: u8,
    pub bank_version: u32,
    /// `None` in format 1, which named its bank by version only.
    pub bank_fingerprint: Option<u32>,
    /// The host organisation whose own bank asked the questions.
    pub organisation: Option<String>,
}

/// The bank a code names, after checking that the code is whole.
pub fn header(text: &str) -> Result<Header, CodeError> {
    let code = bare(text)?;
    let mut buf = [0u8; 256];
    let (format, len) = open(code, &mut buf)?;
    let mut reader = BitReader {
        bytes: buf.get(HEADER..len.saturating_sub(CHECKSUM)).unwrap_or(&[]),
        bit: 0,
    };
    read_header(&mut reader, format)
}

/// Reads a bare code or a whole result link (`…#hasil=CODE`), as pasted:
/// spaces and a trailing `.` or `,` around it don't matter. The code must
/// have been made with this very bank (`header` says which one it was).
pub fn decode(bank: &Bank, text: &str) -> Result<Shared, CodeError> {
    with_engine(bank, |engine| {
        let read = read(engine, text, true)?;
        Ok(Shared {
            answers: engine.answers(&read.picks),
            name: read.name,
            bank_version: bank.version,
            bank_fingerprint: engine.fingerprint,
            code: read.code.to_string(),
        })
    })
}

/// A code as read, before its answers become option ids.
pub(crate) struct Read<'t> {
    /// The bare code.
    pub code: &'t str,
    pub picks: Picks,
    /// Which questions were shown, worked out while reading.
    pub visible: Vec<bool>,
    pub name: Option<String>,
}

/// Whether `engine`'s bank is the one the header names. Format 1 named its
/// bank by version alone, and only the app's own banks wrote it.
fn names_bank(header: &Header, engine: &Engine) -> bool {
    header.bank_version == engine.bank.version
        && header
            .bank_fingerprint
            .is_none_or(|f| f == engine.fingerprint)
}

/// Reads a code against a compiled bank. A trainer's cohort reads thousands,
/// so this allocates only the answers and what was shown (and the name, if
/// `keep_name`).
pub(crate) fn read<'t>(
    engine: &Engine,
    text: &'t str,
    keep_name: bool,
) -> Result<Read<'t>, CodeError> {
    read_with(text, keep_name, |header| {
        if names_bank(header, engine) {
            Ok(engine)
        } else {
            Err(match &header.organisation {
                Some(org) => CodeError::OtherOrganisation(org.clone()),
                None => CodeError::UnknownBank(header.bank_version),
            })
        }
    })
}

/// Reads a code with the bank `choose` picks from its header.
pub(crate) fn read_with<'t, 'e, 'b: 'e>(
    text: &'t str,
    keep_name: bool,
    choose: impl FnOnce(&Header) -> Result<&'e Engine<'b>, CodeError>,
) -> Result<Read<'t>, CodeError> {
    let code = bare(text)?;
    let mut buf = [0u8; 256];
    let (format, len) = open(code, &mut buf)?;

    // The checksum held, so from here on any oddity was written that way.
    let mut reader = BitReader {
        bytes: buf.get(HEADER..len.saturating_sub(CHECKSUM)).unwrap_or(&[]),
        bit: 0,
    };
    let header = read_header(&mut reader, format)?;
    let engine = choose(&header)?;
    let bank = engine.bank;
    let mut picks: Picks = vec![None; bank.questions.len()];
    let mut visible = vec![false; bank.questions.len()];
    for (i, q) in bank.questions.iter().enumerate() {
        if !engine.shown(i, &picks, &visible) {
            continue;
        }
        let n = q.options.len();
        let p = match q.kind {
            Kind::Single => match reader.read(width(q)).ok_or(CodeError::InvalidAnswer)? {
                0 => 0,
                v if v <= n as u64 => 1u64.checked_shl(v as u32 - 1).unwrap_or(0),
                _ => return Err(CodeError::InvalidAnswer),
            },
            Kind::Multi => {
                // Option k's bit was written k-th, so the first 64 come as
                // one number with option 0 highest: turned round, they are
                // the picks. A bank keeps options within 64 (validation);
                // any beyond are read past, as they were written.
                let first = n.min(64) as u32;
                let v = reader.read(first).ok_or(CodeError::InvalidAnswer)?;
                let p = v.reverse_bits().checked_shr(64 - first).unwrap_or(0);
                for _ in 64..n {
                    reader.read(1).ok_or(CodeError::InvalidAnswer)?;
                }
                let exclusive = engine.exclusive.get(i).copied().unwrap_or(0);
                if normalize_with(q.kind, exclusive, p) != p {
                    return Err(CodeError::InvalidAnswer);
                }
                p
            }
        };
        if let (Some(v), Some(slot)) = (visible.get_mut(i), picks.get_mut(i)) {
            *v = true;
            *slot = (p != 0).then_some(p);
        }
    }
    let rest = reader
        .rest_after_padding()
        .ok_or(CodeError::InvalidAnswer)?;
    // Checked always; copied only when asked for (a trainer's table of
    // 10,000 codes reads names from the workshop file instead).
    let name = read_text(rest, NAME_MAX, true).ok_or(CodeError::BadName)?;
    Ok(Read {
        code,
        picks,
        visible,
        name: name.filter(|_| keep_name).map(str::to_string),
    })
}

/// The prefix, format and checked bytes of a bare code: its format and the
/// number of bytes in `buf`.
fn open(code: &str, buf: &mut [u8; 256]) -> Result<(u8, usize), CodeError> {
    let raw = code.as_bytes();
    match raw.first() {
        Some(&PREFIX) => {}
        _ => return Err(CodeError::NotACode),
    }
    let format = match raw.get(1) {
        None => return Err(CodeError::Truncated),
        Some(d) if d.is_ascii_digit() => d - b'0',
        Some(_) => return Err(CodeError::NotACode),
    };
    if format != FORMAT && format != FORMAT_V1 {
        return Err(CodeError::UnknownFormat(format));
    }
    let payload = raw.get(2..).unwrap_or(&[]);
    if !payload.iter().all(|&c| sextet(c).is_some()) {
        return Err(CodeError::NotACode);
    }
    Ok((format, unwrap_bytes(format, payload, buf)?))
}

fn read_header(reader: &mut BitReader, format: u8) -> Result<Header, CodeError> {
    let bank_version = reader.varint().ok_or(CodeError::UnknownBank(u32::MAX))?;
    if format == FORMAT_V1 {
        return Ok(Header {
            format,
            bank_version,
            bank_fingerprint: None,
            organisation: None,
        });
    }
    let print = reader
        .bytes_n(4)
        .ok_or(CodeError::UnknownBank(bank_version))?;
    let bank_fingerprint = u32::from_be_bytes([print[0], print[1], print[2], print[3]]);
    let rest = reader.rest_after_padding().ok_or(CodeError::BadName)?;
    let len = usize::from(*rest.first().ok_or(CodeError::BadName)?);
    let organisation = read_text(rest.get(..=len).ok_or(CodeError::BadName)?, ORG_MAX, false)
        .ok_or(CodeError::BadName)?
        .map(str::to_string);
    reader.bit += 8 * (1 + len);
    Ok(Header {
        format,
        bank_version,
        bank_fingerprint: Some(bank_fingerprint),
        organisation,
    })
}

/// A length byte and that many bytes of clean UTF-8, exactly filling
/// `bytes` when `whole`: `None` if anything is off, `Some(None)` if empty.
fn read_text(bytes: &[u8], max: usize, whole: bool) -> Option<Option<&str>> {
    let (&len, text) = bytes.split_first()?;
    let len = usize::from(len);
    if len > max || (whole && len != text.len()) {
        return None;
    }
    let text = std::str::from_utf8(text.get(..len)?).ok()?;
    if text.chars().any(char::is_control) {
        return None;
    }
    let text = text.trim();
    Some((!text.is_empty()).then_some(text))
}

/// The URL fragment of a result link, without `#`: `hasil=CODE`.
pub fn fragment(code: &str) -> String {
    let mut f = String::with_capacity(FRAGMENT_KEY.len() + code.len());
    f.push_str(FRAGMENT_KEY);
    f.push_str(code);
    f
}

/// Every code or result link in pasted text, such as a WhatsApp chat with
/// other words around them, in order. A token counts when it holds
/// `hasil=` or looks like a bare code (`K`, a digit, then at least eight
/// base64url characters), so "K3" or "3K" in a sentence is not one.
pub fn decode_many(bank: &Bank, text: &str) -> Vec<Result<Shared, (String, CodeError)>> {
    tokens(text)
        .map(|t| decode(bank, t).map_err(|e| (t.to_string(), e)))
        .collect()
}

/// The codes and result links in pasted text, as `decode_many` finds them.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|t| t.trim_matches(WRAPPERS))
        .filter(|t| looks_like_code(t))
}

fn looks_like_code(token: &str) -> bool {
    token.contains(FRAGMENT_KEY)
        || matches!(token.as_bytes(), [PREFIX, d, rest @ ..]
            if d.is_ascii_digit() && rest.len() >= 8 && rest.iter().all(|&c| sextet(c).is_some()))
}

/// The code inside what was pasted: after `hasil=` in a link, without the
/// spaces and punctuation around it.
fn bare(text: &str) -> Result<&str, CodeError> {
    let t = text.trim();
    // A bare code has no `=` (base64url): most of a trainer's 10,000 are bare.
    let found = t.contains('=').then(|| t.find(FRAGMENT_KEY)).flatten();
    let t = match found {
        Some(i) => t.get(i + FRAGMENT_KEY.len()..).unwrap_or(""),
        None => t,
    };
    let t = t.trim_matches(|c: char| c.is_whitespace() || WRAPPERS.contains(&c));
    if t.is_empty() {
        Err(CodeError::Empty)
    } else {
        Ok(t)
    }
}

/// Decodes a payload whose length and checksum hold into `buf`, returning
/// its length. The length sits in front, guarded by its complement, so a
/// cut-off code is told apart from a changed one.
fn unwrap_bytes(format: u8, payload: &[u8], buf: &mut [u8; 256]) -> Result<usize, CodeError> {
    let head = payload.get(..3).ok_or(CodeError::Truncated)?;
    let [a, b, c] = [0, 1, 2].map(|i| head.get(i).and_then(|&ch| sextet(ch)).unwrap_or(0));
    let len = (a << 2) | (b >> 4);
    let check = ((b & 0x0f) << 4) | (c >> 2);
    if check != !len {
        return Err(CodeError::BadChecksum);
    }
    let len = usize::from(len);
    if len < MIN_BYTES {
        return Err(CodeError::BadChecksum);
    }
    let chars = (len * 8).div_ceil(6);
    if payload.len() < chars {
        return Err(CodeError::Truncated);
    }
    if payload.len() > chars {
        return Err(CodeError::BadChecksum);
    }
    if base64_decode(payload, buf) != Some(len) {
        return Err(CodeError::BadChecksum);
    }
    let (body, sum) = buf
        .get(..len)
        .and_then(|b| b.split_at_checked(len - CHECKSUM))
        .ok_or(CodeError::Truncated)?;
    if sum != crc32(&[&[format], body]).to_be_bytes() {
        return Err(CodeError::BadChecksum);
    }
    Ok(len)
}

/// The chosen options of a question as bits; unknown ids are ignored.
fn bits_of(q: &Question, chosen: &[String]) -> u64 {
    (q.options.iter().enumerate())
        .filter(|(k, o)| *k < 64 && chosen.contains(&o.id))
        .fold(0, |p, (k, _)| p | 1 << k)
}

/// As the flow keeps answers: a single choice holds one option, and an
/// exclusive option ("Belum ada") stands alone.
fn normalize(q: &Question, p: u64) -> u64 {
    normalize_with(q.kind, exclusive_bits(q), p)
}

/// `normalize`, with the question's exclusive options as bits.
fn normalize_with(kind: Kind, exclusive: u64, p: u64) -> u64 {
    let lowest = p & p.wrapping_neg();
    match kind {
        Kind::Single => lowest,
        Kind::Multi => {
            let exclusive = exclusive & p;
            if exclusive == 0 {
                p
            } else {
                exclusive & exclusive.wrapping_neg()
            }
        }
    }
}

fn first_bit(p: u64) -> Option<usize> {
    (p != 0).then(|| p.trailing_zeros() as usize)
}

fn bit(p: u64, k: usize) -> usize {
    usize::from(k < 64 && (p >> k) & 1 == 1)
}

/// Bits of a single choice: enough for "no answer" plus each option.
fn width(q: &Question) -> u32 {
    usize::BITS - q.options.len().leading_zeros()
}

/// Control characters become spaces, runs of spaces one space, and the name
/// is cut to `max` bytes at a character boundary.
fn clean_name(name: &str, max: usize) -> String {
    let spaced: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::new();
    for word in spaced.split_whitespace() {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + word.len() <= max {
            if sep == 1 {
                out.push(' ');
            }
            out.push_str(word);
            continue;
        }
        // The last word that fits only in part: as many whole characters as fit.
        if out.len() + sep < max {
            if sep == 1 {
                out.push(' ');
            }
            for c in word.chars() {
                if out.len() + c.len_utf8() > max {
                    break;
                }
                out.push(c);
            }
        }
        break;
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

struct BitWriter<'a> {
    bytes: &'a mut Vec<u8>,
    /// Bits used in the last byte; 8 means "start a new byte".
    used: u32,
}

impl BitWriter<'_> {
    fn write(&mut self, value: usize, width: u32) {
        for i in (0..width).rev() {
            if self.used == 8 {
                self.bytes.push(0);
                self.used = 0;
            }
            if (value >> i) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> self.used;
                }
            }
            self.used += 1;
        }
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    bit: usize,
}

impl BitReader<'_> {
    /// The next `width` (at most 64) bits, the first one highest. A byte's
    /// worth at a time: a trainer's table reads 10,000 codes.
    fn read(&mut self, width: u32) -> Option<u64> {
        debug_assert!(width <= 64);
        let mut v = 0u64;
        let mut left = width;
        while left > 0 {
            let byte = *self.bytes.get(self.bit / 8)?;
            let used = (self.bit % 8) as u32;
            let take = left.min(8 - used);
            let bits = (byte >> (8 - used - take)) & (0xff >> (8 - take));
            v = (v << take) | u64::from(bits);
            self.bit += take as usize;
            left -= take;
        }
        Some(v)
    }

    /// A LEB128 value from a byte boundary (the reader starts on one).
    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = *self.bytes.get(self.bit / 8)?;
            self.bit += 8;
            v |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// The next `n` whole bytes (the reader is on a byte boundary).
    fn bytes_n(&mut self, n: usize) -> Option<&[u8]> {
        let from = self.bit / 8;
        let out = self.bytes.get(from..from + n)?;
        self.bit += 8 * n;
        Some(out)
    }

    /// The bytes after the current one, if the rest of it is zero padding.
    fn rest_after_padding(&self) -> Option<&[u8]> {
        let next = self.bit.div_ceil(8);
        if !self.bit.is_multiple_of(8) {
            let byte = self.bytes.get(self.bit / 8)?;
            if byte & (0xff >> (self.bit % 8)) != 0 {
                return None;
            }
        }
        self.bytes.get(next..)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

fn base64_encode(bytes: &[u8], out: &mut String) {
    let mut acc = 0u32;
    let mut bits = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(char::from(ALPHABET[((acc >> bits) & 63) as usize]));
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (6 - bits)) & 63) as usize]));
    }
}

/// Strict: the unused low bits of the last character must be zero, or a
/// changed last character could slip past the checksum. Returns the number
/// of bytes written, or `None` if they don't fit.
fn base64_decode(text: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut n = 0;
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in text {
        acc = (acc << 6) | u32::from(sextet(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            *out.get_mut(n)? = (acc >> bits) as u8;
            n += 1;
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).rev().collect();
        for n in 0..40 {
            let mut text = String::new();
            base64_encode(&data[..n], &mut text);
            assert!(!text.contains('='));
            assert_eq!(text.len(), (n * 8).div_ceil(6));
            let mut buf = [0u8; 64];
            assert_eq!(base64_decode(text.as_bytes(), &mut buf), Some(n));
            assert_eq!(&buf[..n], &data[..n]);
        }
        let mut text = String::new();
        base64_encode(b"\xfb\xff", &mut text);
        assert_eq!(text, "-_8");
    }

    #[test]
    fn names_are_cleaned_and_cut_at_a_character() {
        assert_eq!(clean_name("  Ibu\tSiti \n ", NAME_MAX), "Ibu Siti");
        assert_eq!(clean_name("a\u{0}b", NAME_MAX), "a b");
        let long = "Kopi Wamena Ibu Siti ☕ dari Lembah Baliem, Papua";
        let cut = clean_name(long, NAME_MAX);
        assert!(cut.len() <= NAME_MAX && long.starts_with(&cut), "{cut}");
        assert_eq!(clean_name(&"é".repeat(30), NAME_MAX), "é".repeat(20));
        assert_eq!(
            clean_name(&format!("{} ☕", "a".repeat(38)), NAME_MAX),
            "a".repeat(38)
        );
    }
}
