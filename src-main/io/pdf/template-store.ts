import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/schemas/common.schema';
import type { TemplateLookup } from '../../domain/documents/placement-values';
import { DOCUMENT_LANGUAGES, parseTemplate, type TemplateKind, type TemplateTexts } from '../../domain/documents/template-spec';
import { resourcesDir } from '../paths';

/** The templates shipped with the app (resources/templates). */
export function shippedTemplatesDir(): string {
  return path.join(resourcesDir(), 'templates');
}

/** Where the coordinator's own copies live: <data folder>/templates/<lang>/<kind>.json. */
export function userTemplatesDir(dataDir: string): string {
  return path.join(dataDir, 'templates');
}

/** Loaded template files with the file each came from, so messages and the UI can name it. */
export interface TemplateStore {
  /** The texts of one template file in one language; loaded on first use, then cached. */
  lookup: TemplateLookup;
  /** The file a template is read from (first directory that has it), or null when none has. */
  sourceOf(kind: TemplateKind, language: Language): string | null;
  /** Forgets cached files, so edits made while the app runs are picked up by the next document. */
  reload(): void;
}

/**
 * Opens templates from a list of directories, first match wins per file: pass the coordinator's
 * folder first and the shipped folder last, so an edited file replaces the shipped one and every file
 * the coordinator did not touch still comes from the app (and gets the app's corrections).
 */
export function createTemplateStore(dirs: readonly string[]): TemplateStore {
  const cache = new Map<string, unknown>();
  const sourceOf = (kind: TemplateKind, language: Language): string | null => {
    for (const dir of dirs) {
      const file = path.join(dir, language, `${kind}.json`);
      if (existsSync(file)) return file;
    }
    return null;
  };
  const lookup = <K extends TemplateKind>(kind: K, language: Language): TemplateTexts<K> => {
    const key = `${language}/${kind}`;
    const cached = cache.get(key);
    if (cached) return cached as TemplateTexts<K>;
    const file = sourceOf(kind, language);
    if (file === null) {
      throw new AppError('file_rejected', `No ${language}/${kind}.json template was found in ${dirs.join(' or ')}. Reinstall Meeloop or restore the file.`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      const why = e instanceof SyntaxError ? e.message : 'it cannot be read';
      throw new AppError('file_rejected', `The template ${file} is not valid JSON (${why}). Check quotes and commas, or delete the file to use the shipped wording.`);
    }
    const texts = parseTemplate(kind, raw, file);
    cache.set(key, texts);
    return texts;
  };
  return { lookup, sourceOf, reload: () => cache.clear() };
}

/**
 * Copies the shipped templates into the coordinator's folder so they can be edited, leaving files that
 * already exist alone (a second click never overwrites their edits). Returns the files copied.
 */
export function copyTemplatesForEditing(shippedDir: string, userDir: string): string[] {
  const copied: string[] = [];
  for (const lang of DOCUMENT_LANGUAGES) {
    const from = path.join(shippedDir, lang);
    if (!existsSync(from)) continue;
    const to = path.join(userDir, lang);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      if (!name.endsWith('.json') || existsSync(path.join(to, name))) continue;
      copyFileSync(path.join(from, name), path.join(to, name));
      copied.push(path.join(to, name));
    }
  }
  return copied;
}
