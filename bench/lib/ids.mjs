// Deterministic session ids shaped like the UUIDs real recorders use.
import { seeded } from './random.mjs';

/** The id of generated session `index`. */
export function sessionIdFor(index) {
  const rand = seeded(index ^ 0x5bd1e995);
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Start of generated session `index` of `total`: spread evenly over the year 2025. */
export function startMsFor(index, total) {
  const year = 365 * 24 * 3600 * 1000;
  return Date.UTC(2025, 0, 1) + Math.floor((index * year) / Math.max(total, 1));
}
