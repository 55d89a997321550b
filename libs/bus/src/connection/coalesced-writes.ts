import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

interface AmqplibMux {
  out: Writable;
  _readIncoming(): void;
}

const PATCHED = Symbol.for('crm-suite.amqplib.coalesced-writes');

/**
 * amqplib's Mux moves the frames its channels have queued to the socket once per turn of the event
 * loop, but with one `socket.write` each: one write(2) per message. Under load the gateway queued
 * several requests a turn and a service several replies, so each process made a system call per
 * message (docs/BENCHMARKS.md, "Read, fourth round"). Corking the socket for the Mux's pass sends
 * them in one writev(2); the order of the frames and the back-pressure (`write` returning false,
 * then 'drain') are the Mux's own, unchanged.
 *
 * The Mux is not among amqplib's exports, so it is reached by its file; a version that moved it
 * fails here at start, not silently.
 */
export function coalesceAmqpWrites(): void {
  const muxFile = join(dirname(require.resolve('amqplib')), 'lib', 'mux.js');
  const prototype = (require(muxFile) as { Mux: { prototype: AmqplibMux & { [PATCHED]?: true } } }).Mux.prototype;
  if (prototype[PATCHED]) return;
  const readIncoming = prototype._readIncoming;
  if (typeof readIncoming !== 'function') throw new Error(`amqplib's Mux has no _readIncoming (${muxFile}): coalesced-writes.ts needs updating`);
  prototype._readIncoming = function (this: AmqplibMux) {
    this.out.cork();
    try {
      readIncoming.call(this);
    } finally {
      this.out.uncork();
    }
  };
  prototype[PATCHED] = true;
}
