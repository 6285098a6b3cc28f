// The portfolio page (`os2gov portfolio --format html`) in Debian's headless Chromium: it loads
// from a file with nothing fetched, shows every product, and sorts by a column when its heading
// is clicked. The page is written by `cargo test --test evaluate` (the_portfolio_page_for_the_
// browser_test); run that first. Screenshots go to target/test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(HERE, "../..");
const ARTIFACTS = join(ROOT, "target/test-artifacts");
const PAGE = join(ARTIFACTS, "portfolio.html");
const TOOLS = process.env.OS2GOV_TOOLS_DIR ?? join(ROOT, ".tools");
const require = createRequire(join(TOOLS, "node_modules/"));
const { chromium } = require("playwright-core");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let browser;

before(async () => {
  assert.ok(existsSync(PAGE), `${PAGE} missing: run cargo test --test evaluate first`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close();
});

const names = (page) =>
  page.$$eval("#portfolio tbody tr", (rows) => rows.map((r) => r.cells[0].textContent.trim()));

test("the portfolio page shows every product, fetches nothing and sorts by a column", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 700 } });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(PAGE).href);
  assert.equal(await page.title(), "OS2's produktportefølje (02-12-2026)");
  assert.deepEqual(await names(page), ["OS2faktor", "OS2sikker", "Æblemost"]);
  assert.equal(await page.$$eval("tr.incomplete", (rows) => rows.length), 1);
  await page.screenshot({ path: join(ARTIFACTS, "portfolio.png"), fullPage: true });

  // By product, descending then ascending (Danish order: Æ after Z).
  await page.click("th:nth-child(1)");
  assert.deepEqual(await names(page), ["OS2faktor", "OS2sikker", "Æblemost"]);
  await page.click("th:nth-child(1)");
  assert.deepEqual(await names(page), ["Æblemost", "OS2sikker", "OS2faktor"]);
  // By the sandbox's greens: the product with a security policy and a licence has more.
  await page.click("th:nth-child(5)");
  const ascending = await names(page);
  assert.equal(ascending.at(-1), "OS2sikker", ascending.join(", "));
  assert.equal(
    await page.getAttribute("th:nth-child(5)", "aria-sort"),
    "ascending",
  );
  await page.screenshot({ path: join(ARTIFACTS, "portfolio-sorted.png"), fullPage: true });

  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:")), []);
  await page.close();
});
