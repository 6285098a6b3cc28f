// A local stand-in for GitHub on 127.0.0.1, for the browser test: one port serves wasm/ (the demo
// page and the built pkg/), another answers like GitHub's REST API and raw content host for the
// fixture repositories — same paths, JSON shapes, status codes, ETags, rate-limit and CORS
// headers — so the page reaches it cross-origin, as os2.eu reaches api.github.com.
//
//   node wasm/tests/server.mjs    serves until stopped, printing both URLs (for manual use)
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { repos, fixtureBytes } from "./fixtures.mjs";

const WASM_DIR = resolve(fileURLToPath(new URL("..", import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
// What GitHub's API lets a browser read cross-origin.
const EXPOSE =
  "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, " +
  "X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, " +
  "X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, " +
  "X-GitHub-Request-Id, Deprecation, Sunset";

const gitSha = (kind, bytes) =>
  createHash("sha1").update(`${kind} ${bytes.length}\0`).update(bytes).digest("hex");

/** The blobs and tree GitHub would hold for a fixture. */
function gitTree(files) {
  const entries = new Map();
  for (const [path, content] of Object.entries(files)) {
    const link = typeof content === "object";
    const bytes = link ? Buffer.from(content.symlink) : fixtureBytes(path, content);
    entries.set(path, { path, mode: link ? "120000" : "100644", type: "blob", bytes, sha: gitSha("blob", bytes) });
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!entries.has(dir)) entries.set(dir, { path: dir, mode: "040000", type: "tree", sha: gitSha("tree", Buffer.from(dir)) });
    }
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The default branch's commits, newest first, in the shape of `GET /repos/{o}/{r}/commits`, and
 * the ids the tree and raw URLs answer to: the head commit and its tree. (The ids are not git's
 * own for these objects, only stable and distinct; the blobs' ids are git's, which the CLI checks
 * every download against.)
 */
function gitHistory(full, fixture, apiBase) {
  const tree = gitSha("tree", Buffer.from(full));
  const shas = (fixture.commits ?? []).map((c, i) => gitSha("commit", Buffer.from(`${full}\n${i}\n${c.message}`)));
  const ref = (sha) => ({ sha, url: `${apiBase}/repos/${full}/commits/${sha}`, html_url: `https://github.com/${full}/commit/${sha}` });
  const commits = (fixture.commits ?? []).map((c, i) => {
    const who = { name: "Jens Hansen", email: "jens.hansen@eksempel.dk", date: c.date };
    const parents = i + 1 < shas.length ? [ref(shas[i + 1])] : [];
    // A merge's second parent: a branch commit the listing does not otherwise show.
    if (c.merge) parents.push(ref(gitSha("commit", Buffer.from(`${full}\nbranch\n${i}`))));
    return {
      ...ref(shas[i]),
      node_id: `C_${shas[i].slice(0, 20)}`,
      commit: {
        author: who,
        committer: { ...who, name: "GitHub", email: "noreply@github.com" },
        message: c.message,
        tree: { sha: i === 0 ? tree : gitSha("tree", Buffer.from(`${full}\n${i}`)), url: `${apiBase}/repos/${full}/git/trees/${tree}` },
        url: `${apiBase}/repos/${full}/git/commits/${shas[i]}`,
        comment_count: 0,
      },
      author: { login: "jenshansen", id: 2, type: "User", site_admin: false },
      committer: { login: "web-flow", id: 19864447, type: "User", site_admin: false },
      parents,
    };
  });
  return { commits, head: shas[0] ?? null, tree };
}

function repoJson(full, fixture, apiBase) {
  const [owner, name] = full.split("/");
  const m = fixture.meta ?? {};
  return {
    id: 1296269,
    node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
    name,
    full_name: full,
    owner: { login: owner, id: 1, node_id: "MDQ6VXNlcjE=", type: "Organization", site_admin: false },
    private: false,
    html_url: `https://github.com/${full}`,
    description: m.description ?? null,
    fork: false,
    url: `${apiBase}/repos/${full}`,
    homepage: m.homepage ?? null,
    size: 108,
    stargazers_count: 3,
    watchers_count: 3,
    language: "Python",
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    archived: false,
    disabled: false,
    open_issues_count: 2,
    license: { key: "mpl-2.0", name: "Mozilla Public License 2.0", spdx_id: "MPL-2.0", url: `${apiBase}/licenses/mpl-2.0`, node_id: "MDc6TGljZW5zZTE0" },
    allow_forking: true,
    is_template: false,
    topics: m.topics ?? [],
    visibility: "public",
    forks: 0,
    open_issues: 2,
    watchers: 3,
    default_branch: "main",
    pushed_at: "2025-12-01T10:00:00Z",
    created_at: "2020-01-01T10:00:00Z",
    updated_at: "2025-12-01T10:00:00Z",
  };
}

/** Starts both servers; resolves to their base URLs and a counter of API requests by path. */
export async function startServers({ resetAt = Math.floor(Date.now() / 1000) + 1800 } = {}) {
  const hits = [];
  const api = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    hits.push({ method: req.method, path: url.pathname, ifNoneMatch: req.headers["if-none-match"] ?? null });
    const apiBase = `http://${req.headers.host}/api`;
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-expose-headers": EXPOSE,
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...cors,
        "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
        "access-control-allow-headers":
          "Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-Github-Next-Global-ID, X-GitHub-Api-Version",
        "access-control-max-age": "86400",
      });
      return res.end();
    }
    const limits = (remaining) => ({
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(resetAt),
      "x-ratelimit-used": String(60 - remaining),
      "x-ratelimit-resource": "core",
    });
    const json = (status, body, extra = {}) => {
      const text = JSON.stringify(body, null, 2);
      const etag = `W/"${createHash("sha256").update(text).digest("hex").slice(0, 40)}"`;
      if (status === 200 && req.headers["if-none-match"] === etag) {
        res.writeHead(304, { ...cors, ...limits(59), etag });
        return res.end();
      }
      res.writeHead(status, {
        ...cors,
        ...limits(59),
        "content-type": "application/json; charset=utf-8",
        ...(status === 200 ? { etag, "cache-control": "public, max-age=60, s-maxage=60" } : {}),
        ...extra,
      });
      res.end(text);
    };
    let m;
    if ((m = /^\/api\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname))) {
      const full = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`;
      const rest = m[3] ?? "";
      if (full === "OS2web/rate-limited") {
        return json(
          403,
          {
            message: "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
          },
          limits(0),
        );
      }
      if (full === "OS2web/malformed") {
        if (rest === "") return json(200, repoJson(full, { files: {} }, apiBase));
        res.writeHead(200, { ...cors, "content-type": "application/json; charset=utf-8" });
        return res.end('{"sha": "9fb037999f264ba9a7fc6274d15fa3ae2ab98312", "tree": [{"path": "READ');
      }
      const fixture = repos[full];
      if (!fixture) {
        return json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository", status: "404" });
      }
      if (rest === "") return json(200, repoJson(full, fixture, apiBase));
      if (rest === "/issues" && url.searchParams.get("state") === "open") {
        const issues = [...(fixture.issues ?? [])].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
        if (url.searchParams.get("direction") !== "asc") issues.reverse();
        return json(200, issues);
      }
      const history = gitHistory(full, fixture, apiBase);
      if (rest === "/commits") {
        // The CLI asks for the default branch (or its head commit) by name; one page holds the
        // fixtures' few commits, so there is no `Link` to a next page.
        const sha = url.searchParams.get("sha");
        if (sha !== null && sha !== "main" && sha !== history.head) {
          return json(404, { message: "No commit found for SHA: " + sha, documentation_url: "https://docs.github.com/rest/commits/commits#list-commits", status: "404" });
        }
        if (history.commits.length === 0) {
          return json(409, { message: "Git Repository is empty.", documentation_url: "https://docs.github.com/rest/commits/commits#list-commits", status: "409" });
        }
        return json(200, history.commits);
      }
      // The tree by branch name (the widget) or by the head commit's tree id (the CLI).
      const treeRef = rest.startsWith("/git/trees/") ? decodeURIComponent(rest.slice("/git/trees/".length)) : null;
      if ((treeRef === "main" || treeRef === history.tree) && url.searchParams.get("recursive") === "1") {
        const tree = gitTree(fixture.files).map((e) => ({
          path: e.path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === "blob" ? { size: e.bytes.length } : {}),
          url: `${apiBase}/repos/${full}/git/${e.type}s/${e.sha}`,
        }));
        return json(200, { sha: history.tree, url: `${apiBase}/repos/${full}/git/trees/${history.tree}`, tree, truncated: false });
      }
      return json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    }
    // Raw files by branch (the widget) or by the head commit's id (the CLI). Anything else — an
    // organisation's `.github` repository the CLI looks into for default community files, an old
    // commit — is the raw host's 404.
    if ((m = /^\/raw\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname))) {
      const full = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`;
      const rev = decodeURIComponent(m[3]);
      const path = m[4].split("/").map(decodeURIComponent).join("/");
      const fixture = repos[full];
      const known = fixture && (rev === "main" || rev === gitHistory(full, fixture, "").head);
      const entry = known && gitTree(fixture.files).find((e) => e.path === path && e.type === "blob");
      if (!entry) {
        res.writeHead(404, { ...cors, "content-type": "text/plain; charset=utf-8" });
        return res.end("404: Not Found");
      }
      res.writeHead(200, {
        ...cors,
        "content-type": "text/plain; charset=utf-8",
        etag: `"${entry.sha}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "max-age=300",
      });
      return res.end(entry.bytes);
    }
    json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  });

  // Tests slow the stylesheet down to see that the card is never announced unstyled.
  const delays = { css: 0 };
  const pages = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (extname(path) === ".css" && delays.css) await new Promise((ok) => setTimeout(ok, delays.css));
    const file = normalize(join(WASM_DIR, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(WASM_DIR)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });

  const listen = (server) =>
    new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${server.address().port}`)));
  const [apiUrl, pageUrl] = await Promise.all([listen(api), listen(pages)]);
  return {
    pageUrl,
    apiUrl: `${apiUrl}/api`,
    rawUrl: `${apiUrl}/raw`,
    hits,
    delays,
    close: () => Promise.all([api, pages].map((s) => new Promise((ok) => s.close(ok)))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startServers();
  console.log(`page: ${s.pageUrl}/demo/?api-url=${encodeURIComponent(s.apiUrl)}&raw-url=${encodeURIComponent(s.rawUrl)}`);
  console.log(`api:  ${s.apiUrl}\nraw:  ${s.rawUrl}`);
}
