import { UNKNOWN_DEPARTMENT, type DepartmentOf } from '../core/usage.js';
import { FeishuApiError, type FeishuApi } from './api.js';

const HOUR_MS = 3_600_000;

/**
 * Users' departments for the usage summary, from the contact API through the one gateway, cached in this
 * process only (nothing about a user is written to Redis for it): a department for a day, a user outside the
 * app's contact range for a day, a missing scope for an hour (no call per user meanwhile), a failure for a
 * minute. Hand-written: a Map in insertion order is the whole LRU we need (bounded to `max` users).
 */
export function feishuDepartments(api: Pick<FeishuApi, 'userDepartments'>, o: { now?: () => number; max?: number } = {}): DepartmentOf {
  const now = o.now ?? Date.now;
  const max = o.max ?? 10_000;
  const cache = new Map<string, { dept: string; until: number }>();
  let noScopeUntil = 0;
  return async (openId) => {
    if (!openId || now() < noScopeUntil) return UNKNOWN_DEPARTMENT;
    const hit = cache.get(openId);
    if (hit && hit.until > now()) return hit.dept;
    let dept = UNKNOWN_DEPARTMENT;
    let ttl = 24 * HOUR_MS;
    try {
      // The first listed department counts (a user may belong to several).
      dept = (await api.userDepartments(openId))[0] ?? UNKNOWN_DEPARTMENT;
    } catch (err) {
      if (err instanceof FeishuApiError && (err.kind === 'no-scope' || err.httpStatus === 403)) {
        noScopeUntil = now() + HOUR_MS;
        return UNKNOWN_DEPARTMENT;
      }
      if (!(err instanceof FeishuApiError) || err.retryable) ttl = 60_000;
    }
    cache.delete(openId);
    cache.set(openId, { dept, until: now() + ttl });
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return dept;
  };
}

/** Console mode, or no Feishu: every user's department is 未知. */
export const noDepartments: DepartmentOf = () => Promise.resolve(UNKNOWN_DEPARTMENT);
