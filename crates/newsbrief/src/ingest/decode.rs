//! Turning an input's bytes into text: gzip, BOMs, UTF-16, a charset an HTML page declares,
//! Windows-1252 as the last resort, and refusing binary data.

use std::io::Read;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Nothing but whitespace.
    Empty,
    /// Looks like a binary file (NUL bytes or many control characters).
    Binary,
    /// gzip data that cannot be decompressed.
    DamagedGzip(String),
    /// gzip data that decompresses to more than the input limit.
    GzipTooLarge,
    /// A `.gz` name on data that is not gzip.
    NotGzip,
}

impl DecodeError {
    /// A lowercase message for a diagnostic.
    pub(crate) fn message(&self) -> String {
        match self {
            DecodeError::Empty => "the input is empty".to_owned(),
            DecodeError::Binary => "the input looks like a binary file, not text".to_owned(),
            DecodeError::DamagedGzip(why) => format!("the gzip data is damaged: {why}"),
            DecodeError::GzipTooLarge => {
                format!("the gzip data decompresses to more than the {} MB limit", super::MAX_INPUT_BYTES >> 20)
            }
            DecodeError::NotGzip => "the name ends in .gz but the data is not gzip".to_owned(),
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

/// gzip's magic bytes.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The bytes of `name`, decompressed when they are gzip data.
pub(crate) fn gunzip<'a>(name: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, [u8]>, DecodeError> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        if name.to_ascii_lowercase().ends_with(".gz") {
            return Err(DecodeError::NotGzip);
        }
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let limit = super::MAX_INPUT_BYTES;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|err| DecodeError::DamagedGzip(err.to_string()))?;
    if out.len() as u64 > limit {
        return Err(DecodeError::GzipTooLarge);
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Decodes bytes as UTF-8 (with or without BOM), UTF-16 with BOM, the charset an HTML page
/// declares in its first kilobytes, or else Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
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
        Err(_) => match declared_charset(bytes) {
            Some(encoding) => Decoded {
                text: encoding.decode_without_bom_handling(bytes).0.into_owned(),
                guessed_windows_1252: false,
            },
            None => Decoded {
                text: WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
                guessed_windows_1252: true,
            },
        },
    }
}

/// The encoding an HTML page declares in its first 4 KiB (`<meta charset="...">` or
/// `content="text/html; charset=..."`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
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
    fn declared_charsets() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>\x93\xfa\x96\x7b</body></html>";
        let decoded = decode(page).unwrap();
        assert!(decoded.text.contains("日本"), "{}", decoded.text);
        assert!(!decoded.guessed_windows_1252);
        let latin = b"<meta charset='windows-1252'><p>caf\xe9</p>";
        assert!(decode(latin).unwrap().text.contains("café"));
    }

    #[test]
    fn gzip_in_and_out() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"<p>Hello</p>").unwrap();
        let compressed = encoder.finish().unwrap();
        assert_eq!(gunzip("page.html.gz", &compressed).unwrap().as_ref(), b"<p>Hello</p>");
        assert_eq!(gunzip("page.html.gz", b"<p>plain</p>").unwrap_err(), DecodeError::NotGzip);
        assert!(matches!(gunzip("x", &compressed[..10]), Err(DecodeError::DamagedGzip(_))));
        assert_eq!(gunzip("x.txt", b"plain").unwrap().as_ref(), b"plain");
    }

    #[test]
    fn refuses_binary_and_empty() {
        check(b"\x7FELF\x02\x01\x01\0\0\0", Err(DecodeError::Binary));
        check(b" \n\t ", Err(DecodeError::Empty));
        check(b"", Err(DecodeError::Empty));
        check(b"\x01\x02\x03\x04abc", Err(DecodeError::Binary));
    }
}
