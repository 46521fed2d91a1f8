//! The engine's shared vocabulary, at the bottom of its imports: answers,
//! picks and area results, used by conditions, scoring, the plan, the flow
//! and result codes alike.

use std::collections::BTreeMap;

/// The chosen option ids per question id. Single choice holds one id.
pub type Answers = BTreeMap<String, Vec<String>>;

#[derive(Clone, Debug, PartialEq)]
pub struct AreaResult {
    pub score: u8,
    /// Answers that cost this area points, most costly first.
    pub costs: Vec<Cost>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cost {
    /// Index into `bank.questions`.
    pub question: usize,
    /// Points of the area's 0–100 score lost through this answer.
    pub lost: u8,
}

/// Per question (bank order): the chosen options as bits (bit k = option
/// k), `None` if unanswered. What scoring works on: no strings to compare.
pub type Picks = Vec<Option<u64>>;
