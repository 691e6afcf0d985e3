//! undex as another program uses it: only the public API, no CLI.

use undex::compare::{CompareOptions, GroupBy};
use undex::corpus::Corpus;
use undex::export::Format;
use undex::index::{self, BuildOptions, Index};
use undex::search::{SearchOptions, Selection};

fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn load_build_open_search_show_compare_export_and_read_back()
-> Result<(), Box<dyn std::error::Error>> {
    let tmp = tempfile::tempdir()?;
    let corpus_dir = tmp.path().join("corpus");
    std::fs::create_dir(&corpus_dir)?;
    write(
        &corpus_dir,
        "a.txt",
        "+++\nsymbol = \"A/RES/90/1\"\ntitle = \"Quorum\"\nprocess = \"OEWG\"\nadopted = 2020-01-02\n+++\n\nThe General Assembly,\n\nRecalling quorum rules,\n\n1. Decides on quorum;\n\n(a) by consensus;\n",
    );
    write(
        &corpus_dir,
        "b.txt",
        "+++\nsymbol = \"A/RES/90/2\"\nprocess = \"GGE\"\n+++\n\n1. Requests a consensus report.\n",
    );
    let corpus = Corpus::load(&corpus_dir)?;
    assert_eq!(corpus.documents.len(), 2);
    let dir = tmp.path().join("index");
    let report = index::build(&corpus, &dir, &BuildOptions::default())?;
    assert_eq!((report.documents, report.passages), (2, 4));
    let index = Index::open(&dir)?;

    let results = index.search(&SearchOptions {
        query: "consensus".into(),
        filters: Selection {
            processes: vec!["OEWG".into()],
            ..Selection::default()
        },
        ..SearchOptions::default()
    })?;
    assert_eq!(results.summary.matched, 1);
    let hit = &results.hits[0];
    assert_eq!(hit.passage.citation, "A/RES/90/1, para. 1(a)");
    assert_eq!(hit.passage.date.as_deref(), Some("2020-01-02"));

    // A part or kind that is none is refused, by every call that selects,
    // with a variant a caller can match, rather than matching nothing.
    let bad = Selection {
        parts: vec!["operative".into(), "preamble".into()],
        ..Selection::default()
    };
    let refused = |r: Result<(), undex::Error>| match r {
        Err(undex::Error::InvalidValue { filter, value, .. }) => {
            assert_eq!((filter, value.as_str()), ("part", "preamble"));
        }
        other => panic!("{other:?}"),
    };
    refused(
        index
            .search(&SearchOptions {
                query: "consensus".into(),
                filters: bad.clone(),
                ..SearchOptions::default()
            })
            .map(drop),
    );
    refused(
        index
            .compare(&CompareOptions {
                terms: vec!["consensus".into()],
                filters: bad.clone(),
                ..CompareOptions::default()
            })
            .map(drop),
    );
    refused(
        index
            .kwic(&undex::compare::KwicOptions {
                term: "consensus".into(),
                width: 40,
                filters: bad,
                exact: false,
                sort: undex::compare::KwicSort::Doc,
                limit: 10,
            })
            .map(drop),
    );

    let shown = index.show("A/RES/90/1")?;
    let anchors: Vec<&str> = shown.passages.iter().map(|p| p.anchor.as_str()).collect();
    assert_eq!(anchors, ["PP1", "OP1", "OP1(a)"]);

    let c = index.compare(&CompareOptions {
        terms: vec!["consensus".into()],
        by: GroupBy::Process,
        ..CompareOptions::default()
    })?;
    let counts: Vec<(String, u64)> = c
        .counts
        .iter()
        .map(|x| (x.group.clone(), x.count))
        .collect();
    assert_eq!(counts, [("OEWG".to_owned(), 1), ("GGE".to_owned(), 1)]);

    // Export, read the export as a corpus, and get the same hits.
    let mut jsonl = Vec::new();
    assert_eq!(index.export(&mut jsonl, Format::Jsonl, "undex")?, 4);
    let file = tmp.path().join("export.jsonl");
    std::fs::write(&file, &jsonl)?;
    let again = Index::build_in_ram(&Corpus::load(&file)?)?;
    for query in ["consensus", "quorum", "\"consensus report\""] {
        let ids = |i: &Index| -> Result<Vec<String>, undex::Error> {
            Ok(i.search(&SearchOptions {
                query: query.into(),
                ..SearchOptions::default()
            })?
            .hits
            .into_iter()
            .map(|h| h.passage.id)
            .collect())
        };
        assert_eq!(ids(&index)?, ids(&again)?, "{query}");
    }
    let stats = index.stats()?;
    assert_eq!((stats.documents, stats.passages), (2, 4));
    assert!(stats.size_bytes > 0);
    Ok(())
}

#[test]
fn errors_are_one_type_with_their_place() {
    let tmp = tempfile::tempdir().expect("tmp");
    write(
        tmp.path(),
        "bad.txt",
        "+++\nsymbol = \"A/1\"\ncolour = \"red\"\n+++\n\n1. x.\n",
    );
    match Corpus::load(tmp.path()) {
        Err(undex::Error::Input(diags)) => {
            assert_eq!(diags[0].line, 3);
            assert!(diags[0].to_string().contains("bad.txt:3:"));
        }
        other => panic!("expected an input error, got {other:?}"),
    }
    // What happened, not what to type: the advice is the front end's.
    let nothing = tmp.path().join("nothing");
    match Index::open(&nothing) {
        Err(err @ undex::Error::NoIndex { .. }) => {
            assert_eq!(err.kind(), undex::ErrorKind::NotFound);
            assert_eq!(
                err.to_string(),
                format!("there is no index in {} yet", nothing.display())
            );
        }
        other => panic!("expected no index, got {other:?}"),
    }
}
