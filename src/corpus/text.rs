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
    // What Windows editors save as "Unicode": UTF-16 with its byte-order
    // mark, read as it is rather than refused for its NUL bytes.
    if let Some(text) = utf16(path, bytes) {
        let text = text?;
        return decode(path, text.as_bytes());
    }
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

/// The text of a file that opens with a UTF-16 byte-order mark (little- or
/// big-endian); `None` for any other file.
fn utf16(path: &Path, bytes: &[u8]) -> Option<Result<String, Diagnostic>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = bytes.get(2..).unwrap_or_default();
    let units: Vec<u16> = body
        .chunks(2)
        .map(|pair| match (pair, little) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            // An odd byte at the end: no code unit, refused below.
            _ => 0xD800,
        })
        .collect();
    Some(String::from_utf16(&units).map_err(|_| {
        Diagnostic::new(
            path,
            0,
            "the file opens as UTF-16 but is not valid UTF-16; save it as UTF-8",
        )
    }))
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
    fn utf16_with_its_byte_order_mark_is_read() {
        let text = "Décide\r\n1. Lamps 安全\n";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(dec(&little).unwrap(), "Décide\n1. Lamps 安全\n");
        assert_eq!(dec(&big).unwrap(), "Décide\n1. Lamps 安全\n");
        // A lone surrogate, or a byte left over, is no UTF-16 text.
        let broken = [0xFF, 0xFE, 0x00, 0xD8, 0x41];
        assert!(
            dec(&broken)
                .unwrap_err()
                .message
                .contains("not valid UTF-16")
        );
        assert!(dec(&[0xFF, 0xFE, 0x41]).is_err());
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
