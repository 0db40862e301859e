import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RadiumError } from '@radium-stats/core';

/** The browser build of Chart.js, inlined into the page (its package exports only the ES and CommonJS builds). */
const BROWSER_BUILD = 'chart.umd.min.js';

/**
 * The minified Chart.js to inline into the dashboard, read from the installed `chart.js` package,
 * without its source map comment (a viewer would try to fetch the map).
 */
export function chartLibrarySource(): string {
  let file: string;
  try {
    file = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), BROWSER_BUILD);
  } catch (error) {
    throw new RadiumError(`Cannot find the chart.js package (${(error as Error).message}): reinstall @radium-stats/cli.`, { cause: error });
  }
  const source = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  // Inlined in a <script> element: a closing tag or comment opener inside it would end or change the element.
  if (/<\/script|<!--/i.test(source)) throw new RadiumError(`${file} contains </script or <!--, so it cannot be inlined into the dashboard: reinstall @radium-stats/cli.`);
  return source;
}
