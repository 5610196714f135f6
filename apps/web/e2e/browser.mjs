// Headless Chromium from apt, driven by playwright-core: no browser is ever downloaded.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const storeUrl = (process.env.STORE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");

export function launch() {
  return chromium.launch({
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
}

export const viewports = {
  desktop: { viewport: { width: 1366, height: 900 } },
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

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
