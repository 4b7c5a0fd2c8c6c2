import { describe, expect, it } from 'vitest';
import { compileInstance, explainMatching, renderExplanation, runMatching, type ChoiceReason, type MatchingInstance, type ParticipantExplanation } from '../../../src-main/domain/matching';
import { randomInstance, withOverlappingMentors } from './matching-fixtures';

const full = (over: Partial<ChoiceReason>): ChoiceReason => ({ rank: 1, hostId: 'h', hostName: 'De Vlinder', code: 'full_higher_priority', limit: 'place', capacity: 4, takenBy: 4, takenByHigherPriority: 4, ...over });
const unplaced = (...reasons: ChoiceReason[]): ParticipantExplanation => ({ participantId: 'p', outcome: 'unplaced', obtainedRank: null, reasons });
const prefix = { nl: 'Niet geplaatst. Keuze 1, De Vlinder: ', en: 'Not placed. Choice 1, De Vlinder: ' };

describe('explanations count in words: singular for one, plural otherwise', () => {
  const cases: { name: string; reason: ChoiceReason; nl: string; en: string }[] = [
    {
      name: 'one place, one holder of higher priority',
      reason: full({ capacity: 1, takenBy: 1, takenByHigherPriority: 1 }),
      nl: '1 plaats, ingenomen door een deelnemer met een hogere prioriteit.',
      en: '1 place, taken by a participant with higher priority.',
    },
    {
      name: 'several places, all held by higher priority',
      reason: full({}),
      nl: '4 plaatsen, allemaal ingenomen door deelnemers met een hogere prioriteit.',
      en: '4 places, all taken by participants with higher priority.',
    },
    {
      name: 'the host limit, one place',
      reason: full({ limit: 'host', capacity: 1, takenBy: 1, takenByHigherPriority: 1 }),
      nl: '1 plaats bij deze organisatie, ingenomen door een deelnemer met een hogere prioriteit.',
      en: '1 place at this organisation, taken by a participant with higher priority.',
    },
    {
      name: 'the mentor limit, two places',
      reason: full({ limit: 'mentor', capacity: 2, takenBy: 2, takenByHigherPriority: 2 }),
      nl: '2 mentorplaatsen, allemaal ingenomen door deelnemers met een hogere prioriteit.',
      en: '2 mentor places, all taken by participants with higher priority.',
    },
    {
      name: 'optimal trade-off: one lower-priority holder of one place',
      reason: full({ code: 'full_optimal_tradeoff', capacity: 1, takenBy: 1, takenByHigherPriority: 0 }),
      nl: '1 plaats, ingenomen door een deelnemer met een lagere prioriteit; zo krijgen meer deelnemers een plaats of een betere keuze.',
      en: '1 place, taken by a participant with lower priority, so that more participants get a place or a better choice.',
    },
    {
      name: 'optimal trade-off: a split with one on each side',
      reason: full({ code: 'full_optimal_tradeoff', capacity: 2, takenBy: 2, takenByHigherPriority: 1 }),
      nl: '2 plaatsen, allemaal ingenomen: 1 door een deelnemer met een hogere prioriteit en 1 door een deelnemer met een lagere prioriteit; zo krijgen meer deelnemers een plaats of een betere keuze.',
      en: '2 places, all taken: 1 by a participant with higher priority and 1 by a participant with lower priority, so that more participants get a place or a better choice.',
    },
    {
      name: 'optimal trade-off: a split with several on each side',
      reason: full({ code: 'full_optimal_tradeoff', capacity: 5, takenBy: 5, takenByHigherPriority: 3 }),
      nl: '5 plaatsen, allemaal ingenomen: 3 door deelnemers met een hogere prioriteit en 2 door deelnemers met een lagere prioriteit; zo krijgen meer deelnemers een plaats of een betere keuze.',
      en: '5 places, all taken: 3 by participants with higher priority and 2 by participants with lower priority, so that more participants get a place or a better choice.',
    },
    {
      name: 'a place without capacity',
      reason: full({ capacity: 0, takenBy: 0, takenByHigherPriority: 0 }),
      nl: 'geen plaatsen.',
      en: 'no places.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(renderExplanation(unplaced(c.reason), 'nl')).toBe(prefix.nl + c.nl);
      expect(renderExplanation(unplaced(c.reason), 'en')).toBe(prefix.en + c.en);
    });
  }

  it('joins several choices with the second label in lower case', () => {
    const e = unplaced(full({ capacity: 1, takenBy: 1, takenByHigherPriority: 1 }), { rank: 2, hostId: 'a', hostName: 'Het Anker', code: 'too_far' });
    expect(renderExplanation(e, 'nl')).toBe('Niet geplaatst. Keuze 1, De Vlinder: 1 plaats, ingenomen door een deelnemer met een hogere prioriteit; keuze 2, Het Anker: te ver weg.');
    expect(renderExplanation(e, 'en')).toBe('Not placed. Choice 1, De Vlinder: 1 place, taken by a participant with higher priority; choice 2, Het Anker: too far away.');
  });

  it('says "placed outside the choices", not "not placed", for someone moved by hand to a host they did not choose', () => {
    const inst: MatchingInstance = {
      participants: [
        { id: 'hi', organisationId: null, priority: { tier: 0, isEarlyBird: false, signedUpAt: 1 }, choices: [{ rank: 1, hostId: 'hv' }] },
        { id: 'lo', organisationId: null, priority: { tier: 1, isEarlyBird: false, signedUpAt: 1 }, choices: [{ rank: 1, hostId: 'hv' }] },
      ],
      hosts: [{ id: 'hv', name: 'De Vlinder' }, { id: 'ha', name: 'Het Anker' }],
      places: [{ id: 'v', hostId: 'hv', capacity: 1 }, { id: 'a', hostId: 'ha', capacity: 1 }],
      pins: [{ participantId: 'lo', placeId: 'a' }],
    };
    const c = compileInstance(inst);
    const res = runMatching(inst, 'priority', c);
    const e = explainMatching(c, res).find((x) => x.participantId === 'lo');
    expect(e).toMatchObject({ outcome: 'lower_choice', obtainedRank: null });
    expect(renderExplanation(e!, 'nl')).toBe('Geplaatst buiten de keuzes. Keuze 1, De Vlinder: 1 plaats, ingenomen door een deelnemer met een hogere prioriteit.');
    expect(renderExplanation(e!, 'en')).toBe('Placed outside their choices. Choice 1, De Vlinder: 1 place, taken by a participant with higher priority.');
  });

  it('never writes "1 plaatsen", "1 places" or "1 deelnemers" on random instances', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      // Capacities of 0 to 2 and crowded hosts: many "1 place" and "0 places" limits.
      const inst = withOverlappingMentors(randomInstance(seed, { participants: 14, hosts: 4 }), seed);
      const c = compileInstance(inst);
      for (const mode of ['priority', 'optimal'] as const) {
        for (const e of explainMatching(c, runMatching(inst, mode, c))) {
          for (const lang of ['nl', 'en'] as const) {
            const text = renderExplanation(e, lang);
            expect(text).not.toMatch(/\b1 (plaatsen|mentorplaatsen|places|mentor places|deelnemers|participants)\b/);
            expect(text).not.toMatch(/\b0 (plaats|mentorplaats|place|mentor place)\b|\b(door|by) [01] /);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
