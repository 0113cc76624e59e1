//! The code editor's text operations, pure and tested natively: what Enter,
//! Tab, Shift+Tab and Backspace do to Python source and its selection, and
//! the undo history. The editor component only maps keys to these and
//! writes the result back into its textarea.
//!
//! Offsets are byte offsets into the text (always on a `char` boundary);
//! [`utf16_to_byte`] and [`byte_to_utf16`] convert from and to the
//! browser's selection offsets, which count UTF-16 code units.
//!
//! ```
//! use async_playground::core::editing::{enter, Edit};
//!
//! let src = "async def main():";
//! let e = enter(src, src.len(), src.len());
//! assert_eq!(e.text, "async def main():\n    ");
//! assert_eq!(e.sel, (e.text.len(), e.text.len()));
//! ```

/// Spaces per indentation level (PEP 8).
pub const INDENT: usize = 4;

/// A text and its selection after an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The whole text.
    pub text: String,
    /// The selection (start, end), byte offsets.
    pub sel: (usize, usize),
}

/// The byte offset of the UTF-16 offset `u` in `text` (clamped to its end).
pub fn utf16_to_byte(text: &str, u: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= u {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of the byte offset `b` in `text`.
pub fn byte_to_utf16(text: &str, b: usize) -> usize {
    text.get(..b.min(text.len()))
        .map_or(0, |s| s.chars().map(char::len_utf16).sum())
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_start(text: &str, i: usize) -> usize {
    text[..i].rfind('\n').map_or(0, |p| p + 1)
}

fn line_end(text: &str, i: usize) -> usize {
    text[i..].find('\n').map_or(text.len(), |p| i + p)
}

fn indent_of(line: &str) -> &str {
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..n]
}

/// The code part of a line: without a trailing `# comment` (outside
/// strings) and trailing spaces.
fn code_part(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '#' => return line[..i].trim_end(),
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
    }
    line.trim_end()
}

/// Whether a line of code ends a block, so the next line dedents.
fn ends_block(code: &str) -> bool {
    let t = code.trim_start();
    let word = t.split([' ', '(']).next().unwrap_or_default();
    matches!(word, "return" | "pass" | "break" | "continue" | "raise")
}

fn sorted(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (a, b) = (floor_boundary(text, start), floor_boundary(text, end));
    (a.min(b), a.max(b))
}

/// Enter: a new line with the current line's indentation, one level more
/// after a line that ends with `:` (a block opens), one level less after
/// `return`, `pass`, `break`, `continue` or `raise`.
pub fn enter(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = sorted(text, start, end);
    let ls = line_start(text, start);
    let before = &text[ls..start];
    let mut indent = indent_of(before).to_string();
    let code = code_part(before);
    if code.ends_with(':') {
        indent.push_str(&" ".repeat(INDENT));
    } else if ends_block(code) {
        let keep = indent.len().saturating_sub(INDENT);
        indent.truncate(keep);
    }
    let insert = format!("\n{indent}");
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..start]);
    out.push_str(&insert);
    out.push_str(&text[end..]);
    let at = start + insert.len();
    Edit {
        text: out,
        sel: (at, at),
    }
}

/// The lines a selection touches: (start of the first, end of the last).
/// A selection that ends at the very start of a line does not touch it.
fn touched_lines(text: &str, start: usize, end: usize) -> (usize, usize) {
    let first = line_start(text, start);
    let last_pos = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    (first, line_end(text, last_pos.max(start)))
}

/// Tab: with no selection, spaces up to the next multiple of [`INDENT`];
/// with a selection, every line it touches one level deeper.
pub fn indent(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = sorted(text, start, end);
    if start == end || !text[start..end].contains('\n') && start != line_start(text, start) {
        let col = text[line_start(text, start)..start].chars().count();
        let n = INDENT - col % INDENT;
        let pad = " ".repeat(n);
        let mut out = String::with_capacity(text.len() + n);
        out.push_str(&text[..start]);
        out.push_str(&pad);
        out.push_str(&text[end..]);
        let at = start + n;
        return Edit {
            text: out,
            sel: (at, at),
        };
    }
    let (first, last) = touched_lines(text, start, end);
    let pad = " ".repeat(INDENT);
    let mut out = String::with_capacity(text.len() + INDENT * 8);
    out.push_str(&text[..first]);
    let mut added_before_end = 0;
    let mut added_first = 0;
    let mut pos = first;
    for (k, line) in text[first..last].split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if !line.trim().is_empty() {
            out.push_str(&pad);
            if k == 0 {
                added_first = INDENT;
            }
            if pos <= end {
                added_before_end += INDENT;
            }
        }
        out.push_str(line);
        pos += line.len() + 1;
    }
    out.push_str(&text[last..]);
    Edit {
        text: out,
        sel: (start + added_first, end + added_before_end),
    }
}

