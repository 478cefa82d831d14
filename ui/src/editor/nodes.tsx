import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";

import type { StepNodeData } from "./graph";
import { NODE_WIDTH } from "./graph";
import { inkOf, lookOf } from "./kinds";

export function KindIcon({ kind, colour, size = 16 }: { kind: string; colour?: string; size?: number }) {
  const look = lookOf(kind);
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" className="kind-icon">
      <path d={look.icon} fill={colour ?? look.colour} />
    </svg>
  );
}

export type StepNode = Node<StepNodeData, "step">;

/** One step (or implicit outcome) on the canvas, with a labelled handle per exit. */
export const StepNodeView = memo(function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const look = lookOf(data.kind, data.outcomeClass);
  // A "missing" node's id is `missing:<target>`; its test id names the target.
  const errors = data.issues.filter((i) => i.severity === "error");
  const warnings = data.issues.length - errors.length;
  const exits = data.kind === "branch" ? [...data.exits, { handle: "to.new", label: "+ share" }] : data.exits;
  return (
    <div
      className={`step-node shape-${look.shape}${selected ? " is-selected" : ""}${errors.length ? " has-errors" : ""}${
        data.implicit ? " is-implicit" : ""
      }`}
      style={{ borderColor: look.colour, background: look.tint, width: NODE_WIDTH }}
      data-testid={`node-${data.stepId}`}
      data-kind={data.kind}
      data-errors={errors.length}
      title={data.issues.map((i) => `${i.severity}: ${i.message}`).join("\n") || undefined}
    >
      <Handle type="target" position={Position.Left} className="step-target" />
      <div className="step-head" style={{ color: inkOf(look.colour) }}>
        <KindIcon kind={data.kind} colour={look.colour} />
        <span className="step-kind">{data.kind === "missing" ? look.label : data.implicit ? "implicit outcome" : look.label}</span>
        {data.entry && <span className="step-entry">entry</span>}
        {errors.length > 0 && (
          <span className="step-badge bad" data-testid={`node-errors-${data.stepId}`}>
            {errors.length}
          </span>
        )}
        {warnings > 0 && <span className="step-badge warn">{warnings}</span>}
      </div>
      <div className="step-name">{data.name ?? data.stepId}</div>
      {data.kind === "missing" ? (
        <div className="step-id">{data.detail}</div>
      ) : (
        (data.name !== undefined || data.detail) && (
          <div className="step-id mono">{data.name !== undefined ? (data.detail ? `${data.stepId} · ${data.detail}` : data.stepId) : data.detail}</div>
        )
      )}
      {exits.length > 0 && (
        <div className="step-exits">
          {exits.map((exit) => (
            <div
              key={exit.handle}
              className={`step-exit${"target" in exit && exit.target === undefined && !("fallback" in exit && exit.fallback) && exit.handle !== "to.new" ? " is-open" : ""}`}
              data-testid={`exit-${data.stepId}-${exit.handle}`}
            >
              <span>{exit.label}</span>
              {/* Not connected: said by a mark as well as by colour. */}
              {"target" in exit && exit.target === undefined && !("fallback" in exit && exit.fallback) && exit.handle !== "to.new" && (
                <span className="step-exit-open" title="not connected">
                  {" "}
                  ⚠
                </span>
              )}
              <Handle
                type="source"
                position={Position.Right}
                id={exit.handle}
                className="step-source"
                data-testid={`handle-${data.stepId}-${exit.handle}`}
                style={{ background: look.colour }}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
