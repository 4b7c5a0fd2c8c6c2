import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_EXTERNAL_URL_LENGTH,
  decideExternalLink,
  isConfirmed,
  isNavigationAllowed,
  isOurRendererUrl,
  isPermissionGranted,
  isTrustedSenderFrame,
  windowOpenAction,
} from '../../../src-main/security/external-links';

/* Issue #7 point 5: "openExternal only for https and mailto links after confirmation", and the
 * navigation, new-window, permission and IPC-sender guards, as decisions a test can check. */

describe('decideExternalLink', () => {
  it.each([
    ['javascript:alert(1)', 'protocol'],
    ['JaVaScRiPt:alert(document.cookie)', 'protocol'],
    ['file:///etc/passwd', 'protocol'],
    ['file://C:/Windows/System32/calc.exe', 'protocol'],
    ['http://devlinder.example', 'protocol'],
    ['data:text/html,<script>alert(1)</script>', 'protocol'],
    ['vbscript:msgbox(1)', 'protocol'],
    ['ms-msdt:/id PCWDiagnostic', 'protocol'],
    ['search-ms:query=x', 'protocol'],
    ['smb://server/share', 'protocol'],
    ['ftp://ftp.example.org/x', 'protocol'],
    ['tel:+32475123456', 'protocol'],
    ['blob:https://x.example/1234', 'protocol'],
    ['zoommtg://zoom.us/join', 'protocol'],
    ['meeloop://open', 'protocol'],
    ['https://bank.example@evil.example/', 'credentials'],
    ['https://user:secret@devlinder.example/', 'credentials'],
    ['not a url', 'unparsable'],
    ['', 'unparsable'],
    ['//evil.example/path', 'unparsable'],
    [`https://x.example/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`, 'too_long'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(decideExternalLink(url)).toEqual({ isAllowed: false, reason });
  });

  it.each([null, undefined, 42, {}, ['https://x.example']])('refuses a non-string %j', (value) => {
    expect(decideExternalLink(value)).toMatchObject({ isAllowed: false });
  });

  it('allows an https link only behind a question whose safe answer is the default', () => {
    const d = decideExternalLink('https://www.switchingtalent.be/aanmelden?x=1#top');
    expect(d.isAllowed).toBe(true);
    if (!d.isAllowed) return;
    expect(d.href).toBe('https://www.switchingtalent.be/aanmelden?x=1#top');
    expect(d.prompt.buttons).toEqual(['Openen', 'Annuleren']);
    expect(d.prompt.defaultId).toBe(1);
    expect(d.prompt.cancelId).toBe(1);
    expect(d.prompt.detail).toContain('www.switchingtalent.be');
    expect(d.prompt.detail).toContain(d.href);
  });

  it('allows a mailto link behind a question that names the address', () => {
    const d = decideExternalLink('mailto:els.peeters@devlinder.example?subject=Kijkstage');
    expect(d).toMatchObject({ isAllowed: true, href: 'mailto:els.peeters@devlinder.example?subject=Kijkstage' });
    if (d.isAllowed) expect(d.prompt.message).toContain('els.peeters@devlinder.example');
  });

  it('shows a look-alike host in punycode, so it cannot pass for the real one', () => {
    // "exаmple" with a Cyrillic а.
    const d = decideExternalLink('https://ex\u0430mple.org/login');
    expect(d.isAllowed).toBe(true);
    if (d.isAllowed) {
      expect(d.href).toMatch(/^https:\/\/xn--/);
      expect(d.prompt.detail).toContain('xn--');
    }
  });

  it('opens only on the "Openen" answer; closing the dialog or Escape cancels', () => {
    expect(isConfirmed(0)).toBe(true);
    expect(isConfirmed(1)).toBe(false);
    expect(isConfirmed(-1)).toBe(false);
  });
});

describe('renderer URL, navigation and IPC sender', () => {
  const built = 'file:///opt/Meeloop/resources/app.asar/out/renderer/index.html';
  const dev = 'http://localhost:5173';

  it.each([
    [built, built, true],
    [`${built}#/settings`, built, true],
    [`${built}?lang=fr`, built, true],
    ['file:///opt/Meeloop/resources/app.asar/out/renderer/other.html', built, false],
    ['file:///etc/passwd', built, false],
    ['https://evil.example/index.html', built, false],
    ['file:///My%20Apps/Meeloop/index.html', 'file:///My Apps/Meeloop/index.html', true],
    ['http://localhost:5173/#/matching', dev, true],
    ['http://localhost:5173.evil.example/', dev, false],
    ['http://localhost:5174/', dev, false],
    ['https://localhost:5173/', dev, false],
    ['http://localhost@evil.example:5173/', dev, false],
    ['garbage', dev, false],
  ])('isOurRendererUrl(%s, %s) is %s', (url, base, expected) => {
    expect(isOurRendererUrl(url, base)).toBe(expected);
    expect(isNavigationAllowed(url, base)).toBe(expected);
  });

  it('answers IPC only for the main window\'s top frame showing our renderer', () => {
    const ok = { isMainWindow: true, isTopFrame: true, frameUrl: built };
    expect(isTrustedSenderFrame(ok, built)).toBe(true);
    expect(isTrustedSenderFrame({ ...ok, isMainWindow: false }, built)).toBe(false);
    expect(isTrustedSenderFrame({ ...ok, isTopFrame: false }, built)).toBe(false);
    expect(isTrustedSenderFrame({ ...ok, frameUrl: 'https://evil.example/' }, built)).toBe(false);
    expect(isTrustedSenderFrame({ ...ok, frameUrl: null }, built)).toBe(false);
  });

  it('grants no permission and opens no window', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'usb', 'serial', 'hid', 'unknown']) {
      expect(isPermissionGranted(p)).toBe(false);
    }
    expect(windowOpenAction()).toEqual({ action: 'deny' });
  });
});

describe('the Electron shell uses these decisions', () => {
  // index.ts cannot run without Electron; this keeps the wiring from silently going back inline.
  const source = fs.readFileSync(path.resolve(__dirname, '../../../src-main/index.ts'), 'utf8');
  it.each(['decideExternalLink(', 'isConfirmed(', 'isNavigationAllowed(', 'isTrustedSenderFrame(', 'isPermissionGranted(', 'windowOpenAction('])('calls %s', (call) => {
    expect(source).toContain(call);
  });
  it('opens external links only with the decided href', () => {
    const opens = source.match(/shell\.openExternal\(([^)]*)\)/g) ?? [];
    expect(opens).toEqual(['shell.openExternal(decision.href)']);
  });
});
