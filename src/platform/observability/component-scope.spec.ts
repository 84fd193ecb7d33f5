import { currentComponent, currentRequestId, inComponentScope, inMiddlewareScope } from './component-scope';

// The request id every log line carries as `reqId`: set when a request enters its scope, kept through the
// component middleware's own scope and the rest of the request it hands on to.
describe('the request id of the current work', () => {
  it('is undefined outside any scope', () => {
    expect(currentRequestId()).toBeUndefined();
  });

  it('is the scope’s request id inside inComponentScope, after an await too', async () => {
    const seen = await inComponentScope({ requestId: 'req-1' }, async () => {
      const before = currentRequestId();
      await Promise.resolve();
      return [before, currentRequestId()];
    });

    expect(seen).toEqual(['req-1', 'req-1']);
    expect(currentRequestId()).toBeUndefined();
  });

  it('is carried into a component middleware’s scope and restored for the next() it calls, however late', async () => {
    const seen: Record<string, [string, string | undefined]> = {};
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));

    inComponentScope({ component: 'platform', requestId: 'req-2' }, () =>
      inMiddlewareScope(
        'accounts',
        () => {
          seen.next = [currentComponent(), currentRequestId()];
          done();
        },
        (next) => {
          seen.middleware = [currentComponent(), currentRequestId()];
          void Promise.resolve().then(() => inComponentScope({ requestId: 'other' }, () => next()));
        },
      ),
    );
    await finished;

    expect(seen).toEqual({ middleware: ['accounts', 'req-2'], next: ['platform', 'req-2'] });
  });

  it('stays undefined in a middleware scope entered outside any request', () => {
    const seen = inMiddlewareScope(
      'accounts',
      () => undefined,
      () => [currentComponent(), currentRequestId()],
    );

    expect(seen).toEqual(['accounts', undefined]);
  });
});
