/** `consumer-sign-in.json` → `consumer-sign-in` (used in test ids). */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.json$/i, "");
}

/** `1 journey`, `3 journeys`. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
