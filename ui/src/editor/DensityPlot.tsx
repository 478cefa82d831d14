// The small density plot of the inspector and the risk signals panel: the engine's
// density points (QuantityView.density) scaled into a box; a fixed value is a spike.
import type { QuantityView } from "../ipc";
import { densityPath } from "./density";

export function DensityPlot({ view, width, height, testid }: { view: QuantityView | null; width: number; height: number; testid?: string }) {
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-testid={testid}>
      <path d={densityPath(view, width, height)} className="density" />
    </svg>
  );
}
