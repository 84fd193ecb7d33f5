import type { LoggerService } from '@nestjs/common';

export interface CapturedLine {
  level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
  /** The message and every extra argument (stack, context), joined: what an operator would read. */
  text: string;
}

/** A Nest logger that keeps every line, so a test can assert what the app logged. */
export class CapturedLogger implements LoggerService {
  readonly lines: CapturedLine[] = [];

  private keep(level: CapturedLine['level'], message: unknown, rest: unknown[]): void {
    this.lines.push({ level, text: [message, ...rest].map(String).join(' ') });
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.keep('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.keep('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.keep('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.keep('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.keep('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.keep('fatal', message, rest);
  }

  /** Every line of all levels, one per entry. */
  get text(): string {
    return this.lines.map((line) => `${line.level} ${line.text}`).join('\n');
  }
}
