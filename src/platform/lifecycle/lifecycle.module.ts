import { Global, Module } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/** The process's one ShutdownState, for health checks and the graceful shutdown alike. */
@Global()
@Module({ providers: [ShutdownState], exports: [ShutdownState] })
export class LifecycleModule {}
