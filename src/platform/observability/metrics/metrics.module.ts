import { Global, Module } from '@nestjs/common';
import { ComponentMetrics } from './component-metrics';
import { METRICS_SETTINGS, MetricsRegistry } from './metrics-registry';
import { MetricsServer } from './metrics-server';
import { readMetricsSettings } from './metrics-settings';

/** The app's metrics registry, for every module, its endpoint, and the counters of components (METRICS_PORT; off when unset). */
@Global()
@Module({
  providers: [
    { provide: METRICS_SETTINGS, useFactory: () => readMetricsSettings(process.env) },
    MetricsRegistry,
    MetricsServer,
    ComponentMetrics,
  ],
  exports: [MetricsRegistry, MetricsServer, ComponentMetrics],
})
export class MetricsModule {}
