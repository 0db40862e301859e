import { describe, expect, it } from 'vitest';
import { toolOutcome } from './tool-output.js';

describe('toolOutcome', () => {
  it('reads the exit code from JSON metadata, `Exit code: N` and `Process exited with code N`', () => {
    expect(toolOutcome(JSON.stringify({ output: 'boom\nmore', metadata: { exit_code: 2 } }))).toEqual({ success: false, error: 'boom' });
    expect(toolOutcome('Exit code: 0\nWall time: 1 seconds\nOutput:\nok')).toEqual({ success: true });
    expect(toolOutcome('Chunk ID: 1\nWall time: 2 seconds\nProcess exited with code 1\nOutput:\nnope')).toEqual({ success: false, error: 'Output:' });
  });

  it('honours an explicit success flag and content items', () => {
    expect(toolOutcome({ content: 'denied', success: false })).toEqual({ success: false, error: 'denied' });
    expect(toolOutcome([{ type: 'input_text', text: 'Exit code: 3' }])).toMatchObject({ success: false });
  });

  it('knows failure and refusal messages, and counts anything else as a success', () => {
    expect(toolOutcome('apply_patch verification failed: Failed to find expected lines')).toMatchObject({ success: false });
    expect(toolOutcome('exec command rejected by user')).toMatchObject({ success: false, decision: 'reject' });
    expect(toolOutcome('Success. Updated the following files:\nM a.rs')).toEqual({ success: true });
  });
});
