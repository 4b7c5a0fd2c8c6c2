import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Normalises a phone number as coordinators receive them ("0475 12 34 56", "0032 2 555 66 77",
 * "0499/12.34.56", "+31 6 12345678") to international E.164 form. Numbers without a country prefix
 * are read as numbers of `defaultCountry` (Belgium unless the programme says otherwise).
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'BE'): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'The phone number is empty.' };
  const cleaned = text.replace(/^00/, '+').replace(/[^\d+]/g, '');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      message: `"${text}" is not a valid phone number. Write it with the area code, for example 0475 12 34 56 or +31 6 12345678.`,
    };
  }
  return { ok: true, e164: parsed.number };
}
