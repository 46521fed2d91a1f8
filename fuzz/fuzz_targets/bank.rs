//! Fuzzes the question-bank parsers: `Bank::from_json` and
//! `config::parse_bank`, which read a bank a ministry team wrote (on its own
//! or inside a widget configuration). Neither may panic, both must agree on
//! a bank they both accept, and a bank that passes validation is run once
//! through the engine (scoring, a result code) as the widget would.
#![no_main]

use cek_core::flow::Answers;
use cek_core::{code, config, score, Bank, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    let direct = Bank::from_json(&text);
    if let Err(problems) = &direct {
        for p in problems {
            let _ = p.message(Lang::Id);
        }
    }
    let located = config::parse_bank(&text);
    if let Err(problems) = &located {
        for p in problems {
            let _ = p.message(Lang::En);
        }
    }
    if let (Ok(a), Ok(b)) = (&direct, &located) {
        assert_eq!(a, b, "the two bank parsers read different banks");
    }

    if let Ok(bank) = located {
        let none = Answers::new();
        let _ = score::assess(&bank, &none);
        let shared = code::decode(&bank, &code::encode(&bank, &none, Some("Ibu Siti")))
            .expect("a code of this bank does not read");
        assert_eq!(shared.answers, none);
    }
});
