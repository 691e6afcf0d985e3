//! The raw-tantivy baseline of the benchmark (`bench/run`): indexes the generator's JSON Lines with tantivy alone, so undex's indexing can be judged against the engine under it.
//!
//! ```sh
//! cargo run --release --example raw_tantivy -- passages.jsonl /tmp/raw-index
//! cargo run --release --example raw_tantivy -- --anchor passages.jsonl /tmp/raw-index
//! ```
//!
//! By default each passage becomes the document undex would make of it, with
//! undex's schema (`undex::index::schema::schema()`) and analyzers
//! (`undex::analysis::register`): the gap between this and `undex index` is
//! then what undex adds (reading and parsing the corpus files, checking them)
//! and nothing the schema costs. The generator's JSON Lines carry the title,
//! date, source path and line as well, so every field undex fills is filled
//! here too. Only the source file's size and modification time, which undex
//! reads from the file system, are written as 0: the same two fast fields,
//! without the `stat`. The generated text has no references between
//! documents, so undex finds none to index either.
//!
//! `--anchor` indexes the issue's reference instead: one STRING field per
//! metadata item and one TEXT field with tantivy's default tokenizer, all
//! stored, as a plain tantivy program would write it.
//!
//! Input is streamed (one line parsed, one document handed to the writer):
//! the writer's threads tokenize while this thread parses, and the corpus is
//! never held in memory. Prints one JSON object on standard output.

use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use serde::Deserialize;
use tantivy::schema::{STORED, STRING, Schema, TEXT};
use tantivy::{IndexWriter, TantivyDocument};

/// One passage as `bench/gen_corpus.py --jsonl` writes it.
#[derive(Deserialize)]
struct Line {
    id: String,
    symbol: String,
    anchor: String,
    process: String,
    kind: String,
    text: String,
    // Written by the project's generator; absent from older lines.
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    line: u64,
}

struct Options {
    anchor: bool,
    threads: usize,
    budget: usize,
    input: PathBuf,
    index: PathBuf,
}

const USAGE: &str =
    "usage: raw_tantivy [--anchor] [--threads N] [--budget-mb MB] PASSAGES.jsonl INDEX_DIR";

fn options() -> Result<Options, String> {
    // The issue's reference configuration: 2 threads, a 1 GB budget.
    let mut o = Options {
        anchor: false,
        threads: 2,
        budget: 1_000_000_000,
        input: PathBuf::new(),
        index: PathBuf::new(),
    };
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number\n{USAGE}"))
        };
        match a.as_str() {
            "--anchor" => o.anchor = true,
            "--threads" => o.threads = number("--threads")?.max(1),
            "--budget-mb" => o.budget = number("--budget-mb")? * 1_000_000,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [input, index] = <[PathBuf; 2]>::try_from(positional).map_err(|_| USAGE.to_owned())?;
    o.input = input;
    o.index = index;
    Ok(o)
}

/// The fields a document is made of, in either schema.
enum Shape {
    Undex(undex::index::Fields),
    Anchor {
        id: tantivy::schema::Field,
        symbol: tantivy::schema::Field,
        anchor: tantivy::schema::Field,
        process: tantivy::schema::Field,
        kind: tantivy::schema::Field,
        text: tantivy::schema::Field,
    },
}

fn anchor_schema() -> Schema {
    let mut b = Schema::builder();
    for name in ["id", "symbol", "anchor", "process", "kind"] {
        b.add_text_field(name, STRING | STORED);
    }
    b.add_text_field("text", TEXT | STORED);
    b.build()
}

/// What undex's parser would say of a generated anchor; the generator only
/// writes preambular (`PP`) and operative (`OP`) paragraphs.
fn part(anchor: &str) -> &'static str {
    if anchor.starts_with("PP") {
        "preambular"
    } else {
        "operative"
    }
}

fn citation(symbol: &str, anchor: &str) -> String {
    match anchor.strip_prefix("PP") {
        Some(n) => format!("{symbol}, preambular para. {n}"),
        None => format!("{symbol}, para. {}", anchor.trim_start_matches("OP")),
    }
}

