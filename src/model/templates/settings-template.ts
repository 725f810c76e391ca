import { DEFAULT_SPECWRIGHT_SETTINGS } from "../settings/specwright-settings.js";

/** `.kiro/settings/specwright.json` as `init` writes it: the defaults, every rule at its own severity. */
export function specwrightSettingsTemplate(): string {
  return `${JSON.stringify(DEFAULT_SPECWRIGHT_SETTINGS, null, 2)}\n`;
}
