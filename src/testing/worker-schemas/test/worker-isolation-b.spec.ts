import { describeIsolationScenario } from './isolation-scenario';

// Three identical suites, so that Jest runs some of them at the same time on different workers.
describeIsolationScenario('b');
