import { fileStem, plural } from "../format/text";
import type { ExampleSummary } from "../ipc";
import { useAppState } from "../storeContext";
import { ErrorBanner } from "./ErrorBanner";

/** The start screen: the example models, each with a button that opens it. */
export function StartScreen() {
  const examples = useAppState((s) => s.examples);
  const loadExamples = useAppState((s) => s.loadExamples);

  return (
    <section className="screen" data-testid="start-screen">
      <div className="screen-head">
        <h1>Example models</h1>
        <p className="lead">
          Open an example to see its journeys. Models are JSON files in the project&apos;s{" "}
          <code>fixtures/</code> folder.
        </p>
      </div>
      {examples.status === "failed" ? (
        <ErrorBanner
          title="The example models could not be listed"
          error={examples.error}
          onRetry={() => void loadExamples()}
        />
      ) : examples.status === "ready" ? (
        examples.data.length === 0 ? (
          <p className="empty" data-testid="example-empty">
            No example models yet.
          </p>
        ) : (
          <ul className="cards" data-testid="example-list" aria-label="Example models">
            {examples.data.map((example) => (
              <ExampleCard key={example.path} example={example} />
            ))}
          </ul>
        )
      ) : (
        <p className="muted" data-testid="examples-loading">
          Loading examples…
        </p>
      )}
    </section>
  );
}

function ExampleCard({ example }: { example: ExampleSummary }) {
  const openModel = useAppState((s) => s.openModel);
  const journeys = plural(example.journey_count, "journey", "journeys");
  return (
    <li className="card" data-testid="example-item" data-file={example.file_name} data-path={example.path}>
      <div className="card-head">
        <h2 className="card-title" data-testid="example-name">
          {example.name}
        </h2>
        <span
          className={example.valid ? "badge badge-ok" : "badge badge-bad"}
          data-testid="example-valid"
          data-valid={String(example.valid)}
        >
          {example.valid ? "valid" : "has errors"}
        </span>
      </div>
      <span className="meta mono card-file">{example.file_name}</span>
      <p className="card-text" data-testid="example-description" title={example.description ?? undefined}>
        {example.description ?? "No description."}
      </p>
      <div className="card-foot">
        <span className="meta" data-testid="example-journey-count" data-count={example.journey_count}>
          {journeys}
        </span>
        <button
          type="button"
          className="button button-primary"
          data-testid={`open-example-${fileStem(example.file_name)}`}
          onClick={() => void openModel(example.path)}
        >
          Open
        </button>
      </div>
    </li>
  );
}
