// Not re-exported by @nestjs/core's index: the class Nest throws when a
// provider's dependency cannot be resolved (manifest entry
// "nest-unknown-dependencies"). src/server/components reads its `type` and
// `context` to name the components involved. A moved file
// fails the typecheck; a changed version fails the startup check.
export { UnknownDependenciesException } from '@nestjs/core/errors/exceptions/unknown-dependencies.exception';
