//! Formkrav on engineering and operations: coding standards (F16), operations (F17), the
//! architecture framework (F18), containers (F19), training (F20), the rollout plan (F22).

use super::*;

const LINTER_CONFIGS: [&str; 24] = [
    ".editorconfig",
    ".eslintrc",
    "eslint.config",
    ".prettierrc",
    "prettier.config",
    "rustfmt.toml",
    ".rustfmt.toml",
    "clippy.toml",
    ".pre-commit-config.yaml",
    ".flake8",
    "ruff.toml",
    ".ruff.toml",
    ".pylintrc",
    ".stylelintrc",
    "checkstyle.xml",
    ".golangci.yml",
    ".golangci.yaml",
    ".php-cs-fixer",
    "phpcs.xml",
    "biome.json",
    ".rubocop.yml",
    ".clang-format",
    "tslint.json",
    ".scalafmt.conf",
];

requirement!(F16 {
    id: "F16",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Teknisk dokumentation beskriver kodestandarder", en: "Technical documentation describes coding standards" },
    rationale: B {
        da: "Fælles kodestandarder gør det muligt for flere leverandører at arbejde i samme kode.",
        en: "Shared coding standards let several suppliers work in the same code.",
    },
    evidence: B {
        da: "Et afsnit om kodestandarder (Kodestandard, Coding standards, Code style) i CONTRIBUTING/docs, eller konfiguration af formatter/linter (.editorconfig, .eslintrc, rustfmt.toml, .pre-commit-config.yaml …).",
        en: "A section on coding standards (Kodestandard, Coding standards, Code style) in CONTRIBUTING/docs, or formatter/linter configuration (.editorconfig, .eslintrc, rustfmt.toml, .pre-commit-config.yaml …).",
    },
    fix: B {
        da: "Beskriv kodestandarderne i CONTRIBUTING.md og håndhæv dem med en formatter/linter i CI.",
        en: "Describe the coding standards in CONTRIBUTING.md and enforce them with a formatter/linter in CI.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_f16),
});

fn check_f16(ctx: &Ctx) -> Outcome {
    let headings = [
        "Kodestandard",
        "Coding standard",
        "Code style",
        "Coding style",
        "Kodestil",
        "Style guide",
        "Kodeprincipper",
        "Conventions",
        "Konventioner",
    ];
    if let Some(hit) = ctx.section(Scope::Docs, &headings, 3) {
        return Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Kodestandarder beskrevet under \"{h}\".",
                "Coding standards described under \"{h}\".",
                h = hit.heading
            ),
        );
    }
    let configs: Vec<&str> = ctx
        .shallow_paths()
        .filter(|p| p.matches('/').count() <= 1)
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
            LINTER_CONFIGS.iter().any(|c| name.starts_with(c))
        })
        .collect();
    if !configs.is_empty() {
        return Outcome::found(
            configs.iter().take(5).map(|p| Evidence::file(p)).collect(),
            msg!(
                "Formatter/linter-konfiguration: {c}.",
                "Formatter/linter configuration: {c}.",
                c = configs.join(", ")
            ),
        );
    }
    Outcome::missing(msg!(
        "Hverken et afsnit om kodestandarder eller en formatter/linter-konfiguration.",
        "Neither a section on coding standards nor formatter/linter configuration."
    ))
}