/// Shift+Tab: every line the selection (or the cursor) touches one level
/// shallower (up to [`INDENT`] spaces, or one tab, removed).
pub fn dedent(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = sorted(text, start, end);
    let (first, last) = touched_lines(text, start, end);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    // (original start of a line, bytes removed there)
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut pos = first;
    for (k, line) in text[first..last].split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let lead = indent_of(line);
        let cut = if lead.starts_with('\t') {
            1
        } else {
            lead.bytes().take(INDENT).take_while(|&b| b == b' ').count()
        };
        out.push_str(&line[cut..]);
        cuts.push((pos, cut));
        pos += line.len() + 1;
    }
    out.push_str(&text[last..]);
    // An offset moves back by what was removed before it on its line and
    // the lines above; one inside removed spaces goes to where they began.
    let map = |o: usize| -> usize {
        let removed: usize = cuts
            .iter()
            .filter(|(p, _)| *p < o)
            .map(|&(p, c)| c.min(o - p))
            .sum();
        o - removed
    };
    Edit {
        sel: (map(start), map(end)),
        text: out,
    }
}

/// Backspace inside a line's indentation (only spaces before the cursor,
/// no selection): back to the previous multiple of [`INDENT`]. `None`
/// where Backspace should do what it always does.
pub fn backspace(text: &str, start: usize, end: usize) -> Option<Edit> {
    let (start, end) = sorted(text, start, end);
    if start != end {
        return None;
    }
    let ls = line_start(text, start);
    let before = &text[ls..start];
    if before.is_empty() || !before.bytes().all(|b| b == b' ') {
        return None;
    }
    let n = match before.len() % INDENT {
        0 => INDENT,
        r => r,
    };
    let from = start - n;
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..from]);
    out.push_str(&text[end..]);
    Some(Edit {
        text: out,
        sel: (from, from),
    })
}

/// The 1-based line and column (in characters, from 1) of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_boundary(text, at);
    let line = text[..at].matches('\n').count() + 1;
    let col = text[line_start(text, at)..at].chars().count() + 1;
    (line, col)
}

/// What kind of change an edit was, for grouping in the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Typing characters (consecutive ones undo together).
    Typing,
    /// Deleting with Backspace or Delete (consecutive ones undo together).
    Deleting,
    /// Anything else (Enter, Tab, paste, Reset): undone on its own.
    Other,
}

/// The undo history of one editor: states before each edit.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    last: Option<(EditKind, f64)>,
}

/// Most states the history keeps.
pub const HISTORY_MAX: usize = 500;

/// Consecutive typing within this many ms undoes as one step.
pub const GROUP_MS: f64 = 1000.0;

