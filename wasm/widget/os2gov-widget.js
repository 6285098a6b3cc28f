// <os2gov-widget repo="OWNER/REPO" level="2" lang="da">: an OS2 product's governance level,
// checked live in the browser by os2gov's own engine (WebAssembly).
//
// It reads the public repository through GitHub's REST API (repository metadata, the recursive
// tree) and only the files the engine needs from the raw content host, caches answers in
// sessionStorage (API answers with their ETags, file contents by blob sha), runs the engine and
// renders a card. Repository text is only ever inserted with textContent, never as HTML.

import init, * as engine from "./os2gov_wasm.js";

const HERE = import.meta.url;
const API = "https://api.github.com";
const RAW = "https://raw.githubusercontent.com";
const MAX_SYMLINK_HOPS = 8;
const FETCH_CONCURRENCY = 6;

let ready;
/** Loads the engine once per page; every widget shares it. */
function loadEngine() {
  ready ??= init({ module_or_path: new URL("./os2gov_wasm_bg.wasm", HERE) }).catch((error) => {
    ready = undefined; // let "Try again" load it again
    throw new WidgetError("engine", { message: String(error?.message ?? error) });
  });
  return ready;
}

// ---------------------------------------------------------------------------------------------
// Words

const WORDS = {
  da: {
    title: "OS2 governance",
    loading: "Kontrollerer governance …",
    required: "Krævet niveau",
    achieved: "Opnået niveau",
    score: "Score",
    verified: "Verificeret",
    none: "Intet",
    sandbox: "Sandkasse",
    level: (l) => `Niveau ${l}`,
    passed: (l) => `Opfylder ${l}`,
    failed: (l) => `Opfylder ikke ${l}`,
    source: {
      flag: "angivet på siden",
      config: "fra os2gov.toml",
      report: "erklæret i governance-rapporten",
      default: "standard",
    },
    basis: (met, declared, explained) =>
      `${met} verificeret af værktøjet · ${declared} selvdeklareret · ${explained} forklaret`,
    verifiedShare: (p) => `${p} % af det opfyldte er verificeret, resten er selvdeklareret`,
    gaps: (n, l) => (n === 0 ? `Ingen mangler op til ${l}` : `Mangler op til ${l} (${n})`),
    recommendation: "anbefaling",
    fix: "Sådan opfyldes kravet",
    verdict: {
      met: "opfyldt",
      declared: "selvdeklareret",
      explained: "forklaret",
      "not-met": "ikke opfyldt",
      unknown: "ukendt",
    },
    contradictions: "Modstrid mellem rapport og fund",
    all: (n) => `Alle krav (${n})`,
    notes: "Noter",
    fullReport: "Se hele rapporten (JSON)",
    badge: "Badge (SVG)",
    checked: (t) => `Kontrolleret ${t} i browseren med os2gov`,
    history: "Historik (commits) kan ikke læses i browseren; de krav står som ukendte.",
    truncated: "GitHub afkortede fillisten; resultatet kan mangle filer.",
    errTitle: "Governance kunne ikke kontrolleres",
    errRate: (t) =>
      t
        ? `GitHubs grænse for forespørgsler er nået. Prøv igen efter kl. ${t}.`
        : "GitHubs grænse for forespørgsler er nået. Prøv igen senere.",
    errNotFound: (r) => `Repositoriet ${r} blev ikke fundet, eller det er ikke offentligt.`,
    errNetwork: "Netværksfejl: GitHub kunne ikke nås.",
    errMalformed: "GitHub svarede med noget uventet, så der vises intet niveau.",
    errEngine: "Kontrollen fejlede:",
    errRepo: 'Angiv repositoriet som repo="EJER/NAVN".',
    retry: "Prøv igen",
  },
  en: {
    title: "OS2 governance",
    loading: "Checking governance …",
    required: "Required level",
    achieved: "Achieved level",
    score: "Score",
    verified: "Verified",
    none: "None",
    sandbox: "Sandbox",
    level: (l) => `Level ${l}`,
    passed: (l) => `Meets ${l}`,
    failed: (l) => `Does not meet ${l}`,
    source: {
      flag: "set on the page",
      config: "from os2gov.toml",
      report: "declared in the governance report",
      default: "default",
    },
    basis: (met, declared, explained) =>
      `${met} verified by the tool · ${declared} self-declared · ${explained} explained`,
    verifiedShare: (p) => `${p} % of what is met is verified, the rest is self-declared`,
    gaps: (n, l) => (n === 0 ? `No gaps up to ${l}` : `Gaps up to ${l} (${n})`),
    recommendation: "recommendation",
    fix: "How to meet it",
    verdict: {
      met: "met",
      declared: "self-declared",
      explained: "explained",
      "not-met": "not met",
      unknown: "unknown",
    },
    contradictions: "Report and findings disagree",
    all: (n) => `All requirements (${n})`,
    notes: "Notes",
    fullReport: "See the full report (JSON)",
    badge: "Badge (SVG)",
    checked: (t) => `Checked ${t} in the browser with os2gov`,
    history: "History (commits) cannot be read in the browser; those requirements are unknown.",
    truncated: "GitHub truncated the file list; the result may miss files.",
    errTitle: "Governance could not be checked",
    errRate: (t) =>
      t
        ? `GitHub's request limit is reached. Try again after ${t}.`
        : "GitHub's request limit is reached. Try again later.",
    errNotFound: (r) => `The repository ${r} was not found, or it is not public.`,
    errNetwork: "Network error: GitHub could not be reached.",
    errMalformed: "GitHub answered with something unexpected, so no level is shown.",
    errEngine: "The check failed:",
    errRepo: 'Give the repository as repo="OWNER/NAME".',
    retry: "Try again",
  },
};

