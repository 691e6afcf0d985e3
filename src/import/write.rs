//! Writing an imported document into the corpus: never over a different file unless forced, and atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Imported;
use crate::{Error, Result};

/// Writes `imported` as `out_dir/<file_name>` and returns the path.
///
/// `out_dir` is created if needed. An existing file with the same content
/// is left as it is; a different one is replaced only with `force` (else an
/// [`Error::Input`] names it). The text goes to a temporary file in the same
/// folder that is then renamed, so a reader never sees half a file.
pub fn write_imported(out_dir: &Path, imported: &Imported, force: bool) -> Result<PathBuf> {
    let name = Path::new(&imported.file_name);
    let simple = name.components().count() == 1
        && !imported.file_name.starts_with('.')
        && name.file_name().is_some();
    if !simple {
        return Err(Error::input(
            out_dir,
            0,
            format!("`{}` is not a plain file name", imported.file_name),
        ));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    let path = out_dir.join(name);
    match std::fs::read(&path) {
        Ok(existing) if existing == imported.text.as_bytes() => return Ok(path),
        Ok(_) if !force => {
            return Err(Error::input(
                &path,
                0,
                format!(
                    "a different file for {} already exists; use --force to replace it",
                    imported.symbol
                ),
            ));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, e)),
    }
    let tmp = out_dir.join(format!(
        ".{}.{}.tmp",
        imported.file_name,
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(imported.text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &path)) {
        // Leave no temporary file behind; the error that matters is the write's.
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(&path, e));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imported(text: &str) -> Imported {
        Imported {
            symbol: "A/RES/99/1".into(),
            file_name: "A-RES-99-1.txt".into(),
            text: text.into(),
            warnings: Vec::new(),
            passages: 1,
            anchors: vec!["OP1".into()],
            process: Vec::new(),
        }
    }

    #[test]
    fn refuses_a_different_file_unless_forced() {
        let dir = tempfile::tempdir().ok();
        let Some(dir) = dir else { return };
        let out = dir.path().join("corpus");
        let first = write_imported(&out, &imported("one\n"), false).ok();
        assert_eq!(first, Some(out.join("A-RES-99-1.txt")));
        assert!(
            write_imported(&out, &imported("one\n"), false).is_ok(),
            "identical is fine"
        );
        let refused = write_imported(&out, &imported("two\n"), false);
        assert!(matches!(refused, Err(Error::Input(_))));
        assert_eq!(
            std::fs::read_to_string(out.join("A-RES-99-1.txt"))
                .ok()
                .as_deref(),
            Some("one\n")
        );
        assert!(write_imported(&out, &imported("two\n"), true).is_ok());
        assert_eq!(
            std::fs::read_to_string(out.join("A-RES-99-1.txt"))
                .ok()
                .as_deref(),
            Some("two\n")
        );
        let names: Vec<_> = std::fs::read_dir(&out)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }
}
