// The Users page administers accounts without GraphQL: an administrator resets a password (the new
// one-time password is shown once and works), deactivates an account (its sign-in is refused) and
// reactivates it; the actions are offered only where the administrator controls the account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, shot, startHarness, userWithRoles, type Harness } from "./harness.ts";
import { graphqlRequest } from "./server-fixture.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const signInStatus = async (email: string, password: string) =>
  (
    await fetch(`${h.server.url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
  ).status;

describe("user administration in the Users page", { timeout: 120_000 }, () => {
  it("resets a password, deactivates and reactivates an account, each after a confirmation", async () => {
    const target = await userWithRoles(h, "SCC", ["VIEWER"], "Rita Reset");
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/admin/users`);
      const row = page.locator(`tr[data-user-email="${target.email}"]`);
      await row.getByRole("button", { name: "Manage roles" }).click();
      const panel = page.locator("tr.detail-row:not([hidden])");

      // Reset password: confirm, then the one-time password is shown once and signs in.
      await panel.locator('[data-action="reset-password"]').click();
      expect(await panel.locator(".confirm-box").textContent()).toMatch(/API tokens are revoked/);
      await panel.locator('[data-action="confirm-reset-password"]').click();
      await page.waitForSelector("#reset-password-value");
      const oneTime = await page.inputValue("#reset-password-value");
      expect(oneTime.length).toBeGreaterThanOrEqual(12);
      await shot(page, "web-admin-reset-password");
      expect(await signInStatus(target.email, target.password)).toBe(401);
      expect(await signInStatus(target.email, oneTime)).toBe(200);
      expect(await row.locator(".badge-pending").textContent()).toMatch(/One-time password/);

      // Deactivate: cancel first changes nothing; confirming refuses sign-in.
      await panel.locator('[data-action="deactivate"]').click();
      await panel.locator('[data-action="cancel"]').click();
      expect(await panel.locator(".confirm-box").count()).toBe(0);
      await panel.locator('[data-action="deactivate"]').click();
      await panel.locator('[data-action="confirm-deactivate"]').click();
      await page.locator("#users-notice", { hasText: `Deactivated ${target.email}` }).waitFor();
      expect(await row.textContent()).toMatch(/INACTIVE/i);
      expect(await signInStatus(target.email, oneTime)).toBe(401);
      await shot(page, "web-admin-deactivated");

      // Reactivate.
      await page.locator('tr.detail-row:not([hidden]) [data-action="reactivate"]').click();
      await page.locator('tr.detail-row:not([hidden]) [data-action="confirm-reactivate"]').click();
      await page.locator("#users-notice", { hasText: `Reactivated ${target.email}` }).waitFor();
      expect(await signInStatus(target.email, oneTime)).toBe(200);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers the account actions only for accounts the administrator controls, never their own", async () => {
    // An ADMIN of DCC alone controls DCC's accounts, not SCC's. (DCC's people are made before DCC has an
    // administrator of its own: from then on only DCC's admins, not the shared service's, may make them.)
    const sccUser = await userWithRoles(h, "SCC", ["VIEWER"], "Sam Scc");
    const dccUser = await userWithRoles(h, "DCC", ["VIEWER"], "Dee Dcc");
    const dccAdmin = await userWithRoles(h, "DCC", ["ADMIN"], "Dana Admin");
    const { page, context, problems } = await openPage(h, dccAdmin.state);
    try {
      await page.goto(`${h.server.url}/#/admin/users`);
      const manage = async (email: string) => {
        await page
          .locator(`tr[data-user-email="${email}"]`)
          .getByRole("button", { name: "Manage roles" })
          .click();
        return page.locator(`tr[data-user-email="${email}"] + tr.detail-row`);
      };
      expect(await (await manage(dccUser.email)).locator('[data-action="reset-password"]').count()).toBe(1);
      expect(await (await manage(sccUser.email)).locator(".account-actions").count()).toBe(0);
      expect(await (await manage(dccAdmin.email)).locator(".account-actions").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("stops offering the shared service's admin a council's people once the council has an administrator of its own", async () => {
    // DCC has its own ADMIN (made in the test above): the shared service's admin can no longer reset DCC's
    // accounts, grant DCC roles or create accounts in DCC; SCC (no admin of its own here) it still sets up.
    const dccUser = (await graphqlRequest<{ users: { email: string; organisation: { code: string } }[] }>(h.server, "{ users { email organisation { code } } }"))
      .users.find((u) => u.organisation.code === "DCC" && u.email.startsWith("viewer."))!;
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/admin/users`);
      const row = page.locator(`tr[data-user-email="${dccUser.email}"]`);
      await row.getByRole("button", { name: "Manage roles" }).click();
      const panel = page.locator(`tr[data-user-email="${dccUser.email}"] + tr.detail-row`);
      await panel.locator(".grant-form").waitFor();
      expect(await panel.locator(".account-actions").count(), "no reset or deactivate for DCC's account").toBe(0);
      const grantable = await panel.locator("select.grant-org option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(grantable).not.toContain("DCC");
      expect(grantable).toContain("SCC");
      expect(await panel.locator('[aria-label^="Revoke VIEWER in DCC"]:visible').count(), "no Revoke for DCC's role").toBe(0);
      const homes = await page.locator("#new-user-org option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(homes).not.toContain("DCC");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("grants roles in the user's own organisation by default, and fits Manage roles at 1024 wide", async () => {
    const target = await userWithRoles(h, "SCC", ["VIEWER"], "Gail Grant");
    // An account still on its one-time password (a wide status) with a long address widens the table.
    await graphqlRequest(
      h.server,
      'mutation { createUser(email: "patricia.procurement-officer@sunderland.gov.uk", displayName: "Patricia SCC Procurement", organisation: "SCC") { user { id } } }',
    );
    const { page, context, problems } = await openPage(h, h.admin, { width: 1024, height: 800 });
    try {
      await page.goto(`${h.server.url}/#/admin/users`);
      const row = page.locator(`#user-rows tr[data-user-email="${target.email}"]`);
      await row.waitFor();
      const buttons = page.locator('#user-rows [data-action="manage-roles"]');
      const button = row.locator('[data-action="manage-roles"]');
      const wrapBox = (await page.locator(".users-table").locator("xpath=..").boundingBox())!;
      for (const b of await buttons.all()) {
        const r = (await b.boundingBox())!;
        expect(r.x + r.width, "Manage roles inside the table's box").toBeLessThanOrEqual(wrapBox.x + wrapBox.width);
      }
      const [box, wrap] = await Promise.all([
        button.boundingBox(),
        page.locator("#users .table-wrap, .users-table").first().boundingBox(),
      ]);
      const viewport = page.viewportSize()!;
      expect(box!.x + box!.width).toBeLessThanOrEqual(Math.min(viewport.width, wrap!.x + wrap!.width) + 0.5);
      await button.click();
      await page.waitForSelector(".grant-form");
      expect(await page.locator(`.grant-form select.grant-org`).first().inputValue()).toBe("SCC");
      await shot(page, "web-users-1024");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
