/*
 * The programme the planner shows, remembered for this window session so the dashboard's "to the
 * planner" link opens the right one. Storage may be unavailable (privacy settings): then the planner
 * simply starts with its default.
 */
const KEY = 'meeloop.planner.programme';

export function rememberPlannerProgramme(id: number): void {
  try {
    window.sessionStorage.setItem(KEY, String(id));
  } catch {
    // Not remembered; the planner opens on its default programme.
  }
}

export function rememberedPlannerProgramme(): number | null {
  try {
    const v = Number(window.sessionStorage.getItem(KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}
