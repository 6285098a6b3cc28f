//! OS2's portfolio of products (`os2gov portfolio`) as Markdown, CSV (for a spreadsheet), JSON
//! and one self-contained HTML page (no server, no external assets; sortable by any column).

use super::badge::xml_escape as html_escape;
use super::markdown_cell as cell;
use crate::base::model::{Lang, Level};
use crate::evaluate::portfolio::{ProductPortfolio, ProductRow};
use crate::evaluate::Light;

struct Words {
    title: &'static str,
    product: &'static str,
    proposed: &'static str,
    declared: &'static str,
    repositories: &'static str,
    gaps: &'static str,
    status: &'static str,
    none: &'static str,
    incomplete: &'static str,
    failed: &'static str,
    complete: &'static str,
    more: &'static str,
    summary: &'static str,
    sort_hint: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            title: "OS2's produktportefølje",
            product: "Produkt",
            proposed: "Foreslået niveau",
            declared: "Erklæret niveau",
            repositories: "Repositorier",
            gaps: "Største mangler",
            status: "Status",
            none: "intet",
            incomplete: "ikke læst fuldt ud",
            failed: "kunne ikke evalueres",
            complete: "fuldstændig",
            more: "flere",
            summary: "produkter",
            sort_hint: "Klik på en kolonneoverskrift for at sortere.",
        },
        Lang::En => Words {
            title: "OS2's product portfolio",
            product: "Product",
            proposed: "Proposed level",
            declared: "Declared level",
            repositories: "Repositories",
            gaps: "Top gaps",
            status: "Status",
            none: "none",
            incomplete: "not read completely",
            failed: "could not be evaluated",
            complete: "complete",
            more: "more",
            summary: "products",
            sort_hint: "Click a column heading to sort.",
        },
    }
}

fn level_text(level: Option<Level>, lang: Lang, none: &str) -> String {
    level
        .map(|l| l.label(lang).to_string())
        .unwrap_or_else(|| none.to_string())
}

