//! Turning an input's bytes into text: BOMs, UTF-16, Windows-1252, and refusing binary data.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Nothing but whitespace.
    Empty,
    /// Looks like a binary file (NUL bytes or many control characters).
    Binary,
    /// gzip-compressed data, which the text reader does not open.
    Compressed,
}

impl DecodeError {
    /// A lowercase message for a diagnostic.
    pub(crate) fn message(&self) -> &'static str {
        match self {
            DecodeError::Empty => "the input is empty",
            DecodeError::Binary => "the input looks like a binary file, not text",
            DecodeError::Compressed => "the input is gzip-compressed; decompress it first",
        }
    }
}

/// Decoded text, and whether the encoding had to be guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, without a byte-order mark.
    pub(crate) text: String,
    /// Set when the bytes were not valid UTF-8 and were read as Windows-1252.
    pub(crate) guessed_windows_1252: bool,
}

/// Decodes bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(DecodeError::Compressed);
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8_or_1252(rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Decoded { text: UTF_16LE.decode_without_bom_handling(rest).0.into_owned(), guessed_windows_1252: false }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Decoded { text: UTF_16BE.decode_without_bom_handling(rest).0.into_owned(), guessed_windows_1252: false }
    } else {
        if looks_binary(bytes) {
            return Err(DecodeError::Binary);
        }
        utf8_or_1252(bytes)
    };
    if looks_binary(text.text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    if text.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

fn utf8_or_1252(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), guessed_windows_1252: false },
        Err(_) => {
            Decoded { text: WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), guessed_windows_1252: true }
        }
    }
}

/// True for bytes with a NUL, or with more than 5% control characters in their first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expect: Result<(&str, bool), DecodeError>) {
        let got = decode(bytes).map(|d| (d.text, d.guessed_windows_1252));
        assert_eq!(got, expect.map(|(t, g)| (t.to_owned(), g)));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        check("Zürich".as_bytes(), Ok(("Zürich", false)));
        check(b"\xEF\xBB\xBFZ\xC3\xBCrich", Ok(("Zürich", false)));
    }

    #[test]
    fn utf16_with_bom() {
        check(b"\xFF\xFEh\0i\0", Ok(("hi", false)));
        check(b"\xFE\xFF\0h\0i", Ok(("hi", false)));
    }

    #[test]
    fn windows_1252_fallback() {
        check(b"caf\xE9 \x93quoted\x94", Ok(("café “quoted”", true)));
    }

    #[test]
    fn refuses_binary_empty_and_gzip() {
        check(b"\x7FELF\x02\x01\x01\0\0\0", Err(DecodeError::Binary));
        check(b" \n\t ", Err(DecodeError::Empty));
        check(b"", Err(DecodeError::Empty));
        check(b"\x1f\x8b\x08\0", Err(DecodeError::Compressed));
        check(b"\x01\x02\x03\x04abc", Err(DecodeError::Binary));
    }
}
