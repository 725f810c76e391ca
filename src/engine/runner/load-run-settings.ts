import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";

/** The settings a run obeys: the agent's limits and command rules, and the verification. */
export function loadRunSettings(root: string): Promise<SpecwrightSettings> {
  return loadSpecwrightSettings(root, "the agent's limits and command rules");
}
