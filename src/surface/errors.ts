// Errors a component raises for the user: DomainError with a code (docs/architecture.md, "Errors").
export { DomainError, type DomainErrorCode, type DomainErrorDetails } from '../platform/errors/domain.error';
