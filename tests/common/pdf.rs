//! PDFs written by the tests: a minimal PDF writer (uncompressed pages of Helvetica text, with size and rise for superscripts) and a resolution in the UN layout given both as a PDF and as the raw text a PDF extractor gives.

use std::fmt::Write as _;

/// A run of text in one size, raised by `rise` points (a superscript).
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub size: f64,
    pub rise: f64,
}

/// A line of spans starting at `x`, its baseline `y` points from the top.
#[derive(Debug, Clone)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub spans: Vec<Span>,
}

pub fn span(text: &str, size: f64) -> Span {
    Span {
        text: text.to_string(),
        size,
        rise: 0.0,
    }
}

pub fn sup(text: &str, size: f64) -> Span {
    Span {
        text: text.to_string(),
        size: size * 0.65,
        rise: size * 0.35,
    }
}

pub fn line(x: f64, y: f64, spans: Vec<Span>) -> Line {
    Line { x, y, spans }
}

/// The page size: A4, in points.
pub const WIDTH: f64 = 595.0;
pub const HEIGHT: f64 = 842.0;

/// A PDF string literal of `text` in WinAnsi (Latin-1 for what the tests use).
fn literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let byte = match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                c as u8
            }
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        };
        out.push(byte);
    }
    out.push(b')');
    out
}

/// A PDF of the pages, each a list of lines, in Helvetica.
pub fn write(pages: &[Vec<Line>]) -> Vec<u8> {
    write_pdf(pages, false)
}

/// The PDF of [`write`], but encrypted with a user password (which no
/// one knows: its `/U` entry is made up).
pub fn write_encrypted(pages: &[Vec<Line>]) -> Vec<u8> {
    write_pdf(pages, true)
}

/// A PDF of one page with no text on it, only a grey square: what a scan
/// is to a text extractor.
pub fn scanned() -> Vec<u8> {
    let mut pdf = write(&[vec![]]);
    let from = b"<< /Length 0 >>\nstream\n\nendstream";
    let to = b"<< /Length 24 >>\nstream\n0.5 g 72 72 400 600 re f\nendstream";
    let at = pdf
        .windows(from.len())
        .position(|w| w == from)
        .expect("the empty page's stream");
    pdf.splice(at..at + from.len(), to.iter().copied());
    // The offsets after the stream moved: a reader repairs that, but
    // write the table again to keep the file sound.
    rewrite_xref(&pdf)
}

/// The PDF with its cross-reference table computed anew from where its
/// objects stand.
fn rewrite_xref(pdf: &[u8]) -> Vec<u8> {
    let body_end = pdf
        .windows(5)
        .rposition(|w| w == b"xref\n")
        .expect("an xref table");
    let body = &pdf[..body_end];
    let trailer_at = pdf
        .windows(7)
        .rposition(|w| w == b"trailer")
        .expect("a trailer");
    let trailer_end = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("startxref");
    let mut offsets = Vec::new();
    let mut n = 1;
    loop {
        let marker = format!("\n{n} 0 obj\n");
        match body
            .windows(marker.len())
            .position(|w| w == marker.as_bytes())
        {
            Some(at) => offsets.push(at + 1),
            None => break,
        }
        n += 1;
    }
    let mut out = body.to_vec();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    out.extend(table.into_bytes());
    out.extend(&pdf[trailer_at..trailer_end]);
    out.extend(format!("startxref\n{body_end}\n%%EOF\n").into_bytes());
    out
}

