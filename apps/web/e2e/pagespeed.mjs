// npm run pagespeed [STORE_URL]: LCP, CLS and JavaScript bytes of the home, search, game, cart, checkout and receipt
// pages in headless Chromium on loopback, against a running store (./run.sh), with a screenshot of each
// (artifacts/playwright/pagespeed-*). A measurement, not a test: it prints, never fails. The cart and checkout are
// measured with a game in the cart; the receipt is a guest's, paid on the sandbox's PayPal page.
// Goals: LCP ≤ 800 ms on mobile, CLS ≤ 0.05, ≤ 150 kB of JavaScript (compressed, as sent) on every page.
import { launch, screenshot, storeUrl, uniqueEmail, viewports } from "./browser.mjs";
import { addToCart, payWithPayPal, toPayPal } from "./shop.mjs";

const base = process.argv[2]?.replace(/\/$/, "") ?? storeUrl;

// Observers registered before any page script runs, so they see every entry from the first paint on.
const observe = () => {
  window.__lcp = 0;
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
};

async function measure(browser, device, url, storageState, shot) {
  const context = await browser.newContext({ ...viewports[device], storageState });
  await context.addInitScript(observe);
  const page = await context.newPage();
  let jsBytes = 0;
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const sizes = await response.request().sizes().catch(() => null);
    jsBytes += sizes?.responseBodySize ?? 0;
  });
  await page.goto(url, { waitUntil: "load" });
  // The receipt refreshes itself until its key is there, so the network may never be idle for long.
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  // LCP is final once the page is left or touched; a short settle covers late images.
  await page.waitForTimeout(500);
  const { lcp, cls } = await page.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls }));
  if (shot) await screenshot(page, shot);
  await context.close();
  return { lcp, cls, jsBytes };
}

async function productUrl() {
  const response = await fetch(`${base}/api/catalog/search?q=eldmoor&inStock=true&pageSize=1`);
  const { items } = await response.json();
  if (!items.length) throw new Error("the catalog is empty; start the store with ./run.sh");
  return { slug: items[0].slug, url: `${base}/product/${items[0].slug}` };
}

function report(name, device, { lcp, cls, jsBytes }) {
  console.log(
    `${name.padEnd(9)} ${device.padEnd(9)} ${lcp.toFixed(0).padStart(8)}   ${cls.toFixed(3)}   ${(jsBytes / 1024).toFixed(1).padStart(7)}`,
  );
}

// A first visit warms the server (compiled routes, BFF cache); the second is the one reported.
async function measureAll(browser, pages, storageState) {
  for (const device of Object.keys(viewports)) {
    for (const [name, url] of Object.entries(pages)) {
      await measure(browser, device, url, storageState);
      report(name, device, await measure(browser, device, url, storageState, `pagespeed-${device}-${name}`));
    }
  }
}

const product = await productUrl();
const browser = await launch();
try {
  console.log("page      device    LCP (ms)   CLS     JS (kB)");
  await measureAll(browser, { home: `${base}/`, search: `${base}/search?q=eldmoor`, game: product.url });

  const shopper = await browser.newContext(viewports.desktop);
  const page = await shopper.newPage();
  await addToCart(page, product.slug, 1);
  await measureAll(browser, { cart: `${base}/cart`, checkout: `${base}/checkout` }, await shopper.storageState());

  await page.goto(`${base}/checkout`);
  await page.getByLabel("Email").fill(uniqueEmail("pagespeed"));
  await payWithPayPal(page, "pagespeed-paypal");
  await page.getByRole("button", { name: /approve/i }).click();
  await page.waitForURL((url) => url.href.startsWith(base) && !url.pathname.startsWith("/checkout"), toPayPal);
  await measureAll(browser, { receipt: page.url() }, await shopper.storageState());
  await shopper.close();
} finally {
  await browser.close();
}
