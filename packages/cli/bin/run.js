#!/usr/bin/env node
import { execute, settings } from '@oclif/core';

// rad runs its compiled dist/ only. Under NODE_ENV=development or test, oclif would look for the
// TypeScript sources, which the published packages do not ship, and warn that typescript is missing.
settings.enableAutoTranspile = false;

await execute({ dir: import.meta.url });
