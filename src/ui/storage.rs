//! The browser's localStorage, at the edge: reading saved progress at start-up
//! and writing it after each change. Every failure becomes a notice, never a
//! panic: storage may be blocked, full, or hold something unreadable.

use web_sys::Storage;

use crate::assessment::cohort::{self, Workshop, STORE_BACKUP_KEY, STORE_KEY};
use crate::assessment::flow::{Notice, State};
use crate::assessment::progress::{self, KEY, LANG_KEY, OLDER_KEYS};
use crate::assessment::{Bank, Lang};

/// This browser's localStorage, if it lets us have it.
pub(crate) fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Some browsers hand out a storage object that refuses every write
/// (private mode, quota 0): find out at start rather than on the first save.
pub(crate) fn writable(storage: &Storage) -> bool {
    let probe = "cek-siap-ekspor.probe";
    let ok = storage.set_item(probe, "1").is_ok();
    let _ = storage.remove_item(probe);
    ok
}

/// Where progress is kept. An embedded widget keeps its own per host page and
/// widget, so two widgets on one page (or two sites) never share answers.
/// `embedded` is the host's confirmed origin (if any) and the widget's id:
/// plain values, so this adapter needs nothing of the embed code.
pub fn progress_key(embedded: Option<(Option<&str>, &str)>) -> String {
    match embedded {
        None => KEY.to_string(),
        Some((host, widget)) => format!("{KEY}@{}#{widget}", host.unwrap_or("?")),
    }
}

/// Where progress for a host's own question bank is kept, beside `key`.
pub fn custom_bank_key(key: &str) -> String {
    format!("{key}|custom")
}

/// The state to start with: saved progress if readable, else a fresh start
/// with a notice saying why. Progress an older version saved under an older
/// key is moved to `key`.
pub fn load(bank: &Bank, key: &str) -> State {
    let Some(storage) = local() else {
        return fresh(Lang::default(), Some(Notice::StorageUnavailable));
    };
    let lang = load_lang();
    if !writable(&storage) {
        return fresh(lang, Some(Notice::StorageUnavailable));
    }

    // `key` is built on `KEY`; the same place under an older format's key.
    let older = OLDER_KEYS.map(|old| key.replacen(KEY, old, 1));
    let found = std::iter::once(key)
        .chain(older.iter().map(String::as_str))
        .find_map(|k| Some((k, storage.get_item(k).ok()??)));
    let Some((found_at, text)) = found else {
        return fresh(lang, None);
    };
    match progress::decode(bank, &text, lang) {
        Ok(state) => {
            // Save in today's format before forgetting the old one, so a
            // failed write loses nothing.
            if found_at != key
                && storage
                    .set_item(key, &progress::encode(bank, &state))
                    .is_ok()
            {
                let _ = storage.remove_item(found_at);
            }
            state
        }
        Err(_) => {
            // Keep what we could not read, for a developer or a later
            // version to recover, instead of destroying it: in this key's
            // own slot, and never over an earlier backup (the first
            // unreadable text is the one closest to what the owner lost).
            let backup = progress::backup_key(key);
            if matches!(storage.get_item(&backup), Ok(None)) {
                let _ = storage.set_item(&backup, &text);
            }
            let _ = storage.remove_item(found_at);
            fresh(lang, Some(Notice::ProgressReset))
        }
    }
}

fn fresh(lang: Lang, notice: Option<Notice>) -> State {
    State {
        lang,
        notice,
        ..State::default()
    }
}

/// The browser refused to save: storage blocked, or full.
#[derive(Debug)]
pub struct NotSaved;

pub fn save(bank: &Bank, key: &str, state: &State) -> Result<(), NotSaved> {
    let storage = local().ok_or(NotSaved)?;
    storage
        .set_item(key, &progress::encode(bank, state))
        .map_err(|_| NotSaved)
}

/// The language chosen earlier on this device, else Indonesian.
pub fn load_lang() -> Lang {
    local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    if let Some(storage) = local() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The trainer's workshops kept in this browser.
pub struct Stored {
    pub workshops: Vec<Workshop>,
    /// The stored data could not be read: it was moved to a backup key, never
    /// destroyed, and the list starts empty.
    pub unreadable: bool,
    /// The browser won't let us save: say so before any work is lost.
    pub blocked: bool,
}

pub fn load_workshops() -> Stored {
    let mut stored = Stored {
        workshops: Vec::new(),
        unreadable: false,
        blocked: true,
    };
    let Some(storage) = local() else {
        return stored;
    };
    stored.blocked = !writable(&storage);
    if let Ok(Some(text)) = storage.get_item(STORE_KEY) {
        match cohort::load(&text) {
            Ok(loaded) => stored.workshops = loaded.workshops,
            Err(_) => {
                let _ = storage.set_item(STORE_BACKUP_KEY, &text);
                let _ = storage.remove_item(STORE_KEY);
                stored.unreadable = true;
            }
        }
    }
    stored
}

pub fn save_workshops(workshops: &[Workshop]) -> bool {
    local().is_some_and(|s| s.set_item(STORE_KEY, &cohort::save(workshops)).is_ok())
}

/// Whether this browser holds a trainer's workshops (the owner's result
/// then links to trainer mode).
pub fn has_workshops() -> bool {
    local()
        .and_then(|s| s.get_item(STORE_KEY).ok().flatten())
        .is_some()
}

/// Saved text that was not readable: already kept under its backup key.
#[derive(Debug)]
pub struct Unreadable;

/// A list kept beside the progress (the checklist, earlier results), read
/// with `decode`: `Ok(None)` when there is none or storage is blocked.
/// Unreadable text is kept under its backup key, never over an earlier
/// backup, then removed, as unreadable progress is.
pub fn load_list<T, E>(
    key: &str,
    decode: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, Unreadable> {
    let Some(storage) = local() else {
        return Ok(None);
    };
    let Some(text) = storage.get_item(key).ok().flatten() else {
        return Ok(None);
    };
    decode(&text).map(Some).map_err(|_| {
        let backup = progress::backup_key(key);
        if matches!(storage.get_item(&backup), Ok(None)) {
            let _ = storage.set_item(&backup, &text);
        }
        let _ = storage.remove_item(key);
        Unreadable
    })
}

/// Saves a list's text under `key`; an empty list removes the key.
pub fn save_list(key: &str, text: Option<&str>) -> Result<(), NotSaved> {
    let storage = local().ok_or(NotSaved)?;
    match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    }
    .map_err(|_| NotSaved)
}
