/** How a tool call ended, as far as its output says. */
export interface ToolOutcome {
  success: boolean;
  /** First line of the failure, when it failed. */
  error?: string;
  /** Set when the user refused the call. */
  decision?: 'reject';
}

const FAILURE = /^(apply_patch verification failed|execution error|failed to parse function arguments|error: )/i;
const REJECTED = /rejected by (the )?user|user (declined|rejected)/i;

/** The text of a `function_call_output.output`: a string, a list of content items, or `{content, success}`. */
export function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) {
    return output
      .map((item) => (typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string' ? (item as { text: string }).text : ''))
      .join('\n');
  }
  if (typeof output === 'object' && output !== null && typeof (output as { content?: unknown }).content === 'string') return (output as { content: string }).content;
  return '';
}

function exitCode(text: string): { code: number; body: string } | undefined {
  try {
    const parsed = JSON.parse(text) as { output?: unknown; metadata?: { exit_code?: unknown } };
    if (typeof parsed?.metadata?.exit_code === 'number') return { code: parsed.metadata.exit_code, body: typeof parsed.output === 'string' ? parsed.output : '' };
  } catch {
    // Plain text output.
  }
  const match = /^Exit code: (-?\d+)/m.exec(text) ?? /Process exited with code (-?\d+)/.exec(text);
  return match ? { code: Number(match[1]), body: text.slice(match.index + match[0].length) } : undefined;
}

const firstLine = (text: string): string | undefined => text.trim().split('\n')[0]?.trim().slice(0, 200) || undefined;

/**
 * Success of a Codex tool call from its output: an explicit `success` flag; else the exit code
 * (JSON `metadata.exit_code`, `Exit code: N` or `Process exited with code N`) is 0; else a known
 * failure or refusal message; else success.
 */
export function toolOutcome(output: unknown): ToolOutcome {
  const text = outputText(output);
  const flag = typeof output === 'object' && output !== null ? (output as { success?: unknown }).success : undefined;
  if (typeof flag === 'boolean') return flag ? { success: true } : { success: false, ...(firstLine(text) ? { error: firstLine(text) } : {}) };
  const exit = exitCode(text);
  if (exit) return exit.code === 0 ? { success: true } : { success: false, error: firstLine(exit.body) ?? `exit code ${exit.code}` };
  if (REJECTED.test(text)) return { success: false, decision: 'reject', error: firstLine(text)! };
  if (FAILURE.test(text.trim())) return { success: false, error: firstLine(text)! };
  return { success: true };
}
