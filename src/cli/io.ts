/**
 * The streams and environment a command runs with: injected, so tests run commands in-process. The working
 * folder is the process's (relative paths are opened from it); the test runner sets it around each call.
 */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const write = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(text);
};
