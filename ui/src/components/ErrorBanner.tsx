import type { ErrorPayload } from "../ipc";

/** Shows a command error with its code and message, and an optional retry. */
export function ErrorBanner({
  error,
  title,
  onRetry,
}: {
  error: ErrorPayload;
  title: string;
  onRetry?: () => void;
}) {
  return (
    <div className="error" role="alert" data-testid="error" data-code={error.code}>
      <div className="error-head">
        <strong>{title}</strong>
        <code className="error-code" data-testid="error-code">
          {error.code}
        </code>
      </div>
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      {onRetry && (
        <button type="button" className="button" data-testid="error-retry" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
