import { useState } from "react";

import { plural } from "../format/text";
import type { Issue, JourneyView } from "../ipc";
import { useAppState } from "../storeContext";
import { ErrorBanner } from "./ErrorBanner";
import { ResultsPanel } from "../results/ResultsPanel";
import type { Workshop } from "../ipc";
import type { ModelDoc } from "../editor/model";
import { Presenter } from "../workshop/Presenter";
import { WorkshopsPanel } from "../workshop/WorkshopsPanel";

/** An open model: its headline facts, validation problems and journeys. */
export function ModelScreen() {
  const model = useAppState((s) => s.model);
  const modelPath = useAppState((s) => s.modelPath);
  const openModel = useAppState((s) => s.openModel);
  const closeModel = useAppState((s) => s.closeModel);
  const backend = useAppState((s) => s.backend);
  // A running workshop turns the screen into the presenter's view.
  const [presenting, setPresenting] = useState<Workshop | null>(null);
  const [workshopsKey, setWorkshopsKey] = useState(0);

  if (presenting && model.status === "ready") {
    return (
      <Presenter
        initial={presenting}
        doc={model.data.document as ModelDoc}
        backend={backend}
        onEnd={() => {
          setPresenting(null);
          setWorkshopsKey((k) => k + 1);
        }}
      />
    );
  }

  return (
    <section className="screen" data-testid="model-screen">
      <button type="button" className="button button-ghost" data-testid="back-to-examples" onClick={closeModel}>
        ← Examples
      </button>
      {model.status === "failed" ? (
        <ErrorBanner
          title="The model could not be opened"
          error={model.error}
          onRetry={modelPath ? () => void openModel(modelPath) : undefined}
        />
      ) : model.status === "ready" ? (
        <>
          <div className="screen-head">
            <h1 data-testid="model-name">{model.data.name}</h1>
            {model.data.description && <p className="lead">{model.data.description}</p>}
            <div className="facts">
              <span className="meta">Currency {model.data.currency}</span>
              <span className="meta">Volumes per {model.data.period}</span>
              <span className="meta mono">{model.data.path}</span>
            </div>
          </div>
          {model.data.issues.length > 0 && <IssueList issues={model.data.issues} />}
          <h2 className="section-title">
            Journeys <span className="count">{model.data.journeys.length}</span>
          </h2>
          {model.data.journeys.length === 0 ? (
            <p className="empty" data-testid="journey-empty">
              This model has no journeys.
            </p>
          ) : (
            <ul className="rows" data-testid="journey-list" aria-label="Journeys">
              {model.data.journeys.map((journey) => (
                <JourneyRow key={journey.id} journey={journey} />
              ))}
            </ul>
          )}
          <ResultsPanel key={model.data.path} model={model.data} />
          <WorkshopsPanel
            key={`${model.data.path}:${workshopsKey}`}
            backend={backend}
            path={model.data.path}
            name={model.data.name}
            doc={model.data.document as ModelDoc}
            onStart={setPresenting}
          />
        </>
      ) : (
        <p className="muted" data-testid="model-loading">
          Opening model…
        </p>
      )}
    </section>
  );
}

function JourneyRow({ journey }: { journey: JourneyView }) {
  const steps = plural(journey.step_count, "step", "steps");
  return (
    <li className="row" data-testid="journey-item" data-journey-id={journey.id}>
      <div className="row-main">
        <span className="row-title" data-testid="journey-name">
          {journey.name}
        </span>
        <span className="meta mono">{journey.id}</span>
        {journey.sensitive && <span className="badge badge-warn">sensitive</span>}
      </div>
      <div className="row-side">
        <span className="meta">{steps}</span>
        <span className="meta">{journey.owner ? `owner ${journey.owner}` : "no owner"}</span>
        <span className="chips">
          {journey.populations.map((p) => (
            <span key={p} className="chip">
              {p}
            </span>
          ))}
        </span>
      </div>
    </li>
  );
}

function IssueList({ issues }: { issues: Issue[] }) {
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <div className="issues" data-testid="issue-list">
      <h2 className="section-title">
        Problems <span className="count">{issues.length}</span>
        {errors > 0 && <span className="badge badge-bad">{errors} blocking</span>}
      </h2>
      <ul>
        {issues.map((issue, i) => (
          <li key={i} className={`issue issue-${issue.severity}`} data-testid="issue-item">
            <span className="issue-severity">{issue.severity}</span>
            {issue.path && <code>{issue.path}</code>}
            <span>{issue.message}</span>
            {issue.hint && <span className="muted"> — {issue.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
