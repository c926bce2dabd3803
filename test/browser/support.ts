/**
 * Browser-test plumbing: builds the host page (webpack.browser-test.config.js), serves it from
 * 127.0.0.1 on a random port, and opens Debian's Chromium through playwright-core with every
 * request to another origin aborted and recorded, and every dialog and page error recorded.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Where the host page is built. */
export const HOST_DIR = path.resolve(__dirname, "..", "..", "test-artifacts", "browser-host");
/** Where screenshots go. */
export const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "test-artifacts", "screenshots");

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".txt": "text/plain" };

/**
 * Builds the host page with webpack; skipped when AR_BROWSER_HOST_PREBUILT=1 and it exists.
 * @param dir where to build it: each test file its own, as jest runs the files side by side
 */
export function buildHost(dir = HOST_DIR): Promise<void> {
  if (process.env.AR_BROWSER_HOST_PREBUILT === "1" && fs.existsSync(path.join(dir, "host.js"))) return Promise.resolve();
  const root = path.resolve(__dirname, "..", "..");
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--config", "webpack.browser-test.config.js", "--output-path", dir],
      { cwd: root, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve()),
    ),
  );
}

/**
 * A static server over the host page's directory on 127.0.0.1 with a random port.
 * @param dir the directory buildHost built into
 */
export async function serveHost(dir = HOST_DIR): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(dir, name);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What happened in a page that a test must see did not happen. */
export interface PageRecord {
  blockedRequests: string[];
  dialogs: string[];
  pageErrors: string[];
}

/** The host page served and Chromium started for the tests of one file. */
export interface ChromiumHost {
  /** The served page's origin, "http://127.0.0.1:<port>". */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Builds and serves the host page and launches Chromium before the file's tests, and closes both
 * after them: call once at the top of a test file.
 * @returns the origin and the browser, readable once the tests run
 */
export function chromiumHost(): ChromiumHost {
  let server: Awaited<ReturnType<typeof serveHost>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildHost();
    server = await serveHost();
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get origin() {
      return server!.origin;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Launches Chromium as ENVIRONMENT.md says. */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync("/usr/bin/chromium")) throw new Error("Chromium is required for the browser tests: apt-get install -y chromium (/usr/bin/chromium not found)");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * A task-pane-sized page on the host, recording blocked requests, dialogs and page errors.
 * @param browser the browser
 * @param origin the host server's origin
 * @returns the context, the page and what it recorded
 */
export async function openPane(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page; record: PageRecord }> {
  const record: PageRecord = { blockedRequests: [], dialogs: [], pageErrors: [] };
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
    record.blockedRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => record.pageErrors.push(error.message));
  return { context, page, record };
}

/** Saves a full-page screenshot under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Retries an assertion on a value read from the page until it passes or the time is up.
 * @param read reads the value
 * @param check throws while the value is not yet right
 * @param timeoutMs how long to keep trying
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
