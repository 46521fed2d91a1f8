//! The owner's page sorts its short lists by insertion (`assessment::sort`):
//! the same order as the standard library's stable sort, ties kept in place.
#![cfg(not(target_arch = "wasm32"))]

use cek_core::sort;
use proptest::prelude::*;

proptest! {
    #[test]
    fn sorts_as_the_standard_stable_sort_does(keys in proptest::collection::vec(0u8..6, 0..40)) {
        // (key, position): equal keys must keep their positions' order.
        let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut ours = items.clone();
        sort::by(&mut ours, |a, b| a.0 < b.0);
        let mut std = items;
        std.sort_by_key(|i| i.0);
        prop_assert_eq!(ours, std);
    }
}
