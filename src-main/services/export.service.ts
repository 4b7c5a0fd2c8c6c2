import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { appendAudit } from '../db/repositories/audit.repository';
import { writeXlsx } from '../io/spreadsheet/xlsx-writer';
import { getProgramme } from './programme.service';
import { listPlacements } from './matching.service';
import { isoNow, type ServiceContext } from './context';

const STATUS_NL: Record<string, string> = { proposed: 'voorgesteld', confirmed: 'bevestigd', completed: 'afgerond', cancelled: 'geannuleerd' };

/**
 * Writes the programme's placements, participants and hosts as a workbook a partner can open.
 * Text that a spreadsheet would run as a formula is written as text. Recorded in the audit log,
 * since the file carries personal data.
 */
export async function exportMatchesXlsx(ctx: ServiceContext, programmeId: number, outFile: string): Promise<{ file: string; sheets: Record<string, number> }> {
  const programme = await getProgramme(ctx, programmeId);
  const file = path.resolve(outFile);
  if (path.extname(file).toLowerCase() !== '.xlsx') throw new AppError('invalid_input', 'Give a file name ending in .xlsx.');
  if (fs.existsSync(file)) throw new AppError('conflict', `${file} already exists. Choose another file name; Meeloop never overwrites a file.`);
  if (!fs.existsSync(path.dirname(file))) throw new AppError('not_found', `The folder ${path.dirname(file)} does not exist. Choose an existing folder.`);
  const placements = await listPlacements(ctx, programmeId);
  const participants = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.first_name', 'p.last_name', 'p.email', 'p.phone', 'o.name as organisation', 'p.function_title', 'a.submitted_at', 'a.priority_tier'])
    .where('a.programme_id', '=', programmeId)
    .orderBy('p.last_name')
    .execute();
  const hosts = await ctx.db
    .selectFrom('places as pl')
    .innerJoin('organisations as o', 'o.id', 'pl.organisation_id')
    .select(['o.name', 'o.address', 'o.postcode', 'o.municipality', 'pl.team', 'pl.format', 'pl.capacity'])
    .where('pl.programme_id', '=', programmeId)
    .orderBy('o.name')
    .execute();
  const sheets = [
    {
      name: 'Koppelingen',
      rows: [
        ['Deelnemer', 'E-mail', 'Gastorganisatie', 'Plaats', 'Mentor', 'Keuze', 'Status', 'Vastgezet'],
        ...placements.filter((p) => p.status !== 'cancelled').map((p) => [p.participantName, p.email, p.organisationName, p.placeName, p.mentorName, p.rank, STATUS_NL[p.status] ?? p.status, p.isPinned ? 'ja' : 'nee']),
      ],
    },
    {
      name: 'Deelnemers',
      rows: [['Voornaam', 'Naam', 'E-mail', 'Telefoon', 'Organisatie', 'Functie', 'Ingeschreven op', 'Voorrang'], ...participants.map((p) => [p.first_name, p.last_name, p.email, p.phone, p.organisation, p.function_title, p.submitted_at, p.priority_tier === 0 ? 'ja' : 'nee'])],
    },
    { name: 'Gastorganisaties', rows: [['Organisatie', 'Adres', 'Postcode', 'Gemeente', 'Team', 'Vorm', 'Plaatsen'], ...hosts.map((h) => [h.name, h.address, h.postcode, h.municipality, h.team, h.format, h.capacity])] },
  ];
  await writeXlsx(file, sheets);
  await appendAudit(ctx.db, { at: isoNow(ctx), actor: ctx.actor, action: 'export_personal_data', entity: 'programme', entityId: programme.id, details: { kind: 'matches-xlsx', file } });
  return { file, sheets: Object.fromEntries(sheets.map((s) => [s.name, s.rows.length - 1])) };
}
