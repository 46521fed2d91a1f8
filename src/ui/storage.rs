//! The browser's localStorage, at the edge: reading saved progress at start-up
//! and writing it after each change. Every failure becomes a notice, never a
//! panic: storage may be blocked, full, or hold something unreadable.

use web_sys::Storage;

use crate::assessment::flow::{Notice, State};
use crate::assessment::progress::{self, BACKUP_KEY, KEY, LANG_KEY};
use crate::assessment::{Bank, Lang};

/// This browser's localStorage, if it lets us have it.
pub(crate) fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where progress is kept. An embedded widget keeps its own per host page and
/// widget, so two widgets on one page (or two sites) never share answers.
pub fn progress_key(embed: Option<&super::embed::Embed>) -> String {
    match embed {
        None => KEY.to_string(),
        Some(e) => format!("{KEY}@{}#{}", e.host.as_deref().unwrap_or("?"), e.widget),
    }
}

/// The state to start with: saved progress if readable, else a fresh start
/// with a notice saying why.
pub fn load(bank: &Bank, key: &str) -> State {
    let Some(storage) = local() else {
        return fresh(Lang::default(), Some(Notice::StorageUnavailable));
    };
    let lang = load_lang();
    // Some browsers hand out a storage object that refuses every write
    // (private mode, quota 0): find out now rather than on the first answer.
    let probe = "cek-siap-ekspor.probe";
    if storage.set_item(probe, "1").is_err() {
        return fresh(lang, Some(Notice::StorageUnavailable));
    }
    let _ = storage.remove_item(probe);

    match storage.get_item(key) {
        Ok(Some(text)) => match progress::decode(bank, &text, lang) {
            Ok(state) => state,
            Err(_) => {
                // Keep what we could not read, for a developer or a later
                // version to recover, instead of destroying it.
                let _ = storage.set_item(BACKUP_KEY, &text);
                let _ = storage.remove_item(key);
                fresh(lang, Some(Notice::ProgressReset))
            }
        },
        _ => fresh(lang, None),
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
