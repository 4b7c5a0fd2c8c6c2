import type { ReactNode } from 'react';
import type { Programme } from '../../../src-shared/schemas/programme.schema';

/**
 * The toolbar with "which programme" that the Import, Matching, Planner and Documents screens share.
 * Renders nothing without programmes (each screen says what to do then, in its own words).
 */
export function ProgrammePicker({ id, label, programmes, value, onChange, disabled, children }: { id: string; label: string; programmes: readonly Pick<Programme, 'id' | 'name'>[]; value: number | null; onChange: (programmeId: number) => void; disabled?: boolean; children?: ReactNode }) {
  if (programmes.length === 0) return null;
  return (
    <div className="toolbar">
      <div className="field field-inline field-programme">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}
