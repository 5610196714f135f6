// Stock and suppliers from the admin pages: an admin uploads a CSV of own-stock keys with good, bad and duplicate rows
// and reads the report row by row, then starts a supplier sync and watches its progress bar to the end; on a laptop and a phone.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, assertFitsScreen, launch, onEachScreen, screenshot, signIn, storeUrl } from "./browser.mjs";

const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };

// A full sync reads every offer of the supplier; the loaded CI box may take a while, the test waits for the end.
const toSynced = { timeout: 180_000 };

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

// The dearest game in stock: the journeys that buy take the cheapest, so the keys uploaded here are not sold to them.
async function dearestInStock() {
  const response = await fetch(`${storeUrl}/api/catalog/search?inStock=true&sort=price_desc&pageSize=1`);
  assert.equal(response.status, 200);
  const { items } = await response.json();
  assert.equal(items.length, 1, "a game in stock");
  return items[0];
}

// The report's rows as [line, product, outcome, why].
async function reportRows(page) {
  const rows = page.getByRole("region", { name: "Upload keys" }).getByRole("table").getByRole("row");
  await rows.nth(1).waitFor();
  const cells = [];
  for (const row of await rows.all()) cells.push(await row.getByRole("cell").allTextContents());
  return cells.filter((c) => c.length > 0);
}

async function upload(page, csv) {
  await page.getByLabel("CSV file").setInputFiles({ name: "keys.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
}

describe("admin stock and suppliers", { skip: !admin.email || !admin.password ? "ADMIN_EMAIL and ADMIN_PASSWORD name the store's first admin" : false }, () => {
  test("an admin uploads a CSV with good, bad and duplicate rows and reads what became of each", async () => {
    const product = await dearestInStock();
    await onEachScreen(browser, async (page, name) => {
      const key = `E2E-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
      const csv = ["product,key", `${product.slug},${key}`, `${product.slug},${key}`, `no-such-game-${Date.now()},OTHER-${key}`, `${product.slug},A,B`, ""].join("\n");
      await signIn(page, admin.email, admin.password, "/admin/inventory");

      await upload(page, csv);
      const first = await reportRows(page);
      if (name === "mobile") await assertFitsScreen(page, "inventory");
      await assertAccessible(page, `admin-stock-1-upload-report-${name}`);
      await screenshot(page, `admin-stock-1-upload-report-${name}`);

      assert.deepEqual(first.map(([line, slug, outcome]) => [line, slug, outcome]), [
        ["2", product.slug, "Added"],
        ["3", product.slug, "Duplicate in file"],
        ["4", csv.split("\n")[3].split(",")[0], "Product not found"],
        ["5", product.slug, "Bad format"],
      ]);
      assert.equal(first[1][3], "The same key as line 2.", "the duplicate names the row it repeats");
      assert.ok(!first.flat().some((cell) => cell.includes(key)), "the report never shows a key");

      // The same file again: the key added above is now in stock, so its row is a duplicate of what is stored.
      await page.reload();
      await upload(page, csv);
      await page.getByRole("cell", { name: "Already stored" }).waitFor();
      const again = await reportRows(page);
      assert.deepEqual(again[0].slice(0, 3), ["2", product.slug, "Already stored"]);
    });
  });

  test("sync now shows the progress bar moving to the end", async () => {
    await onEachScreen(browser, async (page, name) => {
      await signIn(page, admin.email, admin.password, "/admin/suppliers");
      // Each screen syncs a supplier of its own: Digiflazz, like its real API, refuses a second price list asked for
      // within seconds of the first (rc 83), and the store would rightly show that run as failed.
      const row = page.locator("tr[data-supplier]").nth(name === "mobile" ? 1 : 0);
      const code = await row.getAttribute("data-supplier");

      await row.getByRole("button", { name: "Sync now" }).click();
      const bar = page.getByRole("progressbar", { name: `Sync progress of ${code}` });
      await bar.waitFor();
      const status = page.getByTestId(`sync-${code}`);
      await status.filter({ hasText: /^Done: \d+ offers \(100 %\)$/ }).waitFor(toSynced);
      if (name === "mobile") await assertFitsScreen(page, "suppliers");
      await assertAccessible(page, `admin-stock-2-sync-done-${name}`);
      await screenshot(page, `admin-stock-2-sync-done-${name}`);

      assert.equal(await bar.getAttribute("value"), "100", "the bar is full once the run has finished");
      assert.equal(await row.getByRole("button", { name: "Sync now" }).isEnabled(), true, "and another sync can start");
      // The scoreboard beside it: a row per supplier, saying how fulfilment orders it.
      const scores = page.getByRole("region", { name: "Scoreboard" }).getByRole("row");
      assert.equal(await scores.count(), (await page.locator("tr[data-supplier]").count()) + 1, "the heading and a row per supplier");
      assert.match((await scores.nth(1).getByRole("cell").allTextContents()).at(-1), /^(by price|after the others \(fill rate under the floor\))$/);
    });
  });
});
