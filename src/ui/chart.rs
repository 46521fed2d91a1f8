//! The per-area bar chart, as inline SVG sized for a 360 px screen, with a
//! text alternative that states every score.

use yew::prelude::*;

use crate::assessment::Lang;

const WIDTH: u32 = 320;
const ROW: u32 = 46;
const BAR: u32 = 16;

/// What a chart shows.
pub struct Chart {
    pub lang: Lang,
    /// One score (0–100) per area, in bank order.
    pub scores: Vec<u8>,
    /// What the scores are, e.g. "Skor per bidang" or "Rata-rata per bidang".
    pub title: AttrValue,
    /// An earlier result's scores (kemajuan saya): drawn as a thin bar
    /// above each area's, with "earlier → now" in text, not colour alone.
    pub earlier: Option<Vec<u8>>,
}

/// A function, not a component: it keeps no state (see `intro::intro`).
pub fn area_chart(chart: Chart) -> Html {
    let bank = super::bank();
    let lang = chart.lang;
    let height = ROW * bank.areas.len() as u32;
    let was = |i: usize| chart.earlier.as_ref().and_then(|e| e.get(i).copied());
    let summary = bank
        .areas
        .iter()
        .zip(&chart.scores)
        .enumerate()
        .map(|(i, (a, s))| match was(i) {
            Some(w) => format!(
                "{}: {} {w}, {} {s}",
                a.title.get(lang),
                super::text::t(lang, super::text::Ui::Earlier),
                super::text::t(lang, super::text::Ui::Now)
            ),
            None => format!("{} {s}", a.title.get(lang)),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let rows = bank.areas.iter().zip(&chart.scores).enumerate().map(|(i, (area, &score))| {
        let y = i as u32 * ROW;
        let width = (WIDTH - 40) * u32::from(score) / 100;
        let band = match score {
            0..=44 => "low",
            45..=74 => "mid",
            _ => "high",
        };
        html! {
            <g>
                <text x="0" y={(y + 14).to_string()} class="label">{ area.title.get(lang) }</text>
                <rect x="0" y={(y + 22).to_string()} width={(WIDTH - 40).to_string()} height={BAR.to_string()} rx="3" class="track" />
                <rect x="0" y={(y + 22).to_string()} width={width.to_string()} height={BAR.to_string()} rx="3" class="bar" data-band={band} />
                <text x={WIDTH.to_string()} y={(y + 35).to_string()} text-anchor="end" class="value">
                    { was(i).map_or_else(|| score.to_string(), |w| format!("{w}→{score}")) }</text>
                if let Some(w) = was(i) {
                    <rect x="0" y={(y + 17).to_string()} width={((WIDTH - 40) * u32::from(w) / 100).to_string()} height="4" class="bar was" />
                }
            </g>
        }
    });
    // Two charts on one screen (the result and the progress) need their
    // own ids.
    let id = if chart.earlier.is_some() {
        "chart-was"
    } else {
        "chart"
    };
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby={format!("{id}-title {id}-desc")}
                width="100%" preserveAspectRatio="xMinYMin meet">
                <title id={format!("{id}-title")}>{ chart.title.clone() }</title>
                <desc id={format!("{id}-desc")}>{ summary }</desc>
                { for rows }
            </svg>
            if chart.earlier.is_some() {
                <figcaption>{ format!("{} → {}", super::text::t(lang, super::text::Ui::Earlier), super::text::t(lang, super::text::Ui::Now)) }</figcaption>
            }
        </figure>
    }
}
