// End-to-end: Debian's headless Chromium loads wasm/demo/ from 127.0.0.1; the widget reads the
// fixture repositories from a local stand-in for GitHub's API and raw host (tests/server.mjs),
// runs the engine and renders its card. Screenshots go to wasm/test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFile } from "node:child_process";
import { mkdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServers } from "./server.mjs";
import { NOW } from "./fixtures.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ARTIFACTS = resolve(HERE, "../test-artifacts");
const TOOLS = process.env.OS2GOV_TOOLS_DIR ?? resolve(HERE, "../../.tools");
const require = createRequire(join(TOOLS, "node_modules/"));
const { chromium } = require("playwright-core");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let servers;
let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  servers = await startServers({ resetAt: NOW + 1800 });
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing; run scripts/setup.sh`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // playwright gives every launch a fresh --user-data-dir of its own (a temporary folder).
    ],
  });
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** Opens the demo for `repo` and waits for the widget's card; returns the page and the result. */
async function open(query, { width = 900, colorScheme = "light", page: reuse, waitUntil = "load" } = {}) {
  const page = reuse ?? (await browser.newPage({ viewport: { width, height: 900 }, colorScheme, locale: "da-DK", timezoneId: "Europe/Copenhagen" }));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  const params = new URLSearchParams({ "api-url": servers.apiUrl, "raw-url": servers.rawUrl, now: String(NOW), ...query });
  await page.goto(`${servers.pageUrl}/demo/?${params}`, { waitUntil });
  const result = await page.evaluate(
    () =>
      new Promise((ok) => {
        const w = document.getElementById("widget");
        const done = () => ok({ report: w.report, timings: w.timings ?? null });
        if (w && !w.hasAttribute("aria-busy") && (w.report || w.shadowRoot.querySelector(".error"))) done();
        else document.addEventListener("os2gov-rendered", done, { once: true });
      }),
  );
  return { page, result, errors };
}

const cardText = (page) => page.evaluate(() => document.getElementById("widget").shadowRoot.querySelector(".card").innerText);

test("the card shows the required and achieved level, score and the gaps (Danish)", async () => {
  const { page, result, errors } = await open({ repo: "OS2web/eksempel", level: "1" });
  const { report, timings } = result;
  assert.ok(report, "a report was rendered");
  assert.deepEqual(errors, []);
  assert.equal(report.required_level.level, "1");
  assert.equal(report.lang, "da");
  const text = await cardText(page);
  assert.match(text, /OS2 governance\s+OS2web\/eksempel/);
  assert.match(text, new RegExp(`${report.passed ? "Opfylder" : "Opfylder ikke"} Niveau 1`));
  assert.match(text, /Krævet niveau\s+Niveau 1/);
  assert.match(text, new RegExp(`Score\\s+${report.score}/100`));
  // With GitHub's metadata the browser verifies F1 and F6 that the offline CLI cannot; history
  // stays unknown (F11), so level 1 is not reached.
  const byId = Object.fromEntries(report.requirements.map((r) => [r.id, r]));
  assert.equal(byId.F1.verdict, "met");
  assert.equal(byId.F6.verdict, "met");
  assert.equal(byId.F2.verdict, "met");
  assert.equal(byId.F11.verdict, "unknown");
  assert.equal(report.achieved_level, "sandkasse");
  assert.equal(report.passed, false);
  // The gaps listed are exactly the non-compliant requirements up to level 1.
  const gapIds = await page.evaluate(() =>
    [...document.getElementById("widget").shadowRoot.querySelectorAll(".gaps .id")].map((e) => e.textContent),
  );
  const expected = report.requirements
    .filter((r) => ["sandkasse", "1"].includes(r.level) && !["met", "declared", "explained"].includes(r.verdict))
    .map((r) => r.id);
  assert.deepEqual([...gapIds].sort(), [...expected].sort());
  assert.ok(gapIds.includes("F11"));
  assert.match(text, /selvdeklareret/);
  // Keyboard: Tab reaches the first gap's summary; Enter opens it and shows the fix.
  const opened = await page.evaluate(() => {
    const root = document.getElementById("widget").shadowRoot;
    const summary = root.querySelector(".gaps summary");
    summary.focus();
    return root.activeElement === summary;
  });
  assert.ok(opened, "the summary takes focus");
  await page.keyboard.press("Enter");
  const fixShown = await page.evaluate(() => {
    const d = document.getElementById("widget").shadowRoot.querySelector(".gaps details");
    return d.open && d.querySelector(".fix").getClientRects().length > 0;
  });
  assert.ok(fixShown, "Enter expands the gap and shows its fix");
  await page.locator("os2gov-widget").screenshot({ path: join(ARTIFACTS, "card-da.png") });
  console.log(
    `timings (ms): fetch ${timings.fetch.toFixed(1)}, engine ${timings.engine.toFixed(1)}, ` +
      `render ${timings.render.toFixed(1)}, API answers → card ${timings.answersToCard.toFixed(1)}`,
  );
  await page.close();
});

test("English, dark scheme, and 320 px wide without horizontal scrolling", async () => {
  const { page, result } = await open({ repo: "OS2web/eksempel", level: "2", lang: "en" }, { width: 320, colorScheme: "dark" });
  assert.equal(result.report.lang, "en");
  const text = await cardText(page);
  assert.match(text, /Does not meet Level 2/);
  assert.match(text, /Required level\s+Level 2/);
  assert.match(text, /Gaps up to Level 2/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 320px`);
  const colours = await page.evaluate(() => {
    const card = document.getElementById("widget").shadowRoot.querySelector(".card");
    return getComputedStyle(card).backgroundColor;
  });
  assert.equal(colours, "rgb(22, 27, 34)", "dark background from prefers-color-scheme");
  await page.locator("os2gov-widget").screenshot({ path: join(ARTIFACTS, "card-en-dark-320.png") });
  await page.close();
});

