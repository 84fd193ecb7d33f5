import { ADAPTER_URL_ADVICE, dropAdapterUrlAdvice } from './prisma-adapter-url-advice.patch';

describe('dropAdapterUrlAdvice', () => {
  function streamWritingTo(lines: unknown[]) {
    const stream = { write: (chunk: unknown) => lines.push(chunk) > 0 } as unknown as Pick<NodeJS.WritableStream, 'write'>;
    dropAdapterUrlAdvice(stream);
    return stream;
  }

  it("drops Prisma's advice to remove the datasource url and reports the write as done", () => {
    const written: unknown[] = [];

    expect(streamWritingTo(written).write(ADAPTER_URL_ADVICE)).toBe(true);
    expect(written).toEqual([]);
  });

  it('passes every other write through unchanged, including a reworded advice', () => {
    const written: unknown[] = [];
    const stream = streamWritingTo(written);

    stream.write('1 migration found in prisma/migrations\n');
    stream.write(ADAPTER_URL_ADVICE.replace('NOT', 'not'));

    expect(written).toEqual(['1 migration found in prisma/migrations\n', ADAPTER_URL_ADVICE.replace('NOT', 'not')]);
  });

  it('still calls the callback of a dropped write, as the stream would have', async () => {
    const written: unknown[] = [];
    const stream = streamWritingTo(written);

    const called = await new Promise<boolean>((resolve) => stream.write(ADAPTER_URL_ADVICE, () => resolve(true)));

    expect(called).toBe(true);
    expect(written).toEqual([]);
  });
});
