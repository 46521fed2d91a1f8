//! The per-area bar chart, as inline SVG sized for a 360 px screen, with a
//! text alternative that states every score.

use yew::prelude::*;

use crate::assessment::Lang;

const WIDTH: u32 = 320;
const ROW: u32 = 46;
const BAR: u32 = 16;

#[derive(Clone, PartialEq, Properties)]
pub struct ChartProps {
    pub lang: Lang,
    /// One score (0–100) per area, in bank order.
    pub scores: Vec<u8>,
    /// What the scores are, e.g. "Skor per bidang" or "Rata-rata per bidang".
    pub title: AttrValue,
}

#[component]
pub fn AreaChart(props: &ChartProps) -> Html {
    let bank = super::bank();
    let lang = props.lang;
    let height = ROW * bank.areas.len() as u32;
    let summary = bank
        .areas
        .iter()
        .zip(&props.scores)
        .map(|(a, s)| format!("{} {s}", a.title.get(lang)))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = bank.areas.iter().zip(&props.scores).enumerate().map(|(i, (area, &score))| {
        let y = i as u32 * ROW;
        let width = (WIDTH - 40) * u32::from(score) / 100;
        let band = match score {
            0..=44 => "bar low",
            45..=74 => "bar mid",
            _ => "bar high",
        };
        html! {
            <g>
                <text x="0" y={(y + 14).to_string()} class="label">{ area.title.get(lang) }</text>
                <rect x="0" y={(y + 22).to_string()} width={(WIDTH - 40).to_string()} height={BAR.to_string()} rx="3" class="track" />
                <rect x="0" y={(y + 22).to_string()} width={width.to_string()} height={BAR.to_string()} rx="3" class={band} />
                <text x={WIDTH.to_string()} y={(y + 35).to_string()} text-anchor="end" class="value">{ score.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="chart-title chart-desc"
                width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">{ props.title.clone() }</title>
                <desc id="chart-desc">{ summary }</desc>
                { for rows }
            </svg>
        </figure>
    }
}
