// Staff actions beyond refunds, each on a laptop and a phone: an admin raises the margin and sees the store's price follow;
// adds a margin rule and removes it again, the price following both ways; reveals a key of a guest's order and finds the
// reveal in the audit; makes a new customer admin and finds that in the audit. Every page on the way passes axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, assertFitsScreen, launch, newestAuditEntry, onEachScreen, screenshot, signIn, signUp, storeUrl, uniqueEmail } from "./browser.mjs";
import { completedGuestOrder, productInStock } from "./shop.mjs";

const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function priceOnStore(page, product) {
  await page.goto(`${storeUrl}/product/${product.slug}`);
  return (await page.locator(".product-price").textContent()).trim();
}

async function latestAudit(page, filters) {
  await page.goto(`${storeUrl}/admin/audit?${new URLSearchParams(filters)}`);
  return newestAuditEntry(page);
}

describe("admin operations", { skip: !admin.email || !admin.password ? "ADMIN_EMAIL and ADMIN_PASSWORD name the store's first admin" : false }, () => {
  test("an admin raises the margin and the product's price on the store follows at once", async () => {
    const product = await productInStock();
    await onEachScreen(browser, async (page, name) => {
      await signIn(page, admin.email, admin.password, "/admin/settings");
      const setMargin = async (value) => {
        await page.goto(`${storeUrl}/admin/settings`);
        const margin = page.getByLabel("Margin (%): any supplier, any genre", { exact: true });
        const previous = await margin.inputValue();
        await margin.fill(value);
        await page.getByRole("button", { name: "Save settings" }).click();
        return previous;
      };
      const before = await priceOnStore(page, product);

      const original = await setMargin("8,5");
      await page.getByRole("alert").filter({ hasText: "Use digits 0-9 and a dot for decimals" }).waitFor();
      await assertAccessible(page, `admin-ops-1-settings-refused-${name}`);
      await screenshot(page, `admin-ops-1-settings-refused-${name}`);
      await setMargin(String(Number(original) + 25));
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      if (name === "mobile") await assertFitsScreen(page, "settings");
      await assertAccessible(page, `admin-ops-2-settings-saved-${name}`);
      await screenshot(page, `admin-ops-2-settings-saved-${name}`);
      const raised = await priceOnStore(page, product);
      // The journeys after this one buy at the usual prices.
      await setMargin(original);
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();

      assert.notEqual(raised, before, "a higher margin, a higher price");
      assert.equal(await priceOnStore(page, product), before, "and back");
    });
  });

  test("an admin adds a margin rule for the product's genre, sees its price follow, removes the rule and sees the price return", async () => {
    const product = await productInStock();
    const { genres } = await (await fetch(`${storeUrl}/api/catalog/products/${product.slug}`)).json();
    assert.ok(genres?.length > 0, "a game with a genre");
    // Rules name genres in lower case; the catalog spells them as suppliers do.
    const genre = genres[0].toLowerCase();
    await onEachScreen(browser, async (page, name) => {
      await signIn(page, admin.email, admin.password, "/admin/settings");
      const before = await priceOnStore(page, product);
      await page.goto(`${storeUrl}/admin/settings`);
      const standard = Number(await page.getByLabel("Margin (%): any supplier, any genre", { exact: true }).inputValue());

      const add = page.getByRole("form", { name: "Add a margin rule" });
      await add.getByLabel("Genre", { exact: true }).fill(genre);
      await add.getByLabel("Margin (%)", { exact: true }).fill(String(standard + 30));
      await add.getByRole("button", { name: "Add rule" }).click();
      await add.getByRole("status").filter({ hasText: "Rule added." }).waitFor();
      const remove = page.getByRole("form", { name: `Remove the rule any supplier, ${genre}` });
      await remove.waitFor();
      if (name === "mobile") await assertFitsScreen(page, "settings with a rule");
      await assertAccessible(page, `admin-ops-3-rule-added-${name}`);
      await screenshot(page, `admin-ops-3-rule-added-${name}`);
      const withRule = await priceOnStore(page, product);

      await page.goto(`${storeUrl}/admin/settings`);
      await remove.getByRole("button", { name: "Remove" }).click();
      // The rule's row, with its form, goes once the store has removed it.
      await remove.waitFor({ state: "detached" });
      await assertAccessible(page, `admin-ops-4-rule-removed-${name}`);
      await screenshot(page, `admin-ops-4-rule-removed-${name}`);

      assert.notEqual(withRule, before, "the genre's rule asks 30 points more than the default");
      assert.equal(await priceOnStore(page, product), before, "and without it the default prices the game again");
      const [, who, action] = await latestAudit(page, { action: "settings-change" });
      assert.deepEqual([who, action], [admin.email, "settings-change"]);
    });
  });

  test("an admin reveals a key of an order and the audit records who saw it", async () => {
    await onEachScreen(browser, async (page, name) => {
      const buyer = uniqueEmail("reveal-key");
      await completedGuestOrder(browser, buyer);
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
      if (name === "mobile") await assertFitsScreen(page, "order with a key shown");
      await assertAccessible(page, `admin-ops-5-key-revealed-${name}`);
      await screenshot(page, `admin-ops-5-key-revealed-${name}`);

      await page.getByRole("link", { name: "Staff actions on this order" }).click();
      const cells = await newestAuditEntry(page);
      assert.equal(cells[1], admin.email);
      assert.equal(cells[2], "order-reveal-key");
      await assertAccessible(page, `admin-ops-6-audit-${name}`);
      await screenshot(page, `admin-ops-6-audit-${name}`);
    });
  });

  test("an admin makes a new customer admin and the audit shows who did it to whom", async () => {
    await onEachScreen(browser, async (page, name) => {
      const customer = uniqueEmail("new-admin");
      const signUpContext = await browser.newContext();
      await signUp(await signUpContext.newPage(), customer, "correct-horse-42");
      await signUpContext.close();
      await signIn(page, admin.email, admin.password, "/admin/users");

      await page.getByLabel("Email", { exact: true }).fill(customer);
      await page.getByRole("button", { name: "Find" }).click();
      await page.waitForURL(/email=/);
      const row = page.locator(`tr[data-user="${customer}"]`);
      assert.equal((await row.getByRole("cell").nth(2).textContent()).trim(), "customer");
      await row.getByRole("button", { name: "Make admin" }).click();
      await row.getByRole("status").filter({ hasText: "Now an admin" }).waitFor();
      await row.getByRole("cell", { name: "admin, customer" }).waitFor();
      if (name === "mobile") await assertFitsScreen(page, "users");
      await assertAccessible(page, `admin-ops-7-made-admin-${name}`);
      await screenshot(page, `admin-ops-7-made-admin-${name}`);

      const cells = await latestAudit(page, { action: "user-grant-admin" });
      assert.deepEqual(cells.slice(1, 3), [admin.email, "user-grant-admin"]);
      assert.match(cells[3], /^user [0-9a-f-]{36}$/);
      assert.match(cells[5], new RegExp(`"email":"${customer.replace(/[.+]/g, "\\$&")}".*"roles":\\["admin","customer"\\]`));
      await assertAccessible(page, `admin-ops-8-audit-${name}`);
      await screenshot(page, `admin-ops-8-audit-${name}`);
    });
  });
});
