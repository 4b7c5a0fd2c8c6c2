import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { DemoLoadResult } from '../../src-shared/schemas/app.schema';
import { DemoProgrammeSchema, type DemoProgramme } from '../../src-shared/schemas/demo.schema';
import { ProgrammeInputSchema } from '../../src-shared/schemas/programme.schema';
import { PersonInputSchema } from '../../src-shared/schemas/person.schema';
import { OrganisationInputSchema } from '../../src-shared/schemas/organisation.schema';
import { foldName } from '../domain/names';
import { normalisePhone } from '../domain/phone';
import type { Db } from '../db/connection';
import * as programmes from '../db/repositories/programme.repository';
import * as organisations from '../db/repositories/organisation.repository';
import * as people from '../db/repositories/person.repository';
import * as places from '../db/repositories/place.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import { recordFirstStartChoice } from './app.service';
import { isoNow, type ServiceContext } from './context';

/** Reads and validates every demo file; files are parsed before the transaction starts. */
export function readDemoFiles(resourcesDir: string): DemoProgramme[] {
  const dir = path.join(resourcesDir, 'demo');
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new AppError('not_found', `The demo data is missing from ${dir}. Reinstall Meeloop to get it back.`);
  }
  return names.map((n) => {
    const parsed = DemoProgrammeSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')));
    if (!parsed.success) throw new AppError('internal', `The demo file ${n} is damaged: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  });
}

/**
 * Phone numbers in the demo are written as people write them ("0475 12 34 56", "06-12345678"), so the
 * country comes from the organisation: a Dutch postcode means Dutch numbers. Invalid numbers become null.
 */
function phone(raw: string | null, postcode: string | null): string | null {
  if (!raw) return null;
  const r = normalisePhone(raw, postcode && /^\d{4} ?[A-Z]{2}$/i.test(postcode.trim()) ? 'NL' : 'BE');
  return r.ok ? r.e164 : null;
}

async function loadOne(trx: Db, d: DemoProgramme, at: string, counters: { organisations: number; people: number; places: number; applications: number }) {
  let themeId: number | null = null;
  if (d.theme) {
    const t = await trx.insertInto('themes').values({ name: d.theme.name, framework: d.theme.framework, description: d.theme.description }).returning('id').executeTakeFirstOrThrow();
    themeId = t.id;
    for (const [i, area] of d.theme.areas.entries()) {
      const a = await trx.insertInto('theme_areas').values({ theme_id: t.id, position: i, title: area.title }).returning('id').executeTakeFirstOrThrow();
      for (const [j, text] of area.indicators.entries()) await trx.insertInto('theme_indicators').values({ area_id: a.id, position: j, text }).execute();
    }
  }
  const programme = await programmes.insertProgramme(trx, ProgrammeInputSchema.parse({ ...d.programme, themeId }), at);
  const roundIds = new Map<string, number>();
  const roundId = (name: string | null): number | null => {
    if (name === null) return null;
    const id = roundIds.get(name);
    if (id === undefined) throw new AppError('internal', `Demo data names an unknown round: ${name}`);
    return id;
  };
  for (const r of d.rounds) {
    const row = await trx
      .insertInto('rounds')
      .values({ programme_id: programme.id, name: r.name, registration_opens: r.registrationOpens, registration_closes: r.registrationCloses, exchange_starts: r.exchangeStarts, exchange_ends: r.exchangeEnds, early_bird_opens: null, early_bird_closes: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    roundIds.set(r.name, row.id);
  }

  const orgIds = new Map<string, number>();
  for (const o of d.organisations) {
    const { programmeRole, activationCode, contacts, places: _p, ...fields } = o;
    const key = foldName(o.name);
    let org = await organisations.findOrganisationByKey(trx, key);
    if (!org) {
      org = await organisations.insertOrganisation(trx, OrganisationInputSchema.parse(fields), key, at);
      counters.organisations++;
      for (const c of contacts) await organisations.insertContact(trx, { ...c, organisationId: org.id, phone: phone(c.phone ?? null, o.postcode ?? null), email: c.email ?? null, role: c.role ?? 'project_lead', language: c.language ?? 'nl' });
    }
    orgIds.set(key, org.id);
    await organisations.linkProgrammeOrganisation(trx, programme.id, org.id, programmeRole, activationCode);
  }
  const orgId = (name: string): number => {
    const id = orgIds.get(foldName(name));
    if (id === undefined) throw new AppError('internal', `Demo data names an unknown organisation: ${name}`);
    return id;
  };

  const postcodes = new Map(d.organisations.map((o) => [foldName(o.name), o.postcode ?? null]));
  const personIds = new Map<string, number>();
  for (const p of d.people) {
    const existing = await people.findPersonByEmail(trx, p.email.toLowerCase());
    if (existing) {
      personIds.set(existing.email ?? '', existing.id);
      continue;
    }
    const { organisation, ...fields } = p;
    const person = await people.insertPerson(trx, PersonInputSchema.parse({ ...fields, phone: phone(p.phone, postcodes.get(foldName(organisation)) ?? null), organisationId: orgId(organisation) }), at);
    personIds.set(person.email ?? '', person.id);
    counters.people++;
  }

  const mentorId = (email: string): number => {
    const id = personIds.get(email.toLowerCase());
    if (id === undefined) throw new AppError('internal', `Demo place names an unknown mentor: ${email}`);
    return id;
  };
  for (const o of d.organisations) {
    for (const pl of o.places) {
      await places.insertPlace(trx, {
        programmeId: programme.id,
        organisationId: orgId(o.name),
        roundId: roundId(pl.round),
        team: pl.team,
        format: pl.format,
        hours: pl.hours,
        capacity: pl.capacity,
        languages: pl.languages,
        description: pl.description,
        mentorId: pl.mentorEmail ? mentorId(pl.mentorEmail) : null,
        availability: pl.availability,
      });
      counters.places++;
    }
  }

  for (const a of d.applications) {
    const participantId = personIds.get(a.email.toLowerCase());
    if (participantId === undefined) throw new AppError('internal', `Demo application for unknown person ${a.email}`);
    const app = await trx
      .insertInto('applications')
      .values({
        programme_id: programme.id,
        round_id: roundId(a.round),
        participant_id: participantId,
        submitted_at: a.submittedAt,
        priority_tier: a.priorityTier,
        is_early_bird: a.isEarlyBird ? 1 : 0,
        activation_code: a.activationCode,
        max_placements: null,
        status: 'active',
        import_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, choice] of a.choices.entries()) {
      await trx.insertInto('application_choices').values({ application_id: app.id, rank: i + 1, organisation_id: orgId(choice), place_id: null, raw_text: choice }).execute();
    }
    counters.applications++;
  }

  for (const s of d.sessions) {
    await trx
      .insertInto('group_sessions')
      .values({ programme_id: programme.id, kind: s.kind, title: s.title, date: s.date, start_time: s.startTime, end_time: s.endTime, location: s.location, audience_network: s.audienceNetwork, audience_roles: s.audienceRoles, capacity: s.capacity })
      .execute();
  }
  return programme;
}

/**
 * Loads the demo programmes in one transaction. A programme whose name already exists is skipped,
 * so loading twice changes nothing.
 */
export async function loadDemo(ctx: ServiceContext): Promise<DemoLoadResult> {
  const files = readDemoFiles(ctx.resourcesDir);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const counters = { organisations: 0, people: 0, places: 0, applications: 0 };
    const loaded: DemoLoadResult['programmes'] = [];
    let skipped = 0;
    for (const d of files) {
      const existing = await programmes.findProgrammeByName(trx, d.programme.name);
      if (existing) {
        skipped++;
        loaded.push({ id: existing.id, name: existing.name, kind: existing.kind });
        continue;
      }
      const p = await loadOne(trx, d, at, counters);
      loaded.push({ id: p.id, name: p.name, kind: p.kind });
    }
    await recordFirstStartChoice({ ...ctx, db: trx }, 'demo');
    await appendAudit(trx, { at, actor: ctx.actor, action: 'demo_load', entity: 'programme', entityId: null, details: { programmes: loaded.length, skipped } });
    return { programmes: loaded, ...counters, isAlreadyLoaded: skipped === files.length };
  });
}
