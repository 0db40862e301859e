export { cachePlugin } from './plugin.js';
export { cacheSectionSchema, cacheRowSchema, type CacheSection, type CacheRow } from './section.js';
export { mergeCache } from './merge.js';
