import { FixtureAppInstance } from '../process/fixture-app-instance';

describe('an app instance in a child process (FixtureAppInstance)', () => {
  let instance: FixtureAppInstance | undefined;

  afterEach(async () => {
    await instance?.dispose(); // and its log's temp directory
  });

  it('serves HTTP with its job runner running, and on SIGTERM stops the app (runner included) and exits 0, as production does', async () => {
    instance = await FixtureAppInstance.start({ name: 'smoke' });
    await instance.waitForLogLine(/Worker connected and looking for jobs/, 'that its job runner started');

    const health = await fetch(`${instance.baseUrl}/health`);
    const exit = await instance.terminate();

    expect(health.status).toBe(200);
    expect(exit).toEqual({ code: 0, signal: null });
    // The app was closed, not just the process ended: the runner's graceful stop ran.
    expect(instance.log()).toMatch(/SIGTERM received[\s\S]*Runner stopping[\s\S]*stopped/);
  });
});
