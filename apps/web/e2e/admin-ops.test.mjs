// Staff actions beyond refunds: an admin raises the margin and sees the store's price follow, then reveals a key of a
// guest's order and finds the reveal in the audit. Every page on the way passes axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launch, screenshot, signIn, storeUrl, uniqueEmail, viewports } from "./browser.mjs";
import { completedGuestOrder, productInStock } from "./shop.mjs";

const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

describe("admin operations", { skip: !admin.email || !admin.password ? "ADMIN_EMAIL and ADMIN_PASSWORD name the store's first admin" : false }, () => {
  test("an admin raises the margin and the product's price on the store follows at once", async () => {
    const product = await productInStock();
    const context = await browser.newContext(viewports.desktop);
    const page = await context.newPage();
    await signIn(page, admin.email, admin.password, "/admin/settings");
    const priceOnStore = async () => {
      await page.goto(`${storeUrl}/product/${product.slug}`);
      return (await page.locator(".product-price").textContent()).trim();
    };
    const setMargin = async (value) => {
      await page.goto(`${storeUrl}/admin/settings`);
      const margin = page.getByLabel("Margin (%): any supplier, any genre", { exact: true });
      const previous = await margin.inputValue();
      await margin.fill(value);
      await page.getByRole("button", { name: "Save settings" }).click();
      return previous;
    };
    const before = await priceOnStore();

    const original = await setMargin("8,5");
    await page.getByRole("alert").filter({ hasText: "Use digits 0-9 and a dot for decimals" }).waitFor();
    await assertAccessible(page, "admin-ops-1-settings-refused");
    await screenshot(page, "admin-ops-1-settings-refused");
    await setMargin(String(Number(original) + 25));
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await assertAccessible(page, "admin-ops-2-settings-saved");
    await screenshot(page, "admin-ops-2-settings-saved");
    const raised = await priceOnStore();
    // The journeys after this one buy at the usual prices.
    await setMargin(original);
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();

    assert.notEqual(raised, before, "a higher margin, a higher price");
    assert.equal(await priceOnStore(), before, "and back");
    await context.close();
  });

  test("an admin reveals a key of an order and the audit records who saw it", async () => {
    const buyer = uniqueEmail("reveal-key");
    await completedGuestOrder(browser, buyer);
    const context = await browser.newContext(viewports.desktop);
    const page = await context.newPage();
    await signIn(page, admin.email, admin.password, "/admin/orders");

    await page.getByLabel("Customer email").fill(buyer);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/email=/);
    await page.getByRole("table").getByRole("row").nth(1).getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /^Order GD-/ }).waitFor();
    await page.getByRole("button", { name: /^Reveal key #/ }).first().click();
    // A supplier may deliver a key as text or as an image.
    const key = page.getByTestId(/^key-(value|image)$/);
    await key.waitFor();
    assert.ok(((await key.textContent()) || (await key.getAttribute("src")) || "").trim().length > 0, "the key is shown");
    await assertAccessible(page, "admin-ops-3-key-revealed");
    await screenshot(page, "admin-ops-3-key-revealed");

    await page.getByRole("link", { name: "Staff actions on this order" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit" }).waitFor();
    const entry = page.getByRole("table").getByRole("row").nth(1);
    await entry.waitFor();
    const cells = await entry.getByRole("cell").allTextContents();
    assert.equal(cells[1], admin.email);
    assert.equal(cells[2], "order-reveal-key");
    await assertAccessible(page, "admin-ops-4-audit");
    await screenshot(page, "admin-ops-4-audit");
    await context.close();
  });
});
