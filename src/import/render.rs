//! Writes the corpus file: TOML front matter, the body's blocks, and the footnote definitions.

use super::body::Element;
use super::masthead::NumberOrText;
use super::text::Date;

/// What goes into the front matter, in the order it is written.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    pub symbol: String,
    pub title: Option<String>,
    pub kind: &'static str,
    pub process: Vec<String>,
    pub session: Option<NumberOrText>,
    pub agenda_item: Option<NumberOrText>,
    pub adopted: Option<Date>,
    pub report: Option<String>,
    pub meeting: Option<String>,
    /// A draft's Main Committee.
    pub committee: Option<String>,
    /// A draft's sponsors, written one a line.
    pub sponsor: Vec<String>,
    /// What a draft became.
    pub adopted_as: Option<String>,
    pub source: Option<String>,
    /// TOML comments: masthead notes and masthead lines not understood.
    pub comments: Vec<String>,
}

fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn number_or_text(v: &NumberOrText) -> String {
    match v {
        NumberOrText::Number(n) => n.to_string(),
        NumberOrText::Text(s) => string(s),
    }
}

/// The corpus file, and where each element and note of it starts.
pub(crate) struct Rendered {
    pub text: String,
    /// The 1-based line of the file each element starts on.
    pub element_lines: Vec<usize>,
    /// The line of each footnote definition.
    pub note_lines: Vec<usize>,
}

/// The whole corpus file.
pub(crate) fn render(
    front: &FrontMatter,
    elements: &[Element],
    notes: &[(u32, String)],
) -> Rendered {
    // Byte offsets first, made line numbers at the end.
    let mut element_lines = Vec::with_capacity(elements.len());
    let mut note_lines = Vec::with_capacity(notes.len());
    let mut out = String::from("+++\n");
    let mut key = |k: &str, v: String| out.push_str(&format!("{k} = {v}\n"));
    key("symbol", string(&front.symbol));
    if let Some(t) = &front.title {
        key("title", string(t));
    }
    key("kind", string(front.kind));
    match front.process.as_slice() {
        [] => {}
        [one] => key("process", string(one)),
        many => key(
            "process",
            format!(
                "[{}]",
                many.iter()
                    .map(|p| string(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    }
    if let Some(c) = &front.committee {
        key("committee", string(c));
    }
    if let Some(s) = &front.session {
        key("session", number_or_text(s));
    }
    if let Some(a) = &front.agenda_item {
        key("agenda_item", number_or_text(a));
    }
    if let Some(d) = front.adopted {
        key("adopted", d.to_string());
    }
    if let Some(a) = &front.adopted_as {
        key("adopted_as", string(a));
    }
    if let Some(r) = &front.report {
        key("report", string(r));
    }
    if let Some(m) = &front.meeting {
        key("meeting", string(m));
    }
    if !front.sponsor.is_empty() {
        // One a line: a draft may have a hundred.
        let names: String = front
            .sponsor
            .iter()
            .map(|s| format!("  {},\n", string(s)))
            .collect();
        key("sponsor", format!("[\n{names}]"));
    }
    if let Some(s) = &front.source {
        key("source", string(s));
    }
    for c in &front.comments {
        out.push_str("# ");
        out.push_str(&c.replace('\n', " "));
        out.push('\n');
    }
    out.push_str("+++\n");
    for e in elements {
        out.push('\n');
        element_lines.push(out.len());
        match e {
            Element::Organ(o) => out.push_str(o),
            Element::Heading { level, text } => {
                out.push_str(&"#".repeat(*level));
                out.push(' ');
                out.push_str(text);
            }
            Element::Annex { name, title } => {
                out.push_str("## ");
                out.push_str(name);
                if let Some(t) = title {
                    out.push_str(" — ");
                    out.push_str(t);
                }
            }
            Element::Para { label, text, .. } => {
                if let Some(l) = label {
                    out.push_str(l);
                    if !text.is_empty() {
                        out.push(' ');
                    }
                }
                out.push_str(text);
            }
            Element::Kept(lines) => out.push_str(&lines.join("\n")),
        }
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push('\n');
        for (n, text) in notes {
            note_lines.push(out.len());
            out.push_str(&format!("[^{n}]: {text}\n"));
        }
    }
    Rendered {
        element_lines: lines_at(&out, &element_lines),
        note_lines: lines_at(&out, &note_lines),
        text: out,
    }
}

/// The 1-based lines of increasing byte offsets of `text`.
fn lines_at(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut line = 1;
    let mut at = 0;
    offsets
        .iter()
        .map(|&offset| {
            line += text.get(at..offset).map_or(0, |s| s.matches('\n').count());
            at = offset;
            line
        })
        .collect()
}
