import { describe, expect, it } from 'vitest';
import { checkMove, compileInstance, explainMatching, renderExplanation, runMatching, type MatchingInstance } from '../../../src-main/domain/matching';
import { randomInstance, rng } from './matching-fixtures';

const base = (over: Partial<MatchingInstance['participants'][number]> = {}): MatchingInstance => ({
  participants: [{ id: 'a', organisationId: 'own', priority: { tier: 0, isEarlyBird: false, signedUpAt: 1 }, choices: [{ rank: 1, hostId: 'h' }], ...over }],
  hosts: [{ id: 'h', name: 'De Vlinder', location: { region: 'Brussel' } }, { id: 'own', name: 'Eigen' }],
  places: [{ id: 'x', hostId: 'h', capacity: 1, languages: ['fr'], format: 'day', availability: ['mon_am', 'mon_pm'] }],
});

describe('feasibility: every constraint has its reason code', () => {
  it.each([
    ['own_organisation', base({ choices: [{ rank: 1, hostId: 'own' }] }), 'no_place'],
    ['own organisation at a host with places', { ...base({ organisationId: 'h' }) }, 'own_organisation'],
    ['visited_before', base({ visitedHostIds: ['h'] }), 'visited_before'],
    ['language', base({ languages: ['nl'] }), 'language'],
    ['availability (day needs am+pm)', base({ availability: ['mon_am'] }), 'availability'],
    ['too_far', { ...base({ location: { region: 'Gent' } }), travel: { kind: 'same_region' as const } }, 'too_far'],
    ['excluded', { ...base(), forbiddenPairs: [{ participantId: 'a', hostId: 'h' }] }, 'excluded'],
  ])('%s', (_name, inst, code) => {
    const c = compileInstance(inst);
    expect(c.feasibility[0]![0]!.reasons.map((r) => r.code)).toContain(code);
    expect(runMatching(inst, 'optimal').unplaced).toEqual(['a']);
  });
});

describe('determinism and priority', () => {
  it('same result for the same input and for shuffled input', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const inst = randomInstance(seed, { participants: 25, hosts: 6, multi: seed % 2 === 0 });
      const r = rng(seed);
      const shuffle = <T,>(xs: readonly T[]) => [...xs].map((x) => [r(), x] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
      const shuffled = { ...inst, participants: shuffle(inst.participants), places: shuffle(inst.places), hosts: shuffle(inst.hosts) };
      for (const mode of ['priority', 'optimal'] as const) {
        expect(runMatching(shuffled, mode)).toEqual(runMatching(inst, mode));
      }
    }
  });

  it('priority mode: nobody prefers a choice with room left or held by lower priority', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const inst = randomInstance(seed, { participants: 20, hosts: 5 });
      const c = compileInstance({ ...inst, mentors: [] });
      const res = runMatching(c.instance, 'priority', c);
      const got = new Map(res.assignments.map((a) => [a.participantId, a]));
      c.participants.forEach((p, pi) => {
        const mine = got.get(p.id)?.rank ?? Infinity;
        for (const e of c.edges[pi]!) {
          if (e.rank >= mine) break;
          const higher = res.assignments.filter((a) => (c.participantIndex.get(a.participantId) ?? 0) < pi);
          const placeFull = higher.filter((a) => a.placeId === c.places[e.place]!.id).length >= c.places[e.place]!.capacity;
          const hostFull = higher.filter((a) => a.hostId === c.hosts[e.host]!.id).length >= c.hostCapacity[e.host]!;
          expect(placeFull || hostFull, `seed ${seed} participant ${String(p.id)}`).toBe(true);
        }
      });
    }
  });
});

describe('pins, explanations, moves', () => {
  const two: MatchingInstance = {
    participants: [
      { id: 'hi', organisationId: null, priority: { tier: 0, isEarlyBird: true, signedUpAt: 1 }, choices: [{ rank: 1, hostId: 'h' }] },
      { id: 'lo', organisationId: null, priority: { tier: 1, isEarlyBird: false, signedUpAt: 1 }, choices: [{ rank: 1, hostId: 'h' }] },
    ],
    hosts: [{ id: 'h', name: 'De Vlinder' }],
    places: [{ id: 'x', hostId: 'h', capacity: 1 }],
  };
  it('a pin survives and takes the capacity first', () => {
    const res = runMatching({ ...two, pins: [{ participantId: 'lo', placeId: 'x' }] }, 'optimal');
    expect(res.assignments).toEqual([expect.objectContaining({ participantId: 'lo', isPinned: true })]);
    expect(res.unplaced).toEqual(['hi']);
  });
  it('explains in Dutch and English', () => {
    const c = compileInstance(two);
    const res = runMatching(two, 'priority', c);
    const [e] = explainMatching(c, res);
    expect(e!.reasons[0]).toMatchObject({ rank: 1, code: 'full_higher_priority', capacity: 1, takenBy: 1 });
    expect(renderExplanation(e!, 'nl')).toBe('Niet geplaatst. Keuze 1, De Vlinder: 1 plaats, ingenomen door een deelnemer met een hogere prioriteit.');
    expect(renderExplanation(e!, 'en')).toBe('Not placed. Choice 1, De Vlinder: 1 place, taken by a participant with higher priority.');
  });
  it('a manual move into a full place is refused with a message', () => {
    const c = compileInstance(two);
    const res = runMatching(two, 'optimal', c);
    const check = checkMove(c, res.assignments, { participantId: 'lo', placeId: 'x' });
    expect(check).toMatchObject({ ok: false, problems: ['place_full', 'host_full'] });
  });
});
