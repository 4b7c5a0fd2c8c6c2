/** JSON columns: parse defensively, a damaged value reads as the fallback rather than crashing a list. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
