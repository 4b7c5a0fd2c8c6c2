import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { compileInstance, runMatching, type CompiledInstance } from '../../../src-main/domain/matching';
import { randomInstance, withOverlappingMentors } from './matching-fixtures';

function lexGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Exhaustive search over every assignment (one placement each): independent of the flow model. */
function bruteForce(c: CompiledInstance): number[] {
  const P = c.participants.length;
  const placeRoom = Int32Array.from(c.placeRoom);
  const hostRoom = Int32Array.from(c.hostRoom);
  const mentorRoom = Int32Array.from(c.mentorRoom);
  const counts = new Array<number>(c.maxRank + 1).fill(0);
  let best: number[] = [-1];
  let placed = 0;
  const go = (pi: number): void => {
    if (pi === P) {
      const k = [placed, ...counts.slice(1)];
      if (lexGreater(k, best)) best = k;
      return;
    }
    go(pi + 1);
    for (const e of c.edges[pi]!) {
      if (placeRoom[e.place]! <= 0 || hostRoom[e.host]! <= 0) continue;
      // Every covering mentor with room is its own branch: with overlapping mentor lists the choice
      // of mentor matters, and a first-fit guess would not be exhaustive.
      const ms = c.placeMentors[e.place]!;
      const options: (number | undefined)[] = ms.length === 0 ? [undefined] : ms.filter((x) => mentorRoom[x]! > 0);
      for (const m of options) {
        placeRoom[e.place]!--; hostRoom[e.host]!--; if (m !== undefined) mentorRoom[m]!--;
        counts[e.rank]!++; placed++;
        go(pi + 1);
        placeRoom[e.place]!++; hostRoom[e.host]!++; if (m !== undefined) mentorRoom[m]!++;
        counts[e.rank]!--; placed--;
      }
    }
  };
  go(0);
  return best;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/**
 * Independent MIP: sequential lexicographic optimisation (placements, participants placed, n1, n2, ...),
 * each level fixed as a constraint before the next. Uses the compiled feasible pairs only.
 */
function highsProfile(highs: Highs, c: CompiledInstance): number[] {
  const edges = c.edges.flatMap((list, pi) => list.map((e, k) => ({ ...e, pi, name: `x${pi}_${k}` })));
  const rows: string[] = [];
  c.participants.forEach((_, pi) => {
    const xs = edges.filter((e) => e.pi === pi);
    if (xs.length === 0) return;
    rows.push(`${xs.map((e) => e.name).join(' + ')} <= ${Math.max(0, c.slots[pi]!)}`);
    rows.push(`y${pi} - ${xs.map((e) => e.name).join(' - ')} <= 0`);
    const hosts = new Set(xs.map((e) => e.host));
    for (const h of hosts) rows.push(`${xs.filter((e) => e.host === h).map((e) => e.name).join(' + ')} <= 1`);
  });
  c.places.forEach((_, pl) => {
    const xs = edges.filter((e) => e.place === pl);
    if (xs.length > 0) rows.push(`${xs.map((e) => e.name).join(' + ')} <= ${Math.max(0, c.placeRoom[pl]!)}`);
  });
  c.hosts.forEach((_, h) => {
    const xs = edges.filter((e) => e.host === h);
    if (xs.length > 0) rows.push(`${xs.map((e) => e.name).join(' + ')} <= ${Math.max(0, c.hostRoom[h]!)}`);
  });
  c.mentors.forEach((_, m) => {
    const xs = edges.filter((e) => c.placeMentors[e.place]!.includes(m));
    if (xs.length > 0) rows.push(`${xs.map((e) => e.name).join(' + ')} <= ${Math.max(0, c.mentorRoom[m]!)}`);
  });
  const ys = c.participants.map((_, pi) => `y${pi}`).filter((y) => rows.some((r) => r.startsWith(`${y} `)));
  const objectives = [
    edges.map((e) => e.name),
    ys,
    ...Array.from({ length: c.maxRank }, (_, i) => edges.filter((e) => e.rank === i + 1).map((e) => e.name)),
  ];
  const fixed: string[] = [];
  const values: number[] = [];
  for (const obj of objectives) {
    if (obj.length === 0 || edges.length === 0) { values.push(0); fixed.push(''); continue; }
    const lp = [
      'Maximize', ` obj: ${obj.join(' + ')}`,
      'Subject To', ...[...rows, ...fixed.filter((f) => f !== '')].map((r, i) => ` c${i}: ${r}`),
      'Bounds', ...ys.map((y) => ` 0 <= ${y} <= 1`),
      'Binary', ...edges.map((e) => ` ${e.name}`),
      'End',
    ].join('\n');
    const sol = highs.solve(lp, { output_flag: false } as never);
    expect(sol.Status).toBe('Optimal');
    const v = Math.round(sol.ObjectiveValue);
    values.push(v);
    fixed.push(`${obj.join(' + ')} >= ${v}`);
  }
  return values;
}

function ourKey(c: CompiledInstance, withParticipants: boolean): number[] {
  const res = runMatching(c.instance, 'optimal', c);
  const solved = res.assignments.filter((a) => !a.isPinned);
  const prof = Array.from({ length: c.maxRank }, (_, i) => solved.filter((a) => a.rank === i + 1).length);
  const people = new Set(solved.map((a) => a.participantId)).size;
  return withParticipants ? [solved.length, people, ...prof] : [solved.length, ...prof];
}

describe('optimal mode is rank-maximal among the largest matchings', () => {
  it('matches exhaustive search on 150 small instances', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const c = compileInstance(randomInstance(seed, { participants: 6, hosts: 4 }));
      expect(ourKey(c, false), `seed ${seed}`).toEqual(bruteForce(c));
    }
  });

  it('matches exhaustive search on 150 small instances whose mentors cover overlapping places', () => {
    let overlapping = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const c = compileInstance(withOverlappingMentors(randomInstance(seed, { participants: 6, hosts: 3 }), seed));
      if (c.placeMentors.some((ms) => ms.length > 1)) overlapping++;
      const res = runMatching(c.instance, 'optimal', c);
      expect(ourKey(c, false), `seed ${seed}`).toEqual(bruteForce(c));
      // The decoded mentors respect their capacities and cover the place.
      for (const m of c.mentors) {
        const mine = res.assignments.filter((a) => a.mentorId === m.id);
        expect(mine.length, `seed ${seed} mentor ${String(m.id)}`).toBeLessThanOrEqual(Math.max(0, m.capacity));
        for (const a of mine) expect(c.placeMentors[c.placeIndex.get(a.placeId)!]).toContain(c.mentorIndex.get(m.id));
      }
      for (const a of res.assignments) expect(a.mentorId === null, `seed ${seed}`).toBe(c.placeMentors[c.placeIndex.get(a.placeId)!]!.length === 0);
    }
    expect(overlapping).toBeGreaterThan(50);
  });

  it('matches an independent HiGHS MIP on 250 random instances (capacities, exclusions, Zipf, mentors, multi-placement)', async () => {
    const highs = await loadHighs();
    for (let seed = 1000; seed < 1250; seed++) {
      const inst = randomInstance(seed, { participants: 10 + (seed % 30), hosts: 3 + (seed % 8), multi: seed % 3 === 0, maxRank: 2 + (seed % 4) });
      const c = compileInstance(inst);
      expect(ourKey(c, true), `seed ${seed}`).toEqual(highsProfile(highs, c));
    }
  });
});
