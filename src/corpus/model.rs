//! The corpus data model: documents, their metadata, and the passages they are cut into.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// What kind of text a document is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A resolution (the default).
    #[default]
    Resolution,
    /// A decision.
    Decision,
    /// A draft resolution or decision (`A/C.1/80/L.46`), numbered as the
    /// resolution it would become.
    Draft,
    /// A report, with paragraphs numbered through headed sections.
    Report,
    /// Scholarship or notes about the texts.
    Commentary,
}

impl Kind {
    /// The lowercase name used in the corpus format, the index and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution",
            Kind::Decision => "decision",
            Kind::Draft => "draft",
            Kind::Report => "report",
            Kind::Commentary => "commentary",
        }
    }

    /// Every kind, for messages that list the accepted values.
    pub const ALL: [Kind; 5] = [
        Kind::Resolution,
        Kind::Decision,
        Kind::Draft,
        Kind::Report,
        Kind::Commentary,
    ];
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a document numbers its paragraphs, which decides its anchors and
/// how references to it are written: derived once, from its kind and
/// symbol, where its metadata is built ([`Meta::layout`]), and guessed from
/// the symbol alone for a document the corpus does not hold.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Layout {
    /// A resolution or decision: preambular paragraphs `PP1`, …, operative
    /// paragraphs `OP5`, and a text numbering nothing is one operative `OP`.
    #[default]
    Resolution,
    /// A draft resolution or decision (`A/C.1/73/L.27`): numbered as the
    /// resolution it would become.
    Draft,
    /// A report: paragraphs `P13` numbered through headed sections, and the
    /// unnumbered ones `U1`, ….
    Report,
    /// Commentary: passages `S7.2` by section.
    Commentary,
}

impl Layout {
    /// The layout of a document of `kind` with `symbol`: the kind says
    /// resolution, draft or report; a resolution whose symbol is a draft's
    /// (`/L.`) is a draft.
    pub fn of(kind: Kind, symbol: &str) -> Layout {
        match kind {
            Kind::Report => Layout::Report,
            Kind::Commentary => Layout::Commentary,
            Kind::Draft => Layout::Draft,
            Kind::Resolution | Kind::Decision if is_draft(symbol) => Layout::Draft,
            Kind::Resolution | Kind::Decision => Layout::Resolution,
        }
    }

    /// The layout of a document known only by its symbol: `…/RES/…`,
    /// `…/DEC/…` are resolutions and decisions, `…/L.…` drafts, any other
    /// UN symbol (`A/70/174`) a report, anything else a resolution.
    pub fn guess(symbol: &str) -> Layout {
        if symbol.contains("/RES/") || symbol.contains("/DEC/") || !symbol.contains('/') {
            Layout::Resolution
        } else if is_draft(symbol) {
            Layout::Draft
        } else {
            Layout::Report
        }
    }

    /// Whether its numbered paragraphs are a report's (`P13`, unnumbered
    /// `U1`) rather than a resolution's (`OP13`, preambular `PP1`).
    pub fn is_report(self) -> bool {
        self == Layout::Report
    }
}

/// `A/C.1/73/L.27`, `A/73/L.5`: the symbol of a draft (its `L.` part).
fn is_draft(symbol: &str) -> bool {
    symbol.split('/').any(|part| part.starts_with("L."))
}

/// Which part of its document a passage belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// An unnumbered paragraph before the first operative paragraph.
    Preambular,
    /// A numbered (operative) paragraph or one of its sub-paragraphs.
    Operative,
    /// A paragraph of a report.
    Report,
    /// A passage of commentary.
    Commentary,
}

impl Part {
    /// The lowercase name used in the index, in filters and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Preambular => "preambular",
            Part::Operative => "operative",
            Part::Report => "report",
            Part::Commentary => "commentary",
        }
    }

    /// Every part, for messages that list the accepted values.
    pub const ALL: [Part; 4] = [
        Part::Preambular,
        Part::Operative,
        Part::Report,
        Part::Commentary,
    ];

    /// Reads a part name as users type it (case does not matter).
    pub fn parse(name: &str) -> Option<Part> {
        Part::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Votes in favour.
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
}

/// A footnote kept with the passage that cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The marker as printed ("2").
    pub marker: String,
    /// The note's text ("A/68/98.").
    pub text: String,
}