fn lights(row: &ProductRow, level: Level) -> String {
    if row.error.is_some() {
        return "–".to_string();
    }
    let c = row.counts_at(level);
    Light::ALL
        .iter()
        .map(|l| format!("{}{}", l.symbol(), c.get(*l)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn gaps(row: &ProductRow, w: &Words) -> String {
    let mut text = row
        .top_gaps
        .iter()
        .map(|g| format!("{} {}", g.id, g.title))
        .collect::<Vec<_>>()
        .join("; ");
    if row.gap_count > row.top_gaps.len() {
        text.push_str(&format!(
            " (+{} {})",
            row.gap_count - row.top_gaps.len(),
            w.more
        ));
    }
    text
}

fn status(row: &ProductRow, w: &Words) -> String {
    match (&row.error, &row.incomplete) {
        (Some(e), _) => format!("{}: {e}", w.failed),
        (None, Some(why)) => format!("{}: {why}", w.incomplete),
        (None, None) => w.complete.to_string(),
    }
}

fn summary(p: &ProductPortfolio, w: &Words) -> String {
    let mut line = format!("{} {}", p.products.len(), w.summary);
    let n = p.incomplete();
    if n > 0 {
        // "et produkt": ufuldstændigt, ufuldstændige.
        let word = match (p.lang, n) {
            (Lang::Da, 1) => "ufuldstændigt",
            (Lang::Da, _) => "ufuldstændige",
            (Lang::En, _) => "incomplete",
        };
        line.push_str(&format!(", {n} {word}"));
    }
    line
}

pub fn markdown(p: &ProductPortfolio) -> String {
    let lang = p.lang;
    let w = words(lang);
    let mut out = format!("# {} ({})\n\n{}\n\n", w.title, p.date, summary(p, &w));
    out.push_str(&format!(
        "| {} | {} | {} | {} |",
        w.product, w.proposed, w.declared, w.repositories
    ));
    for level in Level::ALL {
        out.push_str(&format!(" {} |", level.label(lang)));
    }
    out.push_str(&format!(" {} | {} |\n|", w.gaps, w.status));
    out.push_str(&"---|".repeat(4 + Level::ALL.len() + 2));
    out.push('\n');
    for row in &p.products {
        let name = if row.is_incomplete() {
            format!("{} ⚠", row.product)
        } else {
            row.product.clone()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} |",
            cell(&name),
            level_text(row.proposed_level, lang, w.none),
            level_text(row.declared_level, lang, "–"),
            row.repositories
        ));
        for level in Level::ALL {
            out.push_str(&format!(" {} |", lights(row, level)));
        }
        out.push_str(&format!(
            " {} | {} |\n",
            cell(&gaps(row, &w)),
            cell(&status(row, &w))
        ));
    }
    out
}

/// One CSV field, quoted when it must be (RFC 4180).
fn field(text: &str, separator: char) -> String {
    if text.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// CSV for a spreadsheet: UTF-8 with a byte-order mark (so that æ, ø and å survive), `;`
/// between fields in Danish (what a Danish spreadsheet expects), `,` in English. One column per
/// level and light.
pub fn csv(p: &ProductPortfolio) -> String {
    let lang = p.lang;
    let w = words(lang);
    let sep = match lang {
        Lang::Da => ';',
        Lang::En => ',',
    };
    let mut header: Vec<String> = vec![
        w.product.into(),
        w.proposed.into(),
        w.declared.into(),
        w.repositories.into(),
    ];
    for level in Level::ALL {
        for light in Light::ALL {
            header.push(format!("{} {}", level.label(lang), light.label(lang)));
        }
    }
    header.extend([w.gaps.to_string(), w.status.to_string()]);
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .map(|c| field(c, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
            + "\r\n"
    };
    out.push_str(&line(header));
    for row in &p.products {
        let mut cells = vec![
            row.product.clone(),
            level_text(row.proposed_level, lang, w.none),
            level_text(row.declared_level, lang, ""),
            row.repositories.to_string(),
        ];
        for level in Level::ALL {
            let c = row.counts_at(level);
            for light in Light::ALL {
                cells.push(if row.error.is_some() {
                    String::new()
                } else {
                    c.get(light).to_string()
                });
            }
        }
        cells.push(gaps(row, &w));
        cells.push(status(row, &w));
        out.push_str(&line(cells));
    }
    out
}

pub fn json(p: &ProductPortfolio) -> String {
    serde_json::to_string_pretty(p).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

/// The sort key of a level: none sorts below the sandbox.
fn level_rank(level: Option<Level>) -> i32 {
    level
        .map(|l| Level::ALL.iter().position(|x| *x == l).unwrap_or(0) as i32)
        .unwrap_or(-1)
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}\
th{background:#f0f0f0;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:' ▲'}th[aria-sort=descending]::after{content:' ▼'}\
tr.incomplete td:first-child::after{content:' ⚠'}tr.incomplete{background:#fff8e1}td.n{white-space:nowrap}\
.dot{display:inline-block;width:.75em;height:.75em;border-radius:50%;margin-right:.2em;vertical-align:-.05em;border:1px solid #0003}\
.g{background:#008000}.y{background:#ffd700}.r{background:#d00000}.w{background:#fff}";

/// Sorts the table by the clicked column, by each cell's `data-sort` (numbers numerically).
const SCRIPT: &str = "document.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){\
var tbody=th.closest('table').tBodies[0];var asc=th.getAttribute('aria-sort')!=='ascending';\
th.parentNode.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');\
var rows=Array.prototype.slice.call(tbody.rows);rows.sort(function(a,b){var x=a.cells[i].dataset.sort,y=b.cells[i].dataset.sort;\
var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'da');return asc?c:-c;});\
rows.forEach(function(r){tbody.appendChild(r)});});});";

/// One self-contained page: inline style and script, nothing fetched.
pub fn html(p: &ProductPortfolio) -> String {
    let lang = p.lang;
    let w = words(lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} ({})</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{} · {}. {}</p>\n<table id=\"portfolio\">\n<thead><tr>",
        match lang {
            Lang::Da => "da",
            Lang::En => "en",
        },
        html_escape(w.title),
        html_escape(&p.date),
        html_escape(w.title),
        html_escape(&p.date),
        html_escape(&summary(p, &w)),
        html_escape(w.sort_hint),
    );
    for heading in [w.product, w.proposed, w.declared, w.repositories] {
        out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(heading)));
    }
    for level in Level::ALL {
        out.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            html_escape(level.label(lang))
        ));
    }
    out.push_str(&format!(
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        html_escape(w.gaps),
        html_escape(w.status)
    ));
    for row in &p.products {
        let class = if row.is_incomplete() {
            " class=\"incomplete\""
        } else {
            ""
        };
        out.push_str(&format!("<tr{class}>"));
        let name = match &row.organisation {
            Some(url) => format!(
                "<a href=\"{}\">{}</a>",
                html_escape(url),
                html_escape(&row.product)
            ),
            None => html_escape(&row.product),
        };
        out.push_str(&format!(
            "<td data-sort=\"{}\">{name}</td>",
            html_escape(&row.product.to_lowercase())
        ));
        out.push_str(&format!(
            "<td data-sort=\"{}\">{}</td>",
            level_rank(row.proposed_level),
            html_escape(&level_text(row.proposed_level, lang, w.none))
        ));
        out.push_str(&format!(
            "<td data-sort=\"{}\">{}</td>",
            level_rank(row.declared_level),
            html_escape(&level_text(row.declared_level, lang, "–"))
        ));
        out.push_str(&format!("<td data-sort=\"{0}\">{0}</td>", row.repositories));
        for level in Level::ALL {
            let c = row.counts_at(level);
            // Dots drawn by CSS, not emoji: the page must not depend on the reader's fonts.
            let spans = if row.error.is_some() {
                "–".to_string()
            } else {
                [(Light::Green, "g"), (Light::Yellow, "y"), (Light::Red, "r"), (Light::White, "w")]
                    .iter()
                    .map(|(l, class)| {
                        let label = html_escape(l.label(lang));
                        format!(
                            "<span class=\"dot {class}\" title=\"{label}\" aria-label=\"{label}\"></span>{}",
                            c.get(*l)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            out.push_str(&format!(
                "<td class=\"n\" data-sort=\"{}\">{spans}</td>",
                c.green
            ));
        }
        out.push_str(&format!(
            "<td data-sort=\"{}\">{}</td>",
            row.gap_count,
            html_escape(&gaps(row, &w))
        ));
        out.push_str(&format!(
            "<td data-sort=\"{}\">{}</td>",
            html_escape(&status(row, &w)),
            html_escape(&status(row, &w))
        ));
        out.push_str("</tr>\n");
    }
    out.push_str(&format!(
        "</tbody>\n</table>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    ));
    out
}
