import { Flags } from '@oclif/core';

/** `--workspace DIR`: the workspace root to use instead of searching upward from the current folder. */
export const workspaceFlag = Flags.string({
  description: 'Workspace root (the folder holding .radium); default: nearest above the current folder, or RADIUM_WORKSPACE.',
  helpValue: 'DIR',
});

/** `--session-id ID`: one session instead of the default. */
export function sessionIdFlag(description: string) {
  return Flags.string({ description: `${description} A full id, the agent's own id of an imported session, or a unique start of either (4 characters or more).`, helpValue: 'ID' });
}

/** `--no-import`: answer without first importing new agent logs (config `import.auto`). */
export const noImportFlag = Flags.boolean({
  description: 'Answer without first importing new logs of the agents in config `import.auto`; RADIUM_NO_AUTO_IMPORT=1 does the same for a whole shell.',
});
