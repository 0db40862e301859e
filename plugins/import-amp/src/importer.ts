import { IMPORTER_API_VERSION, type Importer } from '@radium-stats/core';
import { discoverAmpFiles } from './discover.js';
import { ampRecordTime, parseAmp } from './parser.js';
import { ampSources } from './sources.js';
import { AMP_ENGINE } from './usage.js';

/** Imports Amp threads (`~/.local/share/amp/threads/T-<uuid>.json`, one JSON document per thread). */
export const ampImporter: Importer<void> = {
  id: 'amp',
  apiVersion: IMPORTER_API_VERSION,
  title: 'Amp',
  description: 'Reads Amp threads: tokens per response with cache reads and writes, tool calls with their results, lines changed by edits.',
  engine: AMP_ENGINE,
  defaultSources: (env) => ampSources(env),
  discover: discoverAmpFiles,
  parse: parseAmp,
  recordTime: ampRecordTime,
};
