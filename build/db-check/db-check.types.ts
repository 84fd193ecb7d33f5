/**
 * One check of `npm run db:check`: resolves with what is wrong, one message
 * per problem, each naming the command that fixes it; an empty list means it
 * passed.
 */
export interface DbCheck {
  /**
   * What must hold, as a clause: shown as `db:check: ok, <name>`, or
   * `could not check that <name>: …` when the check itself fails.
   */
  name: string;
  run(projectRoot: string): Promise<string[]>;
}
