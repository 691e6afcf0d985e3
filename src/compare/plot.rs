//! SVG charts of a term comparison: where each term occurs in each document, and its rate per 10,000 words in each group.
//!
//! The picture is laid out in pixels computed here rather than left to
//! plotters, whose text measurement without fonts is a rough guess: long
//! symbols get a label column wide enough for them, and the height grows
//! with the number of documents and groups so that rows never crowd.

use std::collections::HashMap;
use std::path::Path;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{DocumentSize, Group, Occurrence, TermCount};
use crate::{Error, Result};

/// What a comparison plot shows.
#[derive(Debug, Clone, Copy)]
pub struct PlotData<'a> {
    /// The terms, in legend order; each gets a colour.
    pub terms: &'a [String],
    /// Counts and rates per term and group, for the bars.
    pub counts: &'a [TermCount],
    /// Where the terms occur, for the dispersion rows.
    pub occurrences: &'a [Occurrence],
    /// The documents, one dispersion row each, top to bottom.
    pub documents: &'a [DocumentSize],
    /// The groups, one cluster of bars each, top to bottom.
    pub groups: &'a [Group],
}

impl<'a> PlotData<'a> {
    /// What the plot of comparison `c` of `terms` shows.
    pub fn of(c: &'a super::Comparison, terms: &'a [String]) -> PlotData<'a> {
        PlotData {
            terms,
            counts: &c.counts,
            occurrences: &c.occurrences,
            documents: &c.documents,
            groups: &c.groups,
        }
    }
}

/// Writes the plot of `data` to `path` as SVG.
pub fn write_svg(path: &Path, data: &PlotData<'_>) -> Result<()> {
    let svg = render_svg(data)?;
    std::fs::write(path, svg).map_err(|e| Error::io(path, e))
}

/// The plot of `data` as an SVG document: a dispersion plot of the terms in
/// the documents above a bar chart of their rates per 10,000 words by group.
pub fn render_svg(data: &PlotData<'_>) -> Result<String> {
    let layout = Layout::new(data);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        draw(&root, data, &layout).map_err(plot_error)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

fn plot_error(e: DrawingAreaErrorKind<std::io::Error>) -> Error {
    Error::Plot(e.to_string())
}

type Area<'s> = DrawingArea<SVGBackend<'s>, Shift>;
type Drawn = std::result::Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Category10 colours: distinct enough as thin ticks on white.
const PALETTE: [RGBColor; 10] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xe3, 0x77, 0xc2),
    RGBColor(0x7f, 0x7f, 0x7f),
    RGBColor(0xbc, 0xbd, 0x22),
    RGBColor(0x17, 0xbe, 0xcf),
];
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const FAINT: RGBColor = RGBColor(0x88, 0x88, 0x88);
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
const BAND: RGBColor = RGBColor(0xf3, 0xf3, 0xf3);

const WIDTH: u32 = 1000;
const MARGIN: i32 = 16;
/// Font sizes in SVG pixels.
const TITLE_PX: f64 = 16.0;
const LABEL_PX: f64 = 13.0;
const SMALL_PX: f64 = 11.0;
/// Labels longer than this many characters are shortened with an ellipsis.
const MAX_LABEL_CHARS: usize = 40;
/// Room right of the plots for each document's paragraph count; the bar
/// chart keeps it too, so that both charts' x axes line up.
const RIGHT: i32 = 76;
const TITLE_H: i32 = 30;
const X_AXIS_H: i32 = 48;
/// The least height of a chart's plotting area, which its axis title needs.
const MIN_CHART_H: i32 = 100;
/// Length of the tick marks on the axes.
const TICK: i32 = 5;
const LEGEND_ROW_H: i32 = 22;

fn colour(term: usize) -> RGBColor {
    PALETTE.get(term % PALETTE.len()).copied().unwrap_or(INK)
}

/// A text style of `px` SVG pixels (plotters writes its size divided by 1.24).
fn font(px: f64) -> TextStyle<'static> {
    ("sans-serif", px * 1.24).into_font().color(&INK)
}

