import { DeadLetter } from './dead-letters';
import { count, formatTime } from './report-format';

/** Longest part of an error shown per job; the full text is in the `last_error` column. */
const ERROR_LINE_LIMIT = 300;

/** What `npm run jobs -- failed` prints after the line naming the queue. */
export function failedReport(deadLetters: readonly DeadLetter[]): string[] {
  if (deadLetters.length === 0) return ['no dead-lettered jobs'];
  const lines = [`${count(deadLetters.length, 'dead-lettered job')} (attempts used up; never run again unless retried):`];
  for (const job of deadLetters) {
    lines.push(
      `job ${job.id}  ${job.task}  ${job.attempts}/${job.maxAttempts} attempts  created ${formatTime(job.createdAt)}  failed ${formatTime(job.failedAt)}`,
      `  last error: ${firstLine(job.lastError)}`,
    );
  }
  lines.push('run one again with `npm run jobs -- retry <id>`, all of them with `npm run jobs -- retry all`');
  return lines;
}

function firstLine(error: string | null): string {
  if (!error) return '(none recorded)';
  const line = error.trim().split('\n')[0];
  return line.length > ERROR_LINE_LIMIT ? `${line.slice(0, ERROR_LINE_LIMIT)}…` : line;
}
