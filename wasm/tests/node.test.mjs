// The browser module's API under node (wasm-bindgen --target nodejs), compared with the CLI's JSON
// for the same repository: a plain folder (no git, so neither side has history), checked offline
// by both, at the same "now". OS2GOV_CLI names the CLI binary (wasm/test.sh builds it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, lstatSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repos, NOW, writeFixture } from "./fixtures.mjs";
// The widget as built into pkg/ (beside the web module it imports).
import { decode, openItems, resolveSymlink } from "../pkg/os2gov-widget.js";

const require = createRequire(import.meta.url);
const wasm = require("../pkg-node/os2gov_wasm.js");
const CLI = process.env.OS2GOV_CLI;

/** Every file under `root` as the tree API lists it: path → {type, mode}. */
function listTree(root) {
  const nodes = new Map();
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir).sort()) {
      const path = prefix ? `${prefix}/${name}` : name;
      const st = lstatSync(join(dir, name));
      if (st.isSymbolicLink()) nodes.set(path, { type: "blob", mode: "120000" });
      else if (st.isDirectory()) {
        nodes.set(path, { type: "tree", mode: "040000" });
        walk(join(dir, name), path);
      } else nodes.set(path, { type: "blob", mode: "100644" });
    }
  };
  walk(root, "");
  return nodes;
}

/** The snapshot the widget would build, from a folder, with the widget's own helpers. */
async function snapshotOfFolder(root, extra = {}) {
  const nodes = listTree(root);
  const max = wasm.max_file_size();
  const files = {};
  for (const [path, node] of nodes) {
    if (node.type === "tree") continue;
    if (!wasm.wants_content(path)) {
      files[path] = { content: { kind: "not-loaded" } };
    } else if (node.mode === "120000") {
      const r = await resolveSymlink(path, nodes, async (p) => readlinkSync(join(root, p)));
      files[path] = r.file
        ? { content: decode(readFileSync(join(root, r.file)), max), symlink_to: r.file }
        : { content: r.content };
    } else {
      files[path] = { content: decode(readFileSync(join(root, path)), max) };
    }
  }
  return { files, history: null, now: NOW, ...extra };
}

function cli(dir, args = []) {
  assert.ok(CLI, "OS2GOV_CLI must name the os2gov binary");
  try {
    return execFileSync(CLI, ["check", dir, "--format", "json", "--offline", ...args], {
      env: { ...process.env, OS2GOV_NOW: String(NOW) },
      encoding: "utf8",
    });
  } catch (e) {
    // Exit code 1 means "below the required level": the report is still on stdout.
    if (e.status === 1) return e.stdout;
    throw e;
  }
}

