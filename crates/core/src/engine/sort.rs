//! A stable insertion sort for the short lists of one owner's result: a
//! plan's steps, an area's costs, the options chosen in a question.
//!
//! Why not `slice::sort_by`: core's sort is built for long slices and costs
//! several KB of wasm for each element type and comparison it is used with
//! (`scripts/wasm-sizes.mjs` counted 26 KB of sort code on the owner's page);
//! these lists hold a few dozen items at most, where insertion is as quick.
//! Long lists (a trainer's 10,000 rows) keep core's sort.

/// Sorts `items` so that no item is `less` than the one before it, keeping
/// the order of items that are not `less` than each other either way.
pub fn by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
