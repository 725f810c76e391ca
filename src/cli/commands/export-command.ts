export async function exportCommand(_spec: string, _options: unknown): Promise<void> {}
