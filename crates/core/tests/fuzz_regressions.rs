//! Inputs the fuzz targets (fuzz/fuzz_targets/, run by scripts/fuzz.sh) found, byte for byte, each with the property it broke: copy a new one from fuzz/artifacts/TARGET/ into a byte literal here, then fix the code.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::archive::Library;
use cek_core::{cohort, Bank};

/// Target `workshop`. One file holds the same workshop ("ws-merauke")
/// twice, once with a participant whose T0 and T1 the import swaps by date
/// and whose T1 carries the name "pak  budi", and a "Pak Budi" whose code is
/// dated between them. Merging the file into an empty list, then merging it
/// again, must leave the list as it was and add nobody.
///
/// Found by the target's demand of no follow-ups on the second merge: "Pak
/// Budi"'s code is dropped by the pairing (only the earliest and the latest
/// result are kept) and was counted as a follow-up again each time the file
/// was merged, though nothing changed. It now counts as `between`.
#[test]
fn merging_the_same_workshop_file_twice_changes_nothing() {
    const FILE: &[u8] = b"{\"format\":\"cek-siap-ekspor/pelatihan\",\"version\":1,\"workshops\":[{},{\"id\":\"ws-merauke\",\
      \"name\":\"\"},{\"id\":\"ws-merauke\",\"name\":\"K\",\"participants\":[{\"before\":{\"code\":\"K1Ee4BAAAAAAAAAAAAAEUP6Ng\",\
      \"added\":\"2\"},\"after\":{\"code\":\"K1G-QBKbZXthhg8Y2wBQAIcGFrIGJ1ZGm0O87Y\",\"d\":\"2\"}},\
      {\"\":null,\"before\":{\"code\":\"K1GuUBriYwpJ-CCX_9IAhQYWsgQnVkaWUe3uY\",\"addd\":\"2A2\"},\
      \"a\":null}]}]}";
    // Its codes are of the first release: read with that bank, as the
    // trainer page does once it has fetched it.
    let v1 = Bank::from_json(include_str!("../../../banks/bank-v1.json")).expect("bank v1");
    let library = Library::new(Bank::builtin(), &[&v1]);
    let text = std::str::from_utf8(FILE).expect("the file is UTF-8");
    let imported = cohort::import(&library, text).expect("the file imports");
    let mut list = Vec::new();
    cohort::merge_all(&library, &mut list, imported.workshops.clone());
    let before = list.clone();
    let again = cohort::merge_all(&library, &mut list, imported.workshops);
    assert_eq!(list, before, "the second merge changed the list");
    assert_eq!((again.new, again.follow_ups, again.skipped), (0, 0, 0));
    assert!(
        again.between > 0,
        "the in-between result is reported as such"
    );
}
