// npm run pagespeed [STORE_URL]: LCP, CLS and JavaScript bytes of the home, search and product pages in headless
// Chromium on loopback, against a running store (./run.sh). A measurement, not a test: it prints, never fails.
// Goals: LCP ≤ 1.5 s, CLS ≤ 0.05, product page ≤ 150 kB of JavaScript (compressed, as sent).
import { launch, storeUrl, viewports } from "./browser.mjs";

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

async function measure(browser, device, url) {
  const context = await browser.newContext(viewports[device]);
  await context.addInitScript(observe);
  const page = await context.newPage();
  let jsBytes = 0;
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const sizes = await response.request().sizes().catch(() => null);
    jsBytes += sizes?.responseBodySize ?? 0;
  });
  await page.goto(url, { waitUntil: "networkidle" });
  // LCP is final once the page is left or touched; a short settle covers late images.
  await page.waitForTimeout(500);
  const { lcp, cls } = await page.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls }));
  await context.close();
  return { lcp, cls, jsBytes };
}

async function productUrl() {
  const response = await fetch(`${base}/api/catalog/search?q=eldmoor&pageSize=1`);
  const { items } = await response.json();
  if (!items.length) throw new Error("the catalog is empty; start the store with ./run.sh");
  return `${base}/product/${items[0].slug}`;
}

const pages = { home: `${base}/`, search: `${base}/search?q=eldmoor`, product: await productUrl() };
const browser = await launch();
try {
  console.log("page      device    LCP (ms)   CLS     JS (kB)");
  for (const device of Object.keys(viewports)) {
    for (const [name, url] of Object.entries(pages)) {
      // A first visit warms the server (compiled routes, BFF cache); the second is the one reported.
      await measure(browser, device, url);
      const { lcp, cls, jsBytes } = await measure(browser, device, url);
      console.log(
        `${name.padEnd(9)} ${device.padEnd(9)} ${lcp.toFixed(0).padStart(8)}   ${cls.toFixed(3)}   ${(jsBytes / 1024).toFixed(1).padStart(7)}`,
      );
    }
  }
} finally {
  await browser.close();
}