async function withFixture(files, body) {
  const dir = mkdtempSync(join(tmpdir(), "os2gov-wasm-"));
  try {
    writeFixture(dir, files);
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Field-by-field comparison, so that a difference names its place. */
function compareReports(actual, expected, path = "report") {
  if (typeof expected !== "object" || expected === null) {
    assert.deepEqual(actual, expected, `${path} differs`);
    return;
  }
  assert.equal(Array.isArray(actual), Array.isArray(expected), `${path}: array vs object`);
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    const name = Array.isArray(expected) ? `${path}[${expected[key]?.id ?? key}]` : `${path}.${key}`;
    assert.ok(key in actual, `${name} missing from the wasm report`);
    assert.ok(key in expected, `${name} missing from the CLI report`);
    compareReports(actual[key], expected[key], name);
  }
}

const eksempel = repos["OS2web/eksempel"].files;

for (const lang of ["da", "en"]) {
  test(`same report as the CLI on the fixture repository (${lang}, level 1)`, async () => {
    await withFixture(eksempel, async (dir) => {
      const fromCli = JSON.parse(cli(dir, ["--level", "1", "--lang", lang]));
      const snapshot = await snapshotOfFolder(dir);
      const fromWasm = JSON.parse(wasm.check(JSON.stringify(snapshot), JSON.stringify({ level: "1", lang })));
      compareReports(fromWasm, fromCli);
      assert.equal(fromWasm.schema_version, 1);
      assert.equal(fromWasm.tool.version, wasm.version());
      // The fixture exercises what matters: a symlinked licence, a governance report with
      // declarations, a contradiction-free explanation, vendored files.
      const byId = Object.fromEntries(fromWasm.requirements.map((r) => [r.id, r]));
      assert.equal(byId.F2.verdict, "met");
      assert.equal(byId.R2.verdict, "declared");
      assert.equal(byId.F19.verdict, "explained");
    });
  });
}

test("same report with the level the governance report declares", async () => {
  await withFixture(eksempel, async (dir) => {
    const fromCli = JSON.parse(cli(dir));
    const fromWasm = JSON.parse(wasm.check(JSON.stringify(await snapshotOfFolder(dir)), "{}"));
    compareReports(fromWasm, fromCli);
    assert.deepEqual(fromWasm.required_level, { level: "1", source: "report" });
  });
});

test("publiccode.yml: the browser build does not read YAML and says so, never met or not-met", async () => {
  const files = {
    ...eksempel,
    "publiccode.yml": "publiccodeYmlVersion: '0.4'\nname: OS2eksempel\nurl: https://github.com/OS2web/eksempel\n",
  };
  await withFixture(files, async (dir) => {
    const fromCli = JSON.parse(cli(dir, ["--level", "1", "--lang", "en"]));
    const fromWasm = JSON.parse(wasm.check(JSON.stringify(await snapshotOfFolder(dir)), '{"level":"1","lang":"en"}'));
    const byId = Object.fromEntries(fromWasm.requirements.map((r) => [r.id, r]));
    assert.equal(byId.P12.verdict, "unknown");
    assert.match(byId.P12.message, /not checked by this build/);
    // F2: the licence file is fine, but publiccode.yml's licence could not be compared.
    assert.equal(byId.F2.verdict, "unknown");
    assert.match(byId.F2.message, /MPL-2\.0.*not checked by this build/);
    // Everything else agrees with the CLI; the requirements that read publiccode.yml (P12, F2,
    // G3, P7) differ only by being unknown, with the reason (wasm/README.md).
    const differing = fromWasm.requirements.filter((r, i) => JSON.stringify(r) !== JSON.stringify(fromCli.requirements[i]));
    assert.ok(differing.length > 0);
    for (const r of differing) {
      assert.ok(["P12", "F2", "G3", "P7"].includes(r.id), `${r.id} differs`);
      assert.equal(r.verdict, "unknown", r.id);
      assert.match(r.message, /not checked by this build/, r.id);
    }
  });
});

const CONFIG = `# os2gov's konfiguration
level = "2"
language = 'en'
organisations = [
  "OS2web", # the fixture's owner
  "MinKommune",
]

[exceptions]
F19 = "Leveres som Debian-pakke; se \\"Drift\\" i README."
p3 = 'Skabeloner kommer i næste version.'

[jira]
url = "https://os2web.atlassian.net/"
project = "os2eks"
`;

test("os2gov.toml: the browser build reads it like the CLI (the same report)", async () => {
  await withFixture({ ...eksempel, "os2gov.toml": CONFIG }, async (dir) => {
    const fromCli = JSON.parse(cli(dir));
    const fromWasm = JSON.parse(wasm.check(JSON.stringify(await snapshotOfFolder(dir)), "{}"));
    compareReports(fromWasm, fromCli);
    assert.deepEqual(fromWasm.required_level, { level: "2", source: "config" });
    assert.equal(fromWasm.lang, "en");
    const byId = Object.fromEntries(fromWasm.requirements.map((r) => [r.id, r]));
    assert.match(byId.F19.message, /Debian/);
  });
});

test("os2gov.toml: errors name the line, in the report's language; TOML beyond what the browser build reads is an error saying so", () => {
  const check = (text, options = '{"lang":"en"}') => {
    const snapshot = { files: { "os2gov.toml": { content: { kind: "text", text } } }, now: NOW };
    return () => wasm.check(JSON.stringify(snapshot), options);
  };
  assert.throws(check('level = "2"\n\nlevle = "3"\n'), /os2gov\.toml:3: unknown key `levle`/);
  assert.throws(check('[exceptions]\nX99 = "why"\n'), /os2gov\.toml:2: \[exceptions\]: unknown requirement id `X99`/);
  assert.throws(check('level = "1"\njira.url = "https://x"\n'), /os2gov\.toml:2: A dotted key is beyond the TOML this build of os2gov reads/);
  assert.throws(check('[exceptions]\nF19 = """\nlang\n"""\n'), /os2gov\.toml:2: A multi-line string is beyond/);
  // Danish by default, as the card.
  assert.throws(check('level = "2"\n\nlevle = "3"\n', "{}"), /^Error: os2gov\.toml:3: ukendt nøgle `levle`, forventede/);
  assert.throws(check('level = "1"\njira.url = "https://x"\n', "{}"), /os2gov\.toml:2: En nøgle med punktum er ud over den TOML, denne udgave af os2gov læser/);
  assert.throws(check('[exceptions]\nX99 = "why"\n', "{}"), (e) => /os2gov\.toml:2: /.test(e.message) && !/unknown|expected/.test(e.message));
});

test("malformed input is an error, never a report", () => {
  for (const bad of ["", "{", "[]", '{"files": {}}', '{"files": {"a": {"content": {"kind": "nope"}}}, "now": 1}'])
    assert.throws(() => wasm.check(bad, "{}"), undefined, bad);
  assert.throws(() => wasm.check('{"files": {}, "now": 1}', '{"level": "9"}'));
});

test("wants_content agrees with the engine's rules for a sample of paths", () => {
  const yes = ["README.md", "readme", "LICENSE", "LICENSES/MPL-2.0.txt", ".github/CONTRIBUTING.md", "docs/a/b/c.md", "docs/self-assessment/x.json", "OS2x_governance_report.md", "os2gov.toml", "publiccode.yml"];
  const no = ["src/main.rs", "vendor/README.md", "docs/a/b/c/d.md", "docs/logo.png", "node_modules/x/README.md"];
  for (const p of yes) assert.equal(wasm.wants_content(p), true, p);
  for (const p of no) assert.equal(wasm.wants_content(p), false, p);
});

test("decode mirrors FileEntry::from_bytes", () => {
  assert.deepEqual(decode(Buffer.from("hej æøå"), 100), { kind: "text", text: "hej æøå", lossy: false });
  assert.deepEqual(decode(Buffer.from([0x66, 0x00, 0x67]), 100), { kind: "binary" });
  assert.deepEqual(decode(Buffer.alloc(101, 0x61), 100), { kind: "too-large", size: 101 });
  const lossy = decode(Buffer.from([0x68, 0xe6, 0x6a, 0x96, 0x80]), 100);
  assert.equal(lossy.lossy, true);
  assert.equal(lossy.text, "hæj–€");
});

test("symlinks resolve inside the repository only", async () => {
  const nodes = new Map([
    ["LICENSE", { type: "blob", mode: "120000" }],
    ["LICENSES", { type: "tree" }],
    ["LICENSES/MPL-2.0.txt", { type: "blob", mode: "100644" }],
    ["out", { type: "blob", mode: "120000" }],
    ["abs", { type: "blob", mode: "120000" }],
    ["loop", { type: "blob", mode: "120000" }],
    ["dangling", { type: "blob", mode: "120000" }],
    ["dir", { type: "blob", mode: "120000" }],
  ]);
  const targets = { LICENSE: "LICENSES/MPL-2.0.txt", out: "../../etc/passwd", abs: "/etc/passwd", loop: "loop", dangling: "nope", dir: "LICENSES" };
  const resolve = (p) => resolveSymlink(p, nodes, async (q) => targets[q]);
  assert.deepEqual(await resolve("LICENSE"), { file: "LICENSES/MPL-2.0.txt" });
  assert.equal((await resolve("out")).content.kind, "symlink-outside");
  assert.equal((await resolve("abs")).content.kind, "symlink-outside");
  assert.match((await resolve("loop")).content.reason, /loop/);
  assert.match((await resolve("dangling")).content.reason, /dangling/);
  assert.match((await resolve("dir")).content.reason, /folder/);
});

test("badge from the report JSON", () => {
  const report = wasm.check(JSON.stringify({ files: {}, now: NOW }), '{"level":"2","lang":"da"}');
  const svg = wasm.badge(report);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /niveau 2 ✗ · \d+\/100/);
  assert.throws(() => wasm.badge("{}"));
});

