import type { ScenarioName } from '../load-options';
import type { ScenarioContext } from '../scenario-context';
import type { ScenarioResult } from '../scenario-result';
import { outageScenario } from './outage.scenario';
import { pgbouncerScenario } from './pgbouncer.scenario';
import { sigtermScenario } from './sigterm.scenario';
import { steadyScenario } from './steady.scenario';

export const SCENARIO_RUNNERS: Record<ScenarioName, (context: ScenarioContext) => Promise<ScenarioResult>> = {
  steady: steadyScenario,
  outage: outageScenario,
  sigterm: sigtermScenario,
  pgbouncer: pgbouncerScenario,
};
