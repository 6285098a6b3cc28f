//! Where each key is: the lines of the file's keys from a plain text scan, no YAML parser.

/// 1-based line of the key at `path` (top-level key at column 0, each next key inside the block
/// of the one before); the deepest ancestor found when the key itself is missing.
#[cfg(test)]
pub(super) fn key_line(text: &str, path: &[&str]) -> Option<u32> {
    KeyLines::new(text).line(path)
}

/// The lines of every key in the file, from one plain text scan, so that each problem's line is a
/// lookup: a file of 100,000 unknown keys has 100,000 problems, and a scan of the file for each
/// made the check quadratic (minutes for 1 MiB).
pub(super) struct KeyLines<'a> {
    /// The lines that count (not blank, not a comment, not `---`), in file order.
    lines: Vec<KeyLine<'a>>,
    /// `lines[i]`'s block ends before `lines[ends[i]]`, the first later line indented no deeper.
    ends: Vec<usize>,
    /// `(key, index in lines)` of the keys at column 0, sorted.
    top: Vec<(&'a str, usize)>,
    /// `(key, index in lines)` of every key, sorted.
    all: Vec<(&'a str, usize)>,
}

struct KeyLine<'a> {
    indent: usize,
    /// `key` of `key:` or `- key:`, unquoted; `None` for lines that are not a key.
    key: Option<&'a str>,
    number: Option<u32>,
}

impl<'a> KeyLines<'a> {
    pub(super) fn new(text: &'a str) -> KeyLines<'a> {
        #[cfg(test)]
        SCANS.with(|s| s.set(s.get() + 1));
        let mut lines = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                continue;
            }
            let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            let key = item
                .split_once(':')
                .filter(|(_, rest)| rest.is_empty() || rest.starts_with([' ', '\t']))
                .map(|(key, _)| key.trim().trim_matches(['"', '\'']));
            lines.push(KeyLine {
                indent: line.len() - trimmed.len(),
                key,
                number: u32::try_from(i + 1).ok(),
            });
        }
        // A block ends at the first later line indented no deeper: one stack of open blocks.
        let mut ends = vec![lines.len(); lines.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            while let Some(&last) = open.last() {
                if lines[last].indent < line.indent {
                    break;
                }
                ends[last] = i;
                open.pop();
            }
            open.push(i);
        }
        let keyed = || {
            lines
                .iter()
                .enumerate()
                .filter_map(|(i, line)| Some((line.key?, i)))
        };
        let mut top: Vec<(&str, usize)> = keyed().filter(|&(_, i)| lines[i].indent == 0).collect();
        let mut all: Vec<(&str, usize)> = keyed().collect();
        top.sort_unstable();
        all.sort_unstable();
        KeyLines {
            lines,
            ends,
            top,
            all,
        }
    }

    /// The first entry of `key` in `index` (sorted by key, then line) at or after line `from`.
    fn first(index: &[(&str, usize)], key: &str, from: usize) -> Option<usize> {
        let at = index.partition_point(|&(k, i)| (k, i) < (key, from));
        index.get(at).filter(|&&(k, _)| k == key).map(|&(_, i)| i)
    }

    /// The line of the key at `path`: the first top-level key `path[0]`, then the first key
    /// `path[1]` inside its block, and so on; the deepest one found when the rest is missing.
    pub(super) fn line(&self, path: &[&str]) -> Option<u32> {
        let (first, rest) = path.split_first()?;
        let mut at = Self::first(&self.top, first, 0)?;
        for key in rest {
            match Self::first(&self.all, key, at + 1) {
                Some(next) if next < self.ends[at] => at = next,
                _ => break,
            }
        }
        self.lines[at].number
    }
}

#[cfg(test)]
thread_local! {
    /// How many times a file was scanned for key lines.
    pub(super) static SCANS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}