fn document(shape: &Shape, l: &Line, seq: u64) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    match shape {
        Shape::Undex(f) => {
            d.add_text(f.id, &l.id);
            d.add_text(f.symbol, &l.symbol);
            d.add_text(f.anchor, &l.anchor);
            d.add_text(f.citation, citation(&l.symbol, &l.anchor));
            if let Some(t) = &l.title {
                d.add_text(f.title, t);
            }
            d.add_text(f.kind, &l.kind);
            d.add_text(f.part, part(&l.anchor));
            d.add_text(f.process, &l.process);
            d.add_text(f.text, &l.text);
            d.add_text(f.text_exact, &l.text);
            d.add_bool(f.excerpt, false);
            d.add_u64(f.seq, seq);
            if let Some(date) = &l.date {
                d.add_text(f.date, date);
            }
            d.add_u64(f.words, undex::analysis::word_count(&l.text));
            d.add_u64(f.line, l.line);
            if let Some(p) = &l.path {
                d.add_text(f.path, p);
            }
            d.add_u64(f.file_size, 0);
            d.add_u64(f.file_mtime, 0);
        }
        Shape::Anchor {
            id,
            symbol,
            anchor,
            process,
            kind,
            text,
        } => {
            d.add_text(*id, &l.id);
            d.add_text(*symbol, &l.symbol);
            d.add_text(*anchor, &l.anchor);
            d.add_text(*process, &l.process);
            d.add_text(*kind, &l.kind);
            d.add_text(*text, &l.text);
        }
    }
    d
}

fn dir_size(dir: &std::path::Path) -> std::io::Result<u64> {
    let mut total = 0;
    for e in std::fs::read_dir(dir)? {
        let m = e?.metadata()?;
        if m.is_file() {
            total += m.len();
        }
    }
    Ok(total)
}

fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    let start = Instant::now();
    std::fs::create_dir_all(&o.index)?;
    if std::fs::read_dir(&o.index)?.next().is_some() {
        return Err(format!("{} is not empty", o.index.display()).into());
    }
    let schema = if o.anchor {
        anchor_schema()
    } else {
        undex::index::schema::schema()
    };
    let index = tantivy::Index::create_in_dir(&o.index, schema.clone())?;
    undex::analysis::register(index.tokenizers());
    let shape = if o.anchor {
        let f = |n: &str| schema.get_field(n);
        Shape::Anchor {
            id: f("id")?,
            symbol: f("symbol")?,
            anchor: f("anchor")?,
            process: f("process")?,
            kind: f("kind")?,
            text: f("text")?,
        }
    } else {
        Shape::Undex(undex::index::Fields::from_schema(&schema)?)
    };
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(o.threads, o.budget)?;
    let input = BufReader::with_capacity(1 << 20, File::open(&o.input)?);
    let (mut passages, mut text_bytes, mut seq) = (0u64, 0u64, 0u64);
    let mut last_symbol = String::new();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let l: Line = serde_json::from_str(&line)
            .map_err(|e| format!("{}:{}: {e}", o.input.display(), n + 1))?;
        // Passages of a document are consecutive in the generator's output,
        // so their place in the document is a running count.
        if l.symbol == last_symbol {
            seq += 1;
        } else {
            seq = 0;
            last_symbol.clone_from(&l.symbol);
        }
        text_bytes += l.text.len() as u64;
        passages += 1;
        writer.add_document(document(&shape, &l, seq))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let seconds = start.elapsed().as_secs_f64();
    let out = serde_json::json!({
        "variant": if o.anchor { "anchor" } else { "undex-schema" },
        "threads": o.threads,
        "budget_bytes": o.budget,
        "passages": passages,
        "text_bytes": text_bytes,
        "seconds": seconds,
        "mb_per_s": text_bytes as f64 / 1e6 / seconds,
        "index_bytes": dir_size(&o.index)?,
    });
    println!("{out}");
    Ok(())
}

fn main() -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return std::process::ExitCode::from(2);
        }
    };
    match run(&o) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("raw_tantivy: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
