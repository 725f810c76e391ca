import { describe, expect, it } from "vitest";
import { isHostAllowed, proxyTarget } from "../../../../src/workspace/sandbox/os-sandbox/network-proxy.js";

describe("isHostAllowed", () => {
  it.each([
    ["registry.npmjs.org", ["registry.npmjs.org"], true],
    ["REGISTRY.npmjs.org.", ["registry.npmjs.org"], true],
    ["evil.com", ["registry.npmjs.org"], false],
    ["registry.npmjs.org.evil.com", ["registry.npmjs.org"], false],
    ["files.pythonhosted.org", ["*.pythonhosted.org"], true],
    ["pythonhosted.org", ["*.pythonhosted.org"], false],
    ["evilpythonhosted.org", ["*.pythonhosted.org"], false],
    ["[::1]", ["::1"], true],
  ] as const)("%s against %j: %s", (host, allow, expected) => {
    expect(isHostAllowed(host, allow)).toBe(expected);
  });
});

describe("proxyTarget", () => {
  it("reads CONNECT tunnels and absolute HTTP requests; anything else is no target", () => {
    expect(proxyTarget("CONNECT registry.npmjs.org:443 HTTP/1.1")).toEqual({
      host: "registry.npmjs.org",
      port: 443,
      tunnel: true,
    });
    expect(proxyTarget("CONNECT [::1]:8443 HTTP/1.1")).toEqual({ host: "::1", port: 8443, tunnel: true });
    expect(proxyTarget("GET http://example.com/a?b HTTP/1.1")).toEqual({
      host: "example.com",
      port: 80,
      tunnel: false,
    });
    expect(proxyTarget("GET /relative HTTP/1.1")).toBeUndefined();
    expect(proxyTarget("GET ftp://example.com/ HTTP/1.1")).toBeUndefined();
    expect(proxyTarget("CONNECT example.com HTTP/1.1")).toBeUndefined();
  });
});
