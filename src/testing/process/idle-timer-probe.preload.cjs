// Preloaded into a child Node process (NODE_OPTIONS=--require) by
// idle-timer-probe.ts. Records every long timer (5 s or more) that fires while
// nothing but timers keeps the process alive: a process whose work is done
// but which waits for such a timer before it can exit. That is what "exits
// as soon as its work is done" means, asked of the process itself instead of
// a stopwatch, so a busy machine cannot change the answer.
'use strict';
const { writeFileSync } = require('node:fs');

const report = process.env.IDLE_TIMER_PROBE_REPORT;
const LONG_MS = 5000;
const heldBy = [];
const originalSetTimeout = globalThis.setTimeout;

// defineProperty rather than an assignment, which TypeScript (allowJs) would read as a new declaration of the global.
Object.defineProperty(globalThis, 'setTimeout', {
  configurable: true,
  writable: true,
  value: function probedSetTimeout(callback, ms, ...args) {
    if (typeof callback !== 'function' || !(Number(ms) >= LONG_MS)) return originalSetTimeout(callback, ms, ...args);
    return originalSetTimeout(
      (...callbackArgs) => {
        // What else keeps the process alive: a socket, a child process, a
        // pending file operation means work was still going on. Timers are not
        // listed here, and the process's own stdout and stderr (pipes to the
        // parent) do not keep it alive.
        const stdio = new Set([process.stdout, process.stderr]);
        const others = [...process._getActiveHandles().filter((handle) => !stdio.has(handle)), ...process._getActiveRequests()];
        if (others.length === 0) heldBy.push({ ms: Number(ms) });
        return callback(...callbackArgs);
      },
      ms,
      ...args,
    );
  },
});

process.once('exit', () => {
  if (report) writeFileSync(report, JSON.stringify(heldBy));
});
