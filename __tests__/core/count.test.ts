import { count, decimal, type Precision } from '../../src/core/count.js';

describe('numbers are written as toLocaleString("en-US") writes them, without Intl', () => {
  test.each([
    [0, '0'],
    [-0, '0'],
    [7, '7'],
    [1234, '1,234'],
    [1234567, '1,234,567'],
    [-12345, '-12,345'],
    [2.5, '2.5'],
    [0.0005, '0.001']
  ])('count(%p) is %p', (n, expected) => {
    expect(count(n)).toBe(expected);
  });

  test.each([
    [1.005, { maximumFractionDigits: 2 }, '1.01'],
    [8.345, { maximumFractionDigits: 2 }, '8.35'],
    [99.995, { maximumFractionDigits: 2 }, '100'],
    [3, { maximumFractionDigits: 2 }, '3'],
    [1.2345, { maximumSignificantDigits: 2 }, '1.2'],
    [0.036, { maximumSignificantDigits: 2 }, '0.036'],
    [0.0000036, { maximumSignificantDigits: 2 }, '0.0000036'],
    [27, { maximumSignificantDigits: 2 }, '27'],
    [1234, { maximumSignificantDigits: 2 }, '1,200'],
    [9.96, { maximumSignificantDigits: 2 }, '10']
  ] as [number, Precision, string][])('decimal(%p, %p) is %p', (n, precision, expected) => {
    expect(decimal(n, precision)).toBe(expected);
  });

  test('agrees with toLocaleString on 60,000 numbers of every magnitude', () => {
    // mulberry32, seeded: the same numbers on every run.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const precisions: Precision[] = [
      { maximumFractionDigits: 0 },
      { maximumFractionDigits: 2 },
      { maximumFractionDigits: 3 },
      { maximumSignificantDigits: 1 },
      { maximumSignificantDigits: 2 }
    ];
    const differences: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 24 - 10);
      const raw = random() * magnitude * (random() < 0.1 ? -1 : 1);
      // Every third number has few decimals, where halfway cases (x.xx5) are common.
      const n = i % 3 === 0 ? Math.round(raw * 1000) / 1000 : raw;
      // Intl writes -0 as "-0"; a count of -0 is written "0" (tested above).
      if (Object.is(n, -0)) continue;
      for (const precision of precisions) {
        const ours = decimal(n, precision);
        const intl = n.toLocaleString('en-US', precision);
        if (ours !== intl) differences.push(`${n} ${JSON.stringify(precision)}: ${ours} vs ${intl}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
