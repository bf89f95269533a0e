// Every page needs a session (issue 5). The e2e server is a quick start on 127.0.0.1 with the
// sample data, so demo mode is on and /login offers one POST form per role: clicking its button
// signs in the way a visitor does, with JavaScript on or off (the form posts either way).
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Role } from "~/lib/auth/policy";

/** The demo sign-in button of a role on /login. */
export function demoButton(page: Page, role: Role) {
  return page.locator(`form:has(input[name=role][value=${role}]) button[name=intent][value=demo]`);
}

/**
 * Signs in as the demo user of `role` and waits until the browser has left /login; it lands on
 * `next` (default: the overview). The page's context then holds the session cookie, so
 * `page.request` calls are signed in too.
 */
export async function signInAs(page: Page, role: Role, next = "/"): Promise<void> {
  const response = await page.goto(`/login?next=${encodeURIComponent(next)}`);
  expect(response?.status(), "the login page").toBe(200);
  const button = demoButton(page, role);
  expect(await button.count(), `the quick start offers a demo sign-in as ${role}`).toBe(1);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login", { waitUntil: "load" }),
    button.click(),
  ]);
  // With scripts on, Remix changes the URL before it renders the next page.
  await page.locator("main.login").waitFor({ state: "detached" });
  const landed = new URL(page.url());
  expect(`${landed.pathname}${landed.search}`, "lands where it was going").toBe(next);
}
