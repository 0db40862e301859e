import { describe, expect, it } from 'vitest';
import { HeatLevels } from './heat-levels.js';

describe('heatmap levels', () => {
  it('spread the days with anything over four shades by rank, not by size', () => {
    // One huge day does not push the others into the lightest shade, as a linear scale would.
    const levels = new HeatLevels([0, 1, 2, 3, 4, 5, 6, 7, 1000]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 1000].map((v) => levels.level(v))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(levels.maxima()).toEqual([2, 4, 6, 1000]);
  });

  it('give ties one level, the busiest day the darkest, and no level to an empty day', () => {
    const levels = new HeatLevels([5.33, 96.29, 0, 0]);
    expect([levels.level(5.33), levels.level(96.29), levels.level(0)]).toEqual([2, 4, 0]);
    expect(levels.maxima()).toEqual([null, 5.33, null, 96.29]);
    const same = new HeatLevels([3, 3, 3]);
    expect(same.level(3)).toBe(4);
    expect(new HeatLevels([]).maxima()).toEqual([null, null, null, null]);
  });
});
