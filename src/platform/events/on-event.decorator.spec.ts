import { defineEvent } from './event-type';
import { OnEvent } from './on-event.decorator';

const Pinged = defineEvent<{ at: string }>({ component: 'decorator-spec', name: 'pinged', version: 1 });

/** Declares a listener class with `@OnEvent(Pinged, { maxAttempts })`, as a component would. */
function listenerWith(maxAttempts: number): void {
  class PingListener {
    @OnEvent(Pinged, { maxAttempts })
    async onPing(): Promise<void> {}
  }
  void PingListener;
}

describe('@OnEvent', () => {
  it.each([0, -1, 2.5, 32768, Number.NaN])(
    'refuses maxAttempts %s when the class is declared, naming the listener, the value and the range',
    (value) => {
      expect(() => listenerWith(value)).toThrow(
        `@OnEvent(decorator-spec/pinged@1) on PingListener.onPing: maxAttempts is ${String(value)}, but it must be a whole number from 1 to 32767`,
      );
    },
  );

  it.each([1, 10, 32767])('accepts maxAttempts %s', (value) => {
    expect(() => listenerWith(value)).not.toThrow();
  });
});
