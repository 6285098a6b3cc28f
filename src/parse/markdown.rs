//! Document structure from Markdown (pulldown-cmark) and reStructuredText (headings by underline):
//! sections with their normalised headings and the text under them, and every link with its line.
//! Code blocks never count as evidence, so their text is dropped.

use crate::base::text::normalize;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1–6; 0 for the text before the first heading.
    pub level: u8,
    pub heading: String,
    /// `heading` normalised with [`normalize`].
    pub norm: String,
    /// 1-based line of the heading.
    pub line: u32,
    /// The section's own text, up to the next heading of any level, code blocks left out.
    pub text: String,
}

impl Section {
    /// The text before the first heading.
    fn preamble() -> Section {
        Section {
            level: 0,
            heading: String::new(),
            norm: String::new(),
            line: 1,
            text: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub text: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub sections: Vec<Section>,
    pub links: Vec<Link>,
}

impl Doc {
    pub fn parse(path: &str, source: &str) -> Doc {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".rst") {
            parse_rst(source)
        } else if lower.ends_with(".txt") {
            parse_plain(source)
        } else {
            parse_markdown(source)
        }
    }

    /// The text of section `index` and of every deeper section that follows it.
    pub fn text_under(&self, index: usize) -> String {
        let Some(head) = self.sections.get(index) else {
            return String::new();
        };
        let mut text = head.text.clone();
        for next in &self.sections[index + 1..] {
            if next.level <= head.level && head.level != 0 {
                break;
            }
            if head.level == 0 {
                break;
            }
            text.push('\n');
            text.push_str(&next.heading);
            text.push('\n');
            text.push_str(&next.text);
        }
        text
    }

    /// All text of the document (headings and bodies), code blocks left out.
    pub fn all_text(&self) -> String {
        let mut text = String::new();
        for s in &self.sections {
            text.push_str(&s.heading);
            text.push('\n');
            text.push_str(&s.text);
            text.push('\n');
        }
        text
    }

    /// Indexes of sections whose heading matches one of `phrases` (plain text, normalised here)
    /// by [`crate::base::text::matches_phrase`] or by stem ("Eksempler" for "Eksempel").
    pub fn find_headings(&self, phrases: &[&str]) -> Vec<usize> {
        let vocabulary = crate::base::text::Vocabulary::new(phrases);
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level > 0)
            .filter(|(_, s)| vocabulary.in_text(&s.norm))
            .map(|(i, _)| i)
            .collect()
    }

    /// Links under section `index` (including deeper subsections).
    pub fn links_under(&self, index: usize) -> Vec<&Link> {
        let Some(head) = self.sections.get(index) else {
            return Vec::new();
        };
        let end_line = self.sections[index + 1..]
            .iter()
            .find(|s| s.level <= head.level || head.level == 0)
            .map(|s| s.line)
            .unwrap_or(u32::MAX);
        self.links
            .iter()
            .filter(|l| l.line >= head.line && l.line < end_line)
            .collect()
    }
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(starts: &[usize], offset: usize) -> u32 {
    let index = match starts.binary_search(&offset) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    };
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Bare `http(s)://` addresses in running text (Markdown without the autolink extension, plain text).
fn bare_urls(text: &str) -> Vec<(usize, String)> {
    let mut urls = Vec::new();
    let mut search_from = 0;
    while let Some(pos) = text[search_from..].find("http") {
        let start = search_from + pos;
        let rest = &text[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || "<>\"'`)]|".contains(c))
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if url.len() > "https://".len() {
                urls.push((start, url.to_string()));
            }
            search_from = start + end.max(1);
        } else {
            search_from = start + 4;
        }
    }
    urls
}

