// The UI's side of command errors: every command rejects with an `ErrorPayload`
// (`{code, message}`, generated from the Rust type); anything else is turned into one.
import type { ErrorPayload } from "./gen";

/** True when `value` has the `{code, message}` shape of an [`ErrorPayload`]. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorPayload).code === "string" &&
    typeof (value as ErrorPayload).message === "string"
  );
}

/** Turns anything a command rejected with into an [`ErrorPayload`]. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isErrorPayload(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "ipc", message: error.message };
  return { code: "ipc", message: String(error) };
}
