/**
 * The `commitBy` of a request the gateway waits `deadlineMs` for (RpcRequest.commitBy): the service
 * stops short of the gateway's deadline by a fifth of it, at most 500 ms, which leaves its commit and
 * reply the time to arrive before the gateway gives up. Clocks of gateway and services are assumed
 * to agree within that margin (NTP does far better).
 */
export const commitByOf = (deadlineMs: number, now = Date.now()): number => now + deadlineMs - Math.min(500, deadlineMs / 5);
