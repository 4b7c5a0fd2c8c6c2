import type { Language } from '../../../src-shared/schemas/common.schema';
import type { HostOverviewData, IncomingVisit } from './document-input.schema';
import type { DocumentBlock, DocumentModel } from './document-model';
import { fillAll, fillTemplate } from './fill-template';
import { formatLongDate } from './format';
import { chooseDocumentLanguage } from './language';
import { baseValues, personRows, splitLearningQuestions, type TemplateLookup } from './placement-values';
import { footerText, hoursText, scheduleHours, timeRangeText } from './programme-document';

const firstDay = (v: IncomingVisit) => v.blocks.map((b) => b.date + b.startTime).sort()[0] ?? '9999';
const mentorKey = (v: IncomingVisit) => (v.mentor ? `${v.mentor.name}\u0000${v.mentor.email ?? ''}` : '');

/**
 * Splits a host overview into one overview per mentor, each with only that mentor's participants.
 * Visits without a mentor belong to no mentor overview (they stay on the host's overview).
 */
export function overviewsPerMentor(data: HostOverviewData): HostOverviewData[] {
  const groups = new Map<string, IncomingVisit[]>();
  for (const visit of data.visits) {
    if (!visit.mentor) continue;
    const key = mentorKey(visit);
    groups.set(key, [...(groups.get(key) ?? []), visit]);
  }
  return [...groups.values()].map((visits) => ({
    ...data,
    recipient: { kind: 'mentor' as const, mentor: visits[0]!.mentor! },
    visits,
  }));
}

/** Builds the overview of incoming participants for a host (grouped by mentor) or for one mentor. */
export function buildHostOverviewDocument(data: HostOverviewData, templates: TemplateLookup, language?: Language | null): DocumentModel {
  const lang = chooseDocumentLanguage('host-overview', { host: data.host.language }, language);
  const common = templates('common', lang);
  const t = templates('host-overview', lang);
  const mentorName = data.recipient.kind === 'mentor' ? data.recipient.mentor.name : null;
  const values = {
    ...baseValues(data.programme, data.issuedOn, lang),
    'host.name': data.host.name,
    'host.address': data.host.address.join(', '),
    'mentor.name': mentorName ?? common.notKnown,
    count: String(data.visits.length),
  };
  const fill = (text: string) => fillTemplate(text, values);
  const blocks: DocumentBlock[] = [];
  for (const text of fillAll(t.intro, values)) blocks.push({ type: 'paragraph', text });
  blocks.push({ type: 'paragraph', text: fill(t.visitorCount), tone: 'muted' });
  if (data.visits.length === 0) blocks.push({ type: 'paragraph', text: fill(t.empty) });

  const visits = [...data.visits].sort((a, b) => firstDay(a).localeCompare(firstDay(b)) || a.participant.name.localeCompare(b.participant.name));
  // The host's copy groups by mentor so each mentor finds their own people; unassigned ones come last.
  const groups = new Map<string, IncomingVisit[]>();
  for (const v of visits) {
    const key = mentorName === null ? mentorKey(v) : '*';
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const [key, group] of ordered) {
    if (mentorName === null) {
      const mentor = group[0]?.mentor;
      blocks.push({ type: 'heading', text: mentor && key !== '' ? fillTemplate(t.mentorGroup, { ...values, 'mentor.name': mentor.name }) : fill(t.noMentor) });
    }
    for (const visit of group) {
      blocks.push({ type: 'paragraph', text: visit.participant.name, tone: 'strong' });
      const rows = personRows(common, { ...visit.participant, name: '' }, visit.ownOrganisation).filter(([label]) => label !== common.labelName);
      const blocksSorted = [...visit.blocks].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
      if (blocksSorted.length > 0) {
        rows.push([fill(t.labelDates), blocksSorted.map((b) => `${formatLongDate(b.date, lang)}, ${timeRangeText(common, b.startTime, b.endTime, lang)}`).join('\n')]);
        rows.push([fill(t.labelHours), hoursText(common, scheduleHours(blocksSorted), lang)]);
      }
      blocks.push({ type: 'fields', rows });
      const questions = splitLearningQuestions(visit.participant.learningQuestions);
      blocks.push({ type: 'paragraph', text: fill(t.labelLearningQuestions), tone: 'muted' });
      if (questions.length > 0) blocks.push({ type: 'bullets', items: questions });
      else blocks.push({ type: 'paragraph', text: fill(t.noLearningQuestions), tone: 'muted' });
    }
  }

  return {
    kind: 'host-overview',
    language: lang,
    title: fill(mentorName === null ? t.titleHost : t.titleMentor),
    subtitle: mentorName === null ? data.programme.name : `${data.host.name} · ${data.programme.name}`,
    footer: footerText(common, values, data.programme.name),
    pageOf: common.pageOf,
    blocks,
  };
}
