/** Kept equal to package.json by a test: the engine cannot read files. */
export const TOOL_NAME = 'inovasi-daerah';
export const TOOL_VERSION = '1.0.0';
