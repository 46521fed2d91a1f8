//! The trainer page's state and its one pure transition: the workshops, which one is open, the dashboard's sort and shortlist, the delete question and the last message; saving is the shell's effect.

use super::{Shortlist, SortKey, Workshop};

/// Everything the trainer page remembers between clicks.
#[derive(Clone, Debug, PartialEq)]
pub struct Desk {
    pub workshops: Vec<Workshop>,
    /// Index into `workshops` of the workshop whose dashboard is shown;
    /// `None` shows the list.
    pub open: Option<usize>,
    /// The last thing done, for the status line ("3 peserta ditambahkan.").
    pub status: String,
    /// The table's column, and whether it runs high to low.
    pub sort: (SortKey, bool),
    pub shortlist: Shortlist,
    /// "Hapus pelatihan ini?" is being asked.
    pub deleting: bool,
    /// Counts every change to `workshops`, so the shell saves exactly then.
    pub revision: u64,
}

/// What the trainer does.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskAction {
    /// A new workshop from the form; it opens at once. A workshop without a
    /// name is not created.
    Create {
        workshop: Workshop,
        message: String,
    },
    Open(usize),
    /// Back to the list.
    Back,
    /// The workshops after adding codes, merging a file or adding an opened
    /// result (worked out by `cohort::add`/`merge_all`), with what happened.
    Changed {
        workshops: Vec<Workshop>,
        message: String,
    },
    /// A column header: the same column again reverses the order; a new one
    /// starts high to low, except names, which start at A.
    Sort(SortKey),
    /// The shortlist's lowest level (index into `bank.levels`).
    MinLevel(usize),
    /// Ticks or unticks "must not have" for a gate id.
    ToggleWithout(String),
    AskDelete,
    CancelDelete,
    /// Deletes the open workshop; `deleted` is the label for the message
    /// ("Dihapus"), followed by the workshop's name.
    Delete {
        deleted: String,
    },
    /// The browser refused to save the last change: say so after the message.
    NotSaved(String),
}

impl Desk {
    /// The page as it opens: the saved workshops, the list shown.
    pub fn new(workshops: Vec<Workshop>) -> Desk {
        Desk {
            workshops,
            open: None,
            status: String::new(),
            sort: (SortKey::Overall, true),
            shortlist: Shortlist::default(),
            deleting: false,
            revision: 0,
        }
    }

    /// The open workshop, if any.
    pub fn current(&self) -> Option<&Workshop> {
        self.open.and_then(|i| self.workshops.get(i))
    }

    /// A workshop's dashboard starts with the default sort and no filter.
    fn show(&mut self, open: Option<usize>) {
        self.open = open;
        self.sort = (SortKey::Overall, true);
        self.shortlist = Shortlist::default();
        self.deleting = false;
    }
}

/// The trainer page's one transition: a desk and an action in, the next desk out.
pub fn apply(mut desk: Desk, action: DeskAction) -> Desk {
    match action {
        DeskAction::Create { workshop, message } => {
            if workshop.name.trim().is_empty() {
                return desk;
            }
            desk.workshops.push(workshop);
            desk.show(Some(desk.workshops.len() - 1));
            desk.status = message;
            desk.revision += 1;
        }
        DeskAction::Open(i) if i < desk.workshops.len() => desk.show(Some(i)),
        DeskAction::Open(_) => {}
        DeskAction::Back => desk.show(None),
        DeskAction::Changed { workshops, message } => {
            desk.workshops = workshops;
            if desk.open.is_some_and(|i| i >= desk.workshops.len()) {
                desk.show(None);
            }
            desk.status = message;
            desk.revision += 1;
        }
        DeskAction::Sort(key) => {
            let descending = if desk.sort.0 == key {
                !desk.sort.1
            } else {
                key != SortKey::Name
            };
            desk.sort = (key, descending);
        }
        DeskAction::MinLevel(level) => desk.shortlist.min_level = level,
        DeskAction::ToggleWithout(gate) => {
            let without = &mut desk.shortlist.without_gates;
            match without.iter().position(|g| *g == gate) {
                Some(i) => {
                    without.remove(i);
                }
                None => without.push(gate),
            }
        }
        DeskAction::AskDelete => desk.deleting = desk.open.is_some(),
        DeskAction::CancelDelete => desk.deleting = false,
        DeskAction::Delete { deleted } => {
            if let Some(i) = desk.open.filter(|i| *i < desk.workshops.len()) {
                let gone = desk.workshops.remove(i);
                desk.show(None);
                desk.status = format!("{deleted}: {}", gone.name);
                desk.revision += 1;
            }
        }
        DeskAction::NotSaved(note) => {
            desk.status = if desk.status.is_empty() {
                note
            } else {
                format!("{} {note}", desk.status)
            };
        }
    }
    desk
}