// ---------------------------------------------------------------------------------------------
// Fetching, with sessionStorage caching

/** A failure the card can explain. `kind`: rate-limit, not-found, network, malformed, engine. */
export class WidgetError extends Error {
  constructor(kind, detail = {}) {
    super(kind);
    this.kind = kind;
    this.detail = detail;
  }
}

function cacheGet(key) {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function cachePut(key, value) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the widget works without a cache.
  }
}

function rateLimitError(response) {
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  const retryAfter = Number(response.headers.get("retry-after"));
  let at = null;
  if (Number.isFinite(retryAfter) && retryAfter > 0) at = Date.now() + retryAfter * 1000;
  else if (Number.isFinite(reset) && reset > 0) at = reset * 1000;
  return new WidgetError("rate-limit", { resetAt: at });
}

async function isRateLimited(response) {
  if (response.status === 429) return true;
  if (response.status !== 403) return false;
  if (response.headers.get("x-ratelimit-remaining") === "0") return true;
  try {
    const body = await response.clone().json();
    return /rate limit/i.test(String(body?.message ?? ""));
  } catch {
    return false;
  }
}

async function get(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new WidgetError("network", { url, message: String(error?.message ?? error) });
  }
}

/**
 * GET a JSON document from the API; revalidated with its ETag when cached. With `withNext`,
 * `{body, next}`: whether the `Link` header names a next page.
 */
async function getJson(url, what, { withNext = false } = {}) {
  const key = `os2gov:api:${url}`;
  const cached = cacheGet(key);
  const headers = { Accept: "application/vnd.github+json" };
  if (cached?.etag) headers["If-None-Match"] = cached.etag;
  const response = await get(url, { headers });
  const answer = (body, next) => (withNext ? { body, next } : body);
  if (response.status === 304 && cached) return answer(cached.body, cached.next === true);
  if (await isRateLimited(response)) throw rateLimitError(response);
  if (response.status === 404) throw new WidgetError("not-found", { url, what });
  if (!response.ok) throw new WidgetError("malformed", { url, status: response.status });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new WidgetError("malformed", { url, what: "not JSON" });
  }
  const next = /rel="next"/.test(response.headers.get("link") ?? "");
  const etag = response.headers.get("etag");
  if (etag) cachePut(key, { etag, body, next });
  return answer(body, next);
}

/** The bytes of one file from the raw host, decoded the way the CLI decodes them. */
async function getContent(url, sha, maxSize) {
  const key = `os2gov:blob:${sha}`;
  const cached = sha ? cacheGet(key) : null;
  if (cached) return cached;
  const response = await get(url);
  if (await isRateLimited(response)) throw rateLimitError(response);
  // The tree listed the file, so a missing file means the answers do not fit together.
  if (!response.ok) throw new WidgetError("malformed", { url, status: response.status });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const content = decode(bytes, maxSize);
  if (sha) cachePut(key, content);
  return content;
}

