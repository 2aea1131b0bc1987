/**
 * Shares the event loop: callers `await turn()` before a piece of work, and at most `perTurn` of them
 * go on per turn of the event loop (setImmediate, after I/O). A burst of thousands (a WebSocket
 * client sending its subscriptions at once, a change for thousands of watchers) then runs in slices
 * with the HTTP requests that arrived meanwhile served in between, instead of ahead of all of them.
 */
export class Turns {
  private waiting: Array<() => void> = [];
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) this.schedule();
    });
  }

  private schedule(): void {
    this.scheduled = true;
    setImmediate(() => {
      const now = this.waiting.splice(0, this.perTurn);
      if (this.waiting.length > 0) this.schedule();
      else this.scheduled = false;
      for (const resolve of now) resolve();
    });
  }
}
