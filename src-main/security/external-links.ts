/*
 * The security decisions of the Electron shell as pure functions, so that they can be tested without
 * Electron: which links may leave the app (and what the coordinator is asked first), which URLs count
 * as our own renderer (navigation and IPC sender checks), and which permission requests are granted.
 * src-main/index.ts only wires these into Electron's events.
 */

/** Longer links are refused: nobody can check them in a dialog, and they are a classic hiding place. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

export interface ExternalPrompt {
  message: string;
  detail: string;
  buttons: [string, string];
  /** The safe answer ("Annuleren") is the default and what Escape gives. */
  defaultId: 1;
  cancelId: 1;
}

export type ExternalLinkDecision =
  | { isAllowed: false; reason: 'unparsable' | 'protocol' | 'credentials' | 'too_long' }
  | { isAllowed: true; href: string; prompt: ExternalPrompt };

/**
 * Decides whether a link may be opened outside Meeloop. Only https and mailto links qualify, and
 * never without the coordinator's confirmation: the answer carries the dialog to show. The dialog
 * shows the URL as parsed (host names in punycode), so a look-alike host cannot pass for another.
 */
export function decideExternalLink(url: unknown): ExternalLinkDecision {
  if (typeof url !== 'string') return { isAllowed: false, reason: 'unparsable' };
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return { isAllowed: false, reason: 'too_long' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { isAllowed: false, reason: 'unparsable' };
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return { isAllowed: false, reason: 'protocol' };
  // https://bank.example@evil.example reads as the bank but goes to evil.example.
  if (parsed.username !== '' || parsed.password !== '') return { isAllowed: false, reason: 'credentials' };
  const href = parsed.href;
  const isMail = parsed.protocol === 'mailto:';
  const target = isMail ? decodeURIComponent(parsed.pathname) : parsed.hostname;
  return {
    isAllowed: true,
    href,
    prompt: {
      message: isMail ? `Een e-mail schrijven aan ${target} in je e-mailprogramma?` : `Deze link openen in je browser, buiten Meeloop?`,
      detail: isMail ? href : `Website: ${target}\n${href}`,
      buttons: ['Openen', 'Annuleren'],
      defaultId: 1,
      cancelId: 1,
    },
  };
}

/** Button index 0 ("Openen") is the only answer that opens the link. */
export function isConfirmed(response: number): boolean {
  return response === 0;
}

/**
 * True when `url` is our own renderer page. `rendererBase` is the dev server's origin
 * (http://localhost:5173) or the file URL of the built index.html. Compared parsed, never by
 * string prefix: http://localhost:5173.evil.example starts with the dev origin but is not it.
 */
export function isOurRendererUrl(url: unknown, rendererBase: string): boolean {
  if (typeof url !== 'string') return false;
  let u: URL;
  let base: URL;
  try {
    u = new URL(url);
    base = new URL(rendererBase);
  } catch {
    return false;
  }
  if (base.protocol === 'file:') {
    if (u.protocol !== 'file:' || u.host !== base.host) return false;
    return safeDecode(u.pathname) === safeDecode(base.pathname);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return false;
  return u.origin === base.origin;
}

function safeDecode(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

/** Navigation inside the window is allowed only to our own renderer (reloads, hash changes). */
export function isNavigationAllowed(url: unknown, rendererBase: string): boolean {
  return isOurRendererUrl(url, rendererBase);
}

/**
 * IPC is answered only for the main window's own top frame showing our renderer; requests from
 * any other window, a subframe, or a page navigated elsewhere are refused.
 */
export function isTrustedSenderFrame(s: { isMainWindow: boolean; frameUrl: string | null | undefined; isTopFrame: boolean }, rendererBase: string): boolean {
  return s.isMainWindow && s.isTopFrame && typeof s.frameUrl === 'string' && isOurRendererUrl(s.frameUrl, rendererBase);
}

/** Meeloop needs no camera, microphone, location, notifications, clipboard reads or anything else. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** New windows are never opened by the renderer; a link that qualifies goes through decideExternalLink. */
export function windowOpenAction(): { action: 'deny' } {
  return { action: 'deny' };
}
