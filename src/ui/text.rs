//! The interface's own words (buttons, headings, notices) in both languages.
//! Assessment content lives in `assessment/bank.json`, not here.

use crate::assessment::flow::{Day, Notice};
use crate::assessment::Lang;

/// A fixed piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    AppName,
    LanguageGroup,
    IntroTitle,
    IntroLead,
    IntroTime,
    IntroPrivate,
    IntroPause,
    IntroNotSaved,
    IntroOutcome,
    /// Shown only by the static pages, when the app cannot start there (no
    /// JavaScript, no WebAssembly, or its files did not load).
    NeedsBrowser,
    Start,
    Continue,
    StartOver,
    Back,
    Next,
    PickOne,
    PickMany,
    MustAnswer,
    ReviewTitle,
    ReviewLead,
    Change,
    SeeResult,
    ResultTitle,
    AssessedOn,
    LevelLabel,
    ScoreLabel,
    NextStep,
    QuestionsVersion,
    OlderQuestions,
    LoadingOlderQuestions,
    OlderQuestionsUnavailable,
    WhatToDo,
    Why,
    Plan,
    AreasTitle,
    WhyScore,
    NoCost,
    WhyNotHigher,
    EditAnswers,
    RestartConfirm,
    RestartYes,
    RestartNo,
    Privacy,
    Dismiss,
    OpensNewTab,
    ShareTitle,
    ShareLead,
    ShareName,
    QrLabel,
    ShareWhatsApp,
    Print,
    ShareCode,
    Copy,
    Copied,
    ResultLink,
    TakeItYourself,
    SharedTitle,
    SharedNote,
    BrokenLinkTitle,
    TrainerMode,
    AddToWorkshop,
    UpdateReady,
    UpdateNow,
    EnglishLoading,
    EnglishUnavailable,
    /// The site already has a newer version of the app, whose English does
    /// not fit the questions of the one on this phone.
    EnglishOtherVersion,
    Install,
    ConfigInvalid,
    ConfigUnreachable,
    ConfigUnread,
    ContactUs,
    TrainerPrivacy,
    NoCodeFound,
    NotSaved,
    StoreUnreadable,
    StoreBlocked,
    // The plan as a checklist, and the owner's progress (issue 15).
    StepDone,
    UpdateAnswer,
    UpdateAnswerLead,
    UpdateClose,
    AnswerNewQuestion,
    NothingChanged,
    Retake,
    ProgressTitle,
    ProgressLead,
    EarlierResults,
    SinceEarlier,
    Earlier,
    Now,
    Delete,
    DeleteAll,
    DeleteOneConfirm,
    DeleteAllConfirm,
    MyPlan,
    WorkshopCreated,
    ParticipantsWord,
    Open,
    TrainerLead,
    Workshops,
    NewWorkshop,
    WorkshopName,
    WorkshopPlace,
    WorkshopDate,
    CreateWorkshop,
    ImportTitle,
    ImportLabel,
    BackToAssessment,
    CreateFirst,
    AddOpenedResult,
    Add,
    AddParticipants,
    PasteLabel,
    Dashboard,
    NoParticipants,
    AverageTitle,
    CommonSteps,
    Blockers,
    BeforeAfter,
    ShortlistTitle,
    MinLevel,
    MustNotHave,
    Shown,
    ParticipantTable,
    NameCol,
    LevelCol,
    ScoreCol,
    DownloadCsv,
    ExportJson,
    BackToList,
    DeleteConfirm,
    DeleteYes,
    DeleteWorkshop,
    Deleted,
    NoScanner,
    Scanning,
    CameraFailed,
    CameraView,
    StopScan,
    ScanQr,
    /// Embedded and unable to save: carry the answers to the full page.
    ContinueLead,
    ContinueInNewTab,
    AllowStorage,
    StorageRefused,
    /// The full page already keeps other answers than the carried ones.
    CarriedAsk,
    CarriedUse,
    CarriedKeep,
}

