import { TaskStatus } from './queue-status';
import { count, formatAge, table } from './report-format';

/**
 * Due jobs waiting longer than this while no job runs mean no worker takes
 * jobs from the queue: an idle worker picks a new job within milliseconds
 * (LISTEN/NOTIFY) and polls every 2 s besides.
 */
export const STUCK_AFTER_SECONDS = 60;

/** What `npm run jobs -- status` prints after the line naming the queue. */
export function statusReport(tasks: readonly TaskStatus[]): string[] {
  if (tasks.length === 0) return ['no jobs waiting, running or failed (graphile-worker deletes a job once it has run)'];
  const total = totalOf(tasks);
  const oldest = (seconds: number | null) => (seconds === null || seconds < 0 ? '-' : formatAge(seconds));
  const rows = [...tasks, ...(tasks.length > 1 ? [total] : [])].map((task) => [
    task.task,
    task.pending,
    task.scheduled,
    task.running,
    task.retrying,
    task.dead,
    oldest(task.oldestDueSeconds),
  ]);
  const lines = table(['task', 'pending', 'scheduled', 'running', 'retrying', 'dead', 'oldest due'], rows);
  return [...lines, ...verdict(total, tasks)];
}

/** Every task's jobs added up. */
function totalOf(tasks: readonly TaskStatus[]): TaskStatus {
  return tasks.reduce(
    (sum, task) => ({
      task: 'total',
      pending: sum.pending + task.pending,
      scheduled: sum.scheduled + task.scheduled,
      running: sum.running + task.running,
      retrying: sum.retrying + task.retrying,
      dead: sum.dead + task.dead,
      due: sum.due + task.due,
      oldestDueSeconds: Math.max(sum.oldestDueSeconds ?? -1, task.oldestDueSeconds ?? -1),
    }),
    { task: 'total', pending: 0, scheduled: 0, running: 0, retrying: 0, dead: 0, due: 0, oldestDueSeconds: -1 } as TaskStatus,
  );
}

/**
 * Whether the queue moves: `stuck` (due jobs waited over STUCK_AFTER_SECONDS
 * and none runs), `backlog` (they waited that long while workers are busy),
 * with the line that says so and what to do; null when it moves. The status
 * command prints the line; the app's queue watch logs it.
 */
export function queueVerdict(tasks: readonly TaskStatus[]): { state: 'stuck' | 'backlog'; line: string } | null {
  const total = totalOf(tasks);
  const waited = total.oldestDueSeconds ?? -1;
  if (waited <= STUCK_AFTER_SECONDS) return null;
  if (total.running === 0) {
    return {
      state: 'stuck',
      line:
        `stuck: ${count(total.due, 'due job')}, the oldest waiting ${formatAge(waited)}, and no job is running, so no worker is taking jobs from this queue. ` +
        'Check that an instance runs with JOBS_CONCURRENCY above 0 and this DATABASE_SCHEMA, and read its log for `[Jobs]` errors ' +
        '(JOBS_DATABASE_URL unreachable, the queue schema missing); /health/ready does not report the queue.',
    };
  }
  return {
    state: 'backlog',
    line:
      `backlog: the oldest due job has waited ${formatAge(waited)}; the workers are busy (${total.running} running). ` +
      'If it keeps growing, raise JOBS_CONCURRENCY or run more instances (docs/operations.md, "Jobs and events").',
  };
}

function verdict(total: TaskStatus, tasks: readonly TaskStatus[]): string[] {
  const lines: string[] = [];
  const notMoving = queueVerdict(tasks);
  if (notMoving) lines.push(notMoving.line);
  if (total.dead > 0) {
    lines.push(
      `${count(total.dead, 'dead-lettered job')}: \`npm run jobs -- failed\` shows the errors, \`npm run jobs -- retry <id>\` (or \`retry all\`) runs them again.`,
    );
  }
  return lines;
}
