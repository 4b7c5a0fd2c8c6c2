import type { ColumnMappingEntry, ImportKind } from '../../../src-shared/schemas/import-preview.schema';
import { HEADER_SEARCH_ROWS, headerRowOf } from './find-table';
import { applyRememberedMapping, proposeMapping, type RememberedMapping } from './header-mapping';
import { normaliseRows, type NormaliseOptions, type NormaliseResult } from './normalise';
import type { SheetData, SheetRow } from './sheet-data';

/**
 * Normalises rows while the file is still being read. The parse worker hands rows on in batches; as
 * soon as a sheet's first HEADER_SEARCH_ROWS rows are in, its header row is known (locateTable looks no
 * further) and so is the mapping the preview will propose, so every later batch is normalised on
 * arrival, on this thread, while the worker reads on. Normalising is row by row (normaliseRows keeps
 * no state between rows), so the pieces put together equal normalising the whole table at once.
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
  result: NormaliseResult<ImportKind>;
}

/** Row batches as the readers hand them on (see io/spreadsheet RowBatch). */
export interface EarlyBatch {
  sheetIndex: number;
  sheetName: string;
  isHidden: boolean;
  rows: readonly SheetRow[];
}

export class EarlyNormaliser {
  private readonly sheets = new Map<number, SheetState>();

  /**
   * @param remembered the coordinator's confirmed mapping for a header signature, if any (the same
   *   lookup the preview makes), so a remembered mapping is normalised early too.
   */
  constructor(
    private readonly kind: ImportKind,
    private readonly remembered: (signature: string) => RememberedMapping | null,
    private readonly options: Required<Pick<NormaliseOptions, 'phoneCountries'>>,
  ) {}

  add(batch: EarlyBatch): void {
    let state = this.sheets.get(batch.sheetIndex);
    if (!state) {
      state = { sheet: { name: batch.sheetName, rows: [], isHidden: batch.isHidden }, plan: undefined, result: { records: [], issues: [], rejectedRows: [] } };
      this.sheets.set(batch.sheetIndex, state);
    }
    if (state.plan === undefined) {
      for (const row of batch.rows) state.sheet.rows.push(row);
      if (state.sheet.rows.length < HEADER_SEARCH_ROWS) return;
      state.plan = this.decide(state.sheet);
      if (state.plan) this.normalise(state, state.sheet.rows.slice(state.plan.headerIndex + 1));
      state.sheet.rows = [];
      return;
    }
    if (state.plan) this.normalise(state, batch.rows);
  }

  /** The rows normalised early under `key`, or undefined when no sheet was normalised that way. */
  take(key: string): NormaliseResult<ImportKind> | undefined {
    for (const state of this.sheets.values()) if (state.plan && state.plan.key === key) return state.result;
    return undefined;
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

  private normalise(state: SheetState, rows: readonly SheetRow[]): void {
    if (!state.plan || rows.length === 0) return;
    const part = normaliseRows(this.kind, { rows: [...rows] }, state.plan.columns, this.options);
    for (const r of part.records) state.result.records.push(r);
    for (const i of part.issues) state.result.issues.push(i);
    for (const n of part.rejectedRows) state.result.rejectedRows.push(n);
  }
}
