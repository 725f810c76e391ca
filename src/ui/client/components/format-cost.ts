/** Estimated USD as the pages show it; a dash when the model's price is unknown. */
export function formatCost(cost: number | null | undefined): string {
  return cost === undefined || cost === null ? "—" : `$${cost.toFixed(4)}`;
}
