import type { Redis } from 'ioredis';

/**
 * A dead worker's active jobs keep their BullMQ locks until the locks expire (WORKER_LOCK_MS), and
 * BullMQ only moves a job back after a stalled check saw it unlocked. The supervisor knows at once
 * that its worker died: it drops the locks that worker held, marks those jobs as stalled candidates
 * and clears the check's throttle, so the next stalled check (the restarted worker runs one as it
 * starts) hands them back through BullMQ's own script. Locks of other workers (other processes on the
 * same prefix) are left alone. Every key is the queue's own, so the script touches one hash slot.
 */
const RELEASE_DEAD_LOCKS = `
local active = redis.call('LRANGE', KEYS[1], 0, -1)
local released = 0
for _, id in ipairs(active) do
  local lockKey = ARGV[1] .. id .. ':lock'
  local token = redis.call('GET', lockKey)
  if token then
    local owner = string.match(token, '^(.*):%d+$')
    for i = 2, #ARGV do
      if owner == ARGV[i] then
        redis.call('DEL', lockKey)
        redis.call('SADD', KEYS[2], id)
        released = released + 1
      end
    end
  end
end
if released > 0 then redis.call('DEL', KEYS[3]) end
return released`;

/** The BullMQ key of a queue's part (`<prefix>:<queue>:<part>`). */
export function queueKey(prefix: string, queue: string, part: string): string {
  return `${prefix}:${queue}:${part}`;
}

/** Releases the jobs the given dead BullMQ workers held on one queue; returns how many. */
export async function releaseDeadWorkerJobs(conn: Redis, prefix: string, queue: string, workerIds: string[]): Promise<number> {
  if (!workerIds.length) return 0;
  const n = await conn.eval(RELEASE_DEAD_LOCKS, 3, queueKey(prefix, queue, 'active'), queueKey(prefix, queue, 'stalled'), queueKey(prefix, queue, 'stalled-check'), queueKey(prefix, queue, ''), ...workerIds);
  return Number(n);
}
