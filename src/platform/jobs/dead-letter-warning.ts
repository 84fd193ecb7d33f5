/**
 * The warning of a job's last allowed attempt: dead-lettered, it stays with
 * its error and never runs again unless retried.
 */
export function deadLetterWarning(jobId: string, what: string, attempts: number, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `job ${jobId} (${what}) failed ${attempts} times and will not run again: ${message}; retry it with \`npm run jobs -- retry ${jobId}\``;
}
