// The editor's state: the document as immutable JSON with an undo/redo history, the
// selection, validation issues and the file it is saved to.

import { createStore, type StoreApi } from "zustand/vanilla";

import type { Backend, ErrorPayload, Issue, ModelVersionRow } from "../ipc";
import { toErrorPayload } from "../ipc";
import { journeys, type ModelDoc } from "./model";

const HISTORY_LIMIT = 200;

export interface EditorState {
  doc: ModelDoc;
  past: ModelDoc[];
  future: ModelDoc[];
  /** The document as last saved or opened (dirty = `doc !== saved`). */
  saved: ModelDoc;
  /** The file the document is saved to; `null` for a new model. */
  path: string | null;
  journeyId: string | null;
  /** Selected node ids in the current journey. */
  selection: string[];
  issues: Issue[];
  validating: boolean;
  saving: boolean;
  saveError: ErrorPayload | null;
  /** A short note after a save ("Saved — version 3"). */
  saveNote: string | null;
  /** True once the document has been saved in this editor. */
  savedOnce: boolean;
  /** Apply an edit; `coalesce` merges it with the previous edit of the same key (typing). */
  apply(edit: (doc: ModelDoc) => ModelDoc, coalesce?: string): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  setJourney(id: string): void;
  /** The saved versions of this file's model (history panel); `null` until loaded. */
  history: { rows: ModelVersionRow[] } | { error: ErrorPayload } | null;
  loadHistory(): Promise<void>;
  /** Replaces the document by a saved version (an undoable edit). */
  restoreVersion(version: number): Promise<void>;
  validate(): Promise<void>;
  save(path?: string): Promise<boolean>;
  /** Asks for a file with the native Save As dialog and saves there; `false` when cancelled. */
  saveAs(): Promise<boolean>;
}

export type EditorStore = StoreApi<EditorState>;

export function isDirty(s: Pick<EditorState, "doc" | "saved">): boolean {
  return s.doc !== s.saved;
}

/** An editor over `doc` (opened from `path`, or new when `path` is null). */
export function createEditorStore(backend: Backend, doc: ModelDoc, path: string | null): EditorStore {
  let lastCoalesce: string | undefined;
  let validateRequest = 0;
  return createStore<EditorState>()((set, get) => ({
    doc,
    past: [],
    future: [],
    saved: doc,
    path,
    journeyId: journeys(doc)[0]?.id ?? null,
    selection: [],
    issues: [],
    validating: false,
    saving: false,
    saveError: null,
    saveNote: null,
    savedOnce: false,
    history: null,

    async loadHistory() {
      const path = get().path;
      if (!path) {
        set({ history: { rows: [] } });
        return;
      }
      try {
        set({ history: { rows: await backend.modelHistory(path) } });
      } catch (error) {
        set({ history: { error: toErrorPayload(error) } });
      }
    },

    async restoreVersion(version) {
      const path = get().path;
      if (!path) return;
      try {
        const doc = JSON.parse(await backend.modelVersionText(path, version)) as ModelDoc;
        get().apply(() => doc);
        set({ journeyId: keepJourney(doc, get().journeyId), selection: [] });
      } catch (error) {
        set({ history: { error: toErrorPayload(error) } });
      }
    },

    apply(edit, coalesce) {
      const { doc: current, past } = get();
      const next = edit(current);
      if (next === current) return;
      const merge = coalesce !== undefined && coalesce === lastCoalesce && past.length > 0;
      lastCoalesce = coalesce;
      set({
        doc: next,
        past: merge ? past : [...past, current].slice(-HISTORY_LIMIT),
        future: [],
        saveNote: null,
      });
    },

    undo() {
      const { past, doc: current, future, journeyId } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      lastCoalesce = undefined;
      set({
        doc: previous,
        past: past.slice(0, -1),
        future: [current, ...future],
        journeyId: keepJourney(previous, journeyId),
      });
    },

    redo() {
      const { past, doc: current, future, journeyId } = get();
      const next = future[0];
      if (!next) return;
      lastCoalesce = undefined;
      set({ doc: next, past: [...past, current], future: future.slice(1), journeyId: keepJourney(next, journeyId) });
    },

    select(ids) {
      const current = get().selection;
      if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
      set({ selection: ids });
    },

    setJourney(id) {
      set({ journeyId: id, selection: [] });
    },

    async validate() {
      const request = ++validateRequest;
      const text = JSON.stringify(get().doc);
      set({ validating: true });
      try {
        const issues = await backend.validateDocument(text);
        if (request === validateRequest) set({ issues, validating: false });
      } catch (error) {
        if (request === validateRequest) {
          const e = toErrorPayload(error);
          set({ issues: [{ severity: "error", path: "", message: `validation failed: ${e.message}` }], validating: false });
        }
      }
    },

    async saveAs() {
      let chosen: string | null;
      try {
        chosen = await backend.pickSavePath(get().path ?? undefined);
      } catch (error) {
        set({ saveError: toErrorPayload(error) });
        return false;
      }
      return chosen ? get().save(chosen) : false;
    },

    async save(target) {
      const path = target ?? get().path;
      if (!path) {
        set({ saveError: { code: "no_path", message: "Choose a file to save to." } });
        return false;
      }
      const doc = get().doc;
      set({ saving: true, saveError: null });
      try {
        const saved = await backend.saveModelFile(path, `${JSON.stringify(doc, null, 2)}\n`);
        const note =
          saved.version != null
            ? `Saved — version ${saved.version} of ${saved.model_key ?? "the model"}`
            : saved.version_error
              ? `Saved (no version recorded: ${saved.version_error})`
              : "Saved";
        set({ saving: false, saved: doc, path, saveNote: note, savedOnce: true });
        if (get().history) void get().loadHistory();
        void backend.recordRecentFile(path).catch(() => undefined);
        return true;
      } catch (error) {
        set({ saving: false, saveError: toErrorPayload(error) });
        return false;
      }
    },
  }));
}

function keepJourney(doc: ModelDoc, current: string | null): string | null {
  const ids = journeys(doc).map((j) => j.id);
  return current !== null && ids.includes(current) ? current : (ids[0] ?? null);
}