test("the card is announced only once its stylesheet applies, however slowly it loads", async () => {
  servers.delays.css = 1500;
  try {
    // Not waiting for the page's load event, which itself waits for pending stylesheets.
    const { page } = await open({ repo: "OS2web/eksempel", level: "1" }, { colorScheme: "dark", waitUntil: "domcontentloaded" });
    const background = await page.evaluate(() => {
      const card = document.getElementById("widget").shadowRoot.querySelector(".card");
      return getComputedStyle(card).backgroundColor;
    });
    assert.equal(background, "rgb(22, 27, 34)");
    await page.close();
  } finally {
    servers.delays.css = 0;
  }
});

test("text colours meet WCAG AA contrast in both schemes", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page } = await open({ repo: "OS2web/eksempel", level: "1" }, { colorScheme });
    const worst = await page.evaluate(() => {
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && !bg.endsWith(", 0)") && bg !== "transparent") return bg;
        }
        return "rgb(255, 255, 255)";
      };
      const root = document.getElementById("widget").shadowRoot;
      root.querySelectorAll("details").forEach((d) => (d.open = true));
      let min = { ratio: 99 };
      for (const el of root.querySelectorAll(".card *")) {
        if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        const a = lum(rgb(getComputedStyle(el).color));
        const b = lum(rgb(bgOf(el)));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < min.ratio) min = { ratio, text: el.textContent.slice(0, 40), cls: el.className };
      }
      return min;
    });
    assert.ok(worst.ratio >= 4.5, `${colorScheme}: contrast ${worst.ratio.toFixed(2)} for ${JSON.stringify(worst)}`);
    await page.close();
  }
});

test("repository text is shown as text, never run as HTML", async () => {
  const { page, result, errors } = await open({ repo: "OS2web/xss", level: "1" });
  assert.ok(result.report);
  assert.deepEqual(errors, [], "no script ran, no dialog opened");
  const probe = await page.evaluate(() => {
    const root = document.getElementById("widget").shadowRoot;
    root.querySelectorAll("details").forEach((d) => (d.open = true));
    return {
      xss: window.__xss ?? null,
      scripts: root.querySelectorAll("script").length,
      images: [...root.querySelectorAll("img")].map((i) => i.getAttribute("src").slice(0, 5)),
      text: root.querySelector(".card").textContent,
    };
  });
  assert.equal(probe.xss, null);
  assert.equal(probe.scripts, 0);
  assert.deepEqual(probe.images, ["blob:"], "only the badge image");
  assert.ok(probe.text.includes("<img src=x onerror=alert(1)>"), "the img tag is shown as text");
  assert.ok(probe.text.includes("<script>alert(2)</script>"), "the script tag is shown as text");
  await page.locator("os2gov-widget").screenshot({ path: join(ARTIFACTS, "card-xss.png") });
  await page
    .locator("os2gov-widget .all li")
    .filter({ hasText: "Kontaktperson" })
    .screenshot({ path: join(ARTIFACTS, "card-xss-g3.png") });
  await page.close();
});

