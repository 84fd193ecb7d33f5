// Background jobs (private to their component) and schedules (declared in
// component.meta.ts). See docs/guides/events-and-jobs.md.
export { HandlesJob, OnSchedule } from '../platform/jobs/job-handler.decorators';
export { type EnqueueOptions, JobQueue } from '../platform/jobs/job-queue';
export { defineJob, type JobType, type QueuedJob, type ScheduledRun } from '../platform/jobs/job-type';
