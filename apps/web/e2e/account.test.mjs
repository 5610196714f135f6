// Account pages as a gamer meets them: sign-in guards, field errors, a ?next= that tries to leave the store, and a
// password reset and email confirmation through the mails the store sends (read from the host's development mail view).
// Every page on the way passes axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, launch, mailLink, readsMail, register, screenshot, signUp, storeUrl, uniqueEmail, viewports } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

describe("account", () => {
  test("a page behind sign-in sends a visitor to sign in, and back after", async () => {
    // A real HTTP redirect, decided on the server before anything of the page is sent.
    const response = await fetch(`${storeUrl}/account`, { redirect: "manual" });
    assert.equal(response.status, 307);
    assert.equal(response.headers.get("location"), "/login?next=%2Faccount");

    const page = await browser.newPage();
    await page.goto(`${storeUrl}/account/wishlist`);
    assert.equal(new URL(page.url()).pathname, "/login");
    assert.equal(new URL(page.url()).searchParams.get("next"), "/account/wishlist");
    assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex");
    await assertAccessible(page, "login");
    await page.close();
  });

  test("registration shows each problem beside its field and keeps what was typed", async () => {
    const page = await browser.newPage();
    await register(page, "not-an-email", "short");
    const summary = page.getByRole("alert").filter({ hasText: "Please correct the fields" });
    await summary.waitFor();
    const email = page.getByLabel("Email");
    assert.equal(await email.getAttribute("aria-invalid"), "true");
    assert.match(await page.locator(`#${await email.getAttribute("aria-describedby")}`).textContent(), /e-mail/);
    assert.equal(await page.getByLabel("Password").getAttribute("aria-invalid"), "true");
    assert.equal(await email.inputValue(), "not-an-email");
    assert.equal(await page.getByLabel("Password").inputValue(), "", "a password is never sent back");
    await assertAccessible(page, "register with errors");
    await screenshot(page, "account-register-errors");
    await page.close();
  });

  // Each of these is read by some browser as another origin once normalised or decoded.
  const elsewhere = [
    "//evil.example/steal",
    "/.//evil.example",
    "/./\\evil.example",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%2e%2e//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example",
    "https://evil.example",
  ];

  test("a ?next= pointing at another site, however spelled, lands on the account instead", { skip: !readsMail && "MAIL_URL not set" }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, uniqueEmail("next"), "correct-horse-42", "//evil.example/steal");
    await page.waitForURL(`${storeUrl}/account`);
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    await page.getByText("No orders yet").waitFor();
    await assertAccessible(page, "account");

    // Signed in, the sign-in page sends the visitor straight on: a real redirect, whose target is checked here.
    for (const next of elsewhere) {
      const response = await context.request.get(`${storeUrl}/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      assert.equal(response.status(), 307, next);
      assert.equal(response.headers().location, "/account", next);
    }
    const inside = await context.request.get(`${storeUrl}/login?next=${encodeURIComponent("/cart?x=1")}`, { maxRedirects: 0 });
    assert.equal(inside.headers().location, "/cart?x=1", "a path on this site is kept");
    await context.close();
  });

  test("a wishlist target typed while signed out is still there after signing in", { skip: !readsMail && "MAIL_URL not set" }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = uniqueEmail("wish");
    await signUp(page, email, "correct-horse-42");
    await page.waitForURL(`${storeUrl}/account`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
    const { items } = await (await fetch(`${storeUrl}/api/catalog/search?pageSize=1`)).json();
    const slug = items[0].slug;

    await page.goto(`${storeUrl}/product/${slug}`);
    await page.getByText("Add to wishlist", { exact: true }).click();
    await page.getByLabel(/Target price/).fill("7.25");
    await assertAccessible(page, "wishlist form");
    await page.getByRole("button", { name: "Save to wishlist" }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct-horse-42");
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.waitForURL(`${storeUrl}/product/${slug}?wishlistTarget=7.25`);
    assert.equal(await page.getByLabel(/Target price/).inputValue(), "7.25");
    await page.getByRole("button", { name: "Save to wishlist" }).click();
    await page.getByRole("status").filter({ hasText: "Saved to your wishlist" }).waitFor();
    await assertAccessible(page, "wishlist saved");
    await context.close();
  });

  test("password reset through the mailed link", { skip: !readsMail && "MAIL_URL not set" }, async () => {
    const context = await browser.newContext(viewports.mobile);
    const page = await context.newPage();
    const email = uniqueEmail("reset");
    await signUp(page, email, "first-password-1");
    await page.waitForURL(`${storeUrl}/account`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in page has an Email box too: wait for the next page before typing.
    await page.waitForURL(/\/account\/forgot-password$/);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("status").filter({ hasText: "a link to choose a new password is on its way" }).waitFor();
    await assertAccessible(page, "reset requested");
    await screenshot(page, "reset-1-requested");

    const link = await mailLink(email, "Reset");
    assert.equal(link.pathname, "/account/reset-password");
    await page.goto(`${storeUrl}${link.pathname}${link.search}`);
    await page.getByLabel("New password", { exact: true }).fill("second-password-2");
    await assertAccessible(page, "new password");
    await screenshot(page, "reset-2-new-password");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.waitForURL(/\/login\?reset=1/);
    await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();
    await assertAccessible(page, "password changed");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("second-password-2");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${storeUrl}/account`);
    await screenshot(page, "reset-3-signed-in");

    // The link works once.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
    await page.goto(`${storeUrl}${link.pathname}${link.search}`);
    await page.getByLabel("New password", { exact: true }).fill("third-password-3");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByRole("alert").filter({ hasText: /./ }).first().waitFor();
    assert.match(page.url(), /\/account\/reset-password/);
    await assertAccessible(page, "reset link used");
    await context.close();
  });
});

describe("abuse limits", () => {
  test("too many sign-in attempts for one email say so", async () => {
    const page = await browser.newPage();
    await page.goto(`${storeUrl}/login`);
    await page.getByLabel("Email").fill(uniqueEmail("limit"));
    const alert = page.getByRole("alert").filter({ hasText: /not correct|Too many attempts/ });
    // The BFF allows a handful of attempts per email a minute; the exact number is its configuration.
    for (let attempt = 1; attempt <= 30; attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign in" }).and(page.locator(":enabled")).waitFor();
      await alert.waitFor();
      if (/Too many attempts/.test(await alert.textContent())) break;
    }
    assert.match(await alert.textContent(), /Too many attempts\. Please wait a minute/);
    await assertAccessible(page, "too many attempts");
    await screenshot(page, "account-too-many-attempts");
    await page.close();
  });
});