pub fn t(lang: Lang, key: Ui) -> &'static str {
    let (id, en) = match key {
        Ui::AppName => ("Cek Siap Ekspor", "Export Readiness Check"),
        Ui::LanguageGroup => ("Bahasa", "Language"),
        Ui::IntroTitle => ("Seberapa siap usaha Anda untuk ekspor?", "How ready is your business to export?"),
        Ui::IntroLead => (
            "Jawab pertanyaan singkat tentang usaha, produk, kemampuan digital, pengalaman dan rencana ekspor Anda.",
            "Answer short questions about your business, product, digital skills, export experience and plans.",
        ),
        Ui::IntroTime => ("Sekitar 10 menit.", "About 10 minutes."),
        Ui::IntroPrivate => (
            "Jawaban Anda tidak dikirim ke mana pun: hanya tersimpan di HP ini.",
            "Your answers are not sent anywhere: they stay on this phone.",
        ),
        Ui::IntroNotSaved => ("Jawaban Anda tidak dikirim ke mana pun.", "Your answers are not sent anywhere."),
        Ui::IntroPause => (
            "Boleh berhenti kapan saja dan lanjut nanti, juga tanpa sinyal.",
            "You can stop at any time and continue later.",
        ),
        Ui::IntroOutcome => (
            "Di akhir, Anda melihat tingkat kesiapan dan satu langkah berikutnya yang paling penting.",
            "At the end you see your readiness level and the one next step that matters most.",
        ),
        Ui::NeedsBrowser => (
            "Cek Siap Ekspor perlu browser yang lebih baru, dengan JavaScript aktif. Buka halaman ini di Chrome untuk Android versi terbaru. Di Opera Mini atau mode hemat data, penilaian ini tidak bisa berjalan.",
            "Cek Siap Ekspor needs a current browser with JavaScript turned on. Open this page in an up-to-date Chrome for Android. In Opera Mini or a data-saving mode, the assessment cannot run.",
        ),
        Ui::Start => ("Mulai", "Start"),
        Ui::Continue => ("Lanjutkan", "Continue"),
        Ui::StartOver => ("Mulai dari awal", "Start over"),
        Ui::Back => ("Kembali", "Back"),
        Ui::Next => ("Lanjut", "Next"),
        Ui::PickOne => ("Pilih satu jawaban.", "Choose one answer."),
        Ui::PickMany => ("Boleh pilih lebih dari satu.", "You may choose more than one."),
        Ui::MustAnswer => (
            "Pilih jawaban dulu. Jika belum yakin, pilih “Tidak tahu” atau “Belum”.",
            "Please choose an answer first. If you are not sure, choose “Don't know” or “Not yet”.",
        ),
        Ui::ReviewTitle => ("Periksa jawaban Anda", "Check your answers"),
        Ui::ReviewLead => (
            "Ketuk “Ubah” untuk memperbaiki jawaban. Jika sudah benar, lihat hasilnya.",
            "Tap “Change” to correct an answer. When all is right, see your result.",
        ),
        Ui::Change => ("Ubah", "Change"),
        Ui::SeeResult => ("Lihat hasil", "See result"),
        Ui::ResultTitle => ("Hasil Anda", "Your result"),
        Ui::AssessedOn => ("Tanggal penilaian:", "Assessed on"),
        Ui::LevelLabel => ("Tingkat kesiapan", "Readiness level"),
        Ui::ScoreLabel => ("Skor keseluruhan", "Overall score"),
        Ui::NextStep => ("Langkah berikutnya", "Next step"),
        Ui::QuestionsVersion => ("Versi pertanyaan", "Questions version"),
        Ui::OlderQuestions => ("Hasil ini memakai pertanyaan versi", "This result uses the questions of version"),
        Ui::LoadingOlderQuestions => ("Memuat pertanyaan versi sebelumnya…", "Loading an earlier version of the questions…"),
        Ui::OlderQuestionsUnavailable => (
            "Sebagian hasil memakai pertanyaan versi sebelumnya, yang perlu diunduh sekali. Sambungkan ke internet, lalu buka halaman ini lagi.",
            "Some results use an earlier version of the questions, which must be downloaded once. Connect to the internet, then open this page again.",
        ),
        Ui::WhatToDo => ("Yang perlu dilakukan", "What to do"),
        Ui::Why => ("Mengapa", "Why"),
        Ui::Plan => ("Rencana setelah itu", "Plan after that"),
        Ui::AreasTitle => ("Skor per bidang", "Score per area"),
        Ui::WhyScore => ("Mengapa skor ini", "Why this score"),
        Ui::NoCost => ("Sudah baik di bidang ini.", "Already good in this area."),
        Ui::WhyNotHigher => ("Mengapa belum lebih tinggi", "Why not higher yet"),
        Ui::EditAnswers => ("Ubah jawaban", "Change answers"),
        Ui::RestartConfirm => (
            "Hapus semua jawaban di HP ini dan mulai lagi?",
            "Delete all answers on this phone and start again?",
        ),
        Ui::RestartYes => ("Ya, hapus dan mulai lagi", "Yes, delete and start again"),
        Ui::RestartNo => ("Batal", "Cancel"),
        Ui::Privacy => (
            "Jawaban Anda tidak dikirim ke mana pun. Semuanya tersimpan hanya di perangkat ini.",
            "Your answers are not sent anywhere. Everything stays on this device only.",
        ),
        Ui::Dismiss => ("Tutup pesan", "Close message"),
        Ui::ContinueLead => (
            "Agar jawaban tidak hilang, lanjutkan di tab baru: jawaban sejauh ini ikut dibawa dan disimpan di sana.",
            "To keep your answers, continue in a new tab: your answers so far go with you and are saved there.",
        ),
        Ui::ContinueInNewTab => ("Lanjutkan di tab baru", "Continue in a new tab"),
        Ui::AllowStorage => ("Izinkan penyimpanan", "Allow saving"),
        Ui::StorageRefused => (
            "Browser tidak mengizinkan penyimpanan di sini. Pakai “Lanjutkan di tab baru”.",
            "The browser did not allow saving here. Use “Continue in a new tab”.",
        ),
        Ui::CarriedAsk => (
            "Halaman ini sudah menyimpan jawaban lain. Pakai jawaban yang dibawa dari widget? Jawaban yang tersimpan di sini akan diganti.",
            "This page already keeps other answers. Use the answers brought from the widget? The answers kept here will be replaced.",
        ),
        Ui::CarriedUse => ("Pakai jawaban dari widget", "Use the widget's answers"),
        Ui::CarriedKeep => ("Tetap pakai jawaban tersimpan", "Keep the saved answers"),
        Ui::OpensNewTab => ("(membuka tab baru)", "(opens a new tab)"),
        Ui::ShareTitle => ("Bagikan hasil", "Share your result"),
        Ui::ShareLead => (
            "Hasil hanya dibagikan jika Anda sendiri mengirimnya, misalnya ke pelatih atau pendamping.",
            "Your result is shared only if you send it yourself, for example to your trainer or mentor.",
        ),
        Ui::ShareName => (
            "Nama Anda atau nama usaha (boleh dikosongkan)",
            "Your name or business name (optional)",
        ),
        Ui::QrLabel => (
            "Kode QR tautan hasil: pindai dengan kamera HP lain",
            "QR code of the result link: scan it with another phone's camera",
        ),
        Ui::ShareWhatsApp => ("Bagikan ke WhatsApp", "Share on WhatsApp"),
        Ui::Print => ("Cetak / simpan PDF", "Print / save as PDF"),
        Ui::ShareCode => ("Kode hasil", "Result code"),
        Ui::Copy => ("Salin kode", "Copy code"),
        Ui::Copied => ("Kode disalin.", "Code copied."),
        Ui::ResultLink => ("Tautan hasil ini", "Link to this result"),
        Ui::TakeItYourself => ("Mulai penilaian sendiri", "Take the assessment yourself"),
        Ui::SharedTitle => ("Hasil yang dibagikan", "Shared result"),
        Ui::SharedNote => (
            "Ini hasil orang lain, hanya untuk dibaca. Tidak ada yang tersimpan atau terkirim.",
            "This is someone else's result, read-only. Nothing is saved or sent.",
        ),
        Ui::BrokenLinkTitle => ("Tautan hasil tidak bisa dibuka", "This result link can't be opened"),
        Ui::TrainerMode => ("Mode pelatih", "Trainer mode"),
        Ui::AddToWorkshop => ("Tambahkan ke pelatihan", "Add to a workshop"),
        Ui::UpdateReady => (
            "Versi baru tersedia. Jawaban Anda tetap tersimpan.",
            "A new version is available. Your answers stay saved.",
        ),
        Ui::UpdateNow => ("Perbarui", "Update"),
        Ui::EnglishLoading => ("Memuat bahasa Inggris…", "Loading English…"),
        Ui::EnglishUnavailable => (
            "Bahasa Inggris belum bisa dimuat: sekali saja perlu koneksi internet. Sambungkan HP ke internet, lalu ketuk EN lagi.",
            "English could not be loaded: it needs an internet connection once. Connect to the internet, then tap EN again.",
        ),
        Ui::EnglishOtherVersion => (
            "Bahasa Inggris belum bisa dimuat: situs ini sudah memakai versi aplikasi yang lebih baru. Ketuk “Perbarui” bila muncul, atau muat ulang halaman ini, lalu ketuk EN lagi.",
            "English could not be loaded: this site already has a newer version of the app. Tap “Update” when it appears, or reload this page, then tap EN again.",
        ),
        Ui::Install => ("Pasang aplikasi di HP ini", "Install the app on this phone"),
        Ui::ConfigInvalid => (
            "Konfigurasi widget ini tidak valid. Bagian yang salah diabaikan; pertanyaan bawaan tetap dipakai.",
            "This widget's configuration is invalid. The wrong parts are ignored; the built-in questions are used.",
        ),
        Ui::ConfigUnreachable => (
            "Berkas konfigurasi dari situs ini tidak bisa dimuat.",
            "The configuration file from this site could not be loaded.",
        ),
        Ui::ConfigUnread => (
            "Berkas konfigurasi dari situs ini belum bisa dibaca: pembaca konfigurasi widget tidak termuat. Muat ulang halaman untuk mencoba lagi.",
            "The configuration file from this site could not be read: the widget's configuration reader did not load. Reload the page to try again.",
        ),
        Ui::ContactUs => ("Hubungi kami", "Contact us"),
        Ui::TrainerPrivacy => (
            "Data pelatihan tersimpan hanya di browser ini dan tidak dikirim ke mana pun. Bagikan lewat file ekspor bila perlu.",
            "Workshop data is kept in this browser only and sent nowhere. Share it with the export file when needed.",
        ),
        Ui::NoCodeFound => ("Tidak ada kode atau tautan hasil yang dikenali.", "No result code or link was recognised."),
        Ui::NotSaved => ("(Tidak bisa disimpan di browser ini.)", "(Could not be saved in this browser.)"),
        Ui::StepDone => ("Sudah saya lakukan", "I have done this"),
        Ui::UpdateAnswer => ("Perbarui jawaban", "Update my answer"),
        Ui::UpdateAnswerLead => (
            "Langkah ini mengubah jawaban Anda. Pilih jawaban yang benar sekarang; hasilnya dihitung ulang di HP ini.",
            "This step changes one of your answers. Choose what is true now; your result is worked out again on this phone.",
        ),
        Ui::UpdateClose => ("Selesai", "Done"),
        Ui::AnswerNewQuestion => ("Jawab pertanyaan baru", "Answer the new question"),
        Ui::NothingChanged => (
            "Tingkat dan langkah berikutnya tidak berubah.",
            "Your level and next step did not change.",
        ),
        Ui::Retake => ("Ulangi penilaian", "Take the assessment again"),
        Ui::ProgressTitle => ("Kemajuan saya", "My progress"),
        Ui::ProgressLead => (
            "Hasil Anda sebelumnya, tersimpan hanya di HP ini.",
            "Your earlier results, kept only on this phone.",
        ),
        Ui::EarlierResults => ("Hasil sebelumnya", "Earlier results"),
        Ui::SinceEarlier => ("Dibanding hasil", "Compared with your result of"),
        Ui::Earlier => ("sebelumnya", "earlier"),
        Ui::Now => ("sekarang", "now"),
        Ui::Delete => ("Hapus", "Delete"),
        Ui::DeleteAll => ("Hapus semua hasil sebelumnya", "Delete all earlier results"),
        Ui::DeleteOneConfirm => (
            "Hapus hasil ini dari HP ini? Ini tidak bisa dibatalkan.",
            "Delete this result from this phone? This cannot be undone.",
        ),
        Ui::DeleteAllConfirm => (
            "Hapus semua hasil sebelumnya dari HP ini? Ini tidak bisa dibatalkan.",
            "Delete all earlier results from this phone? This cannot be undone.",
        ),
        Ui::MyPlan => ("Rencana saya", "My plan"),
        Ui::StoreBlocked => ("Browser ini tidak mengizinkan penyimpanan. Mode pelatih tetap bisa dipakai, tetapi data pelatihan hilang jika halaman ditutup: pakai “Ekspor file pelatihan” sebelum menutupnya.", "This browser does not allow saving. Trainer mode still works, but the workshop data is lost when the page closes: use “Export workshop file” before closing it."),
        Ui::StoreUnreadable => ("Data pelatihan yang tersimpan tidak bisa dibaca. Data lama disimpan apa adanya; daftar di bawah dimulai kosong.", "The saved workshop data could not be read. It was left as it is; the list below starts empty."),
        Ui::WorkshopCreated => ("Pelatihan dibuat", "Workshop created"),
        Ui::ParticipantsWord => ("peserta", "participants"),
        Ui::Open => ("Buka", "Open"),
        Ui::TrainerLead => ("Kumpulkan hasil peserta pelatihan tanpa server: peserta membagikan tautan atau kode QR hasilnya, Anda menempelkannya di sini. Semua data tetap di browser ini.", "Collect your workshop participants' results without a server: they share their result link or QR code, you paste it here. All data stays in this browser."),
        Ui::Workshops => ("Pelatihan Anda", "Your workshops"),
        Ui::NewWorkshop => ("Buat pelatihan baru", "Create a workshop"),
        Ui::WorkshopName => ("Nama pelatihan", "Workshop name"),
        Ui::WorkshopPlace => ("Tempat", "Place"),
        Ui::WorkshopDate => ("Tanggal", "Date"),
        Ui::CreateWorkshop => ("Buat pelatihan", "Create workshop"),
        Ui::ImportTitle => ("Gabungkan data pelatih lain", "Merge another trainer's data"),
        Ui::ImportLabel => ("Pilih file pelatihan (.json)", "Choose a workshop file (.json)"),
        Ui::BackToAssessment => ("Kembali ke penilaian", "Back to the assessment"),
        Ui::CreateFirst => ("Buat pelatihan dulu, lalu buka tautan hasil ini lagi untuk menambahkannya.", "Create a workshop first, then open this result link again to add it."),
        Ui::AddOpenedResult => ("Tambahkan hasil yang Anda buka ke pelatihan:", "Add the result you opened to a workshop:"),
        Ui::Add => ("Tambahkan", "Add"),
        Ui::AddParticipants => ("Tambah peserta", "Add participants"),
        Ui::PasteLabel => ("Tempel tautan atau kode hasil (boleh banyak sekaligus, misalnya dari obrolan WhatsApp)", "Paste result links or codes (several at once is fine, e.g. from a WhatsApp chat)"),
        Ui::Dashboard => ("Ringkasan pelatihan", "Workshop overview"),
        Ui::NoParticipants => ("Belum ada peserta. Tempel tautan hasil mereka di atas.", "No participants yet. Paste their result links above."),
        Ui::AverageTitle => ("Rata-rata per bidang", "Average per area"),
        Ui::CommonSteps => ("Langkah berikutnya yang paling sering", "Most common next steps"),
        Ui::Blockers => ("Hambatan yang paling sering", "Most common blockers"),
        Ui::BeforeAfter => ("Sebelum dan sesudah (T0 → T1)", "Before and after (T0 → T1)"),
        Ui::ShortlistTitle => ("Saring calon peserta program", "Shortlist for a programme"),
        Ui::MinLevel => ("Tingkat paling rendah", "Lowest level"),
        Ui::MustNotHave => ("Tanpa hambatan ini", "Without these blockers"),
        Ui::Shown => ("Ditampilkan", "Shown"),
        Ui::ParticipantTable => ("Tabel peserta", "Participant table"),
        Ui::NameCol => ("Nama", "Name"),
        Ui::LevelCol => ("Tingkat", "Level"),
        Ui::ScoreCol => ("Skor", "Score"),
        Ui::DownloadCsv => ("Unduh CSV (Excel)", "Download CSV (Excel)"),
        Ui::ExportJson => ("Ekspor file pelatihan (.json)", "Export workshop file (.json)"),
        Ui::BackToList => ("Kembali ke daftar pelatihan", "Back to the workshop list"),
        Ui::DeleteConfirm => ("Hapus pelatihan ini dan semua hasil pesertanya dari browser ini?", "Delete this workshop and all its participants' results from this browser?"),
        Ui::DeleteYes => ("Ya, hapus", "Yes, delete"),
        Ui::DeleteWorkshop => ("Hapus pelatihan", "Delete workshop"),
        Ui::Deleted => ("Dihapus", "Deleted"),
        Ui::NoScanner => ("Browser ini belum bisa memindai QR. Minta peserta menekan “Bagikan ke WhatsApp” atau “Salin kode”, lalu tempel tautannya di kotak di atas. Atau buka tautannya di HP ini.", "This browser can't scan QR codes. Ask participants to tap “Share on WhatsApp” or “Copy code”, then paste the link in the box above. Or open their link on this phone."),
        Ui::Scanning => ("Arahkan kamera ke kode QR di HP peserta.", "Point the camera at the QR code on the participant's phone."),
        Ui::CameraFailed => ("Kamera tidak bisa dibuka. Periksa izin kamera, atau tempel tautan hasil di kotak di atas.", "The camera could not be opened. Check the camera permission, or paste the result link in the box above."),
        Ui::CameraView => ("Tampilan kamera untuk memindai QR", "Camera view for scanning QR"),
        Ui::StopScan => ("Berhenti memindai", "Stop scanning"),
        Ui::ScanQr => ("Pindai QR peserta dengan kamera", "Scan a participant's QR with the camera"),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// "Pertanyaan 7 dari 24".
pub fn question_of(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("Pertanyaan {n} dari {total}"),
        Lang::En => format!("Question {n} of {total}"),
    }
}

