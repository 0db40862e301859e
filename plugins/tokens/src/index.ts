export { tokensPlugin } from './plugin.js';
export { tokensSectionSchema, usageRowSchema, type TokensSection, type UsageRow } from './section.js';
export { mergeTokens } from './merge.js';
