// One card per game: a search lists a game once with its platforms; its page picks platform and region, each a page
// of its own, and the variant chosen is the one that goes to the cart; the price history shows. Desktop and mobile,
// light and dark, each page checked by axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launch, screenshot, storeUrl, viewports } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

// A seeded game sold on more than one platform, as the search API lists it.
async function gameOnSeveralPlatforms() {
  const response = await fetch(`${storeUrl}/api/catalog/search?q=eldmor&inStock=true&pageSize=100`);
  assert.equal(response.status, 200);
  const { items } = await response.json();
  const game = items.find((i) => i.platforms.length > 1);
  assert.ok(game, "the seeded catalog has a game on several platforms");
  return game;
}

// Follows a choice that is not the current one (or the only one) in a picker group; returns its label.
async function choose(page, group) {
  const nav = page.getByRole("navigation", { name: `Choose ${group}` });
  const others = nav.locator("a:not([aria-current])");
  const link = (await others.count()) > 0 ? others.last() : nav.getByRole("link").first();
  const label = (await link.locator("span").first().textContent()).trim();
  await link.click();
  await nav.locator('[aria-current="page"]', { hasText: label }).waitFor();
  return label;
}

for (const [device, options] of Object.entries(viewports)) {
  for (const colorScheme of ["light", "dark"]) {
    describe(`one card per game (${device}, ${colorScheme})`, () => {
      test("search shows the game once; the platform and region chosen go to the cart", async () => {
        const game = await gameOnSeveralPlatforms();
        const context = await browser.newContext({ ...options, colorScheme });
        const page = await context.newPage();
        await page.goto(`${storeUrl}/search?q=${encodeURIComponent(game.title)}`);
        const cards = page.locator(".card").filter({ has: page.getByRole("link", { name: game.title, exact: true }) });
        await cards.first().waitFor();
        assert.equal(await cards.count(), 1, "one card for the game");
        assert.deepEqual(await cards.locator(".badge-platform").allTextContents(), game.platforms);
        assert.match(await cards.locator(".card-price").textContent(), /^From /);
        await assertAccessible(page);
        await screenshot(page, `game-${device}-${colorScheme}-1-results`);

        await cards.getByRole("link", { name: game.title, exact: true }).click();
        await page.waitForURL(/\/product\//);
        await page.getByRole("heading", { level: 1, name: game.title }).waitFor();
        const platform = await choose(page, "platform");
        const region = await choose(page, "region");
        const chosen = new URL(page.url()).pathname;
        const badges = page.locator(".product-info .badges");
        assert.equal((await badges.locator(".badge-platform").textContent()).trim(), platform);
        assert.equal((await badges.locator(".badge-region").textContent()).trim(), region);
        await page.getByText(/^Activates in /).waitFor();
        const version = page.getByRole("table", { name: /Every version of/ }).locator('tr[aria-current="true"]');
        assert.match(await version.textContent(), new RegExp(`${platform} · ${region}`));
        await page.getByRole("img", { name: /Price over the last 90 days/ }).waitFor();
        await page.getByTestId("lowest-90").filter({ hasText: /[0-9]/ }).waitFor();
        await assertAccessible(page);
        await screenshot(page, `game-${device}-${colorScheme}-2-chosen`);

        await page.getByRole("button", { name: "Add to cart" }).click();
        await page.getByRole("status").filter({ hasText: "Added to your cart" }).waitFor();
        await page.goto(`${storeUrl}/cart`);
        const line = page.getByRole("list", { name: "Games in your cart" }).locator(":scope > li");
        await line.first().waitFor();
        assert.equal(await line.count(), 1);
        assert.equal(await line.getByRole("link", { name: game.title }).getAttribute("href"), chosen, "the chosen variant is in the cart");
        assert.equal((await line.locator(".badge-platform").textContent()).trim(), platform);
        assert.equal((await line.locator(".badge-region").textContent()).trim(), region);
        await assertAccessible(page);
        await screenshot(page, `game-${device}-${colorScheme}-3-cart`);
        await context.close();
      });
    });
  }
}

describe("keyboard and motion", () => {
  test("a game's platform is chosen with the keyboard alone", async () => {
    const game = await gameOnSeveralPlatforms();
    const page = await browser.newPage();
    await page.goto(`${storeUrl}/product/${game.slug}`);
    const target = page.getByRole("navigation", { name: "Choose platform" }).locator("a:not([aria-current])").first();
    const href = await target.getAttribute("href");
    for (let i = 0; i < 60 && !(await target.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
    assert.ok(await target.evaluate((a) => a === document.activeElement), "the choice is reachable by Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${storeUrl}${href}`);
    await page.close();
  });

  test("with reduced motion asked for, nothing on the page animates", async () => {
    const context = await browser.newContext({ reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(`${storeUrl}/`);
    const animation = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.className = "skeleton";
      document.body.append(probe);
      return getComputedStyle(probe).animationName;
    });
    assert.equal(animation, "none");
    await context.close();
  });
});