/// "62 dari 100".
pub fn score_of(lang: Lang, score: u8) -> String {
    match lang {
        Lang::Id => format!("{score} dari 100"),
        Lang::En => format!("{score} out of 100"),
    }
}

/// "−12 poin".
pub fn points_lost(lang: Lang, lost: u8) -> String {
    match lang {
        Lang::Id => format!("−{lost} poin"),
        Lang::En => format!("−{lost} points"),
    }
}

/// A day as people write it: "30 November 2026" (Indonesian month names in
/// Indonesian).
pub fn day(lang: Lang, day: Day) -> String {
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Id => BULAN,
        Lang::En => MONTHS,
    };
    let month = names[usize::from(day.month.clamp(1, 12)) - 1];
    format!("{} {month} {}", day.day, day.year)
}

pub fn notice(lang: Lang, notice: Notice) -> &'static str {
    match (notice, lang) {
        (Notice::ProgressReset, Lang::Id) => {
            "Jawaban yang tersimpan sebelumnya tidak bisa dibaca, jadi penilaian dimulai dari awal."
        }
        (Notice::ProgressReset, Lang::En) => {
            "Your earlier saved answers could not be read, so the assessment starts again."
        }
        (Notice::StorageUnavailable, Lang::Id) => {
            "Browser ini tidak mengizinkan penyimpanan. Anda tetap bisa mengisi, tetapi jawaban hilang jika halaman ditutup."
        }
        (Notice::StorageUnavailable, Lang::En) => {
            "This browser does not allow saving. You can still answer, but your answers are lost if you close the page."
        }
        (Notice::Carried, Lang::Id) => {
            "Jawaban dari widget dilanjutkan di sini dan kini tersimpan di browser ini."
        }
        (Notice::Carried, Lang::En) => {
            "Your answers from the widget continue here and are now saved in this browser."
        }
        (Notice::CarriedUnreadable, Lang::Id) => {
            "Jawaban yang dibawa dari widget tidak bisa dibaca, jadi tidak dipakai. Anda bisa mulai di sini."
        }
        (Notice::ChecklistReset, Lang::Id) => {
            "Daftar langkah yang sudah Anda lakukan tidak bisa dibaca, jadi dimulai kosong. Catatan lama disimpan terpisah di HP ini."
        }
        (Notice::ChecklistReset, Lang::En) => {
            "Your list of steps done could not be read, so it starts empty. The old record is kept aside on this phone."
        }
        (Notice::HistoryReset, Lang::Id) => {
            "Hasil Anda sebelumnya tidak bisa dibaca, jadi daftarnya dimulai kosong. Catatan lama disimpan terpisah di HP ini."
        }
        (Notice::HistoryReset, Lang::En) => {
            "Your earlier results could not be read, so the list starts empty. The old record is kept aside on this phone."
        }
        (Notice::CarriedUnreadable, Lang::En) => {
            "The answers brought from the widget could not be read, so they were not used. You can start here."
        }
    }
}

