import {
  GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  GEN_AI_PROVIDER_NAME_VALUE_AWS_BEDROCK,
  GEN_AI_PROVIDER_NAME_VALUE_COHERE,
  GEN_AI_PROVIDER_NAME_VALUE_DEEPSEEK,
  GEN_AI_PROVIDER_NAME_VALUE_GCP_GEMINI,
  GEN_AI_PROVIDER_NAME_VALUE_GCP_VERTEX_AI,
  GEN_AI_PROVIDER_NAME_VALUE_GROQ,
  GEN_AI_PROVIDER_NAME_VALUE_MISTRAL_AI,
  GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
  GEN_AI_PROVIDER_NAME_VALUE_PERPLEXITY,
  GEN_AI_PROVIDER_NAME_VALUE_X_AI,
} from '@opentelemetry/semantic-conventions/incubating';

/** Engine names agents write (see core's pricing/engines.ts) that the convention names otherwise. */
const PROVIDER_OF_ENGINE: Record<string, string> = {
  claude: GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  'claude-code': GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  anthropic: GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  openai: GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
  codex: GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
  gemini: GEN_AI_PROVIDER_NAME_VALUE_GCP_GEMINI,
  'gemini-cli': GEN_AI_PROVIDER_NAME_VALUE_GCP_GEMINI,
  google: GEN_AI_PROVIDER_NAME_VALUE_GCP_GEMINI,
  vertex: GEN_AI_PROVIDER_NAME_VALUE_GCP_VERTEX_AI,
  xai: GEN_AI_PROVIDER_NAME_VALUE_X_AI,
  grok: GEN_AI_PROVIDER_NAME_VALUE_X_AI,
  bedrock: GEN_AI_PROVIDER_NAME_VALUE_AWS_BEDROCK,
  deepseek: GEN_AI_PROVIDER_NAME_VALUE_DEEPSEEK,
  mistral: GEN_AI_PROVIDER_NAME_VALUE_MISTRAL_AI,
  groq: GEN_AI_PROVIDER_NAME_VALUE_GROQ,
  perplexity: GEN_AI_PROVIDER_NAME_VALUE_PERPLEXITY,
  cohere: GEN_AI_PROVIDER_NAME_VALUE_COHERE,
};

/** `gen_ai.provider.name` of an engine: the convention's well-known value, else the engine as written (the convention allows other values). */
export function providerName(engine: string): string {
  return PROVIDER_OF_ENGINE[engine.trim().toLowerCase()] ?? engine;
}
