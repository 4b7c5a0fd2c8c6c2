import fs from 'node:fs';
import { writeXlsx, type ExportCell } from './spreadsheet/xlsx-writer';

export function writeJsonFile(file: string, data: unknown): void {
  fs.writeFileSync(file, JSON.stringify(data, null, 2), { encoding: 'utf8', flag: 'wx' });
}

function cell(value: unknown): ExportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One sheet per section of the dossier; objects become rows with their keys as headers. */
export async function writePersonWorkbook(file: string, dossier: Record<string, unknown>): Promise<void> {
  const sheets = Object.entries(dossier).map(([section, value]) => {
    const rows: Record<string, unknown>[] = Array.isArray(value) ? (value as Record<string, unknown>[]) : value && typeof value === 'object' ? [value as Record<string, unknown>] : [{ value }];
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return { name: section.slice(0, 31), rows: [headers, ...rows.map((r) => headers.map((h) => cell(r[h])))] };
  });
  await writeXlsx(file, sheets);
}
