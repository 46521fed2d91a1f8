//! The assessment engine: the question bank and its checks, conditions,
//! scoring, the plan (langkah berikutnya), the flow of screens and saved
//! progress.

pub mod bank;
pub mod cond;
pub mod flow;
pub mod plan;
pub mod progress;
pub mod score;
pub mod types;
pub mod validate;
