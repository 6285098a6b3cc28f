//! The backtracking matcher of the name patterns.

/// The name patterns are regular expressions in a small subset, matched here by backtracking
/// rather than by a regex crate (which would weigh more than the rest of this module in the
/// browser build): ASCII literals, `\b`, `\w*`, `\+`, classes of literal characters (`[123]`),
/// groups `(?:…)` and capturing `(…)` with `|`, and `?` after a character, class or group. The
/// text is normalised ([`norm`](super::text::norm)), so `\b` and `\w` are ASCII, as in
/// `regex-lite`; alternatives and `?` are tried in order, greedy first, which gives the same
/// leftmost-first matches and groups as a regex engine (a test compares the two).
pub(super) struct Pattern {
    nodes: Vec<Node>,
    groups: usize,
}

enum Node {
    Byte(u8),
    Class(Vec<u8>),
    WordBoundary,
    /// `\w*`
    WordChars,
    /// `(?:…)` (no capture index) or `(…)`; the alternatives in order.
    Group(Option<usize>, Vec<Vec<Node>>),
    Optional(Box<Node>),
}

/// Capture spans: group 0 is the whole match.
pub(super) type Spans = Vec<Option<(usize, usize)>>;

impl Pattern {
    /// `None` for syntax outside the subset.
    pub(super) fn new(pattern: &str) -> Option<Pattern> {
        let mut groups = 1;
        let mut bytes = pattern.bytes().peekable();
        let alternatives = parse_alternatives(&mut bytes, &mut groups)?;
        if bytes.next().is_some() {
            return None; // an unmatched `)`
        }
        Some(Pattern {
            nodes: vec![Node::Group(Some(0), alternatives)],
            groups,
        })
    }

    /// The successive non-overlapping leftmost matches in `hay`, with their groups.
    pub(super) fn matches<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Spans> + 'a {
        let hay = hay.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            while from <= hay.len() {
                let at = from;
                from += 1;
                let mut spans = vec![None; self.groups];
                if seq(&self.nodes, hay, at, &mut spans, &mut |_, _| true) {
                    if let Some((_, end)) = spans[0] {
                        from = end.max(at + 1);
                    }
                    return Some(spans);
                }
            }
            None
        })
    }
}

type Bytes<'a> = std::iter::Peekable<std::str::Bytes<'a>>;

fn parse_alternatives(bytes: &mut Bytes<'_>, groups: &mut usize) -> Option<Vec<Vec<Node>>> {
    let mut alternatives = vec![Vec::new()];
    while let Some(&b) = bytes.peek() {
        if b == b')' {
            break;
        }
        bytes.next();
        let node = match b {
            b'|' => {
                alternatives.push(Vec::new());
                continue;
            }
            b'(' => {
                let index = if bytes.peek() == Some(&b'?') {
                    bytes.next();
                    (bytes.next()? == b':').then_some(None)?
                } else {
                    *groups += 1;
                    Some(*groups - 1)
                };
                let inner = parse_alternatives(bytes, groups)?;
                (bytes.next()? == b')').then_some(Node::Group(index, inner))?
            }
            b'[' => {
                let mut set = Vec::new();
                loop {
                    match bytes.next()? {
                        b']' => break,
                        c if c.is_ascii_alphanumeric() => set.push(c),
                        _ => return None,
                    }
                }
                Node::Class(set)
            }
            b'\\' => match bytes.next()? {
                b'b' => Node::WordBoundary,
                b'w' => (bytes.next()? == b'*').then_some(Node::WordChars)?,
                c @ b'+' => Node::Byte(c),
                _ => return None,
            },
            b'?' => {
                let last = alternatives.last_mut()?;
                let node = last.pop()?;
                Node::Optional(Box::new(node))
            }
            c if c.is_ascii_alphanumeric() || c == b' ' => Node::Byte(c),
            _ => return None,
        };
        alternatives.last_mut()?.push(node);
    }
    Some(alternatives)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Matches `nodes` at `at`, then whatever `then` requires of the rest.
fn seq(
    nodes: &[Node],
    hay: &[u8],
    at: usize,
    spans: &mut Spans,
    then: &mut dyn FnMut(usize, &mut Spans) -> bool,
) -> bool {
    match nodes.split_first() {
        None => then(at, spans),
        Some((node, rest)) => one(node, hay, at, spans, &mut |end, spans| {
            seq(rest, hay, end, spans, then)
        }),
    }
}

fn one(
    node: &Node,
    hay: &[u8],
    at: usize,
    spans: &mut Spans,
    then: &mut dyn FnMut(usize, &mut Spans) -> bool,
) -> bool {
    match node {
        Node::Byte(b) => hay.get(at) == Some(b) && then(at + 1, spans),
        Node::Class(set) => hay.get(at).is_some_and(|b| set.contains(b)) && then(at + 1, spans),
        Node::WordBoundary => {
            let before = at > 0 && is_word(hay[at - 1]);
            let after = hay.get(at).is_some_and(|&b| is_word(b));
            before != after && then(at, spans)
        }
        Node::WordChars => {
            let run = hay[at..].iter().take_while(|&&b| is_word(b)).count();
            (0..=run).rev().any(|n| then(at + n, spans))
        }
        Node::Group(index, alternatives) => alternatives.iter().any(|alternative| {
            seq(alternative, hay, at, spans, &mut |end, spans| match index {
                None => then(end, spans),
                Some(i) => {
                    let before = spans[*i].replace((at, end));
                    then(end, spans) || {
                        spans[*i] = before;
                        false
                    }
                }
            })
        }),
        Node::Optional(inner) => one(inner, hay, at, spans, then) || then(at, spans),
    }
}