fn write_pdf(pages: &[Vec<Line>], encrypted: bool) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    for (i, lines) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut content: Vec<u8> = Vec::new();
        for l in lines {
            content.extend(format!("BT {:.2} {:.2} Td", l.x, HEIGHT - l.y).into_bytes());
            for s in &l.spans {
                content.extend(format!(" /F1 {:.2} Tf {:.2} Ts ", s.size, s.rise).into_bytes());
                content.extend(literal(&s.text));
                content.extend(b" Tj");
            }
            content.extend(b" ET\n");
        }
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content);
        stream.extend(b"\nendstream");
        objects.push(stream);
    }
    if encrypted {
        objects.push(
            format!(
                "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
                "11".repeat(32),
                "22".repeat(32)
            )
            .into_bytes(),
        );
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let encrypt = if encrypted {
        format!(
            " /Encrypt {} 0 R /ID [<{id}> <{id}>]",
            objects.len(),
            id = "ab".repeat(16)
        )
    } else {
        String::new()
    };
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R{encrypt} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend(table.into_bytes());
    out
}

/// Fails, saying how to install it, when pdftotext is missing: a test of
/// the PDF import must never pass without it.
pub fn require_pdftotext() {
    let found = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    assert!(
        found,
        "pdftotext is not installed: install poppler-utils (`apt-get install poppler-utils`; macOS: `brew install poppler`) to run the PDF tests"
    );
}

/// One piece of a line of a resolution's text: words, or a footnote marker.
#[derive(Debug, Clone)]
pub enum Piece {
    Text(&'static str),
    Marker(u32),
}

/// A line of body text: `"2013"`, marker 2, `" and …"`.
pub type TextLine = Vec<Piece>;

/// One page of a resolution: its paragraphs (each a list of printed
/// lines), its footnotes (number and printed lines; number 0 for the rest
/// of a note begun on the page before), and whether it has a running
/// header.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub paragraphs: Vec<Vec<TextLine>>,
    pub notes: Vec<(u32, Vec<&'static str>)>,
    pub header: bool,
}

/// A resolution in the UN layout: masthead on page 1, a running header of
/// the symbol and the title over two lines on later pages (when the page
/// has one), a job number and page marker at the foot, footnotes under a
/// rule with their markers in smaller raised type.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub symbol: &'static str,
    pub number: &'static str,
    pub title: [&'static str; 2],
    pub job: &'static str,
    pub pages: Vec<Page>,
}

const BODY: f64 = 10.0;
const NOTE: f64 = 8.0;
const LEADING: f64 = 12.0;
const PARAGRAPH: f64 = 8.0;
const LEFT: f64 = 72.0;
const RIGHT_COLUMN: f64 = 420.0;

impl Resolution {
    fn masthead(&self) -> Vec<(f64, f64, f64, String)> {
        vec![
            (LEFT, 50.0, 14.0, "United Nations".into()),
            (RIGHT_COLUMN, 50.0, 14.0, self.symbol.into()),
            (LEFT, 80.0, 14.0, "General Assembly".into()),
            (RIGHT_COLUMN, 80.0, 9.0, "Distr.: General".into()),
            (RIGHT_COLUMN, 92.0, 9.0, "3 February 2019".into()),
            (LEFT, 130.0, 10.0, "Ninety-eighth session".into()),
            (LEFT, 142.0, 10.0, "Agenda item 42".into()),
            (
                LEFT,
                175.0,
                10.0,
                "Resolution adopted by the General Assembly on 20 January 2019".into(),
            ),
            (
                LEFT,
                200.0,
                10.0,
                "[on the report of the Fourth Committee (A/98/500)]".into(),
            ),
            (
                LEFT,
                230.0,
                12.0,
                format!("{}. {} {}", self.number, self.title[0], self.title[1]),
            ),
            (LEFT, 260.0, BODY, "The General Assembly,".into()),
        ]
    }

    /// The resolution as a PDF.
    pub fn pdf(&self) -> Vec<u8> {
        write(&self.pages())
    }

