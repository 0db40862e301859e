import { config } from 'zod';

// zod compiles a parser for each object schema (`new Function`) the first time it parses with it.
// rad parses a few documents per run, so the compiling costs more than it saves: turning it off
// made `rad stats session` ~20 ms faster and loading 3,000 reports ~20% faster (events: no change).
// It is read when a schema is built, so every entry point imports this module first.
config({ jitless: true });
