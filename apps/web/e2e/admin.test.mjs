// The operations team's side: an admin signs in, finds a guest's order by its email, refunds one of its two lines, and
// reads the new status and the audit entry; the sales charts draw a purchase. A customer who tries the admin pages finds
// nothing there. Every page on the way passes axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, assertFitsScreen, launch, newestAuditEntry, onEachScreen, screenshot, signUp, storeUrl, uniqueEmail, viewports } from "./browser.mjs";
import { completedGuestOrder } from "./shop.mjs";

// test.sh starts the store with this first admin.
const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

// Signing in from the admin area's address lands on its first page, the sales report.
async function signInAsAdmin(page) {
  await page.goto(`${storeUrl}/login?next=${encodeURIComponent("/admin")}`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// How many pixels of the canvas inside `element` have exactly the colour `[r, g, b]`.
function paintedWith(element, [r, g, b]) {
  const canvas = element.querySelector("canvas");
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
  return count;
}

describe("admin", { skip: !admin.email || !admin.password ? "ADMIN_EMAIL and ADMIN_PASSWORD name the store's first admin" : false }, () => {
  test("an admin finds an order by its email, refunds one line, and sees the status and the audit entry, on a laptop and a phone", async () => {
    await onEachScreen(browser, async (page, name) => {
      const buyer = uniqueEmail("refund-me");
      await completedGuestOrder(browser, buyer);
      await signInAsAdmin(page);
      await page.waitForURL(/\/admin\/analytics$/);
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
      await page.waitForURL(/\/admin\/orders$/);

      await page.getByLabel("Customer email").fill(buyer);
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/email=/);
      const rows = page.getByRole("table").getByRole("row");
      assert.equal(await rows.count(), 2, "the heading and the one order of that buyer");
      if (name === "mobile") await assertFitsScreen(page, "orders");
      await assertAccessible(page, `admin-1-orders-${name}`);
      await screenshot(page, `admin-1-orders-${name}`);

      await rows.nth(1).getByRole("link").click();
      await page.getByRole("heading", { level: 1, name: /^Order GD-/ }).waitFor();
      assert.equal((await page.getByTestId("order-status").textContent()).trim(), "completed");
      await page.getByRole("button", { name: "Refund line" }).first().click();
      await page.getByRole("status").filter({ hasText: "The line is refunded." }).waitFor();
      assert.equal((await page.getByTestId("order-status").textContent()).trim(), "partially_refunded");
      assert.notEqual((await page.getByTestId("refunded-amount").textContent()).trim().split(" ")[0], "0.00");
      assert.equal(await page.getByRole("button", { name: "Refund line" }).count(), 1, "the other line can still be refunded");
      if (name === "mobile") await assertFitsScreen(page, "order");
      await assertAccessible(page, `admin-2-refunded-${name}`);
      await screenshot(page, `admin-2-refunded-${name}`);

      await page.getByRole("link", { name: "Staff actions on this order" }).click();
      const cells = await newestAuditEntry(page);
      assert.equal(cells[1], admin.email);
      assert.equal(cells[2], "order-refund");
      assert.match(cells[4], /"status":"completed"/, "before");
      assert.match(cells[5], /"status":"partially_refunded"/, "after");
      if (name === "mobile") await assertFitsScreen(page, "audit");
      await assertAccessible(page, `admin-3-audit-${name}`);
      await screenshot(page, `admin-3-audit-${name}`);
    });
  });

  test("the sales charts draw a purchase, with each chart's numbers readable beside it, on a laptop and a phone", async () => {
    await completedGuestOrder(browser, uniqueEmail("charts"));

    for (const [name, options] of Object.entries(viewports)) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await signInAsAdmin(page);
      await page.waitForURL(/\/admin\/analytics$/);
      await page.getByRole("heading", { level: 1, name: "Sales" }).waitFor();

      const summary = (await page.getByTestId("revenue-summary").textContent()).trim();
      assert.ok(Number(summary.match(/^(\d+) orders/)?.[1]) >= 1, `today's purchase is counted: ${summary}`);
      const charts = page.locator(".admin-chart");
      assert.equal(await charts.count(), 5, "revenue per day, funnel, margin, refunds and claims, top products");
      await page.locator(".admin-chart canvas").nth(4).waitFor();
      // Bars are filled with their series' colour: such pixels on the canvas mean the numbers were drawn, not only axes.
      for (const [chart, color] of [["Revenue per day", [10, 79, 184]], ["Funnel", [10, 79, 184]], ["Margin per supplier", [20, 108, 46]], ["Top products", [10, 79, 184]]]) {
        const image = page.getByRole("img", { name: new RegExp(`^${chart}`) });
        assert.ok((await image.evaluate(paintedWith, color)) > 0, `${chart} draws bars (${name})`);
      }
      assert.equal(await page.locator(".admin-table").count(), 5, "a table beside each chart");
      if (name === "mobile") await assertFitsScreen(page, "sales");
      await assertAccessible(page, `admin-4-sales-${name}`);
      await screenshot(page, `admin-4-sales-${name}`);

      await page.getByLabel("From", { exact: true }).fill("2026-12-05");
      await page.getByLabel("To (included)", { exact: true }).fill("2026-12-01");
      await page.getByRole("button", { name: "Show" }).click();
      await page.getByRole("alert").filter({ hasText: "The range is reversed." }).waitFor();
      await assertAccessible(page, `admin-5-sales-reversed-${name}`);
      await context.close();
    }
  });

  test("to a customer the admin pages do not exist", async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = await context.newPage();
    await signUp(page, uniqueEmail("nosy"), "correct-horse-42");
    const response = await page.goto(`${storeUrl}/admin/orders`);
    assert.equal(response.status(), 404);
    assert.equal(await page.getByRole("link", { name: "Admin" }).count(), 0);
    await assertAccessible(page, "admin-not-found");
    await context.close();
  });
});
