// canOpenPage draws every link (issue 12, item 4): it must agree with what the loaders refuse.
// The authorization matrix (tests/fixtures/authz/matrix.csv) is the loaders' answer for every
// route and role; each page row's 200/403 for the signed-in roles is compared with canOpenPage.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canOpenPage, homePathOf, type Role, type Viewer } from "~/lib/auth/policy";

const OWN = "24778";
const OTHER = "24846";

function viewer(role: Role, communes: string[] = []): Viewer {
  return { user_id: 1, username: role, role, communes, via: "session" };
}

const IDENTITIES: Record<string, Viewer> = {
  admin: viewer("admin"),
  leader: viewer("leader"),
  secretary: viewer("secretary", [OWN]),
  secretary_other: viewer("secretary", [OTHER]),
  analyst: viewer("analyst"),
};

describe("canOpenPage", () => {
  it("opens a commune's page only for a secretary bound to it", () => {
    const secretary = IDENTITIES.secretary!;
    expect(canOpenPage(secretary, `/communes/${OWN}?lang=vi`)).toBe(true);
    expect(canOpenPage(secretary, `/communes/${OTHER}`)).toBe(false);
    expect(canOpenPage(secretary, `/communes/${OTHER}/download?table=trend&format=csv`)).toBe(
      false,
    );
    expect(canOpenPage(secretary, "/communes?q=da")).toBe(true);
    expect(canOpenPage(IDENTITIES.leader!, `/communes/${OTHER}`)).toBe(true);
  });

  it("follows the role's permissions for the narrower pages", () => {
    const leader = IDENTITIES.leader!;
    expect(canOpenPage(leader, "/quality?period=3m")).toBe(true);
    expect(canOpenPage(leader, "/quality/rejects")).toBe(true);
    expect(canOpenPage(leader, "/quality/vocabulary")).toBe(false);
    expect(canOpenPage(leader, "/imports/12?lang=vi")).toBe(false);
    expect(canOpenPage(leader, "/imports")).toBe(false);
    expect(canOpenPage(leader, "/admin/audit")).toBe(false);
    expect(canOpenPage(IDENTITIES.analyst!, "/imports/12")).toBe(true);
    expect(canOpenPage(IDENTITIES.analyst!, "/admin/users")).toBe(false);
    expect(canOpenPage(IDENTITIES.admin!, "/admin/users")).toBe(true);
  });

  it("agrees with the authorization matrix on every page (GET, no ?_data)", () => {
    const lines = readFileSync("tests/fixtures/authz/matrix.csv", "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    const header = lines[0]!.split(",");
    let compared = 0;
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const [route, method, rawPath] = cells as [string, string, string];
      const path = rawPath.replaceAll("{own}", OWN).replaceAll("{other}", OTHER);
      if (method !== "GET" || path.includes("_data=") || route.startsWith("api.")) continue;
      for (const [name, who] of Object.entries(IDENTITIES)) {
        const status = cells[header.indexOf(name)]!.split(":")[0];
        // 400 and 404 are about the URL, a redirect about sign-in or home: only 200 vs 403 is access.
        if (status !== "200" && status !== "403") continue;
        compared += 1;
        expect(canOpenPage(who, path), `${name} ${path}: ${status}`).toBe(status === "200");
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("homePathOf", () => {
  it("sends a secretary to her commune, or her list when she has several", () => {
    expect(homePathOf(viewer("secretary", [OWN]))).toBe(`/communes/${OWN}`);
    expect(homePathOf(viewer("secretary", [OWN, OTHER]))).toBe("/communes");
    expect(homePathOf(viewer("leader"))).toBeNull();
    expect(homePathOf(viewer("analyst"))).toBeNull();
  });
});
