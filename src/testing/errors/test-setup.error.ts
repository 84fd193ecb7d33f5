/**
 * A test run cannot start; the message says what is missing and how to fix it.
 * Carries no stack frames: Jest prints a global setup error's stack, and the
 * one line is all the reader needs.
 */
export class TestSetupError extends Error {
  override name = 'TestSetupError';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
