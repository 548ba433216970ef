/**
 * Percentile ranks: the share of the other values a value is above, ties counted half (the mid-rank
 * convention), in [0, 1]. A null value (an undefined measure) ranks 0. Used to put measures on one scale
 * before combining them, so no measure dominates by its units.
 */
export function percentileRanks(values: ReadonlyMap<string, number | null>): Map<string, number> {
  const defined = [...values].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => a[1] - b[1]);
  const out = new Map<string, number>();
  const n = values.size;
  for (const id of values.keys()) out.set(id, 0);
  if (n <= 1) return out;
  let i = 0;
  while (i < defined.length) {
    let j = i;
    while (j + 1 < defined.length && defined[j + 1][1] === defined[i][1]) j++;
    // Values below this tie group: the undefined ones and the defined ones before i; ties count half.
    const below = n - defined.length + i;
    const rank = (below + (j - i) / 2) / (n - 1);
    for (let k = i; k <= j; k++) out.set(defined[k][0], rank);
    i = j + 1;
  }
  return out;
}
