/** Engine names agents use that are not the price table's provider ids. */
const PROVIDER_OF_ENGINE: Record<string, string> = {
  claude: 'anthropic',
  'claude-code': 'anthropic',
  anthropic: 'anthropic',
  openai: 'openai',
  codex: 'openai',
  gemini: 'google',
  'gemini-cli': 'google',
  google: 'google',
  vertex: 'google',
  xai: 'x-ai',
  grok: 'x-ai',
  bedrock: 'aws',
};

/** Engines that run models on the user's own machine: a cloud price for the same model name would be a bill nobody paid. */
const LOCAL_ENGINES = new Set(['ollama', 'burn', 'mock', 'lmstudio', 'llama.cpp', 'llamacpp']);

/** How to look a request's engine up in the price table. */
export type EngineLookup = { kind: 'provider'; providerId: string } | { kind: 'local' } | { kind: 'unknown'; engine: string };

/** Maps an engine name (`claude`, `gemini`, `ollama`, ...) to the way its prices are found. */
export function lookupEngine(engine: string): EngineLookup {
  const key = engine.trim().toLowerCase();
  if (LOCAL_ENGINES.has(key)) return { kind: 'local' };
  const providerId = PROVIDER_OF_ENGINE[key];
  return providerId ? { kind: 'provider', providerId } : { kind: 'unknown', engine: key };
}
