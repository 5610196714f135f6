// Demo data for the home page's rows, made the way the store meets it in life: a supplier cuts a price (best deals), a game
// sells out at its supplier and comes back (back in stock), a guest buys (bestsellers). New releases come with the catalog.
// The supplier's side is the Kinguin simulator's admin levers (SANDBOX_URL, as test.sh starts it).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { storeUrl, uniqueEmail } from "./browser.mjs";
import { completedGuestOrder } from "./shop.mjs";

const sandboxUrl = process.env.SANDBOX_URL?.replace(/\/$/, "");

// The simulator's development admin token, read where scripts/infra.sh reads its other development credentials.
async function sandboxToken() {
  const settings = join(import.meta.dirname, "..", "..", "Sandbox", "appsettings.Development.json");
  return JSON.parse(await readFile(settings, "utf8")).Sandbox.AdminToken;
}

async function sandbox(token, path, body) {
  const response = await fetch(`${sandboxUrl}/_sandbox${path}`, {
    method: body ? "POST" : "GET",
    headers: { "X-Sandbox-Admin-Token": token, "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text}`);
  return JSON.parse(text);
}

async function product(slug) {
  const response = await fetch(`${storeUrl}/api/catalog/products/${slug}`);
  assert.equal(response.status, 200);
  return response.json();
}

// The supplier's push reaches the store a moment after the change: ask until the store shows it.
async function until(slug, holds, what) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (holds(await product(slug))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${slug}: the store never showed ${what}`);
}

// In-stock games sold by Kinguin alone, so a change at Kinguin decides their price; the Eldmoor games the buying journeys
// take are left alone. Each with its simulator listing (the game's id is in its cover's address).
async function kinguinOnlyGames(token, count) {
  const response = await fetch(`${storeUrl}/api/catalog/search?inStock=true&pageSize=100`);
  assert.equal(response.status, 200);
  const found = [];
  for (const item of (await response.json()).items) {
    const id = item.imageUrl?.match(/\/images\/(\d+)\.svg/)?.[1];
    if (!id || /eldmo/i.test(item.title)) continue;
    const game = await sandbox(token, `/catalog/${id}`);
    if (game.kinguin && !game.digiflazz) found.push({ slug: item.slug, kinguin: game.kinguin });
    if (found.length === count) return found;
  }
  throw new Error(`fewer than ${count} games in stock sold by Kinguin alone`);
}

// One offer at a time: the simulator stamps each change to the millisecond, and two changes in the same millisecond push
// two states with one time, which the store cannot order (it may keep the earlier one).
async function changeOffers(token, kinguin, change) {
  for (const offer of kinguin.offers) {
    await sandbox(token, `/kinguin/products/${kinguin.kinguinId}/change`, { offerId: offer.offerId, ...change(offer) });
  }
}

export async function seedHomeRows(browser) {
  if (!sandboxUrl) throw new Error("SANDBOX_URL (the partner simulator test.sh starts) is needed to make the home rows' data");
  const token = await sandboxToken();
  const [deal, comeback] = await kinguinOnlyGames(token, 2);

  // 40 % off what Kinguin asks now (an earlier run on the same store may have cut it already).
  const { price: before, offers } = await product(deal.slug);
  const cut = Math.round(Math.min(...offers.map((o) => o.price)) * 60) / 100;
  await changeOffers(token, deal.kinguin, () => ({ price: cut }));
  await until(deal.slug, (p) => p.price !== null && p.price < before, "the lower price");

  await changeOffers(token, comeback.kinguin, () => ({ qty: 0 }));
  await until(comeback.slug, (p) => !p.inStock, "the game sold out");
  await changeOffers(token, comeback.kinguin, (offer) => ({ qty: Math.max(offer.qty, 5) }));
  await until(comeback.slug, (p) => p.inStock, "the game back in stock");

  await completedGuestOrder(browser, uniqueEmail("bestseller"));
}