fn bold(px: f64) -> TextStyle<'static> {
    ("sans-serif", px * 1.24, FontStyle::Bold)
        .into_font()
        .color(&INK)
}

/// A generous guess of the width of `text` in a sans-serif font of `px`
/// pixels: too wide wastes a little room, too narrow overlaps.
fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.62).ceil() as i32
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL_CHARS {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The pixel layout of the picture.
struct Layout {
    width: u32,
    height: u32,
    /// Width of the label column left of both charts, so they line up.
    label_area: i32,
    /// Legend entries: term index, x and row.
    legend: Vec<(usize, i32, i32)>,
    legend_h: i32,
    dispersion_h: i32,
    /// Share of a dispersion row's height one term's lane takes.
    lane: f64,
    /// Share of a group's band one bar takes.
    bar: f64,
    /// Font size of the values beside the bars.
    value_px: f64,
}

impl Layout {
    fn new(data: &PlotData<'_>) -> Self {
        let lanes = data.terms.len().max(1) as i32;
        let labels = data
            .documents
            .iter()
            .map(|d| d.symbol.as_str())
            .chain(data.groups.iter().map(|g| g.name.as_str()));
        let widest = labels
            .map(|l| text_width(&shorten(l), LABEL_PX))
            .max()
            .unwrap_or(0);
        // Axis title, gap, labels, and plotters' distance from the axis.
        let label_area = (24 + widest + 16).max(90);

        let mut legend = Vec::new();
        let (mut x, mut row) = (label_area, 0);
        let right_edge = WIDTH as i32 - MARGIN;
        for (k, term) in data.terms.iter().enumerate() {
            let w = 14 + 6 + text_width(&shorten(term), LABEL_PX) + 22;
            if x + w > right_edge && x > label_area {
                x = label_area;
                row += 1;
            }
            legend.push((k, x, row));
            x += w;
        }
        let legend_h = 12 + (row + 1) * LEGEND_ROW_H + 4;

        let lane_px = match lanes {
            1..=2 => 16,
            3..=5 => 12,
            _ => 10,
        };
        let row_px = lanes * lane_px + 10;
        let docs = data.documents.len().max(1) as i32;
        // Few rows are stretched so that the axis title fits beside them.
        let rows_px = (docs * row_px).max(MIN_CHART_H);
        let dispersion_h = TITLE_H + 8 + rows_px + X_AXIS_H;

        let groups = data.groups.len().max(1) as i32;
        // Many bars get thinner, with smaller values beside them.
        let (bar_px, value_px) = if lanes * groups <= 150 {
            (13, SMALL_PX)
        } else {
            (10, 9.0)
        };
        let band_px = lanes * bar_px + 12;
        let bands_px = (groups * band_px).max(MIN_CHART_H);
        let bars_h = TITLE_H + 8 + bands_px + X_AXIS_H + MARGIN;

        Layout {
            width: WIDTH,
            height: (legend_h + dispersion_h + bars_h) as u32,
            label_area,
            legend,
            legend_h,
            dispersion_h,
            lane: f64::from(lane_px * docs) / f64::from(rows_px),
            bar: f64::from(bar_px * groups) / f64::from(bands_px),
            value_px,
        }
    }
}

fn draw(root: &Area<'_>, data: &PlotData<'_>, layout: &Layout) -> Drawn {
    root.fill(&WHITE)?;
    let (legend, rest) = root.split_vertically(layout.legend_h);
    let (dispersion, bars) = rest.split_vertically(layout.dispersion_h);
    draw_legend(&legend, data, layout)?;
    draw_dispersion(&dispersion, data, layout)?;
    draw_bars(&bars, data, layout)
}

fn draw_legend(area: &Area<'_>, data: &PlotData<'_>, layout: &Layout) -> Drawn {
    let left = font(LABEL_PX).pos(Pos::new(HPos::Left, VPos::Center));
    if data.terms.is_empty() {
        return area.draw_text("(no terms)", &left, (layout.label_area, 12 + 11));
    }
    let bold = bold(LABEL_PX).pos(Pos::new(HPos::Right, VPos::Center));
    area.draw_text("Terms", &bold, (layout.label_area - 12, 12 + 11))?;
    for &(k, x, row) in &layout.legend {
        let y = 12 + row * LEGEND_ROW_H + 11;
        let term = data.terms.get(k).map(String::as_str).unwrap_or_default();
        area.draw(&Rectangle::new(
            [(x, y - 7), (x + 14, y + 7)],
            colour(k).filled(),
        ))?;
        area.draw_text(&shorten(term), &left, (x + 20, y))?;
    }
    Ok(())
}

fn title(area: &Area<'_>, text: &str) -> Drawn {
    let style = bold(TITLE_PX).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw_text(text, &style, (MARGIN, TITLE_H / 2 + 4))
}

/// A linear axis labelled at given points only, such as the middle of each
/// row (plotters' own `with_key_points` cannot take label formatters on f64).
struct Axis {
    scale: RangedCoordf64,
    points: Vec<f64>,
}

impl Axis {
    fn new(range: std::ops::Range<f64>, points: Vec<f64>) -> Self {
        Axis {
            scale: range.into(),
            points,
        }
    }
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.scale.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // Light points draw the faint mesh; these axes have none.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.points.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.scale.range()
    }
}

