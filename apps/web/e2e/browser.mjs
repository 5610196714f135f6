// Headless Chromium from apt, driven by playwright-core: no browser is ever downloaded.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const storeUrl = (process.env.STORE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");

// The store's mails are read from the local SMTP server's API (smtp4dev, as run.sh and test.sh start it): a shopper's inbox.
const mailUrl = process.env.MAIL_URL?.replace(/\/$/, "");
export const readsMail = Boolean(mailUrl);

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  // Every page of every context is watched for what the Content Security Policy refused; closing the browser fails the
  // journey if anything was, as a page check (assertAccessible) does at once.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on("page", watchContentSecurityPolicy);
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    assertNoPolicyViolations("the journey");
  };
  return browser;
}

// A script the policy refused (an inline one without the page's nonce, one from elsewhere) leaves the page broken for
// the shopper: Chromium reports each refusal as a console error.
const policyViolations = [];

function watchContentSecurityPolicy(page) {
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      policyViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
}

export function assertNoPolicyViolations(label) {
  if (policyViolations.length > 0) {
    throw new Error(`Content Security Policy violations before ${label}:\n${policyViolations.splice(0).join("\n")}`);
  }
}

export const viewports = {
  desktop: { viewport: { width: 1366, height: 900 } },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

// Each journey of the admin area runs on a laptop and on a phone, in a fresh browser context for each.
export async function onEachScreen(browser, journey) {
  for (const [name, options] of Object.entries(viewports)) {
    const context = await browser.newContext(options);
    try {
      await journey(await context.newPage(), name);
    } finally {
      await context.close();
    }
  }
}

// On a phone the page itself never scrolls sideways: wide tables scroll inside their own box.
export async function assertFitsScreen(page, label) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${label}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
}

// The newest entry of the admin audit as its cells' text, read once the audit is the page shown (pages before it had tables too).
export async function newestAuditEntry(page) {
  await page.getByRole("heading", { level: 1, name: "Audit" }).waitFor();
  const entry = page.getByRole("table").getByRole("row").nth(1);
  await entry.waitFor();
  return entry.getByRole("cell").allTextContents();
}

// Screenshots of every step, for a human to look at; artifacts/ is ignored by git.
export async function screenshot(page, name) {
  const dir = join(import.meta.dirname, "..", "artifacts", "playwright");
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

// Every run registers new shoppers, so runs never collide with each other's accounts.
export function uniqueEmail(label) {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

// Fills the registration form and sends it; the caller waits for where it should land.
export async function register(page, email, password, next = "") {
  await page.goto(`${storeUrl}/register${next}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Display name").fill("Test Gamer");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

// The link in the first mail to `email` whose subject has `subject`. A mail is written when the kernel's event reaches
// the notifier, a moment after the request: ask until it is there.
export async function mailLink(email, subject) {
  if (!readsMail) throw new Error("MAIL_URL (the local SMTP server's web view) is needed to read the store's mail");
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await fetch(`${mailUrl}/api/messages?pageSize=1000`);
    if (response.status !== 200) throw new Error(`the mail server answered ${response.status}`);
    const mail = (await response.json()).results.find((m) => m.to.includes(email) && m.subject.includes(subject));
    if (mail) {
      const text = await (await fetch(`${mailUrl}/api/messages/${mail.id}/plaintext`)).text();
      return new URL(text.match(/https?:\/\/\S+/)[0]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail "${subject}" for ${email}`);
}

// After the registration form was sent: confirms the email by the mailed link and signs in, heading for `next`. Each page
// on the way passes axe-core.
export async function confirmAndSignIn(page, email, password, next = "") {
  await page.getByRole("status").filter({ hasText: "open the link we sent" }).waitFor();
  await assertAccessible(page, "registered");
  const link = await mailLink(email, "Confirm your");
  await page.goto(`${storeUrl}${link.pathname}${link.search}`);
  await assertAccessible(page, "confirm email");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await page.waitForURL(/\/login\?verified=1/);
  await page.getByRole("status").filter({ hasText: "Your email is confirmed" }).waitFor();
  await assertAccessible(page, "email confirmed");
  if (next) await page.goto(`${storeUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// A new shopper, signed in with a confirmed email; lands on `next`, or the account.
export async function signUp(page, email, password, next = "") {
  await register(page, email, password);
  await confirmAndSignIn(page, email, password, next);
}

// axe-core over the page as it is now: fails on any serious or critical accessibility violation.
// Evaluated through the DevTools protocol, not added as a <script>: the page's policy rightly refuses a script without its nonce.
const axeSource = readFileSync(join(import.meta.dirname, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");
export async function assertAccessible(page, label = page.url()) {
  // Next streams a page's metadata: after a navigation by a form's action the title can land a moment after the
  // content. A page whose title never comes still fails, on this wait.
  await page.waitForFunction(() => document.title.trim() !== "");
  assertNoPolicyViolations(label);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  if (violations.length > 0) throw new Error(`accessibility violations on ${label}:\n${violations.join("\n")}`);
}

// Signs in on the login page and waits to land on `next`.
export async function signIn(page, email, password, next) {
  await page.goto(`${storeUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}
