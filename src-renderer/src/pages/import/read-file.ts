/** The largest file the import channel accepts (its schema allows 50 MB of bytes as base64). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Reads a chosen or dropped file as base64 for `import.preview`, reporting the share read so far
 * (0..1). A data URL is base64 already: no byte-by-byte string building in the renderer.
 */
export function readFileAsBase64(file: Blob, onProgress: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      onProgress(1);
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** "12 kB", "3.4 MB": file sizes as the coordinator reads them. */
export function formatSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(language)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(language, { maximumFractionDigits: 1 })} MB`;
}
