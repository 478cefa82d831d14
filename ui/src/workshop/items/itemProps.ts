// What every live item of the presenter's view gets: its item, the model, the backend,
// and the ways to put numbers on the audience's screen and to change the item.
import type { Backend, WorkshopItem } from "../../ipc";
import type { ModelDoc } from "../../editor/model";
import type { SlideContent } from "../slides";

export interface ItemProps {
  item: WorkshopItem;
  doc: ModelDoc;
  modelPath: string;
  backend: Backend;
  /** Puts `content` on the audience's screen; `captured` is the line the summary keeps of it. */
  show(content: SlideContent, captured: string): void;
  change(c: Partial<WorkshopItem>): void;
}
