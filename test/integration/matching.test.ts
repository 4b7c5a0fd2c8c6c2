import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/cli';
import { loadDemo } from '../../src-main/services/demo.service';
import { listBackups } from '../../src-main/services/backup.service';
import * as matching from '../../src-main/services/matching.service';
import { listProgrammes } from '../../src-main/services/programme.service';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';

/*
 * The matching service on the demo: scenarios, publish, pins, hand moves and the waiting list,
 * as a coordinator uses them. The algorithms' optimality is proven in test/unit/matching.
 */

let ctx: TestContext;
let dir: string;
let kijkstage: number;
let switching: number;

beforeAll(async () => {
  dir = tempDir('meeloop-matching-');
  ctx = await createTestContext({ file: path.join(dir, 'meeloop.db') });
  await loadDemo(ctx);
  const programmes = await listProgrammes(ctx);
  kijkstage = programmes.find((p) => p.kind === 'kijkstage')!.id;
  switching = programmes.find((p) => p.kind === 'jobshadowing')!.id;
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('matching scenarios on the Kijkstage demo', () => {
  it('runs both modes as scenarios; optimal places at least as many and explains every outcome', async () => {
    const priority = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'priority' });
    const optimal = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'optimal' });
    expect(priority.applications).toBe(200);
    expect(optimal.placed).toBeGreaterThanOrEqual(priority.placed);
    for (const s of [priority, optimal]) {
      expect(s.placed + s.unplaced).toBe(s.applications);
      expect(Object.values(s.byRank).reduce((a, b) => a + b, 0)).toBe(s.placementCount);
      const explained = new Set(s.outcomes.map((o) => o.applicationId));
      for (const w of s.waitingList) expect(explained.has(w.applicationId)).toBe(true);
      for (const a of s.assignments.filter((x) => x.rank !== 1)) expect(explained.has(a.applicationId)).toBe(true);
      for (const o of s.outcomes) {
        expect(o.text.nl).toMatch(/Keuze 1/);
        expect(o.reasons.map((r) => r.code)).not.toContain('unresolved');
      }
      // Fill never exceeds capacity.
      for (const f of s.fill) expect(f.taken).toBeLessThanOrEqual(f.capacity);
    }
    const listed = await matching.listScenarios(ctx, kijkstage);
    expect(listed.slice(0, 2).map((s) => s.mode)).toEqual(['optimal', 'priority']);
  });

  it('is deterministic: the same data gives the same result', async () => {
    const a = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'optimal' });
    const b = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'optimal' });
    const key = (s: typeof a) => s.assignments.map((x) => `${x.applicationId}>${x.placeId}`).sort();
    expect(key(a)).toEqual(key(b));
    expect((await matching.getScenario(ctx, a.id)).assignments.length).toBe(a.assignments.length);
  });

  it('publishes a scenario after a backup; a pinned placement survives a re-run and a re-publish', async () => {
    const s = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'optimal' });
    const r = await matching.publishScenario(ctx, s.id);
    expect(r.published).toBe(s.placementCount);
    expect(listBackups(ctx).some((b) => b.reason === 'before-publish')).toBe(true);
    const placements = await matching.listPlacements(ctx, kijkstage);
    expect(placements.filter((p) => p.status === 'proposed')).toHaveLength(s.placementCount);

    // Pin someone who did not get a first choice, then re-run the other mode.
    const target = placements.find((p) => p.rank !== 1) ?? placements[0]!;
    const pinned = await matching.pinPlacement(ctx, target.id, true);
    expect(pinned.isPinned).toBe(true);
    const again = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'priority' });
    const kept = again.assignments.find((a) => a.applicationId === target.applicationId && a.placeId === target.placeId);
    expect(kept?.isPinned).toBe(true);
    const r2 = await matching.publishScenario(ctx, again.id);
    expect(r2.kept).toBe(1);
    const after = await matching.listPlacements(ctx, kijkstage);
    expect(after.find((p) => p.id === target.id)).toMatchObject({ isPinned: true, status: 'proposed' });
    expect(after.filter((p) => p.applicationId === target.applicationId && p.status !== 'cancelled')).toHaveLength(1);
  });

  it('refuses a hand move that breaks a rule, with a message, and accepts one that fits', async () => {
    const placements = await matching.listPlacements(ctx, kijkstage);
    const hostPlaces = await ctx.db.selectFrom('places').select(['id', 'organisation_id', 'capacity']).where('programme_id', '=', kijkstage).execute();
    const staff = await ctx.db.selectFrom('people').select(['id', 'organisation_id']).execute();
    const orgOf = new Map(staff.map((x) => [x.id, x.organisation_id]));
    // Staff of a host organisation: moving them to their own organisation must be refused.
    const p = placements.find((x) => !x.isPinned && x.status === 'proposed' && hostPlaces.some((h) => h.organisation_id === orgOf.get(x.participantId)))!;
    expect(p).toBeDefined();
    const ownPlace = hostPlaces.find((h) => h.organisation_id === orgOf.get(p.participantId))!;
    await expect(matching.movePlacement(ctx, { applicationId: p.applicationId, placeId: ownPlace.id, fromPlacementId: p.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('own organisation') });

    // A full place (every seat taken by others) refuses the move too.
    const active = placements.filter((x) => x.status !== 'cancelled');
    const fullPlace = hostPlaces.find((h) => h.organisation_id !== p.organisationId && h.organisation_id !== orgOf.get(p.participantId) && active.filter((x) => x.placeId === h.id).length >= h.capacity)!;
    expect(fullPlace).toBeDefined();
    await expect(matching.movePlacement(ctx, { applicationId: p.applicationId, placeId: fullPlace.id, fromPlacementId: p.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/full|vol/i) });

    // A place with room that fits: accepted, and pinned so it survives re-runs.
    const scenario = await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'priority' });
    const fitting = scenario.assignments.find((a) => a.applicationId !== p.applicationId && a.placeId !== null && active.filter((x) => x.placeId === a.placeId).length < (hostPlaces.find((h) => h.id === a.placeId)?.capacity ?? 0));
    if (fitting) {
      const moved = await matching.movePlacement(ctx, { applicationId: fitting.applicationId, placeId: fitting.placeId!, fromPlacementId: active.find((x) => x.applicationId === fitting.applicationId)?.id ?? null });
      expect(moved).toMatchObject({ applicationId: fitting.applicationId, placeId: fitting.placeId, isPinned: true, decidedBy: 'coordinator' });
    }
    const before = await ctx.db.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(matching.movePlacement(ctx, { applicationId: 999_999, placeId: fullPlace.id })).rejects.toMatchObject({ code: 'not_found' });
    const after = await ctx.db.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('cancelling a placement offers the freed place to the first fitting participant on the waiting list', async () => {
    const placements = (await matching.listPlacements(ctx, kijkstage)).filter((p) => p.status === 'proposed');
    const waitingBefore = new Set((await matching.runScenario(ctx, { programmeId: kijkstage, roundId: null, mode: 'priority' })).waitingList.map((w) => w.applicationId));
    let offered = false;
    for (const p of placements.slice(0, 40)) {
      const r = await matching.cancelPlacement(ctx, p.id);
      expect(r.cancelled).toBe(p.id);
      if (r.offer) {
        expect(r.offer.placeId).toBe(p.placeId);
        expect(r.offer.organisationName).toBe(p.organisationName);
        // Never back to the participant who just lost it, and only to someone still without a placement.
        expect(r.offer.applicationId).not.toBe(p.applicationId);
        const now = await matching.listPlacements(ctx, kijkstage);
        expect(now.some((x) => x.applicationId === r.offer?.applicationId && x.status !== 'cancelled')).toBe(false);
        offered = true;
        break;
      }
    }
    expect(offered).toBe(true);
    expect(waitingBefore.size).toBeGreaterThan(0);
    await expect(matching.cancelPlacement(ctx, placements[0]!.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('matching on the Switching Talent demo', () => {
  it('respects mentors and reports reciprocity', async () => {
    const s = await matching.runScenario(ctx, { programmeId: switching, roundId: null, mode: 'optimal' });
    expect(s.applications).toBe(30);
    for (const a of s.assignments) expect(a.mentorId).not.toBeNull();
    const perMentor = new Map<number, number>();
    for (const a of s.assignments) perMentor.set(a.mentorId!, (perMentor.get(a.mentorId!) ?? 0) + 1);
    const caps = await ctx.db.selectFrom('people').select(['id', 'mentor_capacity']).where('is_mentor', '=', 1).execute();
    for (const m of caps) expect(perMentor.get(m.id) ?? 0).toBeLessThanOrEqual(m.mentor_capacity ?? 1);
    expect(s.reciprocity.some((r) => r.sendsWithoutHosting)).toBe(true);
  });
});

describe('match from the CLI', () => {
  it('prints one JSON object with placed, byRank, assignments and unplaced with reasons', async () => {
    await ctx.close();
    let stdout = '';
    const code = await runCli(['--db', ctx.dbPath, 'match', '--programme', String(kijkstage), '--mode', 'optimal', '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, placed: expect.any(Number), byRank: { '1': expect.any(Number), '2': expect.any(Number), '3': expect.any(Number) } });
    expect(out.assignments[0]).toMatchObject({ participant: expect.stringContaining('@'), organisation: expect.any(String), rank: expect.any(Number) });
    if (out.unplaced.length > 0) expect(out.unplaced[0].reasons.length).toBeGreaterThan(0);
    stdout = '';
    const bad = await runCli(['--db', ctx.dbPath, 'match', '--programme', String(kijkstage), '--mode', 'random', '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, now: fixedClock() });
    expect(bad).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('priority or optimal') } });
    ctx = await createTestContext({ file: ctx.dbPath });
  });
});
