import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHoursLedger } from '../../../src-main/domain/planner/hours-ledger';
import { findSessionOverlaps } from '../../../src-main/domain/planner/session-assignment';
import { moveBlock } from '../../../src-main/domain/planner/shadow-schedule';
import type { Conflict, SessionOverlap } from '../../../src-shared/schemas/planner.schema';
import en from '../../../src-renderer/src/i18n/en';
import fr from '../../../src-renderer/src/i18n/fr';
import nl from '../../../src-renderer/src/i18n/nl';
import { conflictFix, conflictSessionText, overlapText, ruleText } from '../../../src-renderer/src/pages/planner/texts';
import { placement } from './planner-fixtures';

/*
 * The window says a double booking with a group session in the coordinator's language, from the
 * code and params the domain sends: the session's kind and title, its times, and what to do.
 */

const t = {} as Record<'nl' | 'fr' | 'en', TFunction>;

beforeAll(async () => {
  for (const lng of ['nl', 'fr', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({ resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } }, lng, fallbackLng: 'nl', interpolation: { escapeValue: false } });
    t[lng] = instance.t;
  }
});

const ctx = {
  placements: [placement({ id: 1 })],
  holidays: [],
  sessionBookings: [{ personId: 201, sessionId: 7, kind: 'debrief' as const, title: 'Terugkomdag Gent', date: '2026-02-03', startTime: '13:00', endTime: '16:00' }],
};

describe('texts of a double booking with a group session', () => {
  it('names the session, its kind and times in nl, fr and en when a move is refused', () => {
    const r = moveBlock([{ id: 10, placementId: 1, date: '2026-02-04', startTime: '09:00', endTime: '12:30', status: 'proposed' }], 10, { date: '2026-02-03', startTime: '12:30', endTime: '16:00' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0]!;
    const nlText = ruleText(t.nl, 'nl', e.code, e.params ?? {}, e.message);
    expect(nlText).toContain('Mentor Mira heeft op');
    expect(nlText).toContain('de sessie terugkomdag "Terugkomdag Gent" van 13:00 tot 16:00');
    expect(ruleText(t.fr, 'fr', e.code, e.params ?? {}, e.message)).toContain('la séance journée de retour « Terugkomdag Gent » de 13:00 à 16:00');
    expect(ruleText(t.en, 'en', e.code, e.params ?? {}, e.message)).toContain('Mentor Mira has the debrief session "Terugkomdag Gent" from 13:00 to 16:00');
    // A double booking with another block keeps its own text.
    expect(ruleText(t.en, 'en', 'mentor_double_booked', { name: 'Mira', otherStart: '09:00', otherEnd: '12:00' }, '')).toMatch(/^Mentor Mira is booked twice/);
  });

  it('gives a ledger conflict with a session its own detail line and fix', () => {
    const l = buildHoursLedger({ ...ctx, blocks: [{ id: 1, placementId: 1, date: '2026-02-03', startTime: '09:00', endTime: '16:00', status: 'accepted' }], skipSuggestions: true });
    const c = l.conflicts[0]!;
    const conflict: Conflict = { ...c, blockId: 1, placementId: 1, participantId: 101, otherBlockId: null, sessionId: 7, participantName: 'An', params: { ...c.params } };
    expect(conflictFix(t.nl, conflict)).toBe('Verplaats dit blok naar het voorgestelde moment, of deel de mentor in bij een sessie op een ander moment.');
    expect(conflictSessionText(t.en, 'en', conflict)).toContain('"Terugkomdag Gent" from 13:00 to 16:00');
    const withBlock: Conflict = { ...conflict, sessionId: null, otherBlockId: 2 };
    expect(conflictSessionText(t.en, 'en', withBlock)).toBeNull();
    expect(conflictFix(t.en, withBlock)).toBe('Move this block to the suggested time, or move the other block.');
  });

  it('says who is in two sessions at once', () => {
    const base = { kind: 'preparation' as const, location: '', audienceNetwork: null, audienceRoles: 'both' as const, capacity: null, date: '2026-01-17' };
    const [o] = findSessionOverlaps(
      [{ ...base, id: 1, title: 'Voorbereiding', startTime: '09:30', endTime: '12:30' }, { ...base, id: 2, kind: 'intervision', title: 'Intervisie', startTime: '12:00', endTime: '14:00' }],
      [{ sessionId: 1, personId: 10 }, { sessionId: 2, personId: 10 }],
      () => 'An',
    );
    const overlap: SessionOverlap = { personId: 10, name: 'An', sessionId: 1, otherSessionId: 2, date: o!.date, message: o!.message, params: { ...o!.params } };
    expect(overlapText(t.nl, 'nl', overlap)).toMatch(/^An is op .* ingedeeld in twee sessies tegelijk: "Voorbereiding" \(09:30–12:30\) en "Intervisie" \(12:00–14:00\)/);
    expect(overlapText(t.fr, 'fr', overlap)).toContain('« Voorbereiding » (09:30–12:30) et « Intervisie » (12:00–14:00)');
  });
});
