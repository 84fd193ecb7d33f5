import { logLines, nonJsonLines } from '../../../../testing/logging/log-lines';
import { FixtureAppInstance } from '../../../../testing/process/fixture-app-instance';
import { READY_LINE } from '../../../../testing/process/fixture-app-ready-line';

describe('the logs of an app in development (NODE_ENV=development)', () => {
  let instance: FixtureAppInstance | undefined;

  afterAll(() => instance?.dispose());

  it('are readable lines, one per entry: time, level, component, context and message, then the fields', async () => {
    instance = await FixtureAppInstance.start({ name: 'development-logs', env: { NODE_ENV: 'development', LOG_LEVEL: 'info' } });
    const response = await fetch(`${instance.baseUrl}/accounts/sign-in`);
    await response.arrayBuffer();
    const reqId = response.headers.get('x-request-id') ?? '';

    expect(await instance.terminate()).toEqual({ code: 0, signal: null });
    const lines = logLines(instance.log());

    expect(nonJsonLines(instance.log())).toEqual(lines);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[[\\d:.]+\\] INFO: platform \\[Bootstrap\\] ${READY_LINE} http`)));
    const id = reqId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\[[\\d:.]+\\] INFO: accounts request completed \\{"reqId":"${id}","method":"GET","route":"/accounts/sign-in","status":200,"durationMs":\\d+\\}$`,
        ),
      ),
    );
  });
});
