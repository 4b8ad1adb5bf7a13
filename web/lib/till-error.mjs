// The one error type of the package (see TillError in till.d.ts).

/** An error of SPEC §8 (`code`, `document`, `path`), or of loading or using the package. */
export class TillError extends Error {
  constructor({ code, document, path, message }, options) {
    super(message, options);
    this.name = 'TillError';
    this.code = code;
    this.document = document;
    this.path = path;
  }
}