impl History {
    /// Records `before`, the state an edit of `kind` at `now_ms` replaces.
    /// Typing (or deleting) right after typing (deleting) joins its group.
    pub fn record(&mut self, before: Edit, kind: EditKind, now_ms: f64) {
        let joins = matches!(self.last, Some((k, t)) if k == kind && kind != EditKind::Other && now_ms - t < GROUP_MS);
        self.last = Some((kind, now_ms));
        self.redo.clear();
        if joins && !self.undo.is_empty() {
            return;
        }
        if self.undo.last().is_some_and(|u| u.text == before.text) {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > HISTORY_MAX {
            self.undo.remove(0);
        }
    }

    /// Undoes: returns the state to go back to (`current` goes on the redo
    /// stack), if there is one.
    pub fn undo(&mut self, current: Edit) -> Option<Edit> {
        let back = self.undo.pop()?;
        self.redo.push(current);
        self.last = None;
        Some(back)
    }

    /// Redoes what was undone last.
    pub fn redo(&mut self, current: Edit) -> Option<Edit> {
        let fwd = self.redo.pop()?;
        self.undo.push(current);
        self.last = None;
        Some(fwd)
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (String, usize, usize) {
        // `|` marks the cursor, `[` and `]` a selection.
        if let Some(c) = text.find('|') {
            let t = text.replacen('|', "", 1);
            return (t, c, c);
        }
        let a = text.find('[').unwrap_or(0);
        let t = text.replacen('[', "", 1);
        let b = t.find(']').unwrap_or(a);
        (t.replacen(']', "", 1), a, b)
    }

    fn show(e: &Edit) -> String {
        let (a, b) = e.sel;
        if a == b {
            format!("{}|{}", &e.text[..a], &e.text[a..])
        } else {
            format!("{}[{}]{}", &e.text[..a], &e.text[a..b], &e.text[b..])
        }
    }

    #[test]
    fn enter_keeps_indentation_and_opens_blocks() {
        let (t, a, b) = at("async def f():|\n");
        assert_eq!(show(&enter(&t, a, b)), "async def f():\n    |\n");
        let (t, a, b) = at("    x = 1|");
        assert_eq!(show(&enter(&t, a, b)), "    x = 1\n    |");
        let (t, a, b) = at("    if x:  # a comment: really|");
        assert_eq!(
            show(&enter(&t, a, b)),
            "    if x:  # a comment: really\n        |"
        );
        let (t, a, b) = at("    print(\"a:\")|");
        assert_eq!(show(&enter(&t, a, b)), "    print(\"a:\")\n    |");
        let (t, a, b) = at("        return x|");
        assert_eq!(show(&enter(&t, a, b)), "        return x\n    |");
        let (t, a, b) = at("    [sel]ected");
        assert_eq!(show(&enter(&t, a, b)), "    \n    |ected");
    }

    #[test]
    fn tab_and_shift_tab_indent_and_dedent() {
        let (t, a, b) = at("ab|c");
        assert_eq!(show(&indent(&t, a, b)), "ab  |c");
        let (t, a, b) = at("a = 1\n[b = 2\nc = 3]\n");
        assert_eq!(show(&indent(&t, a, b)), "a = 1\n    [b = 2\n    c = 3]\n");
        let e = indent(&t, a, b);
        assert_eq!(
            show(&dedent(&e.text, e.sel.0, e.sel.1)),
            "a = 1\n[b = 2\nc = 3]\n"
        );
        let (t, a, b) = at("      x|");
        assert_eq!(show(&dedent(&t, a, b)), "  x|");
        let (t, a, b) = at("  |  x");
        assert_eq!(show(&dedent(&t, a, b)), "|x");
        let (t, a, b) = at("x|");
        assert_eq!(show(&dedent(&t, a, b)), "x|");
        // A selection ending at a line's start leaves that line alone.
        let (t, a, b) = at("[a\n]b\n");
        assert_eq!(show(&indent(&t, a, b)), "    [a\n]b\n");
    }

    #[test]
    fn backspace_in_indentation_removes_a_level() {
        let (t, a, b) = at("        |x");
        assert_eq!(
            backspace(&t, a, b).map(|e| show(&e)).as_deref(),
            Some("    |x")
        );
        let (t, a, b) = at("      |x");
        assert_eq!(
            backspace(&t, a, b).map(|e| show(&e)).as_deref(),
            Some("    |x")
        );
        let (t, a, b) = at("  a|");
        assert_eq!(backspace(&t, a, b), None);
    }

    #[test]
    fn utf16_offsets_round_trip() {
        let s = "print(\"é🐍\")\nx";
        for (i, _) in s.char_indices() {
            assert_eq!(utf16_to_byte(s, byte_to_utf16(s, i)), i);
        }
        assert_eq!(utf16_to_byte(s, 10_000), s.len());
        assert_eq!(line_col(s, s.len()), (2, 2));
    }

    #[test]
    fn history_groups_typing_and_undoes_and_redoes() {
        let e = |t: &str| Edit {
            text: t.into(),
            sel: (t.len(), t.len()),
        };
        let mut h = History::default();
        h.record(e(""), EditKind::Typing, 0.0);
        h.record(e("a"), EditKind::Typing, 100.0);
        h.record(e("ab"), EditKind::Other, 200.0);
        h.record(e("ab\n"), EditKind::Typing, 3000.0);
        assert_eq!(h.undo(e("ab\nc")).map(|x| x.text).as_deref(), Some("ab\n"));
        assert_eq!(h.undo(e("ab\n")).map(|x| x.text).as_deref(), Some("ab"));
        assert_eq!(h.undo(e("ab")).map(|x| x.text).as_deref(), Some(""));
        assert!(!h.can_undo());
        assert_eq!(h.redo(e("")).map(|x| x.text).as_deref(), Some("ab"));
        assert!(h.can_redo());
        h.record(e("ab"), EditKind::Typing, 5000.0);
        assert!(!h.can_redo(), "a new edit forgets what was undone");
    }
}
