export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where Redis is: one server (redis:// or rediss://), a cluster reached through seed nodes, or a
 * master found through Sentinel. Credentials and TLS come from the URLs (rediss:// = TLS).
 */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNode[]; tls: boolean; username?: string; password?: string }
  | { kind: 'sentinel'; sentinels: RedisNode[]; name: string; tls: boolean; username?: string; password?: string; db?: number; sentinelPassword?: string };
