import type { Language } from '../../../src-shared/schemas/common.schema';
import type { ProgrammeDocumentData, ScheduleBlock } from './document-input.schema';
import type { DocumentBlock, DocumentModel } from './document-model';
import { fillAll, fillTemplate } from './fill-template';
import { formatLongDate, formatNumber, formatTime, minutesBetween } from './format';
import { chooseDocumentLanguage } from './language';
import { personRows, placementValues, splitLearningQuestions, type TemplateLookup } from './placement-values';
import type { TemplateTexts } from './template-spec';

/** Hours of a schedule: the sum of its blocks (a block's end is after its start, the schema checks). */
export function scheduleHours(blocks: readonly ScheduleBlock[]): number {
  return blocks.reduce((sum, b) => sum + minutesBetween(b.startTime, b.endTime), 0) / 60;
}

/** "3,5 uur" in the document's language. */
export function hoursText(common: TemplateTexts<'common'>, hours: number, lang: Language): string {
  return fillTemplate(common.hours, { hours: formatNumber(hours, lang) });
}

/** "09:30 – 12:30" in the document's language. */
export function timeRangeText(common: TemplateTexts<'common'>, start: string, end: string, lang: Language): string {
  return fillTemplate(common.timeRange, { start: formatTime(start, lang), end: formatTime(end, lang) });
}

/** The common footer: programme name and the day the document was made. */
export function footerText(common: TemplateTexts<'common'>, values: Record<string, string | null>, programmeName: string): string {
  return `${programmeName} · ${fillTemplate(common.issuedOn, { ...values, date: values['date.issued'] ?? '' })}`;
}

/** Builds the participant's programme in the participant's language (or `language` when given). */
export function buildProgrammeDocument(data: ProgrammeDocumentData, templates: TemplateLookup, language?: Language | null): DocumentModel {
  const lang = chooseDocumentLanguage('programme', { participant: data.participant.language, host: data.host.language }, language);
  const common = templates('common', lang);
  const t = templates('programme', lang);
  const sorted = [...data.blocks].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
  const total = scheduleHours(sorted);
  const values = {
    ...placementValues(data, lang, common.notKnown),
    'hours.total': hoursText(common, total, lang),
    'hours.required': data.programme.requiredHours === null ? null : hoursText(common, data.programme.requiredHours, lang),
    'theme.name': data.theme?.name ?? null,
    'theme.framework': data.theme?.framework ?? null,
  };
  const fill = (text: string) => fillTemplate(text, values);
  const blocks: DocumentBlock[] = [];

  for (const text of fillAll(t.intro, values)) blocks.push({ type: 'paragraph', text });

  blocks.push({ type: 'heading', text: fill(t.participantHeading) });
  blocks.push({ type: 'fields', rows: personRows(common, data.participant, data.ownOrganisation.name) });

  blocks.push({ type: 'heading', text: fill(t.hostHeading) });
  const hostRows: [string, string][] = [[common.labelOrganisation, data.host.name]];
  if (data.host.address.length > 0) hostRows.push([common.labelAddress, data.host.address.join('\n')]);
  blocks.push({ type: 'fields', rows: hostRows });

  blocks.push({ type: 'heading', text: fill(t.mentorHeading) });
  if (data.mentor) blocks.push({ type: 'fields', rows: personRows(common, data.mentor) });
  else blocks.push({ type: 'paragraph', text: fill(t.mentorMissing), tone: 'muted' });

  blocks.push({ type: 'heading', text: fill(t.learningQuestionsHeading) });
  const questions = splitLearningQuestions(data.participant.learningQuestions);
  if (questions.length === 0) blocks.push({ type: 'paragraph', text: fill(t.learningQuestionsEmpty), tone: 'muted' });
  else blocks.push({ type: 'bullets', items: questions });

  blocks.push({ type: 'heading', text: fill(t.scheduleHeading) });
  if (sorted.length === 0) {
    blocks.push({ type: 'paragraph', text: fill(t.scheduleEmpty), tone: 'muted' });
  } else {
    blocks.push({
      type: 'table',
      columns: [
        { header: fill(t.columnDate), width: 0.3 },
        { header: fill(t.columnTime), width: 0.2 },
        { header: fill(t.columnActivity), width: 0.35 },
        { header: fill(t.columnHours), width: 0.15, align: 'right' },
      ],
      rows: sorted.map((b) => [
        formatLongDate(b.date, lang),
        timeRangeText(common, b.startTime, b.endTime, lang),
        b.activity,
        formatNumber(minutesBetween(b.startTime, b.endTime) / 60, lang),
      ]),
      total: fill(t.scheduleTotal),
    });
  }
  if (data.programme.requiredHours !== null) blocks.push({ type: 'paragraph', text: fill(t.scheduleRequired), tone: 'muted' });

  if (data.sessions.length > 0) {
    blocks.push({ type: 'heading', text: fill(t.sessionsHeading) });
    const sessions = [...data.sessions].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
    blocks.push({
      type: 'fields',
      rows: sessions.map((s) => {
        const kind = fill(s.kind === 'preparation' ? t.sessionPreparation : t.sessionDebrief);
        const when = `${formatLongDate(s.date, lang)}, ${timeRangeText(common, s.startTime, s.endTime, lang)}`;
        return [kind, [s.title, when, ...s.address].filter((l) => l !== '').join('\n')];
      }),
    });
  }

  blocks.push({ type: 'heading', text: fill(t.agreementsHeading) });
  blocks.push({ type: 'bullets', items: fillAll(t.agreements, values) });

  if (data.theme && data.theme.areas.length > 0) {
    blocks.push({ type: 'heading', text: fill(t.observationHeading) });
    const intro = fill(t.observationIntro);
    if (intro.trim() !== '') blocks.push({ type: 'paragraph', text: intro });
    for (const area of data.theme.areas) {
      blocks.push({ type: 'paragraph', text: area.title, tone: 'strong' });
      if (area.indicators.length > 0) blocks.push({ type: 'bullets', items: area.indicators });
    }
  }

  return {
    kind: 'programme',
    language: lang,
    title: fill(t.title),
    subtitle: fill(t.subtitle),
    footer: footerText(common, values, data.programme.name),
    pageOf: common.pageOf,
    blocks,
  };
}