/** `FileEntry::from_bytes`: size limit, git's binary heuristic, UTF-8, else Windows-1252 (the
 * WHATWG decoder, the same table as the CLI's `base::text::windows_1252`). */
export function decode(bytes, maxSize) {
  if (bytes.length > maxSize) return { kind: "too-large", size: bytes.length };
  if (bytes.subarray(0, 8000).includes(0)) return { kind: "binary" };
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
  } catch {
    return { kind: "text", text: windows1252(bytes), lossy: true };
  }
}

// 0x80–0x9F of WHATWG windows-1252; every other byte is its Latin-1 code point. Spelled out
// because TextDecoder("windows-1252") is plain Latin-1 in Node builds without full ICU.
const HIGH_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** `base::text::windows_1252`. */
export function windows1252(bytes) {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? HIGH_1252[b - 0x80] : b);
  return out;
}

function malformed(what) {
  return new WidgetError("malformed", { what });
}

function seconds(iso) {
  if (iso == null) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? Math.floor(t / 1000) : null;
}

/** GitHub's repository object → the engine's `RepoMeta`. */
export function repoMeta(repo) {
  if (!repo || typeof repo !== "object" || typeof repo.default_branch !== "string" || !repo.owner?.login)
    throw malformed("repository");
  const str = (v) => (typeof v === "string" ? v : null);
  return {
    owner: String(repo.owner.login),
    name: String(repo.name ?? ""),
    html_url: String(repo.html_url ?? ""),
    private: repo.private === true,
    archived: repo.archived === true,
    fork: repo.fork === true,
    default_branch: repo.default_branch,
    has_issues: repo.has_issues === true,
    license_spdx: str(repo.license?.spdx_id),
    description: str(repo.description),
    homepage: str(repo.homepage) || null,
    topics: Array.isArray(repo.topics) ? repo.topics.filter((t) => typeof t === "string") : [],
    pushed_at: seconds(repo.pushed_at),
  };
}

function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}

