// After-sale trust on the receipt: a key that would not work where the shopper plays is said on the review page, before
// PayPal; an unrevealed key goes back to PayPal in one click; a revealed key that does not work is claimed, and the claim
// shows on the receipt. (The held order's journey is in checkout.test.mjs.)
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launch, screenshot, signUp, storeUrl, uniqueEmail, viewports } from "./browser.mjs";
import { addToCart, askToReveal, guestPurchase, productInStock } from "./shop.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

// A game in stock whose keys activate only in Europe.
async function europeanProduct() {
  const response = await fetch(`${storeUrl}/api/catalog/search?region=EU&inStock=true&sort=price_asc&pageSize=1`);
  assert.equal(response.status, 200);
  const { items } = await response.json();
  assert.equal(items.length, 1, "a European key in stock");
  return items[0];
}

describe("trust", () => {
  test("the checkout review warns about a key that will not work where the shopper plays, before PayPal", async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = await context.newPage();
    await signUp(page, uniqueEmail("region"), "correct-horse-42");
    await page.waitForURL(`${storeUrl}/account`);
    await page.getByLabel("Country (two letters, like DE, GB or US)").fill("US");
    await page.getByRole("button", { name: "Save country" }).click();
    await page.getByRole("status").filter({ hasText: "Country saved" }).waitFor();
    await addToCart(page, (await europeanProduct()).slug, 1);

    await page.goto(`${storeUrl}/checkout`);

    const warning = page.getByTestId("region-warning");
    await warning.waitFor();
    assert.match(await warning.textContent(), /will not activate in US/);
    assert.equal(await page.getByRole("button", { name: "Pay with PayPal" }).count(), 0, "no way to PayPal with that key in the cart");
    assert.equal(page.url(), `${storeUrl}/checkout`, "still in the store");
    await screenshot(page, "trust-1-region-warning");
    await context.close();
  });

  test("an unrevealed key is refunded to PayPal in one click from the receipt", async () => {
    const context = await browser.newContext(viewports.mobile);
    const page = await context.newPage();
    await guestPurchase(page, await productInStock(), uniqueEmail("refund"), "trust-2");
    const offer = page.getByTestId("refund-offer");
    await offer.waitFor();
    assert.match(await offer.textContent(), /Revealing a key ends one-click refunds/);

    await offer.getByRole("button", { name: "Refund to PayPal" }).click();

    // The receipt is rendered again with the refund: the order and its history say so, and the offer is gone.
    await page.getByTestId("order-status").filter({ hasText: "Refunded" }).waitFor();
    await page.reload();
    await page.getByRole("list", { name: "Order history" }).getByText("You asked for a refund to PayPal").waitFor();
    assert.equal(await page.getByTestId("refund-offer").count(), 0, "nothing left to refund");
    assert.equal(await page.locator("summary", { hasText: "Reveal key" }).count(), 0, "a refunded key cannot be revealed");
    await screenshot(page, "trust-2-refunded");
    await context.close();
  });

  test("a revealed key that does not work is claimed from the receipt, and the claim shows there", async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = await context.newPage();
    await guestPurchase(page, await productInStock(), uniqueEmail("claim"), "trust-3");
    await askToReveal(page);
    await screenshot(page, "trust-3-reveal-warning");
    await page.getByRole("button", { name: /reveal key/i }).first().click();
    await page.getByTestId("key-value").or(page.getByTestId("key-image")).first().waitFor();

    await page.reload();
    await page.locator("summary", { hasText: "This key does not work" }).first().click();
    await page.getByLabel("What happened?").selectOption("already_used");
    await page.getByLabel("Tell us more (optional)").fill("The launcher says the code was already redeemed.");
    await page.getByRole("button", { name: "Send to the store" }).click();

    // The receipt is rendered again with the claim in place of the form.
    const claim = page.getByTestId("claim-status").first();
    await claim.waitFor();
    await page.reload();
    await claim.waitFor();
    assert.match(await claim.textContent(), /You told us: the key was already used .* We are looking into it/);
    assert.equal(await page.locator("summary", { hasText: "This key does not work" }).count(), 0, "one claim per key");
    await page.getByRole("list", { name: "Order history" }).getByText("You told us a key does not work").waitFor();
    await screenshot(page, "trust-3-claimed");
    await context.close();
  });
});
