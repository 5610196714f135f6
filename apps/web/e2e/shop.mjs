// A shopper's steps that several journeys share: finding games in stock, filling the cart, paying on PayPal's page.
import assert from "node:assert/strict";
import { screenshot, storeUrl, viewports } from "./browser.mjs";

// Starting a checkout waits for PayPal's approve link; a key may come from a supplier after the payment.
export const toPayPal = { timeout: 120_000 };
export const toKey = { timeout: 180_000 };

// Games that can be bought right now ("eldmor": the seeded Eldmoor games, as the shopping journey finds them), cheapest first.
export async function productsInStock(count) {
  const response = await fetch(`${storeUrl}/api/catalog/search?q=eldmor&inStock=true&sort=price_asc&pageSize=${count}`);
  assert.equal(response.status, 200);
  const { items } = await response.json();
  assert.equal(items.length, count, "games in stock to buy");
  return items;
}

export const productInStock = async () => (await productsInStock(1))[0];

export async function addToCart(page, slug, quantity) {
  await page.goto(`${storeUrl}/product/${slug}`);
  await page.getByLabel("Quantity", { exact: true }).fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("Added to your cart").waitFor();
}

// "Pay with PayPal" leaves the store for the simulator's approval page.
export async function payWithPayPal(page, name) {
  await page.getByRole("button", { name: "Pay with PayPal" }).click();
  await page.waitForURL((url) => !url.href.startsWith(storeUrl), toPayPal);
  await page.getByRole("button", { name: /approve/i }).waitFor();
  await screenshot(page, `${name}-paypal`);
}

// The receipt refreshes itself until a key is listed. Revealing a key that could still be refunded in one click first says
// that revealing ends that, and asks again.
export async function askToReveal(page) {
  const ask = page.locator("summary", { hasText: "Reveal key" }).first();
  await ask.waitFor(toKey);
  await ask.click();
  const warning = page.getByTestId("reveal-warning").first();
  await warning.waitFor();
  assert.match(await warning.textContent(), /ends one-click refunds/);
}

// Checks the cart out as a guest with PayPal and waits on the receipt until its keys are delivered; returns its address.
async function payAsGuestUntilDelivered(page, email, name) {
  await page.goto(`${storeUrl}/checkout`);
  await page.getByLabel("Email").fill(email);
  await payWithPayPal(page, name);
  await page.getByRole("button", { name: /approve/i }).click();
  await page.waitForURL(/\/receipt\/[^/?]+$/, toPayPal);
  await page.getByTestId("order-status").filter({ hasText: "Complete" }).waitFor(toKey);
  return page.url();
}

// A guest buys one game; returns the receipt's address.
export async function guestPurchase(page, product, email, name) {
  await addToCart(page, product.slug, 1);
  return payAsGuestUntilDelivered(page, email, name);
}

// A guest buys two games in a context of its own.
export async function completedGuestOrder(browser, email) {
  const context = await browser.newContext(viewports.desktop);
  const page = await context.newPage();
  for (const product of await productsInStock(2)) await addToCart(page, product.slug, 1);
  await payAsGuestUntilDelivered(page, email, "admin-0");
  await context.close();
}