/// "✓ Sudah, 2 Desember 2026": a ticked step, on screen, on paper and in
/// WhatsApp.
pub fn done_on(lang: Lang, on: Day) -> String {
    match lang {
        Lang::Id => format!("✓ Sudah, {}", day(lang, on)),
        Lang::En => format!("✓ Done, {}", day(lang, on)),
    }
}

/// "✓ Buat NIB di OSS (sudah, 2 Desember 2026)": a done step in a shared
/// plan.
pub fn done_in_plan(lang: Lang, title: &str, on: Day) -> String {
    match lang {
        Lang::Id => format!("✓ {title} (sudah, {})", day(lang, on)),
        Lang::En => format!("✓ {title} (done, {})", day(lang, on)),
    }
}

/// What an updated answer changed, in plain words.
pub fn level_moved(lang: Lang, rose: bool, level: &str) -> String {
    match (lang, rose) {
        (Lang::Id, true) => format!("Tingkat naik ke {level}"),
        (Lang::Id, false) => format!("Tingkat turun ke {level}"),
        (Lang::En, true) => format!("Level rose to {level}"),
        (Lang::En, false) => format!("Level fell to {level}"),
    }
}

pub fn next_step_now(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Id => format!("Langkah berikutnya sekarang: {title}"),
        Lang::En => format!("Next step now: {title}"),
    }
}

/// "+14", "−3", "0": a change in points, signed so it is not told by
/// colour alone.
pub fn signed(points: i16) -> String {
    match points {
        0 => "0".to_string(),
        p if p > 0 => format!("+{p}"),
        p => format!("−{}", p.unsigned_abs()),
    }
}
