import { ampImporter } from './importer.js';

/** The `radium:importers` hook: hands the importer object to the CLI. */
export default async function importersHook() {
  return ampImporter;
}
