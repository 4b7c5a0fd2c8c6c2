import { describe, expect, it } from 'vitest';
import { collectUnresolved, indexHosts, organisationKey, resolveChoice } from '../../../src-main/domain/import/resolve-choices';

const hosts = [
  { organisationId: 1, name: 'De Vlinder vzw' },
  { organisationId: 2, name: 'Maison Médicale Les Marolles asbl' },
  { organisationId: 3, name: 'CAW Brussel' },
];
const index = indexHosts(hosts);

describe('resolving choices', () => {
  it.each([
    ['de vlinder', 1], ['DE VLINDER VZW', 1], ['De  Vlinder vzw.', 1], ['De Vlinder v.z.w.', 1], ['vzw De Vlinder', 1],
    ['maison medicale les marolles', 2], ['Maison Médicale Les Marolles ASBL', 2], ['caw  brussel', 3], ['Vlindr', null],
  ])('%s → %s', (text, id) => {
    expect(resolveChoice(text, index)).toBe(id);
  });

  it('lists unresolved names once with the nearest hosts, and honours picks', () => {
    const items = [{ row: 2, text: 'Vlindr' }, { row: 5, text: 'vlindr' }, { row: 3, text: 'CAW Brussel' }];
    const unresolved = collectUnresolved(items, index);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]).toMatchObject({ text: 'Vlindr', key: organisationKey('Vlindr'), rows: [2, 5] });
    expect(unresolved[0]?.candidates[0]?.organisationId).toBe(1);
    expect(collectUnresolved(items, index, new Map([[organisationKey('Vlindr'), 1]]))).toEqual([]);
  });
});
