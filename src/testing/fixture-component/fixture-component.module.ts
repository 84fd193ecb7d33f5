import { Module } from '@nestjs/common';
import { FixtureComponentController, FixtureHeldController } from './fixture-component.controller';
import { FixtureListeners } from './fixture-listeners';
import { FixtureNotesService } from './fixture-notes.service';

/**
 * The platform tests' stand-in for a component (docs/testing.md, "Platform
 * tests"): registered into the test app by startFixtureServer, never
 * discovered, so it ships nowhere and no component has to exist for the
 * platform's tests to pass.
 */
@Module({ controllers: [FixtureComponentController, FixtureHeldController], providers: [FixtureNotesService, FixtureListeners] })
export class FixtureComponentModule {}
