//! How text and bytes from servers and people are shown: bytes that are not UTF-8 as `\xe9`
//! escapes, control characters, line separators and bidirectional overrides escaped, so a name can
//! neither rewrite a terminal nor fake a log line or a label. The lowest layer: it uses nothing
//! else of the engine, and errors and listings both use it.

/// A name or path as bytes, for people: bytes that are not UTF-8 as `\xe9`-style escapes (two
/// names that differ only there then look different too), the rest as [`escape_for_display`].
pub fn display_bytes(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return escape_for_display(text);
    }
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for b in chunk.invalid() {
            text.push_str(&format!("\\x{b:02x}"));
        }
    }
    escape_for_display(&text)
}

/// Escapes C0/C1 control characters and DEL (`\n` → `\n`, ESC → `\x1b`, …) so a name is shown on one
/// line as it is, without acting on a terminal; line/paragraph separators and bidirectional
/// overrides (which make `exe.txt` read as `txt.exe`) become `\u{202e}`-style escapes.
pub fn escape_for_display(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push('\\'),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unsafe_for_display(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// True when `c` must never reach a terminal or a label raw: C0/C1 controls, DEL, line and
/// paragraph separators, and the bidirectional overrides that reorder how a name reads.
pub fn is_unsafe_for_display(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}
