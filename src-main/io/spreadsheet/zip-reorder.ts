import yauzl from 'yauzl';

/**
 * exceljs's streaming reader takes a workbook's parts in zip order. It can only stream a worksheet's
 * rows once it has the shared strings and the workbook's relations; a worksheet that comes before them
 * is first copied to a temporary file and read back at the end. Excel, Google Sheets and exceljs's own
 * writer all put the worksheets before xl/sharedStrings.xml, so every sheet of a usual file takes that
 * detour (10-25% of the read of a 10,000-row sheet), and the first rows arrive only after the whole
 * file has been unzipped.
 *
 * `reorderXlsxParts` returns the same zip with the parts the reader needs first (workbook, relations,
 * styles, shared strings) moved before the worksheets. Nothing is inflated or recompressed: local
 * headers are written anew from the central directory (which the pre-parse check already read) and
 * each part's compressed bytes are copied as they are. When anything is unusual (zip64, encryption,
 * other compression methods, a header that does not add up), it returns null and the file is read as
 * it is.
 */

/** Parts exceljs's streaming reader should meet before any worksheet, in this order. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];

function rank(name: string): number {
  const i = FIRST.indexOf(name);
  if (i >= 0) return i;
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? FIRST.length + 1 : FIRST.length;
}

function listEntries(bytes: Buffer): Promise<yauzl.Entry[] | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const MAX_32 = 0xffffffff;

/**
 * The fields a local header (from byte 4) and a central directory header (from byte 6) share, in the
 * same order: version needed, flags, method, time, date, CRC, sizes, name length (extra field: none).
 */
function writeEntryFields(header: Buffer, at: number, e: yauzl.Entry, flags: number, nameLength: number): void {
  header.writeUInt16LE(e.versionNeededToExtract, at);
  header.writeUInt16LE(flags, at + 2);
  header.writeUInt16LE(e.compressionMethod, at + 4);
  header.writeUInt16LE(e.lastModFileTime, at + 6);
  header.writeUInt16LE(e.lastModFileDate, at + 8);
  header.writeUInt32LE(e.crc32 >>> 0, at + 10);
  header.writeUInt32LE(e.compressedSize, at + 14);
  header.writeUInt32LE(e.uncompressedSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** The zip in `bytes` with its parts in the order exceljs's streaming reader wants, or null (read as is). */
export async function reorderXlsxParts(bytes: Buffer): Promise<Buffer | null> {
  const entries = await listEntries(bytes);
  if (!entries || entries.length === 0 || entries.length > 0xffff) return null;
  const parts: { name: Buffer; entry: yauzl.Entry; data: Buffer; order: number; index: number }[] = [];
  for (const [index, e] of entries.entries()) {
    if ((e.generalPurposeBitFlag & 0x1) !== 0 || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) return null;
    if (e.compressedSize >= MAX_32 || e.uncompressedSize >= MAX_32 || e.relativeOffsetOfLocalHeader >= MAX_32) return null;
    const at = e.relativeOffsetOfLocalHeader;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    if (start + e.compressedSize > bytes.length) return null;
    const name = e.fileName as unknown as Buffer;
    parts.push({ name, entry: e, data: bytes.subarray(start, start + e.compressedSize), order: rank(name.toString('utf8')), index });
  }
  // Stable: parts of the same rank keep their order (worksheets stay in file order).
  parts.sort((a, b) => a.order - b.order || a.index - b.index);
  if (parts.every((p, i) => p.index === i)) return null;

  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, entry: e, data } of parts) {
    // Sizes and CRC go in the local header, so no data descriptor follows (bit 3 off); UTF-8 names keep bit 11.
    const flags = e.generalPurposeBitFlag & ~0x8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    writeEntryFields(local, 4, e, flags, name.length);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(CENTRAL, 0);
    head.writeUInt16LE(e.versionMadeBy, 4);
    writeEntryFields(head, 6, e, flags, name.length);
    head.writeUInt32LE(e.externalFileAttributes >>> 0, 38);
    head.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(head, name);
    offset += 30 + name.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
