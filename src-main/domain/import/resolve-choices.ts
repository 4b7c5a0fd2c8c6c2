import { distance } from 'fastest-levenshtein';
import type { UnresolvedChoice } from '../../../src-shared/schemas/import-preview.schema';
import { foldName } from '../names';

/**
 * Resolves the host names participants type into their choices ("de vlinder", "DE VLINDER VZW",
 * "Dé Vlinder asbl") to host organisations. What does not resolve is listed with the nearest hosts.
 */

/** Legal-form words that partners add or leave out at will; they never tell two hosts apart. */
const LEGAL_FORMS = new Set(['vzw', 'asbl', 'ivzw', 'aisbl', 'vog', 'bv', 'bvba', 'srl', 'sprl', 'nv', 'sa', 'cv', 'sc', 'scrl', 'cvba', 'stichting', 'fondation', 'ocmw', 'cpas', 'vwv']);

/**
 * The key a host name is compared by: foldName, then legal forms dropped wherever they stand
 * ("vzw De Vlinder", "De Vlinder v.z.w." and "De Vlinder" share one key).
 */
export function organisationKey(name: string): string {
  const folded = foldName(name)
    // "v.z.w." folds to "v z w"; glue single letters back together before looking up legal forms.
    .replace(/\b(?:[a-z] )+[a-z]\b/g, (letters) => letters.replace(/ /g, ''));
  const words = folded.split(' ').filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  return words.length > 0 ? words.join(' ') : folded;
}

/** A host a choice may name. */
export interface HostCandidate {
  organisationId: number;
  name: string;
}

/** Maps keys to hosts once; build it per import, not per row. */
export interface HostIndex {
  byKey: Map<string, HostCandidate>;
  hosts: readonly HostCandidate[];
  keys: readonly string[];
  /** Memo of organisationKey per raw text: 10,000 sign-ups repeat the same few dozen host names. */
  keyOf: (text: string) => string;
}

/** Builds the lookup. When two hosts share a key the first wins (the coordinator should merge them). */
export function indexHosts(hosts: readonly HostCandidate[]): HostIndex {
  const byKey = new Map<string, HostCandidate>();
  for (const h of hosts) {
    const key = organisationKey(h.name);
    if (!byKey.has(key)) byKey.set(key, h);
  }
  const memo = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = memo.get(text);
    if (key === undefined) {
      key = organisationKey(text);
      memo.set(text, key);
    }
    return key;
  };
  return { byKey, hosts, keys: hosts.map((h) => organisationKey(h.name)), keyOf };
}

/**
 * Resolves one choice text. `overrides` are the coordinator's picks for texts that did not resolve,
 * keyed by organisationKey(text); they win over the automatic match.
 */
export function resolveChoice(text: string, index: HostIndex, overrides: ReadonlyMap<string, number> = new Map()): number | null {
  const key = index.keyOf(text);
  const picked = overrides.get(key);
  if (picked !== undefined) return picked;
  return index.byKey.get(key)?.organisationId ?? null;
}

/** The nearest hosts for a name, best first, by edit distance between keys (at most `limit`). */
export function nearestHosts(text: string, index: HostIndex, limit = 3): UnresolvedChoice['candidates'] {
  const key = organisationKey(text);
  const scored = index.hosts.map((h, i) => {
    const hostKey = index.keys[i] ?? '';
    // A typed fragment of a longer name ("vlinder" for "de vlinder molenbeek") counts as close.
    const d = hostKey.includes(key) || key.includes(hostKey) ? Math.abs(hostKey.length - key.length) / 4 : distance(key, hostKey);
    return { organisationId: h.organisationId, name: h.name, distance: Math.round(d * 100) / 100 };
  });
  return scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * Collects the choices that did not resolve: one entry per distinct key with every row that wrote it,
 * so the coordinator picks once for "vlinder" however many participants typed it.
 */
export function collectUnresolved(
  items: readonly { row: number; text: string }[],
  index: HostIndex,
  overrides: ReadonlyMap<string, number> = new Map(),
): UnresolvedChoice[] {
  const byKey = new Map<string, UnresolvedChoice>();
  for (const { row, text } of items) {
    if (resolveChoice(text, index, overrides) !== null) continue;
    const key = index.keyOf(text);
    const entry = byKey.get(key);
    if (entry) {
      if (!entry.rows.includes(row)) entry.rows.push(row);
    } else {
      byKey.set(key, { text, key, rows: [row], candidates: nearestHosts(text, index) });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
}