    /// The lines of every page of the PDF.
    pub fn pages(&self) -> Vec<Vec<Line>> {
        let total = self.pages.len();
        let mut pages = Vec::new();
        for (i, page) in self.pages.iter().enumerate() {
            let n = i + 1;
            let mut lines: Vec<Line> = Vec::new();
            let mut y = if n == 1 {
                for (x, y, size, text) in self.masthead() {
                    lines.push(line(x, y, vec![span(&text, size)]));
                }
                260.0 + LEADING + PARAGRAPH
            } else {
                if page.header {
                    lines.push(line(LEFT, 40.0, vec![span(self.symbol, 8.0)]));
                    lines.push(line(300.0, 40.0, vec![span(self.title[0], 8.0)]));
                    lines.push(line(300.0, 50.0, vec![span(self.title[1], 8.0)]));
                }
                90.0
            };
            for paragraph in &page.paragraphs {
                for text_line in paragraph {
                    let spans = text_line
                        .iter()
                        .map(|p| match p {
                            Piece::Text(t) => span(t, BODY),
                            Piece::Marker(m) => sup(&m.to_string(), BODY),
                        })
                        .collect();
                    lines.push(line(LEFT, y, spans));
                    y += LEADING;
                }
                y += PARAGRAPH;
            }
            let note_lines: usize = page.notes.iter().map(|(_, l)| l.len()).sum();
            if note_lines > 0 {
                let mut ny = 780.0 - 10.0 * note_lines as f64;
                assert!(ny - 14.0 > y, "page {n} is too full");
                lines.push(line(
                    LEFT,
                    ny - 12.0,
                    vec![span("__________________", BODY)],
                ));
                for (number, text) in &page.notes {
                    for (k, t) in text.iter().enumerate() {
                        let spans = if k == 0 && *number > 0 {
                            vec![sup(&number.to_string(), NOTE), span(&format!(" {t}"), NOTE)]
                        } else {
                            vec![span(t, NOTE)]
                        };
                        lines.push(line(LEFT, ny, spans));
                        ny += 10.0;
                    }
                }
            }
            assert!(y < 780.0, "page {n} is too full");
            let foot = if n == 1 {
                vec![
                    line(
                        LEFT,
                        810.0,
                        vec![span(&format!("{} (E)    040219", self.job), 8.0)],
                    ),
                    line(
                        RIGHT_COLUMN,
                        810.0,
                        vec![span(&format!("*{}*", self.job.replace('-', "")), 8.0)],
                    ),
                ]
            } else {
                vec![
                    line(LEFT, 810.0, vec![span(&format!("{n}/{total}"), 8.0)]),
                    line(480.0, 810.0, vec![span(self.job, 8.0)]),
                ]
            };
            lines.extend(foot);
            pages.push(lines);
        }
        pages
    }

