import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs; secrets redacted. Message bodies are never logged at info (ids and lengths only). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { svc: 'bigan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.appSecret', '*.apiKey', '*.encryptKey', '*.verificationToken', '*.tenant_access_token', '*.authorization', 'config.FEISHU_APP_SECRET', 'config.OPENAI_API_KEY', 'config.FEISHU_ENCRYPT_KEY', 'config.FEISHU_VERIFICATION_TOKEN'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