/// A document's metadata, from its front matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    /// The document symbol ("A/RES/73/27") or a commentary's own id ("Chung2019").
    pub symbol: String,
    /// The title, without the resolution number.
    pub title: Option<String>,
    /// What kind of document it is.
    pub kind: Kind,
    /// How it numbers its paragraphs ([`Layout::of`] its kind and symbol).
    pub layout: Layout,
    /// The negotiating processes it belongs to.
    pub process: Vec<String>,
    /// Main sponsors; a draft's as printed, one State a value.
    pub sponsor: Vec<String>,
    /// The Main Committee a draft was submitted to (`First Committee`);
    /// none for a plenary draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The symbol of the resolution or decision a draft became (`A/RES/80/58`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_as: Option<String>,
    /// Date of adoption, `YYYY-MM-DD`.
    pub adopted: Option<String>,
    /// The recorded vote.
    pub vote: Option<Vote>,
    /// General Assembly session.
    pub session: Option<String>,
    /// Agenda item.
    pub agenda_item: Option<String>,
    /// Symbol of the committee report it was adopted on.
    pub report: Option<String>,
    /// Plenary meeting.
    pub meeting: Option<String>,
    /// Authors (commentary).
    pub author: Vec<String>,
    /// Date (commentary), as written (`2019-05`, `2019-05-14`).
    pub date: Option<String>,
    /// Where the text comes from.
    pub source: Option<String>,
    /// True when the file holds only some of the document's paragraphs.
    pub excerpt: bool,
    /// Names used in a commentary for documents, mapped to their symbols.
    pub aliases: BTreeMap<String, String>,
}

impl Meta {
    /// The date a passage carries: adoption date, else the commentary's date.
    pub fn date(&self) -> Option<&str> {
        self.adopted.as_deref().or(self.date.as_deref())
    }
}

/// One indexed unit: a paragraph, sub-paragraph, bullet item or table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// `symbol#anchor`, e.g. `A/RES/73/27#OP5`.
    pub id: String,
    /// The document symbol.
    pub symbol: String,
    /// The passage's place in its document: `PP3`, `OP4(a)`, `OP1.1`, `S7.2`, `P13`.
    pub anchor: String,
    /// How to cite it: `A/RES/73/27, para. 5`.
    pub citation: String,
    /// Which part of the document it is in.
    pub part: Part,
    /// The section heading it stands under (reports, commentary, annexes).
    pub section: Option<String>,
    /// The processes it concerns.
    pub process: Vec<String>,
    /// The passages and documents it refers to (`A/RES/73/27#OP5`, `A/RES/73/27`).
    pub refs: Vec<String>,
    /// Its footnotes.
    pub notes: Vec<Note>,
    /// The text, without its own number or letter label.
    pub text: String,
    /// The line of the source file it starts on.
    pub line: usize,
    /// Its place in the document, counted from 0.
    pub seq: u64,
    /// The processes its section heading names (commentary), used while
    /// the corpus is linked.
    #[serde(skip)]
    pub(crate) section_processes: Vec<String>,
}

/// A parsed corpus file.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file it was read from.
    pub path: PathBuf,
    /// Its metadata.
    pub meta: Meta,
    /// Its passages, in document order.
    pub passages: Vec<Passage>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_comes_from_the_kind_and_the_symbol() {
        assert_eq!(
            Layout::of(Kind::Resolution, "A/RES/73/27"),
            Layout::Resolution
        );
        assert_eq!(
            Layout::of(Kind::Decision, "A/DEC/73/512"),
            Layout::Resolution
        );
        assert_eq!(Layout::of(Kind::Resolution, "A/C.1/73/L.27"), Layout::Draft);
        assert_eq!(Layout::of(Kind::Draft, "A/C.1/80/L.46"), Layout::Draft);
        assert_eq!(Kind::Draft.as_str(), "draft");
        assert_eq!(Layout::of(Kind::Report, "A/70/174"), Layout::Report);
        assert_eq!(
            Layout::of(Kind::Commentary, "Chung2019"),
            Layout::Commentary
        );
        assert_eq!(Layout::guess("A/RES/73/27"), Layout::Resolution);
        assert_eq!(Layout::guess("A/C.1/73/L.27"), Layout::Draft);
        assert_eq!(Layout::guess("A/70/174"), Layout::Report);
        assert_eq!(Layout::guess("Chung2019"), Layout::Resolution);
    }

    #[test]
    fn a_resolution_citing_a_paragraph_of_a_draft_cites_its_operative_paragraph() {
        let text = "+++\nsymbol = \"A/RES/73/27\"\n+++\n\n1. Recalls para. 3 of A/C.1/73/L.27 and para. 13 of A/70/174.\n";
        let parsed = crate::corpus::parse_bytes(std::path::Path::new("r.txt"), text.as_bytes());
        let refs = parsed.map(|(d, _)| d.passages[0].refs.clone()).ok();
        assert_eq!(
            refs,
            Some(vec![
                "A/70/174#P13".to_string(),
                "A/C.1/73/L.27#OP3".to_string()
            ])
        );
    }
}
