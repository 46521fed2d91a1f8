//! The interface's own words (buttons, headings, notices) in both languages.
//! Assessment content lives in `assessment/bank.json`, not here.

use crate::assessment::flow::Notice;
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
    IntroOutcome,
    Start,
    Continue,
    StartOver,
    Back,
    Next,
    PickOne,
    PickMany,
    MustAnswer,
    Progress,
    ReviewTitle,
    ReviewLead,
    Change,
    SeeResult,
    ResultTitle,
    LevelLabel,
    ScoreLabel,
    NextStep,
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
        Ui::IntroPause => (
            "Boleh berhenti kapan saja dan lanjut nanti, juga tanpa sinyal.",
            "You can stop at any time and continue later.",
        ),
        Ui::IntroOutcome => (
            "Di akhir, Anda melihat tingkat kesiapan dan satu langkah berikutnya yang paling penting.",
            "At the end you see your readiness level and the one next step that matters most.",
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
        Ui::Progress => ("Kemajuan", "Progress"),
        Ui::ReviewTitle => ("Periksa jawaban Anda", "Check your answers"),
        Ui::ReviewLead => (
            "Ketuk “Ubah” untuk memperbaiki jawaban. Jika sudah benar, lihat hasilnya.",
            "Tap “Change” to correct an answer. When all is right, see your result.",
        ),
        Ui::Change => ("Ubah", "Change"),
        Ui::SeeResult => ("Lihat hasil", "See result"),
        Ui::ResultTitle => ("Hasil Anda", "Your result"),
        Ui::LevelLabel => ("Tingkat kesiapan", "Readiness level"),
        Ui::ScoreLabel => ("Skor keseluruhan", "Overall score"),
        Ui::NextStep => ("Langkah berikutnya", "Next step"),
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
        Ui::OpensNewTab => ("(membuka tab baru)", "(opens a new tab)"),
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
    }
}
