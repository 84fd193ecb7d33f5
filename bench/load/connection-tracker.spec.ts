import { ConnectionTracker, RequestRecord } from './connection-tracker';

function tracker() {
  const records: RequestRecord[] = [];
  let clock = 0;
  const connection = new ConnectionTracker(
    'http://127.0.0.1:1',
    (record) => records.push(record),
    () => (clock += 10),
  );
  return { connection, records };
}

describe('ConnectionTracker', () => {
  it('records an answered request with its status and whether it carried Retry-After', () => {
    const { connection, records } = tracker();
    connection.sending('post', 'load-x-1');
    connection.answered(503, { 'Retry-After': '1' });
    connection.sending('list');
    connection.answered(200, {});
    expect(records.map((record) => record.fate)).toEqual([
      { kind: 'answered', status: 503, retryAfter: true },
      { kind: 'answered', status: 200, retryAfter: false },
    ]);
    expect(records[0]).toMatchObject({ kind: 'post', title: 'load-x-1', target: 'http://127.0.0.1:1', sentAt: 10, doneAt: 20 });
  });

  it('counts a request lost on a refused connection as refused, not as dropped', () => {
    const { connection, records } = tracker();
    connection.sending('post', 'load-x-1');
    connection.connectionError('ECONNREFUSED');
    connection.sending('list');
    expect(records[0].fate).toEqual({ kind: 'refused' });
    expect(records[1].fate).toBeUndefined();
  });

  it('counts a request whose connection was reset or closed without an answer as dropped, naming the reason', () => {
    const { connection, records } = tracker();
    connection.sending('list');
    connection.connectionError('ECONNRESET');
    connection.sending('list');
    connection.sending('list');
    expect(records.map((record) => record.fate)).toEqual([
      { kind: 'dropped', reason: 'ECONNRESET' },
      { kind: 'dropped', reason: 'connection closed by the server' },
      undefined,
    ]);
  });

  it('counts a request written after a Connection: close answer as not accepted, and only that one', () => {
    const { connection, records } = tracker();
    connection.sending('list');
    connection.answered(200, { Connection: 'close' });
    connection.sending('post', 'load-x-2'); // written on the socket the server is closing
    connection.sending('post', 'load-x-3'); // a new socket, closed without an answer
    connection.sending('list');
    expect(records.map((record) => record.fate?.kind)).toEqual(['answered', 'not-accepted', 'dropped', undefined]);
  });

  it('turns the request settled just before a timeout event into timed-out, as autocannon reports it late', () => {
    const { connection, records } = tracker();
    connection.sending('post', 'load-x-1');
    connection.sending('list'); // autocannon reconnects and builds the next request first…
    connection.timedOut(); // …then emits timeout
    expect(records[0].fate).toEqual({ kind: 'timed-out' });
    expect(records[1].fate).toBeUndefined();
  });

  it('leaves a refused request refused when a timeout event follows', () => {
    const { connection, records } = tracker();
    connection.sending('list');
    connection.connectionError('ECONNREFUSED');
    connection.sending('list');
    connection.timedOut();
    expect(records[0].fate).toEqual({ kind: 'refused' });
  });

  it('marks what is still outstanding at the end as cut off, and says whether a post is outstanding', () => {
    const { connection, records } = tracker();
    connection.sending('post', 'load-x-1');
    expect(connection.hasOutstanding('post')).toBe(true);
    connection.finish();
    expect(connection.hasOutstanding('post')).toBe(false);
    expect(records[0].fate).toEqual({ kind: 'cut-off' });
  });
});