async function pool(items, limit, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

/**
 * Reads a repository into the engine's `Snapshot` shape: every path of the default branch's tree,
 * the content of the files `wants_content` names, GitHub's metadata; no history.
 */
export async function readSnapshot({ owner, repo, apiUrl = API, rawUrl = RAW, now = Date.now() }) {
  const base = `${apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const [meta] = await Promise.all([getJson(base, "repository"), loadEngine()]);
  const github = repoMeta(meta);
  const branch = github.default_branch;
  const tree = await getJson(`${base}/git/trees/${encodeURIComponent(branch)}?recursive=1`, "tree");
  if (!tree || !Array.isArray(tree.tree)) throw malformed("tree");
  const nodes = new Map();
  for (const item of tree.tree) {
    if (!item || typeof item.path !== "string" || typeof item.type !== "string") throw malformed("tree entry");
    nodes.set(item.path, item);
  }
  const raw = `${rawUrl.replace(/\/+$/, "")}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/${encodeURIComponent(branch)}/`;
  const maxSize = engine.max_file_size();
  const fileUrl = (path) => raw + encodePath(path);
  const linkTargets = new Map();
  const linkTarget = async (path) => {
    if (!linkTargets.has(path)) {
      const node = nodes.get(path);
      linkTargets.set(
        path,
        getContent(fileUrl(path), node.sha, 4096).then((c) => (c.kind === "text" ? c.text : null)),
      );
    }
    return linkTargets.get(path);
  };
  const loadFile = (path) => {
    const node = nodes.get(path);
    if (typeof node.size === "number" && node.size > maxSize) return { kind: "too-large", size: node.size };
    return getContent(fileUrl(path), node.sha, maxSize);
  };

  const files = {};
  const wanted = [];
  for (const [path, node] of nodes) {
    if (node.type === "tree") continue;
    // Files, symlinks (mode 120000) and submodules (type "commit") are listed like the CLI does.
    files[path] = { content: { kind: "not-loaded" } };
    if (node.type === "blob" && engine.wants_content(path)) wanted.push(path);
  }
  let blobsRead = 0;
  await pool(wanted, FETCH_CONCURRENCY, async (path) => {
    const node = nodes.get(path);
    if (node.mode === "120000") {
      const resolved = await resolveSymlink(path, nodes, linkTarget);
      if (resolved.file) {
        files[path] = { content: await loadFile(resolved.file), symlink_to: resolved.file };
        blobsRead += 1;
      } else {
        files[path] = { content: resolved.content };
      }
    } else {
      files[path] = { content: await loadFile(path) };
      blobsRead += 1;
    }
  });
  const unknown = (da, en) => ({ status: "unknown", reason: { da, en } });
  const snapshot = {
    files,
    history: null,
    github: { status: "got", value: github },
    open_items: github.has_issues
      ? await openItemsOf(base, Math.floor(now / 1000), unknown)
      : unknown("issues er slået fra; pull requests hentes ikke i browseren", "issues are disabled; pull requests are not fetched in the browser"),
    jira: unknown("ikke hentet i browseren", "not fetched in the browser"),
    now: Math.floor(now / 1000),
    stats: { paths_listed: Object.keys(files).length, blobs_read: blobsRead, commits_walked: 0 },
  };
  return { snapshot, truncated: tree.truncated === true, htmlUrl: github.html_url };
}

/** Days without an answer after which an open issue or pull request counts as overdue (P9). */
const RESPONSE_DAYS = 30;

/**
 * P9's input from one request, the open issues and pull requests oldest first — what the CLI
 * reads, without its follow-up requests for comments and reviews (each would cost rate limit).
 * An old issue nobody commented on is unanswered without them; an old item with comments, or an
 * old pull request, could only be decided by them, so it is left out, and when such items are all
 * that could be overdue the answer is unknown rather than a guess — the CLI's rule when its
 * request budget runs out.
 */
export function openItems(list, now, hasMore, unknown) {
  if (!Array.isArray(list)) throw malformed("issues");
  const items = [];
  let undecided = 0;
  let overdue = false;
  for (const issue of list) {
    const created = seconds(issue?.created_at);
    if (created === null || typeof issue.number !== "number") throw malformed("issue");
    const pull = issue.pull_request != null;
    const old = now - created > RESPONSE_DAYS * 86400;
    if (old && (pull || issue.comments > 0)) {
      undecided += 1;
      continue;
    }
    if (old) overdue = true;
    items.push({
      number: issue.number,
      pull_request: pull,
      url: String(issue.html_url ?? ""),
      created_at: created,
      first_response_at: null,
    });
  }
  if ((undecided > 0 || hasMore) && !overdue) {
    const n = Math.max(undecided, hasMore ? 1 : 0);
    return unknown(
      `for mange åbne issues og pull requests til at gennemgå i browseren (${n} ikke undersøgt)`,
      `too many open issues and pull requests to look into in the browser (${n} not examined)`,
    );
  }
  return { status: "got", value: items };
}

/** Reads the open items for P9; a failed request makes P9 unknown, never the whole card. */
async function openItemsOf(base, now, unknown) {
  const url = `${base}/issues?state=open&sort=created&direction=asc&per_page=100`;
  try {
    const { body, next } = await getJson(url, "issues", { withNext: true });
    return openItems(body, now, next, unknown);
  } catch (error) {
    if (error instanceof WidgetError && error.kind === "rate-limit")
      return unknown("GitHubs grænse for forespørgsler er nået", "GitHub's rate limit was reached");
    if (error instanceof WidgetError && error.detail?.status === 410)
      return unknown("issues er slået fra; pull requests hentes ikke i browseren", "issues are disabled; pull requests are not fetched in the browser");
    return unknown("de åbne issues kunne ikke læses", "the open issues could not be read");
  }
}

/**
 * The CLI's symlink resolution over the tree: component by component, never outside the
 * repository, at most MAX_SYMLINK_HOPS links. `{file}` or `{content}` (symlink-outside/broken).
 */
export async function resolveSymlink(link, nodes, linkTarget) {
  const outside = (target) => ({ content: { kind: "symlink-outside", target } });
  const broken = (reason) => ({ content: { kind: "broken", reason } });
  let target = await linkTarget(link);
  if (target === null) return broken("the link's target cannot be read");
  if (target === "") return broken("the link has an empty target");
  const dir = link.split("/").slice(0, -1);
  const pending = [];
  const enter = (t) => {
    if (t.startsWith("/")) return false;
    pending.unshift(...t.split("/"));
    return true;
  };
  if (!enter(target)) return outside(target);
  let hops = 1;
  while (pending.length > 0) {
    const component = pending.shift();
    if (component === "" || component === ".") continue;
    if (component === "..") {
      if (dir.length === 0) return outside(target);
      dir.pop();
      continue;
    }
    if (component === ".git") return outside(target);
    const candidate = [...dir, component].join("/");
    const node = nodes.get(candidate);
    if (!node) return broken(`dangling: ${candidate} does not exist`);
    if (node.type === "tree") {
      dir.push(component);
    } else if (node.type === "blob" && node.mode === "120000") {
      hops += 1;
      if (hops > MAX_SYMLINK_HOPS)
        return broken(`symlink loop or a chain of more than ${MAX_SYMLINK_HOPS} links`);
      const next = await linkTarget(candidate);
      if (next === null) return broken(`cannot read ${candidate}: not a text link`);
      if (next === "") return broken(`${candidate} has an empty target`);
      if (!enter(next)) return outside(next);
      target = next;
    } else if (node.type === "blob") {
      return pending.every((c) => c === "" || c === ".")
        ? { file: candidate }
        : broken(`${candidate} is a file, not a folder`);
    } else {
      return broken(`${candidate} is a submodule or a special file`);
    }
  }
  return broken(dir.length === 0 ? "points at the repository root, a folder" : `points at a folder: ${dir.join("/")}`);
}

// ---------------------------------------------------------------------------------------------
// Rendering: DOM nodes only; strings become text nodes

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function levelLabel(words, level) {
  if (level === null || level === undefined) return words.none;
  return level === "sandkasse" ? words.sandbox : words.level(level);
}

const ORDER = ["sandkasse", "1", "2", "3"];
const atOrBelow = (level, required) => ORDER.indexOf(level) <= ORDER.indexOf(required);
const compliant = (v) => v === "met" || v === "declared" || v === "explained";

/** The requirements that keep the repository from its required level, mandatory first. */
export function gaps(report) {
  const required = report.required_level.level;
  return report.requirements
    .filter((r) => atOrBelow(r.level, required) && !compliant(r.verdict))
    .sort((a, b) => Number(a.recommended) - Number(b.recommended) || ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
}

function renderReport(words, lang, report, extra) {
  const required = report.required_level.level;
  const requiredLabel = levelLabel(words, required);
  const inScope = report.requirements.filter((r) => atOrBelow(r.level, required));
  const count = (v) => inScope.filter((r) => r.verdict === v).length;
  const missing = gaps(report);
  const score = Math.max(0, Math.min(100, Number(report.score)));
  const share = Math.round(Number(report.verified_share) * 100);
  const time = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "da-DK", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(extra.now));

  const items = missing.map((r) =>
    h(
      "li",
      { class: `gap verdict-${r.verdict}` },
      h(
        "details",
        null,
        h(
          "summary",
          null,
          h("span", { class: "id" }, r.id),
          " ",
          h("span", { class: "req-title" }, r.title),
          " ",
          h("span", { class: "tag" }, words.verdict[r.verdict] ?? r.verdict),
          r.recommended ? h("span", { class: "tag rec" }, words.recommendation) : null,
        ),
        h("p", { class: "message" }, r.message),
        h("p", { class: "fix" }, h("strong", null, `${words.fix}: `), r.fix),
      ),
    ),
  );
  const contradictions = report.contradictions.length
    ? h(
        "details",
        { class: "contradictions" },
        h("summary", null, `${words.contradictions} (${report.contradictions.length})`),
        h(
          "ul",
          null,
          report.contradictions.map((c) => h("li", null, h("span", { class: "id" }, c.id), ` ${c.declared} — ${c.found}`)),
        ),
      )
    : null;

  const all = h(
    "details",
    { class: "all" },
    h("summary", null, words.all(report.requirements.length)),
    h(
      "ul",
      null,
      report.requirements.map((r) =>
        h(
          "li",
          { class: `verdict-${r.verdict}` },
          h("span", { class: "id" }, r.id),
          " ",
          h("span", { class: "req-title" }, r.title),
          " ",
          h("span", { class: "tag" }, words.verdict[r.verdict] ?? r.verdict),
          h("br"),
          h("small", null, `${levelLabel(words, r.level)} · ${r.message}`),
        ),
      ),
    ),
    report.notes.length ? h("p", { class: "note" }, `${words.notes}: `, report.notes.join(" ")) : null,
  );

  return h(
    "article",
    { class: `card ${report.passed ? "pass" : "fail"}`, "aria-labelledby": "os2gov-title" },
    h(
      "header",
      null,
      h("h2", { id: "os2gov-title" }, words.title, " ", h("span", { class: "repo" }, extra.repo)),
      h(
        "p",
        { class: "status", role: "status" },
        h("span", { class: "mark", "aria-hidden": "true" }, report.passed ? "✓" : "✗"),
        " ",
        report.passed ? words.passed(requiredLabel) : words.failed(requiredLabel),
      ),
    ),
    h(
      "dl",
      { class: "figures" },
      h(
        "div",
        null,
        h("dt", null, words.required),
        h("dd", null, requiredLabel, h("small", null, words.source[report.required_level.source] ?? "")),
      ),
      h("div", null, h("dt", null, words.achieved), h("dd", { class: "achieved" }, levelLabel(words, report.achieved_level))),
      h(
        "div",
        null,
        h("dt", null, words.score),
        h(
          "dd",
          null,
          h("span", { class: "score" }, `${score}`),
          "/100",
          h("meter", { min: 0, max: 100, low: 50, high: 99, optimum: 100, value: score, "aria-label": `${words.score} ${score}/100` }),
        ),
      ),
      h("div", null, h("dt", null, words.verified), h("dd", null, `${share} %`, h("small", null, words.verifiedShare(share)))),
    ),
    h("p", { class: "basis" }, words.basis(count("met"), count("declared"), count("explained"))),
    h(
      "section",
      { class: "gaps", "aria-labelledby": "os2gov-gaps" },
      h("h3", { id: "os2gov-gaps" }, words.gaps(missing.filter((r) => !r.recommended).length, requiredLabel)),
      items.length ? h("ul", null, items) : null,
    ),
    contradictions,
    all,
    h("p", { class: "note" }, words.history),
    extra.truncated ? h("p", { class: "note warn" }, words.truncated) : null,
    h(
      "footer",
      null,
      h("a", { href: extra.reportUrl, download: extra.reportName, class: "full" }, words.fullReport),
      extra.badgeUrl ? h("a", { href: extra.badgeUrl, download: "os2gov-badge.svg" }, h("img", { src: extra.badgeUrl, alt: extra.badgeAlt, height: 20 })) : null,
      h("small", null, words.checked(time)),
    ),
  );
}

function renderError(words, lang, error, repo, onRetry) {
  let text;
  switch (error.kind) {
    case "rate-limit": {
      const at = error.detail.resetAt;
      const t = at
        ? new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "da-DK", { timeStyle: "short" }).format(new Date(at))
        : null;
      text = words.errRate(t);
      break;
    }
    case "not-found":
      text = words.errNotFound(repo);
      break;
    case "network":
      text = words.errNetwork;
      break;
    case "repo":
      text = words.errRepo;
      break;
    case "engine":
      text = `${words.errEngine} ${error.detail.message}`;
      break;
    default:
      text = words.errMalformed;
  }
  const retry = h("button", { type: "button" }, words.retry);
  retry.addEventListener("click", onRetry);
  return h(
    "article",
    { class: `card error error-${error.kind ?? "malformed"}`, "aria-labelledby": "os2gov-title" },
    h("header", null, h("h2", { id: "os2gov-title" }, words.title, " ", h("span", { class: "repo" }, repo))),
    h("p", { class: "error-title" }, words.errTitle),
    h("p", { class: "message", role: "alert" }, text),
    h("footer", null, retry),
  );
}

// ---------------------------------------------------------------------------------------------
// The element

// Outside a browser (node tests import the helpers above) there is no HTMLElement to extend.
const Base = globalThis.HTMLElement ?? class {};

export class Os2govWidget extends Base {
  static observedAttributes = ["repo", "level", "lang", "api-url", "raw-url", "now"];

  #body;
  #styled;
  #run = 0;
  #urls = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    // One stylesheet for the element's lifetime: a fresh <link> per state would load again each
    // time and show the card unstyled (transparent, wrong scheme) until it arrives.
    const css = h("link", { rel: "stylesheet", href: new URL("./os2gov-widget.css", HERE).href });
    // A missing stylesheet must not keep the card from being announced.
    this.#styled = new Promise((done) => {
      css.addEventListener("load", done, { once: true });
      css.addEventListener("error", done, { once: true });
    });
    this.#body = h("div", { class: "body" });
    root.replaceChildren(css, this.#body);
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#revoke();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  #pending = false;

  /** Several attribute changes in one task make one check. */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.refresh();
    });
  }

  #revoke() {
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = [];
  }

  get #lang() {
    return (this.getAttribute("lang") ?? "da").toLowerCase().startsWith("en") ? "en" : "da";
  }

  #show(...nodes) {
    this.#body.replaceChildren(...nodes);
  }

  /** Reads the repository again and re-renders; resolves when the card is shown. */
  async refresh() {
    const run = ++this.#run;
    const lang = this.#lang;
    const words = WORDS[lang];
    const repoAttr = (this.getAttribute("repo") ?? "").trim();
    this.setAttribute("aria-busy", "true");
    this.#show(h("article", { class: "card loading" }, h("p", { role: "status" }, words.loading)));
    const started = performance.now();
    let result;
    try {
      const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repoAttr);
      if (!match) throw new WidgetError("repo");
      // `now` (Unix seconds) pins the check's date, for reproducible pages and tests.
      const pinned = Number(this.getAttribute("now"));
      const now = Number.isFinite(pinned) && pinned > 0 ? pinned * 1000 : Date.now();
      const read = await readSnapshot({
        owner: match[1],
        repo: match[2],
        apiUrl: this.getAttribute("api-url") || API,
        rawUrl: this.getAttribute("raw-url") || RAW,
        now,
      });
      const answered = performance.now();
      const options = { lang };
      const level = this.getAttribute("level");
      if (level) options.level = level;
      let reportJson;
      try {
        reportJson = engine.check(JSON.stringify(read.snapshot), JSON.stringify(options));
      } catch (error) {
        throw new WidgetError("engine", { message: String(error?.message ?? error) });
      }
      const checked = performance.now();
      const report = JSON.parse(reportJson);
      if (run !== this.#run) return;
      this.#revoke();
      const reportUrl = URL.createObjectURL(new Blob([reportJson], { type: "application/json" }));
      const svg = engine.badge(reportJson);
      const badgeUrl = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      this.#urls.push(reportUrl, badgeUrl);
      const badgeAlt = `${words.title}: ${levelLabel(words, report.required_level.level)} ${report.passed ? "✓" : "✗"} · ${report.score}/100`;
      this.#show(
        renderReport(words, lang, report, {
          repo: `${match[1]}/${match[2]}`,
          now,
          truncated: read.truncated,
          reportUrl,
          reportName: `os2gov-${match[1]}-${match[2]}.json`,
          badgeUrl,
          badgeAlt,
        }),
      );
      const rendered = performance.now();
      this.timings = {
        fetch: answered - started,
        engine: checked - answered,
        render: rendered - checked,
        answersToCard: rendered - answered,
      };
      this.report = report;
      result = { report, timings: this.timings };
    } catch (error) {
      if (run !== this.#run) return;
      const failure = error instanceof WidgetError ? error : new WidgetError("malformed", { message: String(error) });
      this.report = null;
      this.#show(renderError(words, lang, failure, repoAttr, () => this.refresh()));
      result = { error: failure.kind };
    }
    await this.#styled;
    if (run !== this.#run) return result;
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new CustomEvent("os2gov-rendered", { detail: result, bubbles: true }));
    return result;
  }
}

if (globalThis.customElements && !customElements.get("os2gov-widget")) customElements.define("os2gov-widget", Os2govWidget);
