import { clientSnippet, installClient } from "../../mcp/install/install-client.js";
import type { McpClient } from "../../mcp/install/mcp-clients.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";

export async function mcpInstallCommand(
  options: CommonOptions & { client: McpClient; print?: boolean },
): Promise<void> {
  await runCommand(options.json === true, async () => {
    if (options.print) {
      const { file, snippet } = clientSnippet(options.client);
      if (options.json) printJson({ ok: true, client: options.client, file, snippet });
      else process.stdout.write(`# ${file}\n${snippet}`);
      return undefined;
    }
    const installed = await installClient({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      client: options.client,
    });
    if (options.json) {
      const { path: _path, ...rest } = installed;
      printJson({ ok: true, ...rest });
      return undefined;
    }
    const verdict = !installed.changed
      ? "already configured; nothing written"
      : installed.created
        ? "created"
        : installed.replaced
          ? "updated the specwright entry"
          : "added specwright, other servers kept";
    process.stdout.write(`${installed.file}: ${verdict}\n`);
    if (installed.changed) process.stdout.write(`Restart ${options.client} (or reload its MCP servers) to use it.\n`);
    return undefined;
  });
}
