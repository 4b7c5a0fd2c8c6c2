import loadHighs from 'highs';
import { bench, describe, expect } from 'vitest';
import { runMatching, type MatchingInstance, type RankProfile } from '../src-main/domain/matching';

/**
 * Optimal mode on 10,000 participants × 1,000 hosts (one place each, capacity 12, 3 choices),
 * uniform and Zipf-skewed popularity, against HiGHS solving the same assignment LP (totally
 * unimodular, so the simplex vertex is integral) with a weighted lexicographic objective.
 * Before timing, both rank profiles are asserted equal.
 */
function makeInstance(zipf: boolean): MatchingInstance {
  let seed = zipf ? 7 : 3;
  const r = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const H = 1000;
  const N = 10000;
  const cum: number[] = [];
  let s = 0;
  for (let i = 0; i < H; i++) cum.push((s += zipf ? 1 / (i + 1) : 1));
  const draw = () => {
    const x = r() * s;
    let lo = 0;
    let hi = H - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cum[m]! < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  const participants = Array.from({ length: N }, (_, i) => {
    const set = new Set<number>();
    while (set.size < 3) set.add(draw());
    return {
      id: i,
      organisationId: null,
      priority: { tier: i % 2, isEarlyBird: false, signedUpAt: i },
      choices: [...set].map((h, k) => ({ rank: k + 1, hostId: h })),
    };
  });
  return {
    participants,
    hosts: Array.from({ length: H }, (_, i) => ({ id: i, name: `Host ${i}` })),
    places: Array.from({ length: H }, (_, i) => ({ id: i, hostId: i, capacity: 12 })),
  };
}

const highs = await loadHighs();

function solveHighs(inst: MatchingInstance): RankProfile {
  const cols: { p: number; h: number; rank: number }[] = [];
  inst.participants.forEach((p, pi) => p.choices.forEach((c) => cols.push({ p: pi, h: c.hostId as number, rank: c.rank })));
  const weight = [0, 1e10 + 1e5, 1e10 + 1, 1e10];
  const N = inst.participants.length;
  const H = inst.hosts.length;
  // CSC: column j has a 1 in its participant row and in its host row.
  const starts = new Int32Array(cols.length + 1);
  const indices = new Int32Array(cols.length * 2);
  const values = new Float64Array(cols.length * 2).fill(1);
  cols.forEach((c, j) => {
    starts[j + 1] = 2 * (j + 1);
    indices[2 * j] = c.p;
    indices[2 * j + 1] = N + c.h;
  });
  using model = highs.createModel();
  model.passModel({
    numCols: cols.length,
    numRows: N + H,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cols, (c) => weight[c.rank]!),
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(1),
    rowLower: new Float64Array(N + H).fill(-highs.infinity),
    rowUpper: Float64Array.from({ length: N + H }, (_, i) => (i < N ? 1 : 12)),
    matrix: { format: 'csc', numRows: N + H, numCols: cols.length, starts, indices, values },
  });
  model.options.set('output_flag', false);
  model.run();
  const x = model.getSolution().colValue;
  const profile: RankProfile = { 1: 0, 2: 0, 3: 0 };
  cols.forEach((c, j) => {
    if (x[j]! > 0.5) profile[c.rank] = (profile[c.rank] ?? 0) + 1;
  });
  return profile;
}

for (const zipf of [false, true]) {
  const inst = makeInstance(zipf);
  const ours = runMatching(inst, 'optimal').byRank;
  const theirs = solveHighs(inst);
  expect(ours).toEqual(theirs);
  describe(`optimal matching, 10,000 × 1,000, capacity 12, 3 choices, ${zipf ? 'Zipf' : 'uniform'} (profile ${JSON.stringify(ours)})`, () => {
    bench('meeloop optimal (compile + solve)', () => {
      runMatching(inst, 'optimal');
    }, { iterations: 5, warmupIterations: 1 });
    bench('highs LP (same instance)', () => {
      solveHighs(inst);
    }, { iterations: 3, warmupIterations: 0 });
  });
}
