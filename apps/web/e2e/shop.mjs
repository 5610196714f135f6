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

// A guest buys two games and waits on the receipt until both are delivered.
export async function completedGuestOrder(browser, email) {
  const context = await browser.newContext(viewports.desktop);
  const page = await context.newPage();
  for (const product of await productsInStock(2)) await addToCart(page, product.slug, 1);
  await page.goto(`${storeUrl}/checkout`);
  await page.getByLabel("Email").fill(email);
  await payWithPayPal(page, "admin-0");
  await page.getByRole("button", { name: /approve/i }).click();
  await page.waitForURL(/\/receipt\/[^/?]+$/, toPayPal);
  await page.getByTestId("order-status").filter({ hasText: "Complete" }).waitFor(toKey);
  await context.close();
}
