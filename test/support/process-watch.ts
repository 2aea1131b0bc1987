import vm from 'node:vm';

/**
 * Unhandled rejections and uncaught exceptions, seen on the REAL process.
 *
 * Jest runs a test file in a vm context whose `process` is a copy with its own event listeners: a
 * listener added to it never hears what Node emits. `vm.runInThisContext('process')` evaluates in
 * Node's main context and returns the real process object, whose 'unhandledRejection' and
 * 'uncaughtException' events are the ones Node raises (for the gateway and emulator too: they run in
 * this jest worker). jest-circus also fails the running test on them; this watcher makes the check
 * explicit and names what fired.
 */
export interface ProcessWatch {
  readonly events: ReadonlyArray<{ kind: 'unhandledRejection' | 'uncaughtException'; error: unknown }>;
  stop(): void;
}

export function watchProcess(): ProcessWatch {
  const real = vm.runInThisContext('process') as NodeJS.Process;
  const events: Array<{ kind: 'unhandledRejection' | 'uncaughtException'; error: unknown }> = [];
  const onRejection = (error: unknown) => void events.push({ kind: 'unhandledRejection', error });
  const onException = (error: unknown) => void events.push({ kind: 'uncaughtException', error });
  const targets = real === process ? [real] : [real, process];
  for (const p of targets) {
    p.on('unhandledRejection', onRejection);
    p.on('uncaughtException', onException);
  }
  return {
    events,
    stop() {
      for (const p of targets) {
        p.off('unhandledRejection', onRejection);
        p.off('uncaughtException', onException);
      }
    },
  };
}

/** For an assertion message: what fired, with stacks. */
export function describeEvents(watch: ProcessWatch): string[] {
  return watch.events.map(({ kind, error }) => `${kind}: ${(error as Error)?.stack ?? String(error)}`);
}
