import { Component, type ReactNode } from 'react';
import { Trans } from 'react-i18next';

interface State {
  message: string | null;
}

/** A rendering bug in one page shows a message instead of a blank window; the shell keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(e: unknown): State {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <div role="alert" className="notice notice-error">
        <p>
          <Trans i18nKey="app.crashed" />
        </p>
        <p className="muted">
          <Trans i18nKey="app.crashedDetail" values={{ message: this.state.message }} />
        </p>
      </div>
    );
  }
}
