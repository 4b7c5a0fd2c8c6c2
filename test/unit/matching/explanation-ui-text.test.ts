import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileInstance, explainMatching, MOVE_MESSAGES, renderExplanation, runMatching, type MoveProblemCode, type ParticipantExplanation } from '../../../src-main/domain/matching';
import en from '../../../src-renderer/src/i18n/en';
import fr from '../../../src-renderer/src/i18n/fr';
import nl from '../../../src-renderer/src/i18n/nl';
import { explanationText, pinProblemText, refusalFromProblems } from '../../../src-renderer/src/pages/matching/explanation-text';
import { randomInstance, withOverlappingMentors } from './matching-fixtures';

/*
 * The window writes explanations from the structured reasons with i18next (so French gets them too);
 * the CLI prints the domain's sentences. Dutch and English must be the same words in both places.
 */

const t: Record<'nl' | 'fr' | 'en', TFunction> = {} as Record<'nl' | 'fr' | 'en', TFunction>;

beforeAll(async () => {
  for (const lng of ['nl', 'fr', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({ resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } }, lng, fallbackLng: 'nl', interpolation: { escapeValue: false } });
    t[lng] = instance.t;
  }
});

/** The outcome as the service sends it (see toScenario in matching.service.ts). */
function asOutcome(e: ParticipantExplanation) {
  return {
    outcome: e.outcome,
    obtainedRank: e.obtainedRank,
    reasons: e.reasons.map((r) => ({
      rank: r.rank,
      organisationId: null,
      organisationName: r.hostName,
      code: r.code,
      limit: r.limit ?? null,
      capacity: r.capacity ?? null,
      takenBy: r.takenBy ?? null,
      takenByHigherPriority: r.takenByHigherPriority ?? null,
    })),
    text: { nl: renderExplanation(e, 'nl'), en: renderExplanation(e, 'en') },
  };
}

function randomExplanations(): ParticipantExplanation[] {
  const out: ParticipantExplanation[] = [];
  for (let seed = 1; seed <= 80; seed++) {
    const inst = withOverlappingMentors(randomInstance(seed, { participants: 14, hosts: 4 }), seed);
    const c = compileInstance(inst);
    for (const mode of ['priority', 'optimal'] as const) out.push(...explainMatching(c, runMatching(inst, mode, c)));
  }
  return out;
}

describe('explanations in the window', () => {
  it('writes the same Dutch and English as the domain (CLI), on random instances with every kind of reason', () => {
    const all = randomExplanations();
    const codes = new Set(all.flatMap((e) => e.reasons.map((r) => r.code)));
    for (const code of ['full_higher_priority', 'full_optimal_tradeoff', 'language', 'own_organisation', 'excluded']) expect(codes).toContain(code);
    for (const e of all) {
      const o = asOutcome(e);
      expect(explanationText(o, t.nl, 'nl')).toBe(o.text.nl);
      expect(explanationText(o, t.en, 'en')).toBe(o.text.en);
    }
  });

  it('writes French with French punctuation, in the singular for one and without Dutch words', () => {
    const one = asOutcome({
      participantId: 'p',
      outcome: 'unplaced',
      obtainedRank: null,
      reasons: [
        { rank: 1, hostId: 'h', hostName: 'De Vlinder', code: 'full_higher_priority', limit: 'place', capacity: 1, takenBy: 1, takenByHigherPriority: 1 },
        { rank: 2, hostId: 'a', hostName: 'Le Pivot', code: 'full_optimal_tradeoff', limit: 'host', capacity: 5, takenBy: 5, takenByHigherPriority: 3 },
        { rank: 3, hostId: 'b', hostName: 'Het Anker', code: 'availability' },
      ],
    });
    expect(explanationText(one, t.fr, 'fr')).toBe(
      'Pas de place attribuée. Choix 1, De Vlinder : 1 place, occupée par un participant de priorité plus élevée ; ' +
        'choix 2, Le Pivot : 5 places dans cette organisation, toutes occupées : 3 par des participants de priorité plus élevée et 2 par des participants de priorité moins élevée ; ainsi, plus de participants obtiennent une place ou un meilleur choix ; ' +
        'choix 3, Het Anker : les disponibilités ne correspondent pas aux jours ou à la formule de la place.',
    );
    const lower = asOutcome({ participantId: 'p', outcome: 'lower_choice', obtainedRank: 2, reasons: [{ rank: 1, hostId: 'h', hostName: 'De Vlinder', code: 'full_higher_priority', limit: 'mentor', capacity: 2, takenBy: 2, takenByHigherPriority: 2 }] });
    expect(explanationText(lower, t.fr, 'fr')).toBe('Place obtenue sur le choix 2. Choix 1, De Vlinder : 2 places de mentor, toutes occupées par des participants de priorité plus élevée.');
    for (const e of randomExplanations()) {
      const text = explanationText(asOutcome(e), t.fr, 'fr');
      expect(text).not.toMatch(/\b(plaats|plaatsen|deelnemers?|keuze|ingenomen|prioriteit|matching\.explain)\b/i);
      expect(text).not.toMatch(/\b1 places\b|\b1 par des\b|[^ ][:;]/);
    }
  });

  it('falls back to the service’s sentence for a reason this version does not know', () => {
    const o = { outcome: 'unplaced' as const, obtainedRank: null, reasons: [{ rank: 1, organisationId: null, organisationName: 'X', code: 'future_rule', limit: null, capacity: null, takenBy: null, takenByHigherPriority: null }], text: { nl: 'Niet geplaatst. Keuze 1, X: nieuw.', en: 'Not placed. Choice 1, X: new.' } };
    expect(explanationText(o, t.fr, 'fr')).toBe(o.text.nl);
    expect(explanationText(o, t.en, 'en')).toBe(o.text.en);
  });
});

