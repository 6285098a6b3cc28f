//! `--help` in Danish: the one table of Danish texts for every command and argument, applied to
//! the clap command built from the derive when the user asked for `--lang da`.

use clap::Command;

/// (command path, argument id or "" for the command itself, Danish text).
pub(crate) const TABLE: &[(&str, &str, &str)] = &[
    ("os2gov", "", "Tjekker et OS2-produkts repository mod OS2's governance-niveauer"),
    ("os2gov check", "", "Tjek et repository og skriv rapporten. Exitkode 0 = bestået, 1 = under det krævede niveau, 2 = fejl, 3 = ufuldstændig: nogle input kunne ikke læses."),
    ("os2gov check", "path", "Et git-repository (arbejdstræ eller bare), en almindelig mappe eller et GitHub-repository læst gennem API'et uden kloning: `github:EJER/REPO` eller `https://github.com/EJER/REPO`."),
    ("os2gov check", "rev", "Tjek denne commit (branch, tag, sha, HEAD~2) læst fra git-objekterne i stedet for arbejdstræet."),
    ("os2gov check", "level", "Det krævede niveau: sandkasse, 1, 2 eller 3."),
    ("os2gov check", "lang", "Rapportens sprog: da eller en."),
    ("os2gov check", "format", "text: grupperet efter niveau; json: kontrakten i schema/report.schema.json; markdown: til en pull request-kommentar eller et step summary; sarif: SARIF 2.1.0 til GitHub code scanning."),
    ("os2gov check", "output", "Skriv rapporten til denne fil i stedet for standard output."),
    ("os2gov check", "offline", "Kontakt hverken GitHub eller Jira; metadatatjek rapporterer `ukendt (offline)`. Sættes også af miljøvariablen OS2GOV_OFFLINE=1."),
    ("os2gov check", "config", "Læs konfigurationen fra denne fil i stedet for os2gov.toml i repositoriet."),
    ("os2gov check", "color", "Farvelæg tekstrapporten: auto = når standard output er en terminal og NO_COLOR ikke er sat."),
    ("os2gov check", "verbose", "Skriv hvad der blev læst (stier, blobs, commits) til standard error."),
    ("os2gov check", "all", "Vis alle krav på alle niveauer i tekstrapporten, ikke kun de næste skridt og én linje pr. tema."),
    ("os2gov rules", "", "Vis alle krav."),
    ("os2gov rules", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov rules", "format", "text: en tabel til terminalen; markdown: tabellen i docs/requirements.md."),
    ("os2gov explain", "", "Forklar ét krav (fx `F7`), `score` for scoreformlerne eller `evaluation` for trafiklysene i `os2gov evaluate`."),
    ("os2gov explain", "id", "Et kravs id (F7, P2, …), `score` eller `evaluation`."),
    ("os2gov explain", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov fix", "", "Opret de filer, der lukker hullerne (README-afsnit, VISION, CONTRIBUTING, SECURITY, …), fra OS2's skabeloner med TODO(os2gov)-pladsholdere til det, et menneske skal skrive."),
    ("os2gov fix", "path", "Repositoriets arbejdstræ (eller en almindelig mappe)."),
    ("os2gov fix", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov fix", "dry_run", "Vis en unified diff af det, der ville ændres; skriv intet."),
    ("os2gov fix", "only", "Kun disse krav (kommasepareret, fx F7,P2; `config` for os2gov.toml)."),
    ("os2gov fix", "allow_dirty", "Skriv også når arbejdstræet har ikke-committede ændringer."),
    ("os2gov fix", "level", "Det krævede niveau: sandkasse, 1, 2 eller 3 (ellers os2gov.toml's eller governancerapportens)."),
    ("os2gov fix", "config", "Læs konfigurationen fra denne fil i stedet for os2gov.toml i repositoriet."),
    ("os2gov report", "", "Skriv eller opdatér repositoriets governancerapport i OS2's skabelonformat."),
    ("os2gov report", "path", "Repositoriets arbejdstræ (eller en almindelig mappe)."),
    ("os2gov report", "out", "Rapportfilen (standard: den eksisterende governancerapport, ellers PRODUKT_governance_report.md)."),
    ("os2gov report", "self_assessment", "Skriv også OS2's selvevaluering som JSON til denne fil."),
    ("os2gov report", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov report", "level", "Det krævede niveau: sandkasse, 1, 2 eller 3 (ellers os2gov.toml's eller governancerapportens)."),
    ("os2gov report", "config", "Læs konfigurationen fra denne fil i stedet for os2gov.toml i repositoriet."),
    ("os2gov report", "dry_run", "Vis en unified diff af det, der ville ændres; skriv intet."),
    ("os2gov report", "allow_dirty", "Skriv også når arbejdstræet har ikke-committede ændringer."),
    ("os2gov help", "", "Vis denne besked eller hjælpen til de givne underkommandoer"),
    ("os2gov action", "", "Kør som GitHub Action (læser INPUT_* og runnerens GITHUB_*-variabler)."),
    ("os2gov badge", "", "Skriv et SVG-badge med det opnåede niveau og scoren, til README-filer."),
    ("os2gov badge", "path", "Et git-repository (arbejdstræ eller bare) eller en almindelig mappe."),
    ("os2gov badge", "level", "Det krævede niveau: sandkasse, 1, 2 eller 3 (ellers os2gov.toml's eller governancerapportens)."),
    ("os2gov badge", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov badge", "config", "Læs konfigurationen fra denne fil i stedet for os2gov.toml i repositoriet."),
    ("os2gov badge", "output", "Skriv SVG'en til denne fil i stedet for standard output."),
    ("os2gov org", "", "Tjek alle offentlige, ikke-arkiverede repositories i en GitHub-organisation: en porteføljetabel. Exitkode 0 = alle rækker fuldstændige, 2 = fejl, 3 = nogle rækker ufuldstændige."),
    ("os2gov org", "owner", "GitHub-organisationen (eller brugeren), fx OS2mo."),
    ("os2gov org", "level", "Det krævede niveau for alle repositories (ellers hvert repositorys eget)."),
    ("os2gov org", "lang", "Sproget i outputtet: da eller en (standard: os2gov.toml's, ellers dansk)."),
    ("os2gov org", "format", "text: en tabel til terminalen; json: ét objekt pr. repository; markdown: en tabel til et issue eller en wiki."),
    ("os2gov org", "top", "Hvor mange huller der vises pr. repository."),
    ("os2gov org", "no_open_items", "Spring læsning af åbne issues og pull requests (P9) over, som koster forespørgsler."),
    ("os2gov org", "concurrency", "Repositories, der tjekkes samtidig."),
    ("os2gov org", "output", "Skriv tabellen til denne fil i stedet for standard output."),
    ("os2gov org", "verbose", "Skriv forespørgslerne, efter art, til standard error."),
    ("os2gov evaluate", "", "Udkast til et produkts evaluering i OS2's evalueringsskabelon: hvert krav med et trafiklys (🟢/🟡/🔴, ⚪ overladt til sekretariatet) og dets grundlag, for alle produktets repositories. Exitkode 0 = færdig, 2 = fejl, 3 = nogle repositories kunne ikke læses."),
    ("os2gov evaluate", "sources", "Produktets repositories: lokale stier, github:EJER/REPO eller github:EJER for alle offentlige, ikke-arkiverede repositories i en organisation. Tilsammen er de ét produkt, med det deres os2gov.toml [product] tilføjer. Uden nogen: repositoriet her."),
    ("os2gov evaluate", "level", "Niveauet, hullerne vises for (ellers niveauet over det foreslåede)."),
    ("os2gov evaluate", "lang", "Dansk som standard, som OS2's skabelon."),
    ("os2gov evaluate", "format", "markdown: OS2's evalueringsskabelon; json: de samme rækker til et program; text: til terminalen."),
    ("os2gov evaluate", "out", "Skriv evalueringen til FIL. En eksisterende evaluering dér beholder det, et menneske har skrevet; kun de rækker, værktøjet afgør, skrives igen, og ændringerne vises."),
    ("os2gov evaluate", "offline", "Læs kun lokale kilder, uden GitHub-metadata."),
    ("os2gov evaluate", "name", "Produktets navn (ellers [product] name i os2gov.toml, organisationens, ellers hovedrepositoriets)."),
    ("os2gov portfolio", "", "Evaluér alle produkter (én GitHub-organisation hver, medmindre [product] i os2gov.toml eller --products siger andet) i ét overblik: Markdown, CSV, JSON eller en selvstændig HTML-side. Exitkode 0 = alle produkter fuldstændige, 2 = fejl, 3 = nogle produkter ufuldstændige."),
    ("os2gov portfolio", "owners", "GitHub-organisationerne, der evalueres: ét produkt hver, medmindre [product] i deres repositories' os2gov.toml eller --products siger andet."),
    ("os2gov portfolio", "products", "En TOML-fil med [[product]]-tabeller (name, repositories, os2eu, main, som [product] i os2gov.toml), der definerer produkterne; deres repositories tages ud af organisationernes produkter."),
    ("os2gov portfolio", "all_os2", "Alle organisationer på OS2's liste (dk-public-sector-ospo.yml og SPEC's tilføjelser)."),
    ("os2gov portfolio", "lang", "Sproget i outputtet: da eller en (dansk som standard)."),
    ("os2gov portfolio", "format", "markdown, csv, json eller html: én selvstændig side."),
    ("os2gov portfolio", "output", "Skriv overblikket til FIL i stedet for standard output."),
    // RemoteArgs, flattened into every command that reaches GitHub.
    ("*", "github_api_url", "GitHubs REST-API (GitHub Enterprise: https://VÆRT/api/v3)."),
    ("*", "github_raw_url", "GitHubs vært for rå filindhold, som leverer filer uden rate limit."),
    ("*", "token_env", "Læs GitHub-tokenet fra denne miljøvariabel i stedet for GITHUB_TOKEN."),
    ("*", "no_cache", "Gå uden om HTTP-cachen på disken."),
    ("*", "jira_url", "Spørg denne Jira i stedet for den, os2gov.toml eller README'en nævner (en proxy, en testserver)."),
    ("*", "help", "Vis hjælp"),
    ("*", "version", "Vis version"),
];

/// The Danish text for `arg` ("" = the command) of the command at `path`.
pub(crate) fn text(path: &str, arg: &str) -> Option<&'static str> {
    // clap's `help NAME` repeats NAME's about.
    if let Some(rest) = path.strip_prefix("os2gov help ").filter(|_| arg.is_empty()) {
        return text(&format!("os2gov {rest}"), "");
    }
    let exact = TABLE.iter().find(|(p, a, _)| *p == path && *a == arg);
    let shared = || {
        TABLE
            .iter()
            .find(|(p, a, _)| *p == "*" && *a == arg && !arg.is_empty())
    };
    exact.or_else(shared).map(|(_, _, t)| *t)
}

/// clap's headings ("Usage:", "Options:", …) are fixed English words; a template with Danish
/// ones replaces them.
const TEMPLATE: &str = "{before-help}{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";

/// clap's value names, in Danish; a name not here is shown as it is (URL, ID, FORMAT).
const VALUE_NAMES: &[(&str, &str)] = &[
    ("COLOR", "FARVE"),
    ("COMMAND", "KOMMANDO"),
    ("CONCURRENCY", "ANTAL"),
    ("CONFIG", "FIL"),
    ("FILE", "FIL"),
    ("LANG", "SPROG"),
    ("LEVEL", "NIVEAU"),
    ("NAME", "NAVN"),
    ("ONLY", "KRAV"),
    ("OUT", "FIL"),
    ("OUTPUT", "FIL"),
    ("OWNER", "EJER"),
    ("OWNERS", "EJER"),
    ("PATH", "STI"),
    ("REV", "REVISION"),
    ("SELF_ASSESSMENT", "FIL"),
    ("SOURCES", "KILDE"),
    ("TOP", "ANTAL"),
];

fn value_name(name: &str) -> &str {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map_or(name, |(_, da)| da)
}

/// `arg` with Danish value names, and clap's "[default: …]" and "[possible values: …]", which
/// clap writes in English, hidden and written after the Danish text instead.
fn danish_arg(arg: clap::Arg, text: Option<&str>, positional: bool) -> clap::Arg {
    let mut help = text
        .map(str::to_string)
        .or_else(|| arg.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let takes_values = arg.get_action().takes_values();
    let mut arg = arg.help_heading(if positional { "Argumenter" } else { "Tilvalg" });
    if takes_values {
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names
                .iter()
                .map(|n| value_name(n.as_str()).to_string())
                .collect(),
            None => vec![value_name(&arg.get_id().as_str().to_ascii_uppercase()).to_string()],
        };
        arg = arg.value_names(names);
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            help.push_str(&format!(" [mulige værdier: {}]", values.join(", ")));
            arg = arg.hide_possible_values(true);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            help.push_str(&format!(" [standard: {}]", defaults.join(", ")));
            arg = arg.hide_default_value(true);
        }
    }
    arg.help(help).long_help(None::<&str>)
}

/// clap's usage line with Danish words for its fixed English ones ("[OPTIONS]", "<COMMAND>").
fn danish_usage(command: &Command) -> String {
    let usage = command.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    usage
        .replace("[OPTIONS]", "[TILVALG]")
        .replace("<COMMAND>", "<KOMMANDO>")
        .replace("[COMMAND]", "[KOMMANDO]")
}

/// `command` (at `path`) with every about and help in Danish, recursively.
pub(crate) fn danish(command: Command, path: &str) -> Command {
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Kommandoer")
        .subcommand_value_name("KOMMANDO");
    if let Some(t) = text(path, "") {
        command = command.about(t).long_about(None::<&str>);
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let t = text(path, &id);
        command = command.mut_arg(id.as_str(), |a| danish_arg(a, t, positional));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        command = command.mut_subcommand(name.as_str(), |s| danish(s, &sub_path));
    }
    let usage = danish_usage(&command);
    command.override_usage(usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn walk(command: &Command, path: &str, seen: &mut Vec<(String, String)>) {
        // clap's `help NAME` subcommands have no about of their own to translate.
        if command.get_about().is_some() {
            seen.push((path.to_string(), String::new()));
        }
        for a in command.get_arguments() {
            seen.push((path.to_string(), a.get_id().to_string()));
        }
        for s in command.get_subcommands() {
            walk(s, &format!("{path} {}", s.get_name()), seen);
        }
    }

    /// Every command and argument has a Danish text, and the table names nothing that is gone.
    #[test]
    fn every_command_and_argument_has_danish_text() {
        let mut command = crate::args::Cli::command();
        command.build();
        let mut seen = Vec::new();
        walk(&command, "os2gov", &mut seen);
        let missing: Vec<String> = seen
            .iter()
            .filter(|(p, a)| text(p, a).is_none())
            .map(|(p, a)| format!("{p} {a}"))
            .collect();
        assert!(missing.is_empty(), "no Danish text for: {missing:?}");
        let extra: Vec<String> = TABLE
            .iter()
            .filter(|(p, a, _)| {
                if *p == "*" {
                    !seen.iter().any(|(_, sa)| sa == a)
                } else {
                    !seen.iter().any(|(sp, sa)| sp == p && sa == a)
                }
            })
            .map(|(p, a, _)| format!("{p} {a}"))
            .collect();
        assert!(extra.is_empty(), "Danish text for nothing: {extra:?}");
    }
}
