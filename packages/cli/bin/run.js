#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { execute } from '@oclif/core';

// V8 starts allocating objects straight in the old generation at sites whose objects tended to
// survive. A full index build keeps each report's summary alive only until its segment's next
// merge, so those sites get tenured mid-build, and every young object a tenured summary points to
// is then copied to the old generation too: measured at 100,000 sessions, this doubled the
// garbage collector's work on the calling thread. Only `rad` sets it (process-wide, build threads
// included); the library leaves an embedding process's flags alone.
setFlagsFromString('--no-allocation-site-pretenuring');

await execute({ dir: import.meta.url });
