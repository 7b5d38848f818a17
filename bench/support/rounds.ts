/**
 * Times async variants against each other in one run: after a warm-up, `rounds` rounds of `calls`
 * sequential calls per variant, the order flipped every other round so that drift (GC, JIT, the
 * server's caches) hits every variant alike. Answers the median ms per call of each variant.
 * Runs in Node and, bundled into a page, in Chromium.
 */
export async function timeRounds(
  variants: Record<string, () => Promise<unknown>>,
  { calls = 100, rounds = 25, warmup = 300 } = {},
): Promise<Record<string, number>> {
  const names = Object.keys(variants);
  for (const name of names) for (let i = 0; i < warmup; i++) await variants[name]!();
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const fn = variants[name]!;
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) await fn();
      perRound[name]!.push((performance.now() - t0) / calls);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(names.map((n) => [n, median(perRound[n]!)]));
}
