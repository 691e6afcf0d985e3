//! Turning a file's bytes into the text a user meant: UTF-8 checked, BOM dropped, line endings made LF.

use std::path::Path;

use crate::error::Diagnostic;

/// Decodes a corpus or import file, refusing what cannot be text.
///
/// Empty files, binary files (any NUL byte) and invalid UTF-8 are refused
/// with the line where the problem is; CRLF and lone CR become LF and a
/// UTF-8 byte-order mark is dropped, so that files from any editor read as
/// their author meant.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::new(path, 0, "the file is empty"));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(Diagnostic::new(
            path,
            line_of(bytes, pos),
            "this is a binary file (it holds a NUL byte), not text",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or_default();
            return Err(Diagnostic::new(
                path,
                line_of(bytes, at),
                format!("the file is not valid UTF-8 (byte 0x{byte:02X}); save it as UTF-8"),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(normalize_newlines(text))
}

/// The 1-based line number of byte offset `pos`.
fn line_of(bytes: &[u8], pos: usize) -> usize {
    let upto = bytes.get(..pos).unwrap_or(bytes);
    // A lone CR ends a line too, as `normalize_newlines` reads it.
    let mut line = 1;
    let mut prev_cr = false;
    for &b in upto {
        match b {
            b'\n' if prev_cr => {}
            b'\n' | b'\r' => line += 1,
            _ => {}
        }
        prev_cr = b == b'\r';
    }
    line
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<String, Diagnostic> {
        decode(Path::new("f.txt"), bytes)
    }

    #[test]
    fn line_endings_and_bom_are_read_as_meant() {
        assert_eq!(dec(b"\xEF\xBB\xBFa\r\nb\rc\n").unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn empty_binary_and_non_utf8_are_refused_with_their_line() {
        assert_eq!(dec(b"  \n\n").unwrap_err().message, "the file is empty");
        let bin = dec(b"ab\ncd\0").unwrap_err();
        assert_eq!(bin.line, 2);
        assert!(bin.message.contains("binary"));
        let bad = dec(b"one\r\ntwo\rthr\xE9e").unwrap_err();
        assert_eq!(bad.line, 3);
        assert!(bad.message.contains("0xE9"), "{}", bad.message);
    }
}