requirement!(F17 {
    id: "F17",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Drifts- og vedligeholdelsessetup er beskrevet", en: "Operations and maintenance are described" },
    rationale: B {
        da: "Anvendere skal vide, hvem der drifter og vedligeholder, og hvordan løsningen kører.",
        en: "Adopters must know who operates and maintains the solution and how it runs.",
    },
    evidence: B {
        da: "Et afsnit om drift (Drift, Operations, Deployment, Hosting, Vedligeholdelse) med substans i README/docs, eller en driftsvejledning som Word/ODT/PDF i doc/ eller docs/ (efter navnet); ellers governancerapportens erklæring.",
        en: "A section on operations (Drift, Operations, Deployment, Hosting, Maintenance) of substance in the README/docs, or an operations guide as Word/ODT/PDF in doc/ or docs/ (by its name); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv driftspartner, ansvar, komponenter, monitorering, deployment og backup i docs/.",
        en: "Describe the operations partner, responsibilities, components, monitoring, deployment and backup in docs/.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_f17),
});

fn check_f17(ctx: &Ctx) -> Outcome {
    let headings = [
        "Drift",
        "Operations",
        "Deployment",
        "Hosting",
        // Not "Vedligehold": it starts "Vedligeholdere" too, a list of maintainers (P7, G-contacts),
        // which says nothing about how the solution is run.
        "Vedligeholdelse",
        "Maintenance",
        "Production",
        "Produktion",
        "Monitor",
        "Backup",
    ];
    match ctx.section(Scope::Docs, &headings, 30) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Drift beskrevet under \"{h}\".",
                "Operations described under \"{h}\".",
                h = hit.heading
            ),
        ),
        None => match ctx.office_document_named(&OPERATIONS_DOCUMENTS) {
            Some(path) => Outcome::found(
                vec![Evidence::file(path)],
                msg!(
                    "Drift beskrevet i dokumentet {p}.",
                    "Operations described in the document {p}.",
                    p = path
                ),
            ),
            None => Outcome::NoEvidence {
                message: msg!(
                    "Intet afsnit om drift og vedligeholdelse af substans fundet.",
                    "No section of substance on operations and maintenance found."
                ),
            },
        },
    }
}

/// Names of operations guides kept as Word, OpenDocument or PDF ("OS2test - Drift.docx",
/// "Driftsvejledning.pdf").
const OPERATIONS_DOCUMENTS: [&str; 7] = [
    "drift",
    "operations",
    "deployment",
    "hosting",
    "vedligeholdelse",
    "maintenance",
    "monitorering",
];

requirement!(F18 {
    id: "F18",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Rammearkitekturen og standarder er fulgt, og afvigelser er forklaret", en: "The common public-sector architecture framework is followed, deviations explained" },
    rationale: B {
        da: "Løsninger, der følger den fællesoffentlige rammearkitektur, kan integreres og genbruges.",
        en: "Solutions that follow the common public-sector architecture can be integrated and reused.",
    },
    evidence: B {
        da: "Docs nævner den fællesoffentlige rammearkitektur; ellers governancerapportens erklæring.",
        en: "The docs mention the common public-sector architecture framework (rammearkitektur); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv i docs/architecture.md, hvordan løsningen følger rammearkitekturen, eller hvorfor ikke.",
        en: "Describe in docs/architecture.md how the solution follows the architecture framework, or why not.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_f18),
});

fn check_f18(ctx: &Ctx) -> Outcome {
    match ctx.mention(
        Scope::Docs,
        &[
            "rammearkitektur",
            "Fællesoffentlig Digital Arkitektur",
            "FDA-principper",
            "common public-sector architecture",
        ],
    ) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Rammearkitekturen er omtalt.",
                "The architecture framework is discussed."
            ),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Rammearkitekturen er ikke omtalt i README eller docs.",
                "The architecture framework is not mentioned in the README or docs."
            ),
        },
    }
}

fn is_test_path(path: &str) -> bool {
    path.split('/').any(|s| {
        let s = s.to_ascii_lowercase();
        s == "test"
            || s == "tests"
            || s == "testdata"
            || s == "fixtures"
            || s == "__tests__"
            || s == "e2e"
    })
}

requirement!(F19 {
    id: "F19",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: true,
    title: B { da: "Løsningen leveres i et containerformat", en: "The solution is delivered as a container" },
    rationale: B {
        da: "Containere gør det ens og enkelt at bygge og køre løsningen hos alle anvendere.",
        en: "Containers make building and running the solution the same and simple for every adopter.",
    },
    evidence: B {
        da: "En Dockerfile/Containerfile (uden for vendor- og testmapper), en compose-fil i roden eller et Helm-chart (Chart.yaml).",
        en: "A Dockerfile/Containerfile (outside vendored and test folders), a compose file at the root or a Helm chart (Chart.yaml).",
    },
    fix: B {
        da: "Tilføj en Dockerfile, der bygger og kører løsningen, og evt. en docker-compose.yml.",
        en: "Add a Dockerfile that builds and runs the solution, and possibly a docker-compose.yml.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_f19),
});

fn check_f19(ctx: &Ctx) -> Outcome {
    let found: Vec<&str> = ctx
        .paths()
        .filter(|p| !is_test_path(p))
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
            let root = !p.contains('/');
            name == "dockerfile"
                || name.starts_with("dockerfile.")
                || name.ends_with(".dockerfile")
                || name == "containerfile"
                || name == "chart.yaml"
                || (root
                    && (name.starts_with("docker-compose") || name.starts_with("compose."))
                    && (name.ends_with(".yml") || name.ends_with(".yaml")))
        })
        .take(5)
        .collect();
    if found.is_empty() {
        return Outcome::missing(msg!(
            "Ingen Dockerfile, Containerfile, compose-fil eller Helm-chart.",
            "No Dockerfile, Containerfile, compose file or Helm chart."
        ));
    }
    Outcome::found(
        found.iter().map(|p| Evidence::file(p)).collect(),
        msg!("Container: {f}.", "Container: {f}.", f = found.join(", ")),
    )
}