describe('refused hand moves in the window', () => {
  const codes = Object.keys(MOVE_MESSAGES) as MoveProblemCode[];

  it('says every refusal in the same Dutch and English words as the service, several joined as the service joins them', () => {
    expect(codes.length).toBeGreaterThanOrEqual(18);
    for (const code of codes) {
      expect(refusalFromProblems([code], t.nl)).toBe(MOVE_MESSAGES[code].nl);
      expect(refusalFromProblems([code], t.en)).toBe(MOVE_MESSAGES[code].en);
    }
    const pair: MoveProblemCode[] = ['language', 'place_full'];
    expect(refusalFromProblems(pair, t.nl)).toBe(pair.map((c) => MOVE_MESSAGES[c].nl).join(' '));
  });

  it('says every refusal in French, and gives up (null) on codes it does not know', () => {
    for (const code of codes) {
      const text = refusalFromProblems([code], t.fr)!;
      expect(text).not.toBe(MOVE_MESSAGES[code].nl);
      expect(text).toMatch(/^[A-ZÀ-Ü].*\.$/);
      expect(text).not.toMatch(/matching\.refusals|\b(deelnemer|plaats|organisatie)\b/);
    }
    expect(refusalFromProblems(['place_full'], t.fr)).toBe('La place est complète. Déplacez d’abord quelqu’un d’autre ou augmentez la capacité.');
    expect(refusalFromProblems(['place_full', 'future_rule'], t.fr)).toBeNull();
    expect(refusalFromProblems([], t.fr)).toBeNull();
    expect(refusalFromProblems(undefined, t.fr)).toBeNull();
  });
});

describe('the notice about pinned placements that break a rule', () => {
  it('names the rules in words, in every language, and keeps codes it does not know visible', () => {
    expect(pinProblemText(['place_full'], t.nl)).toBe(MOVE_MESSAGES.place_full.nl);
    expect(pinProblemText(['place_full', 'own_organisation'], t.en)).toBe(`${MOVE_MESSAGES.place_full.en} ${MOVE_MESSAGES.own_organisation.en}`);
    const fr = pinProblemText(['place_full'], t.fr);
    expect(fr).not.toContain('place_full');
    expect(fr).not.toBe(MOVE_MESSAGES.place_full.nl);
    expect(pinProblemText(['place_full', 'from_the_future'], t.nl)).toBe(`${MOVE_MESSAGES.place_full.nl} (from_the_future)`);
    const notice = t.nl('matching.pinProblemsText', { count: 1, codes: pinProblemText(['place_full'], t.nl) });
    expect(notice).toContain('1 vastgezette koppeling breekt een regel');
    expect(notice).not.toMatch(/place_full|\{\{/);
  });
});
