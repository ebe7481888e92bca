/**
 * A big thread renders a slice at a time, so the page never stalls: a comment's first render waits for a
 * slice with time left, and waiting comments are taken in document order, so the top of the thread comes first.
 */

/** Rendering work per task, in ms: well under the 50 ms that makes a task long. */
const sliceMs = 12;

let sliceEnd = 0;
let waiting: { el: Element; go: () => void }[] = [];
// A message, not setTimeout: it is not clamped, nor held back in a background tab.
const channel = new MessageChannel();

/** Document order; comments no longer in the page (a thread reloaded meanwhile) go last. */
const order = (a: Element, b: Element) =>
  !a.isConnected ? 1 : !b.isConnected || a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

channel.port1.onmessage = () => {
  sliceEnd = 0;
  const next = waiting.sort((a, b) => order(a.el, b.el));
  waiting = [];
  for (const w of next) w.go();
};

/** True while the current slice has time left; the first call in a task starts a slice. */
export function hasTime(): boolean {
  const now = performance.now();
  if (!sliceEnd) {
    sliceEnd = now + sliceMs;
    channel.port2.postMessage(0);
  }
  return now < sliceEnd;
}

/** Resolves when the next slice starts; those waiting for it are let go in document order. Check hasTime() again then. */
export const nextSlice = (el: Element) => new Promise<void>((go) => waiting.push({ el, go }));
