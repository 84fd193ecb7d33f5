/** A watchdog for a bench run: after `budgetS` seconds it says so and exits 1 (the exit hooks kill what the run started). */
export function giveUpAfter(command: string, budgetS: number): void {
  setTimeout(() => {
    console.error(`${command}: still running after ${(budgetS / 60).toFixed(0)} min; killing what it started and giving up`);
    process.exit(1);
  }, budgetS * 1000).unref();
}
