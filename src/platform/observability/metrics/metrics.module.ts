import { Global, Module } from '@nestjs/common';
import { ComponentMetrics } from './component-metrics';
import { METRICS_SETTINGS, MetricsRegistry } from './metrics-registry';
import { readMetricsSettings } from './metrics-settings';

/** The app's metrics registry, for every module (METRICS_PORT; off when unset). */
@Global()
@Module({
  providers: [{ provide: METRICS_SETTINGS, useFactory: () => readMetricsSettings(process.env) }, MetricsRegistry, ComponentMetrics],
  exports: [MetricsRegistry, ComponentMetrics],
})
export class MetricsModule {}
