import type { CountryCode } from 'libphonenumber-js';
import type { ColumnMappingEntry, ImportKind } from '../../../src-shared/schemas/import-preview.schema';
import { HEADER_SEARCH_ROWS, headerRowOf } from './find-table';
import { applyRememberedMapping, proposeMapping, type RememberedMapping } from './header-mapping';
import { normaliseRows, type NormaliseOptions, type NormaliseResult } from './normalise';
import type { SheetData, SheetRow } from './sheet-data';

/**
 * Normalises rows while the file is still being read. The parse worker hands rows on in batches; as
 * soon as a sheet's first HEADER_SEARCH_ROWS rows are in, its header row is known (locateTable looks no
 * further) and so is the mapping the preview will propose, so every later batch is normalised on
 * arrival, on this thread, while the worker reads on (NormalisedTables puts the parts together).
 * Normalising is row by row (normaliseRows keeps no state between rows), so the parts put together
 * equal normalising the whole table at once.
 *
 * This is only a head start: the import still locates the table and maps the columns on the whole
 * file, and takes these rows only when sheet, header row, mapping and phone countries are the same
 * (`normalisedKey`); otherwise (another sheet chosen, a corrected mapping) it normalises again.
 */

/** The key a normalised table is cached under: what normaliseRows's output depends on. */
export function normalisedKey(sheetName: string, headerRowNumber: number, columns: readonly ColumnMappingEntry[], phoneCountries: readonly string[]): string {
  return JSON.stringify([sheetName, headerRowNumber, columns.map((c) => [c.index, c.header, c.field]), phoneCountries]);
}

interface SheetState {
  sheet: SheetData;
  /** Decided once the first rows are in: the mapping to normalise with, or null for "do not start early". */
  plan: { key: string; columns: ColumnMappingEntry[]; headerIndex: number } | null | undefined;
}

/**
 * What an EarlyNormaliser needs, as plain data (it travels to the parse worker with the job): the kind,
 * the coordinator's remembered mappings by header signature, and the phone countries.
 */
export interface NormaliseJob {
  kind: ImportKind;
  remembered: [signature: string, mapping: RememberedMapping][];
  phoneCountries: CountryCode[];
}

/** Row batches as the readers hand them on (see io/spreadsheet RowBatch). */
export interface EarlyBatch {
  sheetIndex: number;
  sheetName: string;
  isHidden: boolean;
  rows: readonly SheetRow[];
}

/** Rows of one sheet normalised early (EarlyNormaliser.add gives them out as they are done). */
export interface NormalisedPart {
  sheetName: string;
  /** The normalisedKey they were normalised under. */
  key: string;
  result: NormaliseResult<ImportKind>;
}

/** Puts the parts normalised early back together per key, in row order. */
export class NormalisedTables {
  private readonly byKey = new Map<string, NormaliseResult<ImportKind>>();

  add(part: NormalisedPart): void {
    let result = this.byKey.get(part.key);
    if (!result) this.byKey.set(part.key, (result = { records: [], issues: [], rejectedRows: [] }));
    for (const r of part.result.records) result.records.push(r);
    for (const i of part.result.issues) result.issues.push(i);
    for (const n of part.result.rejectedRows) result.rejectedRows.push(n);
  }

  /** The rows normalised early under `key`, or undefined when no sheet was normalised that way. */
  take(key: string): NormaliseResult<ImportKind> | undefined {
    return this.byKey.get(key);
  }
}

export class EarlyNormaliser {
  private readonly sheets = new Map<number, SheetState>();

  static of(job: NormaliseJob): EarlyNormaliser {
    const remembered = new Map(job.remembered);
    return new EarlyNormaliser(job.kind, (signature) => remembered.get(signature) ?? null, { phoneCountries: job.phoneCountries });
  }

  /**
   * @param remembered the coordinator's confirmed mapping for a header signature, if any (the same
   *   lookup the preview makes), so a remembered mapping is normalised early too.
   */
  constructor(
    private readonly kind: ImportKind,
    private readonly remembered: (signature: string) => RememberedMapping | null,
    private readonly options: Required<Pick<NormaliseOptions, 'phoneCountries'>>,
  ) {}

  /**
   * Takes the next batch of a sheet; returns what could be normalised now (nothing until a sheet's first
   * HEADER_SEARCH_ROWS rows are in, and nothing for a sheet whose table cannot be mapped yet). With
   * `normalise` false it only follows the sheet (header row and mapping), because another thread
   * normalises this batch: the parse worker and the main thread share the work (see normalisingSink).
   */
  add(batch: EarlyBatch, normalise = true): NormalisedPart[] {
    let state = this.sheets.get(batch.sheetIndex);
    if (!state) {
      state = { sheet: { name: batch.sheetName, rows: [], isHidden: batch.isHidden }, plan: undefined };
      this.sheets.set(batch.sheetIndex, state);
    }
    if (state.plan === undefined) {
      for (const row of batch.rows) state.sheet.rows.push(row);
      if (state.sheet.rows.length < HEADER_SEARCH_ROWS) return [];
      state.plan = this.decide(state.sheet);
      const first = state.plan && normalise ? this.normalise(state, state.sheet.rows.slice(state.plan.headerIndex + 1)) : [];
      state.sheet.rows = [];
      return first;
    }
    return state.plan && normalise ? this.normalise(state, batch.rows) : [];
  }

  private decide(sheet: SheetData): SheetState['plan'] {
    const header = headerRowOf(sheet, this.kind);
    if (!header) return null;
    let proposal = proposeMapping(header.headers, this.kind);
    const remembered = this.remembered(proposal.signature);
    if (remembered) proposal = applyRememberedMapping(header.headers, this.kind, remembered);
    // Without the required columns the coordinator maps by hand first: nothing to start on.
    if (proposal.missingRequired.length > 0) return null;
    return { key: normalisedKey(sheet.name, header.headerRowNumber, proposal.columns, this.options.phoneCountries), columns: proposal.columns, headerIndex: header.headerIndex };
  }

  private normalise(state: SheetState, rows: readonly SheetRow[]): NormalisedPart[] {
    if (!state.plan || rows.length === 0) return [];
    return [{ sheetName: state.sheet.name, key: state.plan.key, result: normaliseRows(this.kind, { rows }, state.plan.columns, this.options) }];
  }
}
