import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { loadSpecwrightSettings } from "../workspace-model/load-specwright-settings.js";

/** The settings a model command obeys: model, base URL, budgets, retries, prices. */
export function loadModelSettings(root: string): Promise<SpecwrightSettings> {
  return loadSpecwrightSettings(root, "the model, budgets and retries");
}
