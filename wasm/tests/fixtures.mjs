// Fixture repositories for the widget's tests: their files (a string, or {symlink: target}), and
// the metadata, history and open issues GitHub would report. The node test writes `eksempel` to disk for the CLI; the fake
// GitHub server answers for all of them.
import { mkdirSync, writeFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/** "Now" for every check: 2026-01-01T00:00:00Z. */
export const NOW = 1767225600;

const MPL =
  "Mozilla Public License Version 2.0\n==================================\n\n1. Definitions\n--------------\n\n" +
  "1.1. \"Contributor\"\n    means each individual or legal entity that creates, contributes to\n" +
  "    the creation of, or owns Covered Software.\n";

const README = `# OS2eksempel

OS2eksempel er et fagsystem til sagsbehandling af eksempler i kommunerne.

## Formål

Behovet er at samle kommunernes eksempler ét sted, så sagsbehandlerne ikke skal lede i tre systemer.

## Værdi

Løsningen sparer hver kommune omkring 200 timer om året og giver borgerne hurtigere svar.

## Målgruppe

Alle kommuner og regioner, der behandler eksempler, kan bruge løsningen.

## How it works

Systemet henter eksempler fra kommunens ESDH og viser dem i én oversigt.

## Architecture

Se [arkitekturen](docs/architecture.md).

## Key features

- Søgning
- Overblik

## How to install and run

Udvikling: \`docker compose up\`. Produktion: se drift.

## Examples

Se skærmbilleder i docs.

## Kontakt

Tovholder: Jens Hansen, jens.hansen@eksempel.dk

Produktsiden er [os2.eu/produkt/os2eksempel](https://os2.eu/produkt/os2eksempel).

Licens: MPL-2.0. Bidrag: se CONTRIBUTING.md.
`;

const GOVERNANCE_REPORT = `# OS2eksempel

Produktniveau: 1

## RELEVANS

| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |
|---|---|---|---|---|---|
| ✅ | R1 | Løsningen skaber lokal værdi | Se README, afsnittet Værdi | sandkasse | x |
| ✅ | R2 | Løsningen er accepteret af lokal linjeledelse | Godkendt af direktionen | 2 | x |

## FORMKRAV

| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |
|---|---|---|---|---|---|
| ✅ | F3 | Krav 3 | Ophavsret afklaret i samarbejdsaftalen | sandkasse | x |
| ✅ | F4 | Sikkerhed | Se SECURITY.md | sandkasse | x |
| ❌ | F19 | Container | Leveres som Debian-pakke; driftsleverandøren kører ikke containere | 2 | x |

## GOVERNANCE

| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |
|---|---|---|---|---|---|
| ✅ | G2 | Krav | Styregruppen mødes kvartalsvis | 1 | x |
| ❓ | G4 | Krav | | 1 | x |
`;

const eksempelFiles = {
  "README.md": README,
  "LICENSES/MPL-2.0.txt": MPL,
  LICENSE: { symlink: "LICENSES/MPL-2.0.txt" },
  "CONTRIBUTING.md":
    "# Bidrag\n\nAlle pull requests bliver gennemgået (review) af en maintainer, som godkender dem.\n\nVi tager imod fejlrettelser, nye features og dokumentation.\n\nDu kan forvente svar inden for 14 dage. Maintainerne bruger en dag om måneden på projektet.\n",
  "SECURITY.md": "# Sikkerhed\n\nRapportér sårbarheder til sikkerhed@eksempel.dk.\n",
  "CODE_OF_CONDUCT.md": "# Code of conduct\n\nVi følger [OS2's code of conduct](https://os2.eu/side/code-conduct).\n",
  "MAINTAINERS.md": "# Maintainers\n\n- Jens Hansen <jens.hansen@eksempel.dk>\n- Ane Larsen <ane.larsen@eksempel.dk>\n",
  "docs/architecture.md": "# Arkitektur\n\nEn webapplikation og en database.\n",
  "docs/logo.png": "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR",
  "OS2eksempel_governance_report.md": GOVERNANCE_REPORT,
  ".github/workflows/ci.yml": "on: push\njobs: {}\n",
  "src/main.py": "print('hej')\n",
  "vendor/lib/README.md": "# Vendored\n",
};

const eksempelMeta = { description: "Sagsbehandling af eksempler", homepage: "https://os2.eu/produkt/os2eksempel", topics: ["os2"] };

// P9: one open issue, ten days old, not yet answered — within the 30 days.
const eksempelIssues = [
  {
    number: 12,
    html_url: "https://github.com/OS2web/eksempel/issues/12",
    created_at: "2025-12-22T09:00:00Z",
    comments: 0,
    user: { login: "borger", type: "User" },
  },
];

export const repos = {
  "OS2web/eksempel": {
    files: eksempelFiles,
    meta: eksempelMeta,
    // The default branch's history, newest first, as `GET …/commits` lists it (the CLI reads it;
    // the browser cannot): two of the three non-merge commits name an issue, so F11 is met.
    commits: [
      { message: "Ret stavefejl i README (#12)", date: "2025-12-01T10:00:00Z" },
      { message: "Merge pull request #11 from OS2web/arkitektur", date: "2025-11-20T12:00:00Z", merge: true },
      { message: "Tilføj arkitekturbeskrivelse\n\nRefs #11", date: "2025-11-19T15:30:00Z" },
      { message: "Første version", date: "2025-11-01T08:00:00Z" },
    ],
    issues: eksempelIssues,
  },
  "OS2web/xss": {
    files: {
      "README.md":
        "# XSS-test\n\n<script>window.__xss = 'script'</script>\n\n<img src=x onerror=\"window.__xss = 'img'\">\n\n" +
        "## Værdi `<img src=x onerror=alert(1)>`\n\nSparer tid <img src=x onerror=\"window.__xss = 'inline'\">.\n\n" +
        "## Kontakt `<img src=x onerror=alert(1)>` `<script>alert(2)</script>`\n\nJens Hansen, jens@eksempel.dk\n",
      "docs/<b>fed</b>.md": "# <i>kursiv</i>\n",
    },
    meta: { description: "<script>alert(3)</script>" },
    // No commit names an issue: the CLI finds F11 not met where the browser cannot tell.
    commits: [{ message: "<script>alert(4)</script> Første version", date: "2025-11-01T08:00:00Z" }],
  },
};

/** The engine's expectations for `eksempel`, checked at level 1 (used by both tests). */
export const EXPECTED = { achieved: "sandkasse", passed: false };

/** Writes a fixture repository's files under `dir` (a plain folder, no git). */
export function writeFixture(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === "object") symlinkSync(content.symlink, full);
    else writeFileSync(full, fixtureBytes(path, content));
  }
}

/** The bytes a fixture file holds (binary fixtures are written as latin-1 strings). */
export function fixtureBytes(path, content) {
  return path.endsWith(".png") ? Buffer.from(content, "latin1") : Buffer.from(content, "utf8");
}
