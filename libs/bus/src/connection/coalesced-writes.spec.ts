import { dirname, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { coalesceAmqpWrites } from './coalesced-writes';

// amqplib's own Mux, as its connection uses it: channels' buffers piped into one socket.
const { Mux } = require(join(dirname(require.resolve('amqplib')), 'lib', 'mux.js')) as { Mux: new (out: Writable) => { pipeFrom(stream: PassThrough): void } };

/** A socket that records each system call it would make: one write or one writev. */
function socket(highWaterMark = 16 * 1024) {
  const calls: string[][] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()]);
      setImmediate(done);
    },
    writev(chunks, done) {
      calls.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      setImmediate(done);
    },
  });
  return { out, calls };
}

const channel = () => new PassThrough({ objectMode: true });
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceAmqpWrites', () => {
  beforeAll(() => coalesceAmqpWrites());

  it("sends the frames the channels queued in one turn in one writev, in the Mux's order", async () => {
    const { out, calls } = socket();
    const mux = new Mux(out);
    const [a, b] = [channel(), channel()];
    mux.pipeFrom(a);
    mux.pipeFrom(b);
    for (const frame of ['a1', 'a2', 'a3']) a.write(Buffer.from(frame));
    b.write(Buffer.from('b1'));
    await turn();
    await turn();
    expect(calls).toEqual([['a1', 'b1', 'a2', 'a3']]);
    a.write(Buffer.from('a4'));
    await turn();
    await turn();
    expect(calls).toEqual([['a1', 'b1', 'a2', 'a3'], ['a4']]);
  });

  it('keeps back-pressure: a full socket stops the Mux until it drains, and nothing is lost', async () => {
    const { out, calls } = socket(4);
    const mux = new Mux(out);
    const a = channel();
    mux.pipeFrom(a);
    const frames = Array.from({ length: 10 }, (_, i) => `f${i}`);
    for (const frame of frames) a.write(Buffer.from(frame));
    for (let i = 0; i < 20; i++) await turn();
    expect(calls.flat()).toEqual(frames);
    expect(calls.length).toBeGreaterThan(1);
  });

  it('patches once, whatever the number of connections', () => {
    const { Mux: Patched } = require(join(dirname(require.resolve('amqplib')), 'lib', 'mux.js'));
    const readIncoming = Patched.prototype._readIncoming;
    coalesceAmqpWrites();
    expect(Patched.prototype._readIncoming).toBe(readIncoming);
  });
});
