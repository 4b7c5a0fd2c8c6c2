import { AppError } from '../../../src-shared/errors';

/*
 * Placeholders are {dotted.names}. A literal brace is written doubled: "{{" and "}}". Nothing else is
 * special, so a coordinator can type any text, quotes and accents included.
 */

const TOKEN = /\{\{|\}\}|\{([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)\}/g;

/** Values for the placeholders of one document; null prints as nothing. */
export type TemplateValues = Readonly<Record<string, string | number | null>>;

/** The placeholder names a text uses, in order of appearance, without duplicates. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(TOKEN)) if (match[1] !== undefined) names.add(match[1]);
  return [...names];
}

/**
 * Fills the placeholders of `text` with `values`. An unknown placeholder is an error, not an empty
 * string: a misspelt {participant.nmae} would otherwise print a programme without a name.
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return token === '{{' ? '{' : '}';
    if (!Object.hasOwn(values, name)) {
      throw new AppError('invalid_input', `The text "${text}" uses {${name}}, which is not known here. Correct the template.`, { placeholder: name });
    }
    const value = values[name];
    return value === null || value === undefined ? '' : String(value);
  });
}

/**
 * fillTemplate over a list of paragraphs or bullets. An item that uses a placeholder without a value
 * (no privacy page, no coordinator e-mail) is left out whole: "More about your privacy: " with nothing
 * after it reads as an error on paper. Items that come out empty are dropped too.
 */
export function fillAll(texts: readonly string[], values: TemplateValues): string[] {
  return texts
    .filter((t) => placeholdersIn(t).every((name) => !Object.hasOwn(values, name) || (values[name] ?? '') !== ''))
    .map((t) => fillTemplate(t, values))
    .filter((t) => t.trim() !== '');
}
