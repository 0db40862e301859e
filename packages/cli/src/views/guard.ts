/**
 * Runs a plugin's reporter so that one that throws costs only its own output, with a warning
 * naming it (the synchronous twin of core's `guard`).
 */
export function guardReport<T>(pluginId: string, what: string, warn: (message: string) => void, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    warn(`Plugin ${pluginId} failed in ${what} (${(error as Error)?.message ?? String(error)}); its output is left out.`);
    return undefined;
  }
}
