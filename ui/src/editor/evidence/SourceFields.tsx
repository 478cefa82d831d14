// The source a fit will cite: its id (valid ids only) and title, and what applying does
// to a source that already exists.
import { isValidId } from "./evidenceModel";

export function SourceFields({
  sourceId,
  title,
  onSourceId,
  onTitle,
  exists,
  what,
  testid,
}: {
  sourceId: string;
  title: string;
  onSourceId(id: string): void;
  onTitle(title: string): void;
  exists: boolean;
  what: "counts" | "judgements";
  testid: string;
}) {
  const bad = !isValidId(sourceId);
  return (
    <fieldset className="evidence-source">
      <legend>Source the fit cites</legend>
      <label className="field">
        source id
        <input className="mono" value={sourceId} data-testid={`${testid}-source-id`} aria-invalid={bad} onChange={(e) => onSourceId(e.target.value)} />
        {bad && <span className="field-note bad">use a-z, 0-9, _ and -</span>}
      </label>
      <label className="field">
        title
        <input value={title} data-testid={`${testid}-source-title`} onChange={(e) => onTitle(e.target.value)} />
      </label>
      <p className="muted field-note">
        {exists
          ? `Source ${sourceId} exists: Apply replaces the ${what} it keeps (its other fields stay).`
          : `Apply adds source ${sourceId || "…"} to the model, keeping the ${what}.`}
      </p>
    </fieldset>
  );
}
