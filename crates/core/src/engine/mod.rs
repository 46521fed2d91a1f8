//! The assessment engine: the question bank and its checks, conditions,
//! scoring, the plan (langkah berikutnya), the flow of screens and saved
//! progress.

pub mod bank;
pub mod cond;
pub mod flow;
pub mod json;
pub mod pack;
pub mod plan;
pub mod progress;
pub mod score;
pub mod sort;
pub mod types;
pub mod validate;