test("rate limit: a clear message with the reset time", async () => {
  const { page, result } = await open({ repo: "OS2web/rate-limited" });
  assert.equal(result.report, null);
  const text = await cardText(page);
  const reset = new Intl.DateTimeFormat("da-DK", { timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(new Date((NOW + 1800) * 1000));
  assert.match(text, /GitHubs grænse for forespørgsler er nået/);
  assert.ok(text.includes(`efter kl. ${reset}`), `${text} names ${reset}`);
  assert.doesNotMatch(text, /Niveau|Score/);
  assert.equal(await page.evaluate(() => document.getElementById("widget").shadowRoot.querySelector('[role="alert"]') !== null), true);
  await page.locator("os2gov-widget").screenshot({ path: join(ARTIFACTS, "card-rate-limit.png") });
  await page.close();
});

test("not found, malformed answer and network error each have their message", async () => {
  for (const [query, pattern] of [
    [{ repo: "OS2web/findes-ikke" }, /Repositoriet OS2web\/findes-ikke blev ikke fundet/],
    [{ repo: "OS2web/malformed" }, /uventet/],
    [{ repo: "OS2web/eksempel", "api-url": "http://127.0.0.1:9/api" }, /Netværksfejl/],
    [{ repo: "ikke et repo" }, /repo="EJER\/NAVN"/],
  ]) {
    const { page, result } = await open(query);
    assert.equal(result.report, null, JSON.stringify(query));
    const text = await cardText(page);
    assert.match(text, pattern);
    assert.doesNotMatch(text, /Opnået niveau|Score/);
    await page.close();
  }
});

test("answers are cached in sessionStorage and revalidated with their ETags", async () => {
  const cold = servers.hits.length;
  const first = await open({ repo: "OS2web/eksempel", level: "1" });
  const coldApi = servers.hits.slice(cold).filter((h) => h.method === "GET" && h.path.startsWith("/api/"));
  assert.deepEqual(
    coldApi.map((h) => h.path.split("/").slice(5).join("/") || "repository"),
    ["repository", "git/trees/main", "issues"],
    "a cold visit costs three rate-limited requests: repository, tree, open items",
  );
  const p9 = first.result.report.requirements.find((r) => r.id === "P9");
  assert.equal(p9.verdict, "met", "P9 is decided in the browser as by the CLI");
  const before = servers.hits.length;
  // The same tab again: sessionStorage survives the navigation.
  const again = await open({ repo: "OS2web/eksempel", level: "1" }, { page: first.page });
  assert.ok(again.result.report);
  const hits = servers.hits.slice(before);
  const api = hits.filter((h) => h.method === "GET" && h.path.startsWith("/api/"));
  assert.equal(api.length, 3, "repository, tree and open items, revalidated (304: no rate limit)");
  assert.ok(api.every((h) => h.ifNoneMatch), "sent with If-None-Match");
  assert.equal(hits.filter((h) => h.path.startsWith("/raw/")).length, 0, "file contents come from the cache");
  await first.page.close();
});

// ---------------------------------------------------------------------------------------------
// The card against the CLI's remote scan of the same repository, from the same server.

/** The requirements that read the commit history (`READ_HISTORY` in src/engine.rs). */
const HISTORY_BASED = ["F1", "F11", "F12"];
const CLI = process.env.OS2GOV_CLI;

/**
 * `os2gov check github:REPO` against the stand-in, without a token or cache, at the tests' "now".
 * Asynchronous: the server answering it runs in this process.
 */
function cliRemote(repo, args) {
  assert.ok(CLI, "OS2GOV_CLI must name the os2gov binary (wasm/test.sh builds it)");
  const env = { ...process.env, OS2GOV_NOW: String(NOW) };
  delete env.GITHUB_TOKEN;
  const argv = ["check", `github:${repo}`, "--github-api-url", servers.apiUrl, "--github-raw-url", servers.rawUrl, "--format", "json", "--no-cache", ...args];
  return new Promise((ok, fail) =>
    execFile(CLI, argv, { env, encoding: "utf8" }, (error, stdout, stderr) => {
      // Exit code 1 means "below the required level": the report is still on stdout.
      if (error && error.code !== 1) return fail(new Error(`os2gov ${argv.join(" ")}: ${error.message}\n${stderr}`));
      ok(JSON.parse(stdout));
    }),
  );
}

/** SPEC §4 over a report's verdicts: per-level compliance, achieved level, score, verified share. */
function scoreOf(requirements, required) {
  const order = ["sandkasse", "1", "2", "3"];
  const compliant = (r) => ["met", "declared", "explained"].includes(r.verdict);
  const levels = order.map((level) => {
    const mandatory = requirements.filter((r) => !r.recommended && order.indexOf(r.level) <= order.indexOf(level));
    const n = mandatory.filter(compliant).length;
    return { level, compliant: n, mandatory: mandatory.length, complete: n === mandatory.length };
  });
  const complete = levels.findIndex((l) => !l.complete);
  const achieved = complete === 0 ? null : levels[(complete === -1 ? levels.length : complete) - 1].level;
  const weight = (r) => (r.recommended ? 0.5 : 1);
  const sum = (list) => list.reduce((total, r) => total + weight(r), 0);
  const scope = requirements.filter((r) => order.indexOf(r.level) <= order.indexOf(required));
  const total = sum(scope);
  const ok = sum(scope.filter(compliant));
  const met = sum(scope.filter((r) => r.verdict === "met"));
  return {
    levels,
    achieved_level: achieved,
    passed: achieved !== null && order.indexOf(achieved) >= order.indexOf(required),
    score: total > 0 ? Math.round((100 * ok) / total) : 100,
    verified_share: ok > 0 ? Math.round((met / ok) * 1000) / 1000 : 0,
  };
}

// [repository, the page's attributes, the CLI's flags, what only the CLI's history decides]
for (const [repo, query, args, historyDecides] of [
  // The fixture's history decides F11 for the CLI: two of three commits name an issue.
  ["OS2web/eksempel", { level: "sandkasse" }, ["--level", "sandkasse"], ["F11"]],
  ["OS2web/eksempel", { level: "1" }, ["--level", "1"], ["F11"]],
  ["OS2web/eksempel", { level: "2", lang: "en" }, ["--level", "2", "--lang", "en"], ["F11"]],
  // The level the governance report declares.
  ["OS2web/eksempel", {}, [], ["F11"]],
  // Its one commit names no issue: F11 is not met for the CLI.
  ["OS2web/xss", { level: "1" }, ["--level", "1"], ["F11"]],
]) {
  test(`the card equals the CLI's remote scan of ${repo} except where only history decides (${JSON.stringify(query)})`, async () => {
    const fromCli = await cliRemote(repo, args);
    const { page, result, errors } = await open({ repo, ...query });
    const card = result.report;
    assert.ok(card, "a report was rendered");
    assert.deepEqual(errors, []);
    assert.deepEqual(card.required_level, fromCli.required_level);
    assert.equal(card.lang, fromCli.lang);
    assert.deepEqual(
      card.requirements.map((r) => r.id),
      fromCli.requirements.map((r) => r.id),
    );
    // Every requirement the browser can decide: the same verdict, message and evidence (F1 and
    // F12 too, from GitHub's metadata). The history-based ones the CLI decides from its commits
    // are unknown on the card, saying why.
    const differing = [];
    for (const [i, mine] of card.requirements.entries()) {
      const theirs = fromCli.requirements[i];
      if (mine.verdict === theirs.verdict) {
        assert.deepEqual(mine, theirs, `${mine.id}: the same finding`);
        continue;
      }
      differing.push(mine.id);
      assert.ok(HISTORY_BASED.includes(mine.id), `${mine.id}: ${mine.verdict} on the card, ${theirs.verdict} from the CLI`);
      assert.equal(mine.verdict, "unknown", mine.id);
      assert.notEqual(theirs.verdict, "unknown", mine.id);
      assert.match(mine.message, /commit-historik|commit history/, `${mine.id} says it lacks the history`);
    }
    assert.deepEqual(differing, historyDecides);
    assert.deepEqual(card.contradictions, fromCli.contradictions);
    // Levels and score: the CLI's, with the history-based verdicts the card could not decide.
    // (The formula is checked against the CLI's own figures first.)
    const required = fromCli.required_level.level;
    const figures = ({ levels, achieved_level, passed, score, verified_share }) => ({ levels, achieved_level, passed, score, verified_share });
    assert.deepEqual(scoreOf(fromCli.requirements, required), figures(fromCli));
    const withoutHistory = fromCli.requirements.map((r, i) => (differing.includes(r.id) ? card.requirements[i] : r));
    assert.deepEqual(figures(card), scoreOf(withoutHistory, required));
    const order = ["sandkasse", "1", "2", "3"];
    const inScope = (id) => order.indexOf(card.requirements.find((r) => r.id === id).level) <= order.indexOf(required);
    if (!differing.some(inScope)) {
      // Nothing the history decides counts at this level: the card is the CLI's, figure for figure.
      assert.equal(card.score, fromCli.score);
      assert.equal(card.achieved_level, fromCli.achieved_level);
      assert.equal(card.passed, fromCli.passed);
      assert.equal(card.verified_share, fromCli.verified_share);
    }
    // The card says why those are unknown.
    const text = await cardText(page);
    assert.match(text, card.lang === "en" ? /History \(commits\) cannot be read in the browser/ : /Historik \(commits\) kan ikke læses i browseren/);
    await page.close();
  });
}