requirement!(F20 {
    id: "F20",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: true,
    title: B { da: "Uddannelsesmateriale er udarbejdet", en: "Training material exists" },
    rationale: B {
        da: "Brugere skal kunne lære løsningen uden at spørge leverandøren.",
        en: "Users must be able to learn the solution without asking the supplier.",
    },
    evidence: B {
        da: "Brugerdokumentation i repositoriet (manual, brugervejledning, user guide, også som Word/ODT/PDF i doc/ eller docs/) eller et link til Loop (faq.os2.eu).",
        en: "User documentation in the repository (manual, brugervejledning, user guide, also as Word/ODT/PDF in doc/ or docs/) or a link to Loop (faq.os2.eu).",
    },
    fix: B {
        da: "Læg brugervejledninger på Loop (faq.os2.eu) og link til dem fra README.",
        en: "Put user guides on Loop (faq.os2.eu) and link to them from the README.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::Automatic(check_f20),
});

fn check_f20(ctx: &Ctx) -> Outcome {
    if let Some(e) = ctx.link_where(|kind, _| *kind == LinkKind::Loop) {
        return Outcome::found(
            vec![e],
            msg!("Link til Loop (faq.os2.eu).", "Link to Loop (faq.os2.eu)."),
        );
    }
    let words = [
        "manual",
        "brugervejledning",
        "vejledning",
        "user guide",
        "user-guide",
        "userguide",
        "user manual",
        "guides",
        "tutorial",
        "brugerdokumentation",
    ];
    // By name, Word and PDF manuals included: "docs/Brugermanual.docx" is a manual.
    let file = ctx.document_named(&words);
    if let Some(path) = file {
        return Outcome::found(
            vec![Evidence::file(path)],
            msg!(
                "Brugerdokumentation: {p}.",
                "User documentation: {p}.",
                p = path
            ),
        );
    }
    if let Some(hit) = ctx.section(Scope::Docs, &words, 20) {
        return Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Brugerdokumentation under \"{h}\".",
                "User documentation under \"{h}\".",
                h = hit.heading
            ),
        );
    }
    if let Some(e) =
        ctx.link_mentioning(&["manual", "brugervejledning", "vejledning", "user guide"])
    {
        return Outcome::found(
            vec![e],
            msg!(
                "Link til brugerdokumentation.",
                "Link to user documentation."
            ),
        );
    }
    Outcome::missing(msg!(
        "Ingen brugerdokumentation i repositoriet og intet link til Loop (faq.os2.eu).",
        "No user documentation in the repository and no link to Loop (faq.os2.eu)."
    ))
}

requirement!(F22 {
    id: "F22",
    theme: Theme::Formkrav,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Procesplan og procesansvar for driftsimplementering er udarbejdet",
        en: "A process plan and ownership for rollout exist"
    },
    rationale: B {
        da: "En plan for hvem der gør hvad hvornår gør implementeringen forudsigelig.",
        en: "A plan for who does what when makes the rollout predictable.",
    },
    evidence: B {
        da: "Governancerapportens ✅ med henvisning til implementeringsplanen.",
        en: "The governance report's ✅ referring to the implementation plan.",
    },
    fix: B {
        da: "Tilføj en implementeringsplan og henvis til den i governancerapporten.",
        en: "Add an implementation plan and refer to it in the governance report.",
    },
    rests_on: FILES,
    check: Check::Declared,
});
