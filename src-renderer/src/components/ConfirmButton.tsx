import { useState } from 'react';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel?: string;
  onConfirm: () => Promise<void>;
  isPrimary?: boolean;
}

/** An action with an inline second step that says what will happen, instead of a blocking browser dialog. */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, busyLabel, onConfirm, isPrimary }: Props) {
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const tone = isPrimary ? 'primary' : 'danger';
  if (!isAsking) {
    return (
      <button type="button" className={tone} onClick={() => setIsAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className={`confirm confirm-block${isPrimary ? ' confirm-primary' : ''}`} role="group" aria-label={question}>
      <p>{question}</p>
      <div className="actions">
        <button
          type="button"
          className={tone}
          disabled={isBusy}
          onClick={() => {
            setIsBusy(true);
            void onConfirm().finally(() => {
              setIsBusy(false);
              setIsAsking(false);
            });
          }}
        >
          {isBusy && busyLabel ? busyLabel : confirmLabel}
        </button>
        <button type="button" disabled={isBusy} onClick={() => setIsAsking(false)}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
