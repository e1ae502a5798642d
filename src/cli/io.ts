/** The streams and environment a command runs with: injected, so tests run commands in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const write = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(text);
};
