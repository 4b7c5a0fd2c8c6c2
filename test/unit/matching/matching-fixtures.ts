import type { MatchingInstance, MatchParticipant } from '../../../src-main/domain/matching';

/** Small seeded generator (LCG) so every random test is reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Random instance with capacities, exclusions, skewed popularity, host caps, mentors and multi-placement. */
export function randomInstance(seed: number, opts: { participants: number; hosts: number; multi?: boolean; maxRank?: number }): MatchingInstance {
  const r = rng(seed);
  const H = opts.hosts;
  const R = opts.maxRank ?? 3;
  const places = [];
  const mentors = [];
  for (let h = 0; h < H; h++) {
    const n = 1 + Math.floor(r() * 2);
    for (let k = 0; k < n; k++) {
      places.push({ id: `pl${h}_${k}`, hostId: `h${h}`, capacity: 1 + Math.floor(r() * 2), languages: r() < 0.2 ? (['fr'] as const) : (['nl', 'fr'] as const) });
      if (r() < 0.3) mentors.push({ id: `m${h}_${k}`, hostId: `h${h}`, capacity: Math.floor(r() * 2), placeIds: [`pl${h}_${k}`] });
    }
  }
  const hosts = Array.from({ length: H }, (_, h) => ({ id: `h${h}`, name: `Host ${h}`, capacity: r() < 0.3 ? 1 + Math.floor(r() * 2) : null }));
  const weight = (h: number) => 1 / (h + 1) ** 1.2;
  const total = Array.from({ length: H }, (_, h) => weight(h)).reduce((a, b) => a + b, 0);
  const draw = () => {
    let x = r() * total;
    for (let h = 0; h < H; h++) {
      x -= weight(h);
      if (x <= 0) return h;
    }
    return H - 1;
  };
  const participants: MatchParticipant[] = [];
  const forbiddenPairs = [];
  for (let i = 0; i < opts.participants; i++) {
    const set = new Set<number>();
    const k = 1 + Math.floor(r() * R);
    for (let t = 0; t < 10 && set.size < k; t++) set.add(draw());
    participants.push({
      id: `p${i}`,
      organisationId: `h${Math.floor(r() * H)}`,
      priority: { tier: Math.floor(r() * 2), isEarlyBird: r() < 0.3, signedUpAt: Math.floor(r() * 5) },
      choices: [...set].map((h, j) => ({ rank: j + 1, hostId: `h${h}`, placeId: r() < 0.2 ? `pl${h}_0` : null })),
      languages: r() < 0.2 ? ['nl'] : ['nl', 'fr'],
      maxPlacements: opts.multi && r() < 0.5 ? 2 : 1,
    });
    if (r() < 0.15) forbiddenPairs.push({ participantId: `p${i}`, hostId: `h${draw()}` });
  }
  return { participants, hosts, places, mentors, forbiddenPairs };
}

/**
 * Adds up to two mentors per host whose place lists overlap (some cover the whole host), on top of
 * the instance's own: a place may then need any one of several mentors. Uses its own generator so
 * the base instance stays the same for a given seed.
 */
export function withOverlappingMentors(inst: MatchingInstance, seed: number): MatchingInstance {
  const r = rng(seed * 7919 + 17);
  const mentors = [...(inst.mentors ?? [])];
  for (const h of inst.hosts) {
    const own = inst.places.filter((p) => p.hostId === h.id).map((p) => p.id);
    const count = Math.floor(r() * 3);
    for (let j = 0; j < count; j++) {
      const picked = own.filter(() => r() < 0.6);
      mentors.push({
        id: `om${String(h.id)}_${j}`,
        hostId: h.id,
        capacity: Math.floor(r() * 3),
        placeIds: r() < 0.3 ? null : picked.length > 0 ? picked : own.slice(0, 1),
      });
    }
  }
  return { ...inst, mentors };
}