    /// The resolution as a PDF extractor gives its text (the layout of
    /// raw text the importer reads: blank lines of one space, `\n\n`
    /// between pages, trailing spaces, markers flattened onto the word
    /// before them, furniture where the extractor puts it).
    pub fn raw_text(&self) -> String {
        let total = self.pages.len();
        let mut pages: Vec<Vec<String>> = Vec::new();
        for (i, page) in self.pages.iter().enumerate() {
            let n = i + 1;
            let mut lines: Vec<String> = Vec::new();
            if n == 1 {
                lines.extend([
                    "United Nations ".to_string(),
                    self.symbol.to_string(),
                    " ".into(),
                    "General Assembly ".into(),
                    "Distr.: General ".into(),
                    "3 February 2019 ".into(),
                    " ".into(),
                    format!("{} (E)    040219 ", self.job),
                    format!("*{}* ", self.job.replace('-', "")),
                    " ".into(),
                    "Ninety-eighth session ".into(),
                    "Agenda item 42 ".into(),
                    " ".into(),
                    "Resolution adopted by the General Assembly on 20 January 2019 ".into(),
                    " ".into(),
                    "[on the report of the Fourth Committee (A/98/500)] ".into(),
                    " ".into(),
                    format!("{}. {} {} ", self.number, self.title[0], self.title[1]),
                    " ".into(),
                    "The General Assembly,  ".into(),
                    " ".into(),
                ]);
            } else {
                if page.header {
                    lines.push(format!("{} ", self.symbol));
                    lines.push(self.title[0].to_string());
                    lines.push(self.title[1].to_string());
                    lines.push(" ".into());
                }
                lines.push(self.job.to_string());
                lines.push(format!("{n}/{total} "));
                lines.push(" ".into());
            }
            for paragraph in &page.paragraphs {
                for text_line in paragraph {
                    let mut text = String::new();
                    for p in text_line {
                        match p {
                            Piece::Text(t) => text.push_str(t),
                            Piece::Marker(m) => text.push_str(&m.to_string()),
                        }
                    }
                    text.push(' ');
                    lines.push(text);
                }
                lines.push(" ".into());
            }
            if !page.notes.is_empty() {
                lines.push("__________________ ".into());
                lines.push(" ".into());
                for (number, text) in &page.notes {
                    for (k, t) in text.iter().enumerate() {
                        lines.push(if k == 0 && *number > 0 {
                            format!("{number}  {t} ")
                        } else {
                            format!("{t} ")
                        });
                    }
                    lines.push(" ".into());
                }
            }
            pages.push(lines);
        }
        let mut out = pages
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        out.push('\n');
        out
    }
}

/// A resolution of three pages in the UN layout, with five footnotes.
pub fn quorum_resolution() -> Resolution {
    quorum_resolution_numbered("A/RES/98/4", "98/4")
}

/// [`quorum_resolution`] under another symbol and number.
pub fn quorum_resolution_numbered(symbol: &'static str, number: &'static str) -> Resolution {
    use Piece::{Marker as M, Text as T};
    Resolution {
        symbol,
        number,
        title: ["Quorum matters", "in assemblies"],
        job: "19-01234",
        pages: vec![
            Page {
                header: false,
                paragraphs: vec![
                    vec![
                        vec![T(
                            "Recalling its resolution 90/12 of 4 May 2013 and the report of the",
                        )],
                        vec![T("Secretary-General,"), M(1)],
                    ],
                    vec![
                        vec![T(
                            "Noting that assemblies have counted their members since 1800 and that the",
                        )],
                        vec![
                            T("2015 and 2016"),
                            M(2),
                            T(" surveys found 12 halls without a quorum,"),
                        ],
                    ],
                    vec![
                        vec![T(
                            "Welcoming the work of the Group on Quorums, which met in Geneva on",
                        )],
                        vec![T("5 July 2016 and in Lima,")],
                    ],
                ],
                notes: vec![
                    (1, vec!["A/98/100."]),
                    (
                        2,
                        vec![
                            "A/97/7, annex, prepared by the Group on Quorums and transmitted",
                            "to the General Assembly.",
                        ],
                    ),
                ],
            },
            Page {
                header: true,
                paragraphs: vec![
                    vec![
                        vec![T(
                            "1. Calls upon Member States to count their members before every",
                        )],
                        vec![
                            T("vote, as set out in the 2017 guidelines"),
                            M(3),
                            T(" of the Group;"),
                        ],
                    ],
                    vec![
                        vec![T(
                            "2. Requests the Secretary-General to report on quorums at its",
                        )],
                        vec![T("ninety-ninth session;")],
                    ],
                    vec![
                        vec![
                            T("3. Invites the Group to meet in 2020"),
                            M(4),
                            T(" and to share its findings with the"),
                        ],
                        vec![T("regional organizations;")],
                    ],
                ],
                notes: vec![
                    (3, vec!["A/98/9."]),
                    (
                        4,
                        vec!["See A/98/10, para. 12, and the annex to the report of the"],
                    ),
                ],
            },
            Page {
                header: false,
                paragraphs: vec![
                    vec![
                        vec![T(
                            "4. Decides to include in the provisional agenda of its ninety-ninth session",
                        )],
                        vec![
                            T("the item entitled \"Quorum matters\" at that session."),
                            M(5),
                        ],
                    ],
                    vec![vec![T("45th plenary meeting")], vec![T("20 January 2019")]],
                ],
                notes: vec![
                    (0, vec!["Group on Quorums (A/98/11)."]),
                    (5, vec!["Adopted without a vote."]),
                ],
            },
        ],
    }
}