/// Rows are numbered from the top; the y axis runs upwards, so row `i` of
/// `n` spans `n - i - 1 .. n - i`.
fn row_bottom(i: usize, n: usize) -> f64 {
    n.saturating_sub(i + 1) as f64
}

fn row_of(y: f64, n: usize) -> Option<usize> {
    let from_bottom = y.floor();
    if from_bottom < 0.0 || from_bottom >= n as f64 {
        return None;
    }
    Some(n - 1 - from_bottom as usize)
}

fn draw_dispersion(area: &Area<'_>, data: &PlotData<'_>, layout: &Layout) -> Drawn {
    let (head, body) = area.split_vertically(TITLE_H);
    title(
        &head,
        "Dispersion: the paragraphs where each term occurs (taller tick: 2, 3 or more occurrences)",
    )?;
    let n = data.documents.len();
    let rows = n.max(1);
    let centres: Vec<f64> = (0..n).map(|i| row_bottom(i, n) + 0.5).collect();
    let labels: Vec<String> = data.documents.iter().map(|d| shorten(&d.symbol)).collect();
    let mut chart = ChartBuilder::on(&body)
        .margin_top(8)
        .margin_right(RIGHT)
        .set_label_area_size(LabelAreaPosition::Left, layout.label_area)
        .set_label_area_size(LabelAreaPosition::Bottom, X_AXIS_H)
        .build_cartesian_2d(
            Axis::new(0.0..1.0, vec![0.0, 0.25, 0.5, 0.75, 1.0]),
            Axis::new(0.0..rows as f64, centres),
        )?;

    // Shade every other row first, so that ticks are drawn over it.
    chart.draw_series((0..n).filter(|i| i % 2 == 1).map(|i| {
        let y = row_bottom(i, n);
        Rectangle::new([(0.0, y), (1.0, y + 1.0)], BAND.filled())
    }))?;

    let label_of = |y: &f64| {
        row_of(*y, n)
            .and_then(|i| labels.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let percent = |x: &f64| format!("{:.0}%", x * 100.0);
    chart
        .configure_mesh()
        .set_all_tick_mark_size(TICK)
        .disable_y_mesh()
        .bold_line_style(GRID.stroke_width(1))
        .axis_style(FAINT.stroke_width(1))
        .label_style(font(LABEL_PX))
        .axis_desc_style(font(LABEL_PX))
        .x_label_formatter(&percent)
        .y_label_formatter(&label_of)
        .x_desc("Position in the document (by paragraph, first to last)")
        .y_desc("Document")
        .draw()?;

    let rows_by_symbol: HashMap<&str, (usize, u64)> = data
        .documents
        .iter()
        .enumerate()
        .rev()
        .map(|(i, d)| (d.symbol.as_str(), (i, d.passages)))
        .collect();
    let lanes = data.terms.len().max(1);
    // Lanes are centred in the row, the first term at the top.
    let pad = (1.0 - layout.lane * lanes as f64) / 2.0;
    let ticks = data.occurrences.iter().filter_map(|o| {
        let k = data.terms.iter().position(|t| *t == o.term)?;
        let &(i, passages) = rows_by_symbol.get(o.symbol.as_str())?;
        if passages == 0 || o.count == 0 {
            return None;
        }
        // A paragraph owns an equal slice of the axis; its tick marks the middle.
        let x = ((o.seq as f64 + 0.5) / passages as f64).clamp(0.0, 1.0);
        let lane_top = row_bottom(i, n) + 1.0 - pad - layout.lane * k as f64;
        let height = match o.count {
            1 => 0.5,
            2 => 0.75,
            _ => 1.0,
        } * layout.lane;
        let mid = lane_top - layout.lane / 2.0;
        Some(PathElement::new(
            vec![(x, mid - height / 2.0), (x, mid + height / 2.0)],
            colour(k).stroke_width(2),
        ))
    });
    chart.draw_series(ticks)?;

    // Each document's length, right of its row: it tells what one
    // paragraph's width on the axis is.
    let count_style = font(SMALL_PX)
        .color(&FAINT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let base = body.get_base_pixel();
    for (i, d) in data.documents.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(1.0, row_bottom(i, n) + 0.5));
        let text = format!("{} ¶", d.passages);
        body.draw_text(&text, &count_style, (x - base.0 + 8, y - base.1))?;
    }
    if n == 0 {
        let (x, y) = chart.backend_coord(&(0.5, 0.5));
        let style = font(LABEL_PX)
            .color(&FAINT)
            .pos(Pos::new(HPos::Center, VPos::Center));
        body.draw_text("(no documents)", &style, (x - base.0, y - base.1))?;
    }
    Ok(())
}

/// A rate as a bar's label: three significant figures or so.
fn rate_label(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn draw_bars(area: &Area<'_>, data: &PlotData<'_>, layout: &Layout) -> Drawn {
    let (head, body) = area.split_vertically(TITLE_H);
    title(&head, "Frequency: occurrences per 10,000 words")?;
    let rates: HashMap<(&str, &str), Option<f64>> = data
        .counts
        .iter()
        .map(|c| {
            let rate = c.per_10k.filter(|r| r.is_finite() && *r >= 0.0);
            ((c.term.as_str(), c.group.as_str()), rate)
        })
        .collect();
    let rate = |term: &str, group: &str| rates.get(&(term, group)).copied().flatten();
    let max = data
        .groups
        .iter()
        .flat_map(|g| data.terms.iter().filter_map(|t| rate(t, &g.name)))
        .fold(0.0_f64, f64::max);
    let plot_w = (layout.width as i32 - layout.label_area - RIGHT).max(100);
    // Room right of the longest bar for its value.
    let x_max = if max > 0.0 {
        max / (1.0 - 56.0 / f64::from(plot_w))
    } else {
        1.0
    };

    let n = data.groups.len();
    let rows = n.max(1);
    let centres: Vec<f64> = (0..n).map(|i| row_bottom(i, n) + 0.5).collect();
    let labels: Vec<String> = data.groups.iter().map(|g| shorten(&g.name)).collect();
    let mut chart = ChartBuilder::on(&body)
        .margin_top(8)
        .margin_right(RIGHT)
        .margin_bottom(MARGIN)
        .set_label_area_size(LabelAreaPosition::Left, layout.label_area)
        .set_label_area_size(LabelAreaPosition::Bottom, X_AXIS_H)
        .build_cartesian_2d(0.0..x_max, Axis::new(0.0..rows as f64, centres))?;

    let label_of = |y: &f64| {
        row_of(*y, n)
            .and_then(|i| labels.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let axis_label = |x: &f64| {
        if x_max >= 10.0 {
            format!("{x:.0}")
        } else if x_max >= 1.0 {
            format!("{x:.1}")
        } else {
            format!("{x:.2}")
        }
    };
    chart
        .configure_mesh()
        .set_all_tick_mark_size(TICK)
        .disable_y_mesh()
        .x_labels(8)
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(FAINT.stroke_width(1))
        .label_style(font(LABEL_PX))
        .axis_desc_style(font(LABEL_PX))
        .x_label_formatter(&axis_label)
        .y_label_formatter(&label_of)
        .x_desc("Occurrences per 10,000 words")
        .y_desc("Group")
        .draw()?;

    let lanes = data.terms.len().max(1);
    let pad = (1.0 - layout.bar * lanes as f64) / 2.0;
    let value_style = font(layout.value_px).pos(Pos::new(HPos::Left, VPos::Center));
    let missing_style = font(layout.value_px)
        .color(&FAINT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let base = body.get_base_pixel();
    for (i, g) in data.groups.iter().enumerate() {
        for (k, term) in data.terms.iter().enumerate() {
            let top = row_bottom(i, n) + 1.0 - pad - layout.bar * k as f64;
            // A hair of space between the bars of one group.
            let bottom = top - layout.bar * 0.85;
            let value = rate(term, &g.name);
            if let Some(v) = value {
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(0.0, bottom), (v, top)],
                    colour(k).filled(),
                )))?;
            }
            let (x, y) = chart.backend_coord(&(value.unwrap_or(0.0), (top + bottom) / 2.0));
            let at = (x - base.0 + 4, y - base.1);
            match value {
                Some(v) => body.draw_text(&rate_label(v), &value_style, at)?,
                None => body.draw_text("n/a", &missing_style, at)?,
            }
        }
    }
    if n == 0 {
        let (x, y) = chart.backend_coord(&(x_max / 2.0, 0.5));
        let style = font(LABEL_PX)
            .color(&FAINT)
            .pos(Pos::new(HPos::Center, VPos::Center));
        body.draw_text("(no groups)", &style, (x - base.0, y - base.1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(term: &str, group: &str, count: u64, words: u64) -> TermCount {
        TermCount {
            term: term.into(),
            group: group.into(),
            count,
            words,
            per_10k: (words > 0).then(|| count as f64 * 10_000.0 / words as f64),
            passages: count.min(1),
            ids: Vec::new(),
            dp: None,
            dp_norm: None,
        }
    }

    fn occ(term: &str, symbol: &str, seq: u64, count: u64) -> Occurrence {
        Occurrence {
            term: term.into(),
            symbol: symbol.into(),
            seq,
            count,
        }
    }

    fn doc(symbol: &str, passages: u64) -> DocumentSize {
        DocumentSize {
            symbol: symbol.into(),
            passages,
        }
    }

    fn group(name: &str, words: u64) -> Group {
        Group {
            name: name.into(),
            words,
            passages: 10,
        }
    }

    struct Sample {
        terms: Vec<String>,
        counts: Vec<TermCount>,
        occurrences: Vec<Occurrence>,
        documents: Vec<DocumentSize>,
        groups: Vec<Group>,
    }

    impl Sample {
        fn data(&self) -> PlotData<'_> {
            PlotData {
                terms: &self.terms,
                counts: &self.counts,
                occurrences: &self.occurrences,
                documents: &self.documents,
                groups: &self.groups,
            }
        }
    }

    fn sample() -> Sample {
        Sample {
            terms: vec!["norms".into(), "international law".into()],
            counts: vec![
                count("norms", "A/RES/73/27", 9, 4100),
                count("international law", "A/RES/73/27", 6, 4100),
                count("norms", "A/RES/73/266", 2, 1300),
                count("international law", "A/RES/73/266", 0, 1300),
            ],
            occurrences: vec![
                occ("norms", "A/RES/73/27", 3, 1),
                occ("norms", "A/RES/73/27", 20, 3),
                occ("international law", "A/RES/73/27", 5, 2),
                occ("norms", "A/RES/73/266", 0, 2),
            ],
            documents: vec![doc("A/RES/73/27", 40), doc("A/RES/73/266", 12)],
            groups: vec![group("A/RES/73/27", 4100), group("A/RES/73/266", 1300)],
        }
    }

    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = t.split_once('>')?.1;
                Some(body.split_once("</text>")?.0.trim().to_string())
            })
            .collect()
    }

    #[test]
    fn the_svg_names_documents_groups_and_terms() {
        let s = sample();
        let svg = render_svg(&s.data()).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        let texts = texts(&svg);
        for want in ["A/RES/73/27", "A/RES/73/266", "norms", "international law"] {
            assert!(texts.iter().any(|t| t == want), "{want} not in {texts:?}");
        }
        for want in ["Document", "Group", "Occurrences per 10,000 words", "40 ¶"] {
            assert!(texts.iter().any(|t| t == want), "{want} not in {texts:?}");
        }
        // Both rates of A/RES/73/27 and the zero of A/RES/73/266 are labelled.
        for want in ["22.0", "14.6", "15.4", "0.00"] {
            assert!(texts.iter().any(|t| t == want), "{want} not in {texts:?}");
        }
        // One tick per occurrence, each in its term's colour.
        let ticks = svg.matches("<polyline").count();
        assert!(ticks >= 4, "{ticks} polylines");
        assert!(svg.contains("#1F77B4") || svg.contains("#1f77b4"));
    }

    #[test]
    fn symbols_with_markup_characters_are_escaped() {
        let mut s = sample();
        s.documents[0].symbol = "S/<draft>&1".into();
        let svg = render_svg(&s.data()).unwrap();
        assert!(svg.contains("S/&lt;draft&gt;&amp;1"));
    }

    #[test]
    fn missing_rates_and_occurrences_still_draw() {
        let mut s = sample();
        s.occurrences.clear();
        s.counts[3].per_10k = None;
        s.counts.truncate(3);
        s.counts.push(TermCount {
            per_10k: None,
            ..count("international law", "A/RES/73/266", 0, 0)
        });
        let svg = render_svg(&s.data()).unwrap();
        assert!(texts(&svg).iter().any(|t| t == "n/a"));
        assert!(texts(&svg).iter().any(|t| t == "A/RES/73/266"));
    }

    #[test]
    fn all_zero_and_nothing_at_all_draw() {
        let mut s = sample();
        for c in &mut s.counts {
            c.count = 0;
            c.per_10k = Some(0.0);
        }
        s.occurrences.clear();
        assert!(render_svg(&s.data()).unwrap().contains("<svg"));
        let empty = Sample {
            terms: Vec::new(),
            counts: Vec::new(),
            occurrences: Vec::new(),
            documents: Vec::new(),
            groups: Vec::new(),
        };
        let svg = render_svg(&empty.data()).unwrap();
        let texts = texts(&svg);
        for want in ["(no terms)", "(no documents)", "(no groups)"] {
            assert!(texts.iter().any(|t| t == want), "{want} not in {texts:?}");
        }
    }

    #[test]
    fn odd_input_is_ignored_not_fatal() {
        let mut s = sample();
        s.occurrences.push(occ("unknown term", "A/RES/73/27", 1, 1));
        s.occurrences.push(occ("norms", "unknown symbol", 1, 1));
        s.occurrences.push(occ("norms", "A/RES/73/27", 999, 1));
        s.documents.push(doc("EMPTY", 0));
        s.occurrences.push(occ("norms", "EMPTY", 0, 1));
        s.counts[0].per_10k = Some(f64::NAN);
        s.counts[1].per_10k = Some(f64::INFINITY);
        assert!(render_svg(&s.data()).is_ok());
    }

    #[test]
    fn height_grows_with_documents_and_long_labels_widen_the_column() {
        let s = sample();
        let small = Layout::new(&s.data());
        let mut many = sample();
        many.documents = (0..40).map(|i| doc(&format!("A/RES/{i}/1"), 10)).collect();
        let big = Layout::new(&many.data());
        assert!(big.height > small.height + 39 * 20);
        let mut long = sample();
        long.documents[0].symbol = "A/AC.290/2021/CRP.2/Rev.1".into();
        assert!(Layout::new(&long.data()).label_area > small.label_area);
        let mut huge = sample();
        huge.documents[0].symbol = "x".repeat(500);
        let svg = render_svg(&huge.data()).unwrap();
        assert!(svg.contains(&format!("{}…", "x".repeat(MAX_LABEL_CHARS - 1))));
        assert!(Layout::new(&huge.data()).label_area < (WIDTH / 2) as i32);
    }

    #[test]
    fn rows_map_back_to_their_labels() {
        assert_eq!(row_of(row_bottom(0, 3) + 0.5, 3), Some(0));
        assert_eq!(row_of(row_bottom(2, 3) + 0.5, 3), Some(2));
        assert_eq!(row_of(3.5, 3), None);
        assert_eq!(row_of(-0.5, 3), None);
    }

    #[test]
    fn rate_labels_keep_about_three_figures() {
        assert_eq!(rate_label(0.0), "0.00");
        assert_eq!(rate_label(4.567), "4.57");
        assert_eq!(rate_label(45.67), "45.7");
        assert_eq!(rate_label(456.7), "457");
    }

    #[test]
    fn write_svg_writes_the_file_and_reports_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plot.svg");
        let s = sample();
        write_svg(&path, &s.data()).unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("<svg"));
        let bad = dir.path().join("no/such/folder/plot.svg");
        let err = write_svg(&bad, &s.data()).unwrap_err();
        assert!(matches!(err, Error::Io { .. }));
        assert!(err.to_string().contains("plot.svg"));
    }

    /// Made-up counts for `terms` terms over `docs` documents, the fifth
    /// with a very long symbol.
    fn made_up(terms: usize, docs: usize) -> Sample {
        let names = [
            "norms",
            "international law",
            "capacity-building",
            "sovereignty",
            "confidence-building measures",
            "critical infrastructure",
            "human rights",
            "private sector",
            "gender",
            "attribution",
        ];
        let terms: Vec<String> = names
            .iter()
            .cycle()
            .take(terms)
            .map(|t| t.to_string())
            .collect();
        let symbols: Vec<(String, u64)> = (0..docs as u64)
            .map(|d| {
                let symbol = match d {
                    4 => "A/AC.290/2021/CRP.2/Rev.1 (final substantive report)".to_string(),
                    _ => format!("A/RES/{}/{}", 70 + d % 9, 27 + d * 13),
                };
                (symbol, 8 + (d * 37) % 120)
            })
            .collect();
        let mut occurrences = Vec::new();
        let mut counts = Vec::new();
        for (d, (symbol, passages)) in symbols.iter().enumerate() {
            for (k, term) in terms.iter().enumerate() {
                let mut total = 0;
                for seq in 0..*passages {
                    let h = (seq * 31 + k as u64 * 17 + d as u64 * 7) % 23;
                    if h < 3 - k.min(2) as u64 {
                        let c = 1 + (seq + k as u64) % 4;
                        total += c;
                        occurrences.push(occ(term, symbol, seq, c));
                    }
                }
                if !(k == 3 && d == 2) {
                    counts.push(count(term, symbol, total, passages * 60));
                }
            }
        }
        Sample {
            groups: symbols.iter().map(|(s, p)| group(s, p * 60)).collect(),
            documents: symbols.iter().map(|(s, p)| doc(s, *p)).collect(),
            terms,
            counts,
            occurrences,
        }
    }

    /// Pictures to look at: `cargo test --lib plot::tests::sample_pictures -- --ignored`
    /// writes `undex-plot-{terms}x{documents}.svg` to the temporary folder.
    #[test]
    #[ignore]
    fn sample_pictures() {
        for (terms, docs) in [(1, 1), (4, 6), (10, 40), (3, 40)] {
            let path = std::env::temp_dir().join(format!("undex-plot-{terms}x{docs}.svg"));
            write_svg(&path, &made_up(terms, docs).data()).unwrap();
            eprintln!("{}", path.display());
        }
    }
}