test("open items for P9: decided from one request where the CLI would decide the same", async () => {
  const unknown = (da, en) => ({ status: "unknown", reason: { da, en } });
  const day = 86400;
  const at = (daysAgo) => new Date((NOW - daysAgo * day) * 1000).toISOString();
  const issue = (number, daysAgo, extra = {}) => ({
    number,
    html_url: `https://github.com/OS2web/eksempel/issues/${number}`,
    created_at: at(daysAgo),
    comments: 0,
    ...extra,
  });
  const p9 = async (items) =>
    JSON.parse(wasm.check(JSON.stringify(await snapshotOfFolderWith({ open_items: items })), '{"lang":"en"}'))
      .requirements.find((r) => r.id === "P9");
  // Recent items only: nothing can be overdue.
  const recent = openItems([issue(1, 3), issue(2, 10, { pull_request: {} })], NOW, false, unknown);
  assert.equal(recent.status, "got");
  assert.equal((await p9(recent)).verdict, "met");
  // An old issue nobody commented on is overdue without a further request.
  const overdue = openItems([issue(3, 90), issue(4, 60, { comments: 2 })], NOW, false, unknown);
  assert.equal(overdue.status, "got");
  assert.deepEqual(overdue.value.map((i) => i.number), [3]);
  const finding = await p9(overdue);
  assert.equal(finding.verdict, "not-met");
  assert.match(finding.message, /#3/);
  // Old items that only comments or reviews could decide: unknown, never a guess either way.
  for (const [list, more] of [
    [[issue(5, 60, { comments: 1 })], false],
    [[issue(6, 45, { pull_request: {} })], false],
    [[issue(7, 2)], true],
  ]) {
    const answer = openItems(list, NOW, more, unknown);
    assert.equal(answer.status, "unknown", JSON.stringify(list));
    assert.equal((await p9(answer)).verdict, "unknown");
  }
  assert.throws(() => openItems({ message: "Not Found" }, NOW, false, unknown));
  assert.throws(() => openItems([{ number: 1, created_at: "yesterday" }], NOW, false, unknown));
});

async function snapshotOfFolderWith(extra) {
  return withFixture(eksempel, (dir) => snapshotOfFolder(dir, extra));
}
