import { FixtureAppInstance } from '../process/fixture-app-instance';

describe('an app instance in a child process (FixtureAppInstance)', () => {
  let instance: FixtureAppInstance | undefined;

  afterEach(async () => {
    await instance?.kill();
  });

  it('serves the fixture component over HTTP and exits 0 on SIGTERM, as production stops', async () => {
    instance = await FixtureAppInstance.start({ name: 'smoke' });

    const health = await fetch(`${instance.baseUrl}/health`);
    const exit = await instance.terminate();

    expect(health.status).toBe(200);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(instance.log()).toMatch(/SIGTERM received/);
  });
});
