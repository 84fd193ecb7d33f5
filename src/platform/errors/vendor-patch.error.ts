import { ConfigurationError } from './configuration.error';

/**
 * A patch of a third-party package (src/platform/vendor-patches/) no longer
 * fits what is installed: the package's version differs from the one the
 * patch was written against, or the place it hooks into is gone. The message
 * names the patch, the package, both versions and how to fix it; like any
 * ConfigurationError the process prints that one line and exits 1.
 */
export class VendorPatchError extends ConfigurationError {
  override name = 'VendorPatchError';

  constructor(
    readonly patchId: string,
    message: string,
  ) {
    super(message);
  }
}