fn parse_markdown(source: &str) -> Doc {
    let starts = line_starts(source);
    let mut doc = Doc::default();
    doc.sections.push(Section::preamble());
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut in_heading: Option<(u8, u32, String)> = None;
    let mut in_code = 0usize;
    let mut images = 0usize;
    let mut open_links: Vec<(String, u32, String)> = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let depth = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                in_heading = Some((depth, line_of(&starts, range.start), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, line, heading)) = in_heading.take() {
                    let heading = heading.trim().to_string();
                    doc.sections.push(Section {
                        level,
                        norm: normalize(&heading),
                        heading,
                        line,
                        text: String::new(),
                    });
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                open_links.push((
                    dest_url.to_string(),
                    line_of(&starts, range.start),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((url, line, text)) = open_links.pop() {
                    if in_code == 0 {
                        doc.links.push(Link { url, text, line });
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if in_code > 0 {
                    continue;
                }
                for link in open_links.iter_mut() {
                    link.2.push_str(&text);
                }
                if let Some((_, _, heading)) = in_heading.as_mut() {
                    // An image's alt text is a badge's label ("Build Status"), not the title's.
                    if images == 0 {
                        heading.push_str(&text);
                    }
                } else if let Some(section) = doc.sections.last_mut() {
                    section.text.push_str(&text);
                }
                if open_links.is_empty() {
                    for (offset, url) in bare_urls(&text) {
                        let _ = offset;
                        doc.links.push(Link {
                            url: url.clone(),
                            text: url,
                            line: line_of(&starts, range.start),
                        });
                    }
                }
            }
            Event::Html(html) | Event::InlineHtml(html) if in_code == 0 => {
                for (_, url) in html_hrefs(&html) {
                    doc.links.push(Link {
                        url: url.clone(),
                        text: url,
                        line: line_of(&starts, range.start),
                    });
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
                if in_code == 0 =>
            {
                if let Some((_, _, heading)) = in_heading.as_mut() {
                    heading.push(' ');
                } else if let Some(section) = doc.sections.last_mut() {
                    section.text.push('\n');
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(section) = doc.sections.last_mut() {
                    section.text.push_str(" | ");
                }
            }
            _ => {}
        }
    }
    doc
}

/// `href="…"` and `src="…"` values in raw HTML.
fn html_hrefs(html: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for attr in ["href=\"", "href='"] {
        let quote = if attr.ends_with('"') { '"' } else { '\'' };
        for (pos, _) in html.match_indices(attr) {
            let rest = &html[pos + attr.len()..];
            if let Some(end) = rest.find(quote) {
                found.push((pos, rest[..end].to_string()));
            }
        }
    }
    found
}

fn parse_rst(source: &str) -> Doc {
    let lines: Vec<&str> = source.lines().collect();
    let mut doc = Doc::default();
    doc.sections.push(Section::preamble());
    let mut adornments: Vec<char> = Vec::new();
    let is_adornment = |l: &str| {
        let t = l.trim_end();
        t.len() >= 3
            && t.chars()
                .next()
                .is_some_and(|c| "=-~^\"'`#*+_:.".contains(c) && t.chars().all(|d| d == c))
    };
    let mut i = 0;
    let mut in_literal = false;
    while i < lines.len() {
        let line = lines[i];
        if let Some(next) = lines.get(i + 1) {
            if !line.trim().is_empty() && is_adornment(next) && !is_adornment(line) {
                let ch = next.trim().chars().next().unwrap_or('=');
                let depth = match adornments.iter().position(|&c| c == ch) {
                    Some(p) => p + 1,
                    None => {
                        adornments.push(ch);
                        adornments.len()
                    }
                };
                let heading = line.trim().to_string();
                doc.sections.push(Section {
                    level: u8::try_from(depth.min(6)).unwrap_or(6),
                    norm: normalize(&heading),
                    heading,
                    line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    text: String::new(),
                });
                i += 2;
                in_literal = false;
                continue;
            }
        }
        if is_adornment(line) {
            i += 1;
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with(".. code") || line.trim_end().ends_with("::") {
            in_literal = true;
        } else if in_literal && !line.trim().is_empty() && !line.starts_with([' ', '\t']) {
            in_literal = false;
        }
        let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if !in_literal || line.trim_end().ends_with("::") {
            if let Some(section) = doc.sections.last_mut() {
                section.text.push_str(line);
                section.text.push('\n');
            }
            for (_, url) in bare_urls(line) {
                doc.links.push(Link {
                    url: url.clone(),
                    text: url,
                    line: line_no,
                });
            }
        }
        i += 1;
    }
    doc
}

fn parse_plain(source: &str) -> Doc {
    let mut doc = Doc::default();
    doc.sections.push(Section {
        text: source.to_string(),
        ..Section::preamble()
    });
    for (index, line) in source.lines().enumerate() {
        for (_, url) in bare_urls(line) {
            doc.links.push(Link {
                url: url.clone(),
                text: url,
                line: u32::try_from(index + 1).unwrap_or(u32::MAX),
            });
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_links_and_lines() {
        let doc = Doc::parse(
            "README.md",
            "# OS2test\n\nIntro text.\n\n## Sådan virker det\n\nSe [siden](https://os2.eu/produkt/os2test).\n\n```\n## not a heading https://x.dk\n```\n\n### Arkitektur\nhttps://github.com/OS2mo/os2mo\n",
        );
        let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            vec!["", "OS2test", "Sådan virker det", "Arkitektur"]
        );
        assert_eq!(doc.sections[2].line, 5);
        assert_eq!(doc.sections[2].norm, "saadan virker det");
        let urls: Vec<(&str, u32)> = doc.links.iter().map(|l| (l.url.as_str(), l.line)).collect();
        assert_eq!(
            urls,
            vec![
                ("https://os2.eu/produkt/os2test", 7),
                ("https://github.com/OS2mo/os2mo", 14)
            ]
        );
        assert!(doc.text_under(2).contains("Arkitektur"));
        assert!(!doc.all_text().contains("not a heading"));
        assert_eq!(doc.find_headings(&["Sådan virker"]), vec![2]);
    }

    #[test]
    fn trailing_space_means_whole_word() {
        let doc = Doc::parse("README.md", "# X\n## Omkostninger\n## Om X\n## Om\n");
        assert_eq!(doc.find_headings(&["Om "]), vec![3, 4]);
        assert_eq!(doc.find_headings(&["Om"]), vec![2, 3, 4]);
    }

    #[test]
    fn badges_are_not_part_of_a_title() {
        let doc = Doc::parse(
            "README.md",
            "# OS2test [![Build Status](https://ci.example/b.svg)](https://ci.example) ![Licens](https://img.example/l.svg)\n\nTekst.\n## [Kontakt](https://os2.eu) ![x](y.png)\n",
        );
        assert_eq!(doc.sections[1].heading, "OS2test");
        assert_eq!(doc.sections[1].norm, "os2test");
        assert_eq!(doc.sections[2].heading, "Kontakt");
        // The badges are still links of the document.
        assert!(doc.links.iter().any(|l| l.url == "https://ci.example"));
    }

    #[test]
    #[cfg(feature = "stemming")]
    fn headings_match_by_stem() {
        let doc = Doc::parse(
            "README.md",
            "# X\n## Fordel for kommunen\n## Feature list\n## Vedligeholdere\n## Brug af API'et\n## Bruger\n",
        );
        assert_eq!(doc.find_headings(&["Fordele"]), vec![2]);
        assert_eq!(doc.find_headings(&["Features"]), vec![3]);
        assert_eq!(doc.find_headings(&["Vedligeholdelse"]), Vec::<usize>::new());
        // "brugere" and "brug" share a Danish stem, but the stem cuts too much of "brugere".
        assert_eq!(doc.find_headings(&["Brugere"]), vec![6]);
    }

    #[test]
    fn rst_headings() {
        let doc = Doc::parse(
            "README.rst",
            "OS2mo\n=====\n\nAbout\n-----\nText https://os2.eu/produkt/os2mo\n\nContact\n-------\nJens\n",
        );
        let headings: Vec<(u8, &str)> = doc
            .sections
            .iter()
            .map(|s| (s.level, s.heading.as_str()))
            .collect();
        assert_eq!(
            headings,
            vec![(0, ""), (1, "OS2mo"), (2, "About"), (2, "Contact")]
        );
        assert_eq!(doc.links[0].line, 6);
    }
}
