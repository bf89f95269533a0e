// The Host allow-list (DNS rebinding) and its ALLOWED_HOSTS setting: loopback names by default,
// plus HOST when the server listens on one named address; exact names, `.domain` suffixes, `*`.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";
import {
  allowedHostsOf,
  hostName,
  isAllowedHost,
  LOOPBACK_HOSTS,
} from "~/lib/server/host-allow-list.server";

describe("host allow-list", () => {
  it("reads the name of a Host header, with or without a port, IPv6 in brackets", () => {
    expect(hostName("LocalHost:3000")).toBe("localhost");
    expect(hostName("[::1]:3000")).toBe("[::1]");
    expect(hostName("dash.example.")).toBe("dash.example");
    for (const bad of [undefined, "", "evil.example/path", "a b", "x:99999999"])
      expect(hostName(bad)).toBeNull();
  });

  it("allows exact names, a domain and its subdomains with a leading dot, or any with *", () => {
    const list = ["dash.example", ".tinh.gov.vn"];
    expect(isAllowedHost("dash.example", list)).toBe(true);
    expect(isAllowedHost("tinh.gov.vn", list)).toBe(true);
    expect(isAllowedHost("cns.tinh.gov.vn", list)).toBe(true);
    expect(isAllowedHost("eviltinh.gov.vn", list)).toBe(false);
    expect(isAllowedHost("evil.example", list)).toBe(false);
    expect(isAllowedHost(null, ["*"])).toBe(false);
    expect(isAllowedHost("anything", ["*"])).toBe(true);
  });

  it("defaults to loopback names, plus HOST when it names one address", () => {
    const env = (vars: Record<string, string>) => allowedHostsOf(parseEnv(vars));
    expect(env({})).toEqual(LOOPBACK_HOSTS);
    expect(env({ HOST: "0.0.0.0" })).toEqual(LOOPBACK_HOSTS);
    expect(env({ HOST: "10.0.0.5" })).toEqual([...LOOPBACK_HOSTS, "10.0.0.5"]);
    expect(env({ HOST: "::1" })).toEqual(LOOPBACK_HOSTS);
    expect(env({ ALLOWED_HOSTS: "Dash.Example, .tinh.gov.vn" })).toEqual([
      "dash.example",
      ".tinh.gov.vn",
    ]);
    expect(() => parseEnv({ ALLOWED_HOSTS: "evil/path" })).toThrow(/ALLOWED_HOSTS/);
  });
});
