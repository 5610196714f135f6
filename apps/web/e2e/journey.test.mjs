// A shopper's path: the home page's four rows (their data made in setup, demo-data.mjs), a search with a typo, a platform
// filter, the cheapest first, a product and its offers; then the cart, an account made on the way (the cart survives it),
// the wishlist with a target price, signing out, a mistyped password.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, confirmAndSignIn, launch, screenshot, storeUrl, uniqueEmail, viewports } from "./browser.mjs";
import { seedHomeRows } from "./demo-data.mjs";

// "Eldmoor" with a letter missing: the kernel's typo correction must still find the Eldmoor games.
const typo = "eldmor";
const password = "correct-horse-42";

let browser;
before(async () => {
  browser = await launch();
  await seedHomeRows(browser);
});
after(() => browser?.close());

// Nothing may push the page wider than the screen (a sideways-scrolling page on a phone).
async function assertFits(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px viewport`);
}

// Every step the journey looks at passes axe-core (no serious or critical violations), then is kept as a screenshot.
async function look(page, name) {
  await assertAccessible(page, name);
  await screenshot(page, name);
}

function prices(texts) {
  return texts.map((t) => Number.parseFloat(t.replace(/[^0-9.]/g, ""))).filter((n) => !Number.isNaN(n));
}

// An injected <script> must not run: a page's policy allows inline scripts only with that response's own nonce, which
// Next.js puts on every script it writes.
test("each page is sent with its own script nonce and no 'unsafe-inline'", async () => {
  const nonces = [];
  for (const path of ["/", "/search?q=eldmoor"]) {
    const response = await fetch(`${storeUrl}${path}`);
    const html = await response.text();
    const policy = response.headers.get("content-security-policy") ?? "";
    const scripts = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
    const nonce = scripts.match(/'nonce-([^']+)'/)?.[1];
    assert.ok(nonce, `${path}: no nonce in script-src: ${policy}`);
    assert.ok(!scripts.includes("'unsafe-inline'"), `${path}: ${scripts}`);
    assert.ok(html.includes(`nonce="${nonce}"`), `${path}: the page's scripts do not carry the nonce`);
    nonces.push(nonce);
  }
  assert.notEqual(nonces[0], nonces[1], "a nonce is never sent twice");
});

