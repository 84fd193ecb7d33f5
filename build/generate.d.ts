/** Runs every build-time generator; resolves with all problems found. */
export function generate(logger?: { info(message: string): void }): Promise<string[]>;
