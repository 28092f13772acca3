/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name `RichApi.Error`, a `code`, a
 * `message` and `debugInfo`), with the messages Excel uses for the cases the fake models.
 */

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const errors = {
  propertyNotLoaded: (property: string, type: string) =>
    new FakeOfficeError(
      'PropertyNotLoaded',
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${type}.${property}`,
    ),
  itemNotFound: (location: string) =>
    new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", location),
  itemAlreadyExists: (location: string) =>
    new FakeOfficeError('ItemAlreadyExists', 'The resource already exists.', location),
  invalidArgument: (location: string, detail?: string) =>
    new FakeOfficeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format.${detail ? ` (${detail})` : ''}`,
      location,
    ),
  invalidOperation: (location: string, detail: string) =>
    new FakeOfficeError('InvalidOperation', `The operation is invalid for the object. ${detail}`, location),
  apiNotFound: (location: string, set: string) =>
    new FakeOfficeError(
      'ApiNotFound',
      `The API you are trying to use could not be found. It may be available in a newer version of Excel (ExcelApi ${set}).`,
      location,
    ),
  cellEditMode: () =>
    new FakeOfficeError(
      'InvalidOperationInCellEditMode',
      'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
    ),
  requestTooLarge: (bytes: number) =>
    new FakeOfficeError(
      'RequestPayloadSizeLimitExceeded',
      `The request payload size has exceeded the limit (${bytes} bytes). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
    ),
  responseTooLarge: (bytes: number) =>
    new FakeOfficeError(
      'ResponsePayloadSizeLimitExceeded',
      `The response payload size has exceeded the limit (${bytes} bytes). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
    ),
  /** A sync a test made fail on purpose (`FakeExcel.failSync`). */
  syncFailed: (code: string) =>
    new FakeOfficeError(code, `The request failed (simulated ${code}); nothing in it was applied.`),
  invalidObjectPath: (location: string) =>
    new FakeOfficeError(
      'InvalidObjectPath',
      'The object path is not working for the operation you are trying to perform. (A null object cannot be changed.)',
      location,
    ),
};
