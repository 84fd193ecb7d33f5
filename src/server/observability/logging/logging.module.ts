import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createAppLogger } from './app-logger';
import { LOG_SETTINGS, type LogSettings, readLogSettings } from './log-settings';
import { APP_LOGGER } from './logging.tokens';
import { nestjsPinoParams } from './nest-logger';

/**
 * The app's logs through nestjs-pino (docs/operations.md, "Logs"): main.ts
 * makes nestjs-pino's Logger the app's Nest logger, so every `new Logger(...)`
 * line is a pino line; configureApp adds the request line (log-requests.ts).
 * Tests override LOG_SETTINGS to keep an app silent.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [
        { provide: LOG_SETTINGS, useFactory: () => readLogSettings(process.env) },
        { provide: APP_LOGGER, useFactory: (settings: LogSettings) => createAppLogger(settings), inject: [LOG_SETTINGS] },
      ],
      inject: [APP_LOGGER],
      useFactory: (logger: Logger) => nestjsPinoParams(logger),
    }),
  ],
})
export class LoggingModule {}
