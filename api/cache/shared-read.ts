/**
 * Requests that arrive together share one read. A caller joins a read that has not started yet, never one
 * already under way: so every caller gets an answer read after it arrived, which sees every write committed
 * before it, as its own read would. The read starts once the requests of this event-loop turn are in
 * (setImmediate), so a busy thread's readers checking its version at the same moment cost one query.
 */
export class SharedRead<T> {
  readonly #waiting = new Map<string, Promise<T>>();

  read(key: string, run: () => Promise<T>): Promise<T> {
    let read = this.#waiting.get(key);
    if (!read) {
      read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.#waiting.delete(key);
        return run();
      });
      this.#waiting.set(key, read);
    }
    return read;
  }
}
