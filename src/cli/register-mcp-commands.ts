import { type Command, InvalidArgumentError, Option } from "commander";
import type { McpOptions } from "./commands/mcp-command.js";
import { type CommonOptions, withCommonOptions, withExamples } from "./common-options.js";

const CLIENTS = ["claude-code", "cursor", "vscode", "kiro", "codex", "gemini"] as const;

/** Registers the mcp commands; their modules load only when one runs. */
export function registerMcpCommands(program: Command): void {
  const mcp = withExamples(
    program
      .command("mcp")
      .description("serve the spec workflow to agents over MCP (stdio, or Streamable HTTP on 127.0.0.1)")
      .option("--root <dir>", "the folder that holds .kiro/ (default: the nearest one above the current folder)")
      .option("--http", "serve Streamable HTTP on 127.0.0.1 instead of stdio; a bearer token is printed to stderr")
      .addOption(new Option("--port <port>", "with --http: the port (default: a free one)").argParser(parsePort))
      .option("--no-watch", "do not watch .kiro/ for changes (no resource change notifications)")
      .addOption(
        new Option(
          "--session-idle-timeout <seconds>",
          "with --http: close a session after this long without a request (0: never)",
        )
          .default(300)
          .argParser(parseSeconds),
      )
      .addOption(
        new Option("--max-sessions <count>", "with --http: live sessions at most; more initializes get 503")
          .default(500)
          .argParser(parseSessionCount),
      ),
    [
      ["specwright mcp", "stdio: what an MCP client starts (protocol on stdout, logs on stderr)"],
      ["specwright mcp --http --port 7411", "HTTP on 127.0.0.1:7411/mcp; send Authorization: Bearer <token>"],
      ["specwright mcp --http --session-idle-timeout 60", "close sessions idle for a minute (default 5 minutes)"],
      ["specwright mcp install --client claude-code", "add Specwright to .mcp.json of this project"],
    ],
  ).action(async (options: McpOptions) =>
    (await import("./commands/mcp-command.js")).mcpCommand(options, program.version() ?? "0.0.0"),
  );

  const install = withExamples(
    withCommonOptions(
      mcp
        .command("install")
        .description("add Specwright to an MCP client's project config, keeping every other server (or --print it)")
        .addOption(new Option("--client <client>", "the MCP client").choices(CLIENTS).makeOptionMandatory())
        .option("--print", "print the snippet and the file it belongs in instead of writing it"),
    ),
    [
      ["specwright mcp install --client claude-code", ".mcp.json"],
      ["specwright mcp install --client cursor", ".cursor/mcp.json"],
      ["specwright mcp install --client vscode", ".vscode/mcp.json (servers)"],
      ["specwright mcp install --client kiro", ".kiro/settings/mcp.json"],
      ["specwright mcp install --client codex", ".codex/config.toml ([mcp_servers.specwright])"],
      ["specwright mcp install --client gemini --print", "show what goes into .gemini/settings.json"],
    ],
  ).action(async () =>
    // `mcp` has a --root of its own, which commander hands `--root` to wherever it appears on the line.
    (await import("./commands/mcp-install-command.js")).mcpInstallCommand(
      install.optsWithGlobals<CommonOptions & { client: (typeof CLIENTS)[number]; print?: boolean }>(),
    ),
  );
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidArgumentError("give seconds as a number of 0 or more, e.g. 300 (0: sessions never expire).");
  }
  return seconds;
}

function parseSessionCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError("give a whole number of 1 or more.");
  return count;
}

/** A `--port` value: 0 (a free one) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535.");
  }
  return port;
}
