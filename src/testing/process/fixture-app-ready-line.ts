/**
 * The line a fixture app instance logs when it serves HTTP and its job runner
 * has been started (fixture-app.main.ts), which the parent waits for. Its own
 * file: the parent must not import the child's entry, whose first import
 * starts tracing.
 */
export const READY_LINE = 'fixture app instance ready at';