for (const [device, options] of Object.entries(viewports)) {
  describe(`shopping journey (${device})`, () => {
    test("search with a typo, filter by platform, sort by price, open a product and see its offers", async () => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const rows = ["Best deals", "New releases", "Bestsellers", "Back in stock"];
      const filled = async () => {
        await page.goto(`${storeUrl}/`);
        const counts = await Promise.all(rows.map((row) => page.getByRole("region", { name: row }).locator(".card").count()));
        return rows.filter((_, i) => counts[i] === 0);
      };
      // The BFF keeps the home rows for up to 30 s (Catalog:SearchCacheFor), so rows drawn before the seeding may show
      // for that long: look again until then, then every row must show games.
      let empty = await filled();
      for (const deadline = Date.now() + 90_000; empty.length > 0 && Date.now() < deadline; empty = await filled()) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      assert.deepEqual(empty, [], "every row of the home page shows games");
      await look(page, `${device}-1-home`);

      const box = page.getByRole("combobox", { name: "Search games" });
      await box.fill(typo);
      const suggestion = page.getByRole("option").first();
      await suggestion.waitFor();
      assert.match(await suggestion.textContent(), /eldmoor/i);
      await look(page, `${device}-2-suggestions`);
      await box.press("Enter");
      await page.waitForURL(/\/search\?q=eldmor/);
      await page.getByRole("heading", { level: 1, name: /eldmor/ }).waitFor();
      const found = await page.locator(".card").count();
      assert.ok(found > 0, "the typo still finds games");
      await look(page, `${device}-3-results`);

      const platformLink = page.getByRole("navigation", { name: "Filter by platform" }).getByRole("link").first();
      const platform = (await platformLink.textContent()).replace(/\s*\(\d+\)\s*$/, "").trim();
      await platformLink.click();
      await page.waitForURL(/platform=/);
      await page.locator('[aria-current="true"]', { hasText: platform }).waitFor();
      const platforms = await page.locator(".card .badge-platform").allTextContents();
      assert.ok(platforms.length > 0);
      assert.deepEqual([...new Set(platforms)], [platform]);
      await assertFits(page);
      await look(page, `${device}-4-filtered`);

      await page.getByLabel("Sort by").selectOption("price_asc");
      await page.waitForURL(/sort=price_asc/);
      assert.match(page.url(), /platform=/, "sorting keeps the filter");
      await page.locator(".card").first().waitFor();
      const shown = prices(await page.locator(".card-price").allTextContents());
      assert.deepEqual(shown, [...shown].sort((a, b) => a - b), "cheapest first");
      await look(page, `${device}-5-sorted`);

      const first = page.locator(".card-link").first();
      const title = (await first.textContent()).trim();
      await first.click();
      await page.waitForURL(/\/product\//);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      const offers = page.getByRole("table", { name: /supplier offer/ }).locator("tbody tr");
      assert.ok(await offers.count() > 0, "the product lists its offers");
      assert.match(await offers.first().textContent(), /[0-9]/, "an offer shows a price");
      // Next streams metadata after the body on a client navigation: wait for the title rather than read it once.
      await page.waitForFunction((t) => document.title.startsWith(t), title);
      const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(jsonLd["@type"], "Product");
      await assertFits(page);
      await look(page, `${device}-6-product`);
      const productUrl = page.url();

      await page.getByLabel("Quantity", { exact: true }).fill("2");
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByRole("status").filter({ hasText: "Added to your cart" }).waitFor();
      await page.getByTestId("cart-count").filter({ hasText: "2" }).waitFor();
      await look(page, `${device}-7-added-to-cart`);

      await page.getByRole("link", { name: /^Cart, 2 items/ }).click();
      await page.waitForURL(/\/cart$/);
      const line = page.getByRole("list", { name: "Games in your cart" }).getByRole("listitem").filter({ hasText: title });
      await line.waitFor();
      const quantity = line.getByLabel("Quantity", { exact: true });
      assert.equal(await quantity.inputValue(), "2");
      const totalOfTwo = prices([await page.getByTestId("cart-total").textContent()])[0];
      await quantity.selectOption("3");
      await line.getByRole("button", { name: /Update quantity/ }).click();
      await page.getByTestId("cart-count").filter({ hasText: "3" }).waitFor();
      const total = await page.getByTestId("cart-total").textContent();
      assert.equal(prices([total])[0], Math.round(totalOfTwo * 150) / 100, "three keys cost half as much again as two");
      await page.getByText("no fees are added at checkout").waitFor();
      assert.equal(await page.getByRole("link", { name: "Checkout", exact: true }).getAttribute("href"), "/checkout");
      await assertFits(page);
      await look(page, `${device}-8-cart`);

      const email = uniqueEmail(device);
      await page.getByRole("link", { name: "Create an account" }).click();
      await page.waitForURL(/\/register\?next=(%2F|\/)cart$/);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Display name").fill(`Gamer ${device}`);
      await page.getByLabel("Password").fill(password);
      await look(page, `${device}-9-register`);
      await page.getByRole("button", { name: "Create account" }).click();
      await confirmAndSignIn(page, email, password, "/cart");
      await page.waitForURL(/\/cart$/);
      await page.getByRole("link", { name: "Account", exact: true }).waitFor();
      assert.equal(await quantity.inputValue(), "3", "the cart survives signing in");
      assert.equal(await page.getByTestId("cart-total").textContent(), total);
      await look(page, `${device}-10-cart-after-register`);

      await page.goto(productUrl);
      await page.getByText("Add to wishlist", { exact: true }).click();
      const target = page.getByRole("spinbutton", { name: /Target price/ });
      await target.fill("5.50");
      await page.getByRole("button", { name: "Save to wishlist" }).click();
      await page.getByRole("status").filter({ hasText: "Saved to your wishlist" }).waitFor();
      await page.getByRole("link", { name: "Wishlist", exact: true }).click();
      await page.waitForURL(/\/account\/wishlist$/);
      const wished = page.getByRole("list", { name: "Games on your wishlist" }).getByRole("listitem").filter({ hasText: title });
      const wishedTarget = wished.getByRole("spinbutton", { name: /Target price/ });
      assert.equal(await wishedTarget.inputValue(), "5.5");
      assert.equal(await wished.getByText("Target reached").count(), 0);
      await wishedTarget.fill("999");
      await wished.getByRole("button", { name: "Save target" }).click();
      await wished.getByText("Target reached").waitFor();
      await assertFits(page);
      await look(page, `${device}-11-wishlist`);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Account", exact: true }).count(), 0, "signed out");
      await look(page, `${device}-12-signed-out`);

      await page.getByRole("link", { name: "Sign in", exact: true }).click();
      await page.waitForURL(/\/login$/);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not-my-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "The email or password is not correct" });
      await alert.waitFor();
      assert.equal(await page.getByLabel("Email").inputValue(), email, "the email stays typed");
      await assertFits(page);
      await look(page, `${device}-13-login-failed`);
      await context.close();
    });
  });
}

describe("edge states", () => {
  test("a search nothing matches says so", async () => {
    const page = await browser.newPage();
    await page.goto(`${storeUrl}/search?q=zzzqqxxjjvv`);
    await page.getByText(/No games match/).waitFor();
    await page.close();
  });

  test("an unknown product shows a not-found page", async () => {
    const page = await browser.newPage();
    await page.goto(`${storeUrl}/product/no-such-game`);
    await page.getByRole("heading", { name: "Game not found" }).waitFor();
    await page.close();
  });

  test("the browser reaches the BFF on the store's own origin", async () => {
    const response = await fetch(`${storeUrl}/api/catalog/suggest?q=${typo}`);
    assert.equal(response.status, 200);
    assert.ok(Array.isArray(await response.json()));
  });

  test("the cart works before any script has loaded", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { items } = await (await fetch(`${storeUrl}/api/catalog/search?q=${typo}&inStock=true&pageSize=1`)).json();
    await page.goto(`${storeUrl}/product/${items[0].slug}`);
    await page.getByLabel("Quantity", { exact: true }).fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText(/Added to your cart \(2 items\)/).waitFor();
    await page.goto(`${storeUrl}/cart`);
    await page.getByLabel("Quantity", { exact: true }).selectOption("4");
    await page.getByRole("button", { name: /Update quantity/ }).click();
    await page.getByTestId("cart-count").filter({ hasText: "4" }).waitFor();
    await page.getByRole("button", { name: /Remove .* from the cart/ }).click();
    await page.getByRole("heading", { name: "Your cart is empty" }).waitFor();
    await context.close();
  });

  test("every image has a text alternative and fixed dimensions", async () => {
    const page = await browser.newPage();
    await page.goto(`${storeUrl}/search`);
    const images = await page.locator("img").evaluateAll((all) =>
      all.map((img) => ({ alt: img.getAttribute("alt"), width: img.getAttribute("width"), height: img.getAttribute("height") })),
    );
    assert.ok(images.length > 0);
    for (const image of images) {
      assert.ok(image.alt && image.width && image.height, JSON.stringify(image));
    }
    await page.close();
  });
});
